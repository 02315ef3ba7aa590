// Mirrors moby/moby api/server/router/container/exec.go (v28.2.2): exec start and inspect. A
// non-detached start answers with the hijacked stream's content (ApiResponse.stream).

import type { Daemon } from '../daemon/daemon.ts';
import { containerExecStart, execInspect } from '../daemon/exec.ts';
import { isPlainObject, lookupField } from '../daemon/gostruct.ts';
import { json, noContent, type RouteContext } from './httputils.ts';
import type { ApiResponse } from './types.ts';

/** EXEC_ROUTES are the /exec routes. */
export const EXEC_ROUTES: Array<[string, string, (d: Daemon, ctx: RouteContext) => ApiResponse]> = [
  [
    'POST',
    '/exec/{name}/start',
    (d, ctx) => {
      const body = isPlainObject(ctx.body) ? ctx.body : {};
      const detach = lookupField(body, 'Detach') === true;
      const tty = lookupField(body, 'Tty') === true;
      execInspect(d, ctx.vars.name); // ExecExists: an unknown exec is an HTTP error, not stream content
      let out: { stdout: string; stderr: string };
      try {
        out = containerExecStart(d, ctx.vars.name);
      } catch (e) {
        if (detach) throw e;
        out = { stdout: `${(e as Error).message}\r\n`, stderr: '' };
      }
      if (detach) return noContent(200);
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
    '/exec/{name}/resize',
    (d, ctx) => {
      execInspect(d, ctx.vars.name);
      return noContent(200);
    },
  ],
  ['GET', '/exec/{id}/json', (d, ctx) => json(200, execInspect(d, ctx.vars.id))],
];
