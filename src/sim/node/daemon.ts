// The Engine API server: `npm run sim:daemon -- --socket-dir DIR [--hosts a,b] [--seed N] [--script FILE]`.
// Builds the same world `npm run sim` would (same seed, same script lines), then serves each host's
// Engine API over HTTP/1.1 on DIR/<host>.sock until killed, so the real docker client can drive it:
// `DOCKER_HOST=unix://DIR/host1.sock docker network ls`. Mirrors what moby/moby api/server does on
// the wire (v28.2.2): JSON bodies with a trailing newline, {"message"} errors, /_ping's text body,
// stdcopy-framed or raw streams, the 101 UPGRADED hijack for attach and exec start, pull progress as
// JSON lines, and a wait that answers its headers at once and its body when the container has exited.
// Node-only; the simulator itself stays pure.

import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { ApiResponse, EngineApi } from '../api/types.ts';
import { jsonBody, progressBody } from '../api/wire-json.ts';
import { createWorld, type Sim } from '../index.ts';
import { decodeBody, hijackHead, plainHttpResponse, streamBytes, toApiRequest } from './http-frame.ts';
import { scriptLines } from './run.ts';

/** DaemonArgs are sim:daemon's command-line options. */
export interface DaemonArgs {
  socketDir: string;
  hosts?: string[];
  seed: number;
  script?: string;
}

/** parseDaemonArgs reads sim:daemon's flags; it returns a usage error message for a bad one. */
export function parseDaemonArgs(argv: string[]): DaemonArgs | string {
  const out: Partial<DaemonArgs> & { seed: number } = { seed: 1 };
  const usage = 'usage: sim:daemon --socket-dir DIR [--hosts a,b] [--seed N] [--script FILE]';
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = (): string => inline ?? argv[++i] ?? '';
    if (flag === '--socket-dir') out.socketDir = value();
    else if (flag === '--hosts')
      out.hosts = value()
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean);
    else if (flag === '--seed') out.seed = Number(value());
    else if (flag === '--script') out.script = value();
    else return `sim:daemon: unknown option ${argv[i]}\n${usage}`;
  }
  if (!out.socketDir) return `sim:daemon: --socket-dir is required\n${usage}`;
  if (!Number.isInteger(out.seed)) return 'sim:daemon: --seed needs an integer';
  return out as DaemonArgs;
}

/** Pending is a response waiting for the world to move: a wait's body or an attach's stream. */
interface Pending {
  ready(): boolean;
  finish(): void;
  closed(): boolean;
}

/** HostServer serves one host's Engine API; `settle` finishes waits and attaches that became ready. */
class HostServer {
  readonly server: Server;
  private pending: Pending[] = [];
  private readonly api: EngineApi;
  /** hijacked are the upgraded connections, which the HTTP server no longer tracks. */
  readonly hijacked = new Set<Duplex>();
  constructor(api: EngineApi) {
    this.api = api;
    this.server = createServer((req, res) => {
      readAll(req).then((raw) => this.handle(req, res, raw));
    });
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.hijacked.add(socket);
      socket.on('close', () => this.hijacked.delete(socket));
      readUpgradeBody(req, socket, head).then((raw) => this.hijack(req, socket, raw));
    });
  }

  private route(method: string, url: string, raw: Buffer): ApiResponse {
    const body = decodeBody(raw);
    if (!body.ok) return { status: 400, json: { message: body.message }, headers: {} };
    try {
      return this.api.route(toApiRequest(method, url, body.body));
    } catch (e) {
      return { status: 500, json: { message: (e as Error).message }, headers: {} };
    }
  }

  private handle(req: IncomingMessage, res: ServerResponse, raw: Buffer): void {
    const url = req.url ?? '/';
    const resp = this.route(req.method ?? 'GET', url, raw);
    const headers = { ...resp.headers };
    if (resp.stream) {
      const read = resp.stream;
      const tty = headers['Content-Type'] === 'application/vnd.docker.raw-stream';
      res.writeHead(resp.status, headers);
      if (/\/attach$/.test(url.split('?')[0])) {
        this.pending.push(
          this.attachPending(
            url,
            () => res.end(streamBytes(read(), tty)),
            () => res.destroyed,
          ),
        );
      } else res.end(streamBytes(read(), tty));
    } else if (isLazy(resp)) {
      res.writeHead(resp.status, headers);
      res.flushHeaders();
      this.pending.push({
        ready: () => resp.json !== undefined,
        finish: () => res.end(jsonBody(resp.json)),
        closed: () => res.destroyed,
      });
    } else {
      const body = bodyOf(url, resp);
      delete headers['Content-Length'];
      res.writeHead(resp.status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    }
    this.settle();
  }

  private hijack(req: IncomingMessage, socket: Duplex, raw: Buffer): void {
    const url = req.url ?? '/';
    const resp = this.route(req.method ?? 'POST', url, raw);
    const headers = { ...resp.headers };
    if (!resp.stream) {
      socket.end(plainHttpResponse(resp.status, headers, bodyOf(url, resp)));
    } else {
      const read = resp.stream;
      const type = headers['Content-Type'] ?? 'application/vnd.docker.raw-stream';
      socket.write(hijackHead(type, headers));
      const tty = type === 'application/vnd.docker.raw-stream';
      const finish = (): void => {
        socket.end(streamBytes(read(), tty));
      };
      if (/\/attach$/.test(url.split('?')[0])) {
        this.pending.push(this.attachPending(url, finish, () => socket.destroyed));
      } else finish();
    }
    this.settle();
  }

  /** attachPending holds an attach until its container has run and stopped (or was removed). */
  private attachPending(url: string, finish: () => void, closed: () => boolean): Pending {
    const name = /\/containers\/(.+)\/attach$/.exec(url.split('?')[0])?.[1] ?? '';
    const state = (): { gone: boolean; running: boolean; mark: string } => {
      const r = this.api.route({ method: 'GET', path: `/containers/${name}/json` });
      if (r.status !== 200) return { gone: true, running: false, mark: '' };
      const s = (r.json as { State: { Running: boolean; StartedAt: string; FinishedAt: string } }).State;
      return { gone: false, running: s.Running, mark: `${s.StartedAt} ${s.FinishedAt}` };
    };
    const before = state();
    return {
      ready: () => {
        const now = state();
        return now.gone || (!now.running && now.mark !== before.mark);
      },
      finish,
      closed,
    };
  }

  /** settle finishes every pending response whose moment has come, and drops abandoned ones. */
  settle(): void {
    const still: Pending[] = [];
    for (const p of this.pending) {
      if (p.closed()) continue;
      if (p.ready()) p.finish();
      else still.push(p);
    }
    this.pending = still;
  }
}

function isLazy(resp: ApiResponse): boolean {
  return typeof Object.getOwnPropertyDescriptor(resp, 'json')?.get === 'function';
}

function bodyOf(url: string, resp: ApiResponse): string {
  if (resp.json === undefined) return '';
  if (typeof resp.json === 'string' && /^text\/plain/.test(resp.headers?.['Content-Type'] ?? ''))
    return resp.json;
  if (resp.status === 200 && /\/images\/create$/.test(url.split('?')[0]) && Array.isArray(resp.json))
    return progressBody(resp.json);
  return jsonBody(resp.json);
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.concat(chunks)));
  });
}

function readUpgradeBody(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<Buffer> {
  const need = Number(req.headers['content-length'] ?? 0);
  if (head.length >= need) return Promise.resolve(head.subarray(0, need));
  return new Promise((resolve) => {
    let got = head;
    const onData = (c: Buffer): void => {
      got = Buffer.concat([got, c]);
      if (got.length >= need) {
        socket.off('data', onData);
        resolve(got.subarray(0, need));
      }
    };
    socket.on('data', onData);
    socket.on('end', () => resolve(got));
  });
}

/** Served is a running set of host servers. */
export interface Served {
  sockets: Record<string, string>;
  close(): Promise<void>;
}

/** serveSim serves every host of sim at DIR/<host>.sock; close stops them and removes the sockets. */
export async function serveSim(sim: Sim, socketDir: string, hosts = sim.hosts()): Promise<Served> {
  mkdirSync(socketDir, { recursive: true });
  const servers: Array<[HostServer, string]> = [];
  for (const host of hosts) {
    const path = join(socketDir, `${host}.sock`);
    if (existsSync(path)) rmSync(path);
    const hs = new HostServer(sim.api(host));
    await new Promise<void>((resolve, reject) => {
      hs.server.once('error', reject);
      hs.server.listen(path, () => resolve());
    });
    servers.push([hs, path]);
  }
  return {
    sockets: Object.fromEntries(servers.map(([, p], i) => [hosts[i], p])),
    close: async () => {
      for (const [hs, path] of servers) {
        hs.server.closeAllConnections();
        for (const socket of hs.hijacked) socket.destroy();
        await new Promise<void>((resolve) => hs.server.close(() => resolve()));
        rmSync(path, { force: true });
      }
    },
  };
}

async function main(): Promise<void> {
  const args = parseDaemonArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    process.exit(2);
  }
  const sim = createWorld({ seed: args.seed, hosts: args.hosts });
  const first = sim.hosts()[0];
  if (args.script) {
    for (const [h, cmd] of scriptLines(readFileSync(args.script, 'utf8')))
      sim.exec(cmd, { host: h ?? first });
  }
  const served = await serveSim(sim, args.socketDir);
  for (const [host, path] of Object.entries(served.sockets)) {
    process.stdout.write(`${host}: DOCKER_HOST=unix://${path}\n`);
  }
  const stop = (): void => {
    // Remove the sockets and leave at once: a client may hold a hijacked or waiting connection open.
    for (const path of Object.values(served.sockets)) rmSync(path, { force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
