// Mirrors moby/moby api/server/server.go (createMux: version prefix, not-found handler) and
// api/server/middleware/version.go (API version bounds and the Api-Version/Server headers), v28.2.2.

import type { Daemon } from '../daemon/daemon.ts';
import { CONTAINER_ROUTES } from './containers.ts';
import { EXEC_ROUTES } from './exec.ts';
import { errorResponse, json, type RouteContext } from './httputils.ts';
import { IMAGE_ROUTES } from './images.ts';
import { NETWORK_ROUTES } from './networks.ts';
import { SERVICE_ROUTES } from './services.ts';
import { SWARM_ROUTES } from './swarm.ts';
import { SYSTEM_ROUTES } from './system.ts';
import { API_VERSION, type ApiRequest, type ApiResponse, type EngineApi } from './types.ts';
import { VOLUME_ROUTES } from './volumes.ts';

/** MIN_API_VERSION is the oldest API version dockerd 28 accepts. */
export const MIN_API_VERSION = '1.24';

interface Route {
  method: string;
  pattern: RegExp;
  vars: string[];
  handler: (d: Daemon, ctx: RouteContext) => ApiResponse;
}

function compile(method: string, path: string, handler: Route['handler']): Route {
  const vars: string[] = [];
  const source = path
    .split(/(\{[a-z]+\+?\})/)
    .map((part) => {
      const m = /^\{([a-z]+)(\+?)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      vars.push(m[1]);
      return m[2] ? '(.+)' : '(.*)';
    })
    .join('');
  return { method, pattern: new RegExp(`^${source}$`), vars, handler };
}

/** ROUTES is the whole route table, in registration order (first match wins, as in gorilla/mux). */
const ROUTES: Route[] = [
  ...SYSTEM_ROUTES,
  ...CONTAINER_ROUTES,
  ...EXEC_ROUTES,
  ...NETWORK_ROUTES,
  ...IMAGE_ROUTES,
  ...VOLUME_ROUTES,
  ...SWARM_ROUTES,
  ...SERVICE_ROUTES,
].map(([m, p, h]) => compile(m, p, h));

function compareVersions(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || (a2 ?? 0) - (b2 ?? 0);
}

/** createEngineApi builds a host's Engine API on top of its daemon. */
export function createEngineApi(daemon: Daemon): EngineApi {
  const commonHeaders = {
    'Api-Version': API_VERSION,
    'Docker-Experimental': 'false',
    Ostype: 'linux',
    Server: `Docker/${daemon.config.serverVersion} (linux)`,
  };
  const withHeaders = (res: ApiResponse): ApiResponse => {
    res.headers = { ...commonHeaders, ...res.headers }; // in place: a lazy json getter must stay lazy
    return res;
  };
  return {
    route(req: ApiRequest): ApiResponse {
      let path = req.path.split('?')[0];
      let version = API_VERSION;
      const vm = /^\/v(\d+\.\d+)(\/.*)$/.exec(path);
      if (vm) {
        version = vm[1];
        path = vm[2];
      }
      const route = ROUTES.map((r) => ({ r, m: r.method === req.method ? r.pattern.exec(path) : null })).find(
        (x) => x.m,
      );
      if (!route?.m) return withHeaders(json(404, { message: 'page not found' }));
      if (compareVersions(version, API_VERSION) > 0) {
        return withHeaders(
          json(400, {
            message: `client version ${version} is too new. Maximum supported API version is ${API_VERSION}`,
          }),
        );
      }
      if (compareVersions(version, MIN_API_VERSION) < 0) {
        return withHeaders(
          json(400, {
            message: `client version ${version} is too old. Minimum supported API version is ${MIN_API_VERSION}, please upgrade your client to a newer version`,
          }),
        );
      }
      const vars: Record<string, string> = {};
      const match = route.m;
      route.r.vars.forEach((name, i) => {
        vars[name] = decodeURIComponent(match[i + 1]);
      });
      try {
        return withHeaders(
          route.r.handler(daemon, {
            vars,
            query: req.query ?? {},
            body: req.body,
            version,
            method: req.method,
          }),
        );
      } catch (e) {
        return withHeaders(errorResponse(e));
      }
    },
  };
}
