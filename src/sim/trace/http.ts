// Mirrors moby/moby cmd/docker-proxy/tcp_proxy.go (docker-proxy opens its own connection from the
// host namespace to the container) for what a client gets once its TCP connection is up: the
// server App's HTTP response; simplified: one request per connection.

import type { HttpRequest, HttpResponse } from '../kernel/types.ts';
import type { World } from '../world/world.ts';
import { tcpConnect } from './exchange.ts';
import type { Trace } from './types.ts';

/** HttpOutcome is what an HTTP client sees after sending its request on a connection. */
export interface HttpOutcome {
  response?: HttpResponse;
  /** error: "reset" (connection reset by peer), "empty" (closed without a reply), "raw" (not HTTP). */
  error?: 'reset' | 'empty' | 'raw';
  /** raw is the non-HTTP bytes a plain TCP server sent (a banner). */
  raw?: string;
  /** ms is the extra time the server side spent (docker-proxy's own connection). */
  ms: number;
  /** traces lists the extra connections made on the way (docker-proxy → container). */
  traces: Trace[];
}

/** httpOverConnection sends req on an established connection (conn.verdict === "delivered"). */
export function httpOverConnection(
  world: World,
  conn: Trace,
  req: Omit<HttpRequest, 'client'>,
  depth = 0,
): HttpOutcome {
  const server = conn.server;
  const app = server?.socket?.app;
  if (!server || !app) return { error: 'empty', ms: 0, traces: [] };
  switch (app.kind) {
    case 'http': {
      const response = app.serve({ ...req, client: server.client, clientPort: server.clientPort });
      notePayload(conn, req, response);
      return { response, ms: conn.rttMs, traces: [] };
    }
    case 'proxy': {
      if (depth > 4) return { error: 'reset', ms: 0, traces: [] };
      const inner = tcpConnect(world, server.ns, app.targetIp, app.targetPort, {
        tool: 'docker-proxy',
        depth: depth + 1,
      });
      if (inner.verdict !== 'delivered') return { error: 'reset', ms: inner.rttMs, traces: [inner] };
      const r = httpOverConnection(world, inner, req, depth + 1);
      if (r.response) notePayload(conn, req, r.response);
      return { ...r, ms: r.ms + inner.rttMs, traces: [inner, ...r.traces] };
    }
    case 'tcp':
      return app.banner
        ? { error: 'raw', raw: app.banner, ms: conn.rttMs, traces: [] }
        : { error: 'empty', ms: conn.rttMs, traces: [] };
    default:
      return { error: 'empty', ms: 0, traces: [] };
  }
}

const REASON: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** notePayload records on the connection's trace the bytes each side sent (the HTTP request and response as written on the wire). */
function notePayload(conn: Trace, req: Omit<HttpRequest, 'client'>, res: HttpResponse): void {
  const head = (first: string, headers: Record<string, string>): string =>
    `${first}\r\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}\r\n`;
  const requestText =
    head(`${req.method} ${req.path} HTTP/1.1`, { Host: req.host, ...req.headers }) + (req.body ?? '');
  const responseText = head(`HTTP/1.1 ${res.status} ${REASON[res.status] ?? ''}`, res.headers) + res.body;
  const bytes = (t: string): number => {
    let n = 0;
    for (const ch of t) {
      const c = ch.codePointAt(0) ?? 0;
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    return n;
  };
  conn.payload = { request: bytes(requestText), response: bytes(responseText), requestText, responseText };
}
