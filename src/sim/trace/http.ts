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
    case 'http':
      return {
        response: app.serve({ ...req, client: server.client, clientPort: server.clientPort }),
        ms: conn.rttMs,
        traces: [],
      };
    case 'proxy': {
      if (depth > 4) return { error: 'reset', ms: 0, traces: [] };
      const inner = tcpConnect(world, server.ns, app.targetIp, app.targetPort, {
        tool: 'docker-proxy',
        depth: depth + 1,
      });
      if (inner.verdict !== 'delivered') return { error: 'reset', ms: inner.rttMs, traces: [inner] };
      const r = httpOverConnection(world, inner, req, depth + 1);
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
