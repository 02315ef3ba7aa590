// Mirrors moby/moby api/server/router/volume/volume_routes.go (v28.2.2) for a host without volumes:
// listing answers an empty list, looking one up answers dockerd's not-found error.

import type { Daemon } from '../daemon/daemon.ts';
import { notFound } from '../errdefs.ts';
import { json, type RouteContext } from './httputils.ts';
import type { ApiResponse } from './types.ts';

/** VOLUME_ROUTES are GET /volumes and GET /volumes/{name}. */
export const VOLUME_ROUTES: Array<[string, string, (d: Daemon, ctx: RouteContext) => ApiResponse]> = [
  ['GET', '/volumes', () => json(200, { Volumes: [], Warnings: null })],
  [
    'GET',
    '/volumes/{name}',
    (_d, ctx) => {
      throw notFound(`get ${ctx.vars.name}: no such volume`);
    },
  ],
];
