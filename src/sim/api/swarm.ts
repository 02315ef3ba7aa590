// Mirrors moby/moby api/server/router/swarm/cluster_routes.go (v28.2.2): /swarm, /swarm/init,
// /swarm/join, /swarm/leave, /nodes, /nodes/{id} (GET, DELETE) and /nodes/{id}/update. The work
// is in daemon/cluster/.

import { swarmInit, swarmJoin, swarmLeave } from '../daemon/cluster/cluster.ts';
import { removeNode } from '../daemon/cluster/node_remove.ts';
import { updateNode } from '../daemon/cluster/node_update.ts';
import { findNode, listNodes, nodeJSON, swarmJSON } from '../daemon/cluster/views.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { boolValue, json, noContent, type RouteContext } from './httputils.ts';
import type { ApiResponse } from './types.ts';

const body = (ctx: RouteContext): Record<string, unknown> =>
  ctx.body && typeof ctx.body === 'object' ? (ctx.body as Record<string, unknown>) : {};

/** SWARM_ROUTES are the swarm and node routes. */
export const SWARM_ROUTES: Array<[string, string, (d: Daemon, ctx: RouteContext) => ApiResponse]> = [
  ['GET', '/swarm', (d) => json(200, swarmJSON(d))],
  ['POST', '/swarm/init', (d, ctx) => json(200, swarmInit(d, body(ctx) as { AdvertiseAddr?: string }))],
  [
    'POST',
    '/swarm/join',
    (d, ctx) => {
      swarmJoin(d, body(ctx) as { JoinToken?: string; RemoteAddrs?: string[]; AdvertiseAddr?: string });
      return noContent(200);
    },
  ],
  [
    'POST',
    '/swarm/leave',
    (d, ctx) => {
      swarmLeave(d, boolValue(ctx.query, 'force'));
      return noContent(200);
    },
  ],
  ['GET', '/nodes', (d) => json(200, listNodes(d))],
  ['GET', '/nodes/{id}', (d, ctx) => json(200, nodeJSON(findNode(d, ctx.vars.id)))],
  [
    'DELETE',
    '/nodes/{id}',
    (d, ctx) => {
      removeNode(d, ctx.vars.id, boolValue(ctx.query, 'force'));
      return noContent(200);
    },
  ],
  [
    'POST',
    '/nodes/{id}/update',
    (d, ctx) => {
      updateNode(d, ctx.vars.id, body(ctx) as { Role?: string; Availability?: string });
      return noContent(200);
    },
  ],
];
