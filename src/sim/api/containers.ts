// Mirrors moby/moby api/server/router/container/container_routes.go (v28.2.2): the /containers routes.
// attach and wait are lazy (ApiResponse.stream / a json getter) so a client can attach or wait, then
// start, then read, as `docker run` does; a wait whose json is undefined would still be blocking.

import { containerCreate } from '../daemon/create.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { containerRm, containersPrune } from '../daemon/delete.ts';
import { containerExecCreate } from '../daemon/exec.ts';
import { containerInspect } from '../daemon/inspect.ts';
import { containerKill } from '../daemon/kill.ts';
import { listContainers } from '../daemon/list.ts';
import { containerAttach, containerLogs, containerWait } from '../daemon/logs.ts';
import { containerRename } from '../daemon/rename.ts';
import { containerRestart } from '../daemon/restart.ts';
import { containerStart } from '../daemon/start.ts';
import { containerStop } from '../daemon/stop.ts';
import { invalidParameter } from '../errdefs.ts';
import { boolValue, filtersOf, intQuery, json, noContent, type RouteContext } from './httputils.ts';
import type { ApiResponse } from './types.ts';

/** Handler answers one route. */
export type Handler = (d: Daemon, ctx: RouteContext) => ApiResponse;

const stopOptions = (ctx: RouteContext): { signal?: string; timeout?: number } => ({
  signal: ctx.query.signal || undefined,
  timeout: intQuery(ctx.query, 't'),
});

/** CONTAINER_ROUTES are [method, path pattern, handler]; `{name}` matches `.*` as in moby. */
export const CONTAINER_ROUTES: Array<[string, string, Handler]> = [
  [
    'GET',
    '/containers/json',
    (d, ctx) =>
      json(
        200,
        listContainers(d, {
          all: boolValue(ctx.query, 'all'),
          size: boolValue(ctx.query, 'size'),
          limit: intQuery(ctx.query, 'limit'),
          filters: filtersOf(ctx.query),
        }),
      ),
  ],
  ['GET', '/containers/{name}/json', (d, ctx) => json(200, containerInspect(d, ctx.vars.name))],
  [
    'GET',
    '/containers/{name}/logs',
    (d, ctx) => {
      const out = containerLogs(d, ctx.vars.name, {
        stdout: boolValue(ctx.query, 'stdout'),
        stderr: boolValue(ctx.query, 'stderr'),
        timestamps: boolValue(ctx.query, 'timestamps'),
        tail: ctx.query.tail,
        since: ctx.query.since,
        until: ctx.query.until,
      });
      const tty = d.getContainer(ctx.vars.name).config.Tty === true;
      return {
        status: 200,
        headers: {
          'Content-Type': tty
            ? 'application/vnd.docker.raw-stream'
            : 'application/vnd.docker.multiplexed-stream',
        },
        stream: () => out,
      };
    },
  ],
  [
    'POST',
    '/containers/create',
    (d, ctx) => json(201, containerCreate(d, ctx.query.name || undefined, ctx.body)),
  ],
  ['POST', '/containers/prune', (d, ctx) => json(200, containersPrune(d, filtersOf(ctx.query)))],
  [
    'POST',
    '/containers/{name}/start',
    (d, ctx) => {
      if (
        ctx.body !== undefined &&
        ctx.body !== null &&
        !(typeof ctx.body === 'object' && Object.keys(ctx.body as object).length === 0)
      ) {
        throw invalidParameter(
          'starting container with non-empty request body was deprecated since API v1.22 and removed in v1.24',
        );
      }
      containerStart(d, ctx.vars.name);
      return noContent();
    },
  ],
  [
    'POST',
    '/containers/{name}/stop',
    (d, ctx) => {
      containerStop(d, ctx.vars.name, stopOptions(ctx));
      return noContent();
    },
  ],
  [
    'POST',
    '/containers/{name}/restart',
    (d, ctx) => {
      containerRestart(d, ctx.vars.name, stopOptions(ctx));
      return noContent();
    },
  ],
  [
    'POST',
    '/containers/{name}/kill',
    (d, ctx) => {
      containerKill(d, ctx.vars.name, ctx.query.signal || undefined);
      return noContent();
    },
  ],
  [
    'POST',
    '/containers/{name}/rename',
    (d, ctx) => {
      containerRename(d, ctx.vars.name, ctx.query.name ?? '');
      return noContent();
    },
  ],
  [
    'POST',
    '/containers/{name}/resize',
    (d, ctx) => {
      d.getContainer(ctx.vars.name);
      return noContent(200);
    },
  ],
  [
    'POST',
    '/containers/{name}/attach',
    (d, ctx) => {
      const read = containerAttach(d, ctx.vars.name, {
        logs: boolValue(ctx.query, 'logs'),
        stream: boolValue(ctx.query, 'stream'),
        stdout: boolValue(ctx.query, 'stdout'),
        stderr: boolValue(ctx.query, 'stderr'),
      });
      const tty = d.getContainer(ctx.vars.name).config.Tty === true;
      return {
        status: 200,
        headers: {
          'Content-Type': tty
            ? 'application/vnd.docker.raw-stream'
            : 'application/vnd.docker.multiplexed-stream',
        },
        stream: read,
      };
    },
  ],
  [
    'POST',
    '/containers/{name}/wait',
    (d, ctx) => {
      const read = containerWait(d, ctx.vars.name, ctx.query.condition ?? '');
      const res: ApiResponse = { status: 200, headers: { 'Content-Type': 'application/json' } };
      Object.defineProperty(res, 'json', { enumerable: true, get: read });
      return res;
    },
  ],
  [
    'POST',
    '/containers/{name}/exec',
    (d, ctx) => json(201, { Id: containerExecCreate(d, ctx.vars.name, ctx.body) }),
  ],
  [
    'DELETE',
    '/containers/{name}',
    (d, ctx) => {
      containerRm(d, ctx.vars.name, {
        force: boolValue(ctx.query, 'force'),
        removeLink: boolValue(ctx.query, 'link'),
      });
      return noContent();
    },
  ],
];
