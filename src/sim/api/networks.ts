// Mirrors moby/moby api/server/router/network/network_routes.go (v28.2.2): the /networks routes.

import type { Daemon } from '../daemon/daemon.ts';
import {
  createNetwork,
  deleteNetwork,
  inspectNetwork,
  listNetworks,
  pruneNetworks,
} from '../daemon/network.ts';
import { networkConnect, networkDisconnect } from '../daemon/network-connect.ts';
import { invalidParameter } from '../errdefs.ts';
import { filtersOf, json, noContent, type RouteContext } from './httputils.ts';
import type { ApiResponse } from './types.ts';

function requireBody(ctx: RouteContext): unknown {
  if (ctx.body === undefined) throw invalidParameter('invalid JSON: got EOF while reading request body');
  if (typeof ctx.body !== 'object' || ctx.body === null || Array.isArray(ctx.body)) {
    throw invalidParameter(
      `invalid JSON: json: cannot unmarshal ${Array.isArray(ctx.body) ? 'array' : typeof ctx.body} into Go value of type network.CreateRequest`,
    );
  }
  return ctx.body;
}

/** NETWORK_ROUTES are the /networks routes. */
export const NETWORK_ROUTES: Array<[string, string, (d: Daemon, ctx: RouteContext) => ApiResponse]> = [
  ['GET', '/networks', (d, ctx) => json(200, listNetworks(d, filtersOf(ctx.query)))],
  ['GET', '/networks/', (d, ctx) => json(200, listNetworks(d, filtersOf(ctx.query)))],
  ['POST', '/networks/create', (d, ctx) => json(201, createNetwork(d, requireBody(ctx)))],
  ['POST', '/networks/prune', (d, ctx) => json(200, pruneNetworks(d, filtersOf(ctx.query)))],
  [
    'POST',
    '/networks/{id}/connect',
    (d, ctx) => {
      networkConnect(d, ctx.vars.id, ctx.body);
      return noContent(200);
    },
  ],
  [
    'POST',
    '/networks/{id}/disconnect',
    (d, ctx) => {
      networkDisconnect(d, ctx.vars.id, ctx.body);
      return noContent(200);
    },
  ],
  [
    'GET',
    '/networks/{id+}',
    (d, ctx) => {
      const v = ctx.query.verbose;
      if (
        v !== undefined &&
        v !== '' &&
        !['1', 't', 'T', 'true', 'TRUE', 'True', '0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)
      ) {
        throw invalidParameter(
          `invalid value for verbose: ${v}: strconv.ParseBool: parsing "${v}": invalid syntax`,
        );
      }
      const verbose = v !== undefined && ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v);
      return json(200, inspectNetwork(d, ctx.vars.id, { verbose, scope: ctx.query.scope }));
    },
  ],
  [
    'DELETE',
    '/networks/{id}',
    (d, ctx) => {
      deleteNetwork(d, ctx.vars.id);
      return noContent();
    },
  ],
];
