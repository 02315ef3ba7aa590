// The program table: every command a place can run, and which of them a place actually has.
// Like a PATH: hosts have everything; a container has only its image's tools.

import type { EngineApi } from '../api/types.ts';
import { runDocker } from '../cli/index.ts';
import type { ProgramInfo } from '../shell/index.ts';
import { UTIL_SUMMARIES, UTILS } from '../shell/index.ts';
import type { Place, Program } from '../shell/program.ts';
import { curlWithEngine } from '../shell/tools/net/curl.ts';
import { netPrograms } from '../shell/tools/net/index.ts';
import { tcpdump } from '../shell/tools/net/tcpdump/tcpdump.ts';

const NET = netPrograms();

/** basename strips a directory from a program path ("/usr/sbin/nginx" → "nginx"). */
export const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** dockerProgram is the docker CLI bound to one host's Engine API. */
export function dockerProgram(api: EngineApi, now: () => number): Program {
  return (ctx) =>
    runDocker(ctx.argv.slice(1), {
      stdin: ctx.stdin,
      env: ctx.env,
      api,
      now,
      cwd: ctx.cwd,
      fs: ctx.place.fs,
      sleep: (ms) => ctx.world.clock.advance(ms),
    });
}

/** ProgramTable resolves a command name to a program in a place. */
export interface ProgramTable {
  lookup(name: string, place: Place): Program | undefined;
  list(): ProgramInfo[];
}

/**
 * createProgramTable builds the table for one host: text utils, network tools and its docker CLI;
 * given the host's Engine API, its curl reaches it with --unix-socket /var/run/docker.sock.
 */
export function createProgramTable(docker: Program, engine?: EngineApi): ProgramTable {
  const all: Record<string, Program> = { ...UTILS, ...NET, tcpdump, docker };
  if (engine) all.curl = curlWithEngine(engine);
  const has = (place: Place, name: string): boolean =>
    place.tools === 'all' || place.tools.has(name) || place.tools.has(basename(name));
  return {
    lookup(name, place) {
      const prog = all[name] ?? all[basename(name)];
      if (!prog) return undefined;
      if (name === 'docker' && place.container) return undefined;
      return has(place, name) ? prog : undefined;
    },
    list: () =>
      Object.keys(all)
        .filter((n) => !n.includes('/') && !n.endsWith('.sh'))
        .sort()
        .map((name) => ({ name, summary: UTIL_SUMMARIES[name] })),
  };
}
