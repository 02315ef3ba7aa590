// Mirrors curl 8.5 --unix-socket (lib/cf-socket.c: an AF_UNIX "address" whose port is 0) talking to
// dockerd's socket, and what dockerd 28.2.2 answers on it: moby api/server (the Api-Version,
// Docker-Experimental, Ostype and Server headers, httputils.WriteJSON's body and trailing newline)
// framed by Go's net/http (handler headers in sorted order, then Date, then Content-Length when the
// whole body fitted the 2048-byte buffer, else Transfer-Encoding: chunked; none for 204/304).
// Simplified: the request goes straight to the host's Engine API seam (api/); only the daemon's
// own socket exists (no other unix sockets, none inside containers, as no volume can mount it);
// a request body is JSON or nothing.

import type { ApiRequest, ApiResponse, EngineApi } from '../../../api/types.ts';
import { jsonBody, progressBody } from '../../../api/wire-json.ts';
import type { HttpResponse } from '../../../kernel/types.ts';
import { httpDate } from '../../../world/internet.ts';
import type { Place } from '../../program.ts';

/** DOCKER_SOCKETS are the paths where dockerd listens (/var/run is a symlink to /run). */
export const DOCKER_SOCKETS: ReadonlySet<string> = new Set(['/var/run/docker.sock', '/run/docker.sock']);

/** GO_BUFFER_BEFORE_CHUNKING is net/http's bufferBeforeChunkingSize. */
const GO_BUFFER_BEFORE_CHUNKING = 2048;

/** PROGRESS_ROUTE matches the routes that stream progress messages. */
const PROGRESS_ROUTE = /^(\/v[\d.]+)?\/(images\/create|images\/.+\/push|build)$/;

/** UnixExchange is the outcome of one request over a unix socket. */
export type UnixExchange = { error: 'ENOENT' } | { response: HttpResponse };

/** decodeQuery is url.ParseQuery then Form.Get: the first value of each key wins. */
export function decodeQuery(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  const dec = (s: string): string => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  for (const pair of search.split('&')) {
    if (!pair) continue;
    const i = pair.indexOf('=');
    const k = dec(i === -1 ? pair : pair.slice(0, i));
    if (!(k in out)) out[k] = i === -1 ? '' : dec(pair.slice(i + 1));
  }
  return out;
}

function toRequest(method: string, target: string, data: string | undefined): ApiRequest {
  const q = target.indexOf('?');
  const req: ApiRequest = {
    method: method as ApiRequest['method'],
    path: q === -1 ? target : target.slice(0, q),
    query: q === -1 ? {} : decodeQuery(target.slice(q + 1)),
  };
  if (data !== undefined && data.trim() !== '') {
    try {
      req.body = JSON.parse(data);
    } catch {
      // A body that is not JSON reaches the handler as no body.
    }
  }
  return req;
}

/** byteLength is the length of `s` in UTF-8, as it goes on the wire. */
function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

function frame(fd: number, text: string): string {
  const n = byteLength(text);
  const size = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].map((b) => String.fromCharCode(b));
  return `${String.fromCharCode(fd)}\0\0\0${size.join('')}${text}`;
}

/** engineBody is what dockerd writes as the body of an Engine API response. */
export function engineBody(res: ApiResponse, path = ''): string {
  if (res.stream) {
    const out = res.stream();
    if (res.headers?.['Content-Type'] === 'application/vnd.docker.raw-stream') return out.stdout + out.stderr;
    return (out.stdout ? frame(1, out.stdout) : '') + (out.stderr ? frame(2, out.stderr) : '');
  }
  if (res.json === undefined) return '';
  if (typeof res.json === 'string' && /^text\/plain/.test(res.headers?.['Content-Type'] ?? ''))
    return res.json;
  // Pull, push and build progress: one JSON message per line, each ending in "\r\n" (streamformatter).
  if (Array.isArray(res.json) && res.status === 200 && PROGRESS_ROUTE.test(path))
    return progressBody(res.json);
  return jsonBody(res.json);
}

/** goResponse frames an Engine API answer as Go's net/http puts it on the wire. */
export function goResponse(res: ApiResponse, method: string, now: number, path = ''): HttpResponse {
  const body = engineBody(res, path);
  const headers: Record<string, string> = {};
  const own = res.headers ?? {};
  for (const k of Object.keys(own).sort()) headers[k] = own[k];
  headers.Date = httpDate(now);
  const noBody = res.status === 204 || res.status === 304 || (res.status >= 100 && res.status < 200);
  if (!noBody && own['Content-Length'] === undefined) {
    if (byteLength(body) > GO_BUFFER_BEFORE_CHUNKING) headers['Transfer-Encoding'] = 'chunked';
    else if (method !== 'HEAD' || body) headers['Content-Length'] = String(byteLength(body));
  }
  return { status: res.status, headers, body: method === 'HEAD' || noBody ? '' : body };
}

/**
 * unixSocketExchange sends one HTTP request to the unix socket at `path`: the Docker socket of a
 * host reaches its Engine API; any other path, or any path inside a container, does not exist.
 */
export function unixSocketExchange(
  api: EngineApi | undefined,
  place: Place,
  path: string,
  req: { method: string; target: string; data?: string; now: number },
): UnixExchange {
  if (!api || place.container || !DOCKER_SOCKETS.has(path)) return { error: 'ENOENT' };
  const request = toRequest(req.method, req.target, req.data);
  const res = api.route(request);
  return { response: goResponse(res, req.method, req.now, request.path) };
}
