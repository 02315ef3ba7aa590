// Mirrors moby/moby api/server/router/system/system_routes.go (v28.2.2): /_ping, /version, /info.
// /_ping's body is the text "OK" (json holds that string; Content-Type says it is text/plain).

import { membership } from '../daemon/cluster/cluster.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { systemInfo, systemVersion } from '../daemon/info.ts';
import { json, type RouteContext } from './httputils.ts';
import type { ApiResponse } from './types.ts';

/** swarmStatus is the _ping Swarm header: inactive, active/worker or active/manager. */
function swarmStatus(d: Daemon): string {
  const m = membership(d);
  return m ? `active/${m.node.role}` : 'inactive';
}

function ping(d: Daemon, ctx: RouteContext): ApiResponse {
  const headers: Record<string, string> = {
    'Cache-Control': 'no-cache, no-store, must-revalidate',
    Pragma: 'no-cache',
    'Builder-Version': '2',
    Swarm: swarmStatus(d),
  };
  if (ctx.method === 'HEAD')
    return {
      status: 200,
      headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': '0' },
    };
  return { status: 200, json: 'OK', headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } };
}

/** SYSTEM_ROUTES are /_ping, /version and /info. */
export const SYSTEM_ROUTES: Array<[string, string, (d: Daemon, ctx: RouteContext) => ApiResponse]> = [
  ['GET', '/_ping', ping],
  ['HEAD', '/_ping', ping],
  ['GET', '/version', (d) => json(200, systemVersion(d))],
  ['GET', '/info', (d) => json(200, systemInfo(d))],
];
