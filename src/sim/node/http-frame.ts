// Mirrors moby/moby pkg/stdcopy (the 8-byte multiplexed stream header), api/server/httputils
// (WriteJSON's trailing newline, error bodies) and pkg/streamformatter (pull progress lines end
// in "\r\n"), v28.2.2: the bytes dockerd puts on the wire for an ApiResponse. Node-only helpers.

import type { ApiRequest, StreamOutput } from '../api/types.ts';

/** STDOUT_FD and STDERR_FD are stdcopy's stream types (Stdout = 1, Stderr = 2). */
export const STDOUT_FD = 1;
export const STDERR_FD = 2;

/** stdcopyFrame is one stdcopy frame: [fd, 0, 0, 0, size as big-endian uint32] then the payload. */
export function stdcopyFrame(fd: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header[0] = fd;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

/** streamBytes encodes what a process wrote: raw for a TTY, else one stdcopy frame per stream. */
export function streamBytes(out: StreamOutput, tty: boolean): Buffer {
  if (tty) return Buffer.from(out.stdout + out.stderr, 'utf8');
  const frames: Buffer[] = [];
  if (out.stdout) frames.push(stdcopyFrame(STDOUT_FD, Buffer.from(out.stdout, 'utf8')));
  if (out.stderr) frames.push(stdcopyFrame(STDERR_FD, Buffer.from(out.stderr, 'utf8')));
  return Buffer.concat(frames);
}

/** demuxStdcopy splits a multiplexed stream back into stdout and stderr (stdcopy.StdCopy). */
export function demuxStdcopy(data: Buffer): StreamOutput {
  const out = { stdout: '', stderr: '' };
  let at = 0;
  while (at + 8 <= data.length) {
    const size = data.readUInt32BE(at + 4);
    const payload = data.subarray(at + 8, at + 8 + size).toString('utf8');
    if (data[at] === STDERR_FD) out.stderr += payload;
    else out.stdout += payload;
    at += 8 + size;
  }
  return out;
}

/** decodeQuery is url.ParseQuery followed by r.Form.Get: the first value of each key wins. */
export function decodeQuery(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search)) if (!(k in out)) out[k] = v;
  return out;
}

/** BodyResult is a decoded request body, or the 400 message dockerd gives for bad JSON. */
export type BodyResult = { ok: true; body: unknown } | { ok: false; message: string };

/** decodeBody parses a JSON request body; an empty body is undefined (the handlers' "EOF"). */
export function decodeBody(raw: Buffer): BodyResult {
  const text = raw.toString('utf8');
  if (text.trim() === '') return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: `invalid JSON: ${(e as Error).message}` };
  }
}

/** toApiRequest turns an HTTP request line and body into the Engine API seam's request. */
export function toApiRequest(method: string, url: string, body: unknown): ApiRequest {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? {} : decodeQuery(url.slice(q + 1));
  const req: ApiRequest = { method: method as ApiRequest['method'], path, query };
  if (body !== undefined) req.body = body;
  return req;
}

/** hijackHead is what dockerd writes when it upgrades an attach/exec connection (101 UPGRADED). */
export function hijackHead(contentType: string, headers: Record<string, string>): string {
  let head = `HTTP/1.1 101 UPGRADED\r\nContent-Type: ${contentType}\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n`;
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== 'content-type') head += `${k}: ${v}\r\n`;
  }
  return `${head}\r\n`;
}

/** plainHttpResponse is a whole HTTP/1.1 response for a connection Node handed over raw. */
export function plainHttpResponse(status: number, headers: Record<string, string>, body: string): string {
  const reason: Record<number, string> = {
    200: 'OK',
    400: 'Bad Request',
    404: 'Not Found',
    409: 'Conflict',
    500: 'Internal Server Error',
  };
  let head = `HTTP/1.1 ${status} ${reason[status] ?? 'Status'}\r\n`;
  for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
  head += `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
  return head + body;
}
