// The program table: every command a place can run, and which of them a place actually has.
// Like a PATH: hosts have everything; a container has only its image's tools.

import type { EngineApi } from '../api/types.ts';
import type { DialResult } from '../cli/endpoint.ts';
import { runDocker } from '../cli/index.ts';
import type { ProgramInfo } from '../shell/index.ts';
import { UTIL_SUMMARIES, UTILS } from '../shell/index.ts';
import type { Place, Program } from '../shell/program.ts';
import { curlWithEngine } from '../shell/tools/net/curl.ts';
import { netPrograms } from '../shell/tools/net/index.ts';
import { tcpdump } from '../shell/tools/net/tcpdump/tcpdump.ts';
import { tcpConnect } from '../trace/exchange.ts';

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
      dial: (host, port) => dialDaemon(ctx, host, port),
    });
}

/**
 * dialDaemon is the docker CLI's TCP dial (Go's net.Dialer, 10 s timeout, after the 2 s init
 * ping), walked through the network model like curl's connect; names come from /etc/hosts.
 */
function dialDaemon(ctx: Parameters<Program>[0], host: string, port: number): DialResult {
  let ip = host === 'localhost' ? '127.0.0.1' : host;
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) {
    const line = (ctx.place.fs.readFile('/etc/hosts') ?? '')
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim().split(/\s+/))
      .find((f) => f.length > 1 && /^\d+\.\d+\.\d+\.\d+$/.test(f[0]) && f.slice(1).includes(host));
    if (!line) {
      const ns =
        /^nameserver\s+(\S+)/m.exec(ctx.place.fs.readFile('/etc/resolv.conf') ?? '')?.[1] ?? '127.0.0.53';
      return { lookup: `lookup ${host} on ${ns}:53: no such host`, ms: 20 };
    }
    ip = line[0];
  }
  const t = tcpConnect(ctx.world, ctx.place.ns, ip, port, { tool: 'docker' });
  const ms = Math.round(t.rttMs);
  if (t.verdict === 'delivered') return { connected: true, ms };
  if (t.verdict === 'refused') return { error: 'connect: connection refused', ms };
  if (t.errno === 'EPERM') return { error: 'connect: operation not permitted', ms };
  if (t.verdict === 'unreachable') {
    const net = t.errno === 'ENETUNREACH' || (t.reply?.icmpType === 3 && t.reply.icmpCode === 0);
    return net
      ? { error: 'connect: network is unreachable', ms }
      : { error: 'connect: no route to host', ms: 3000 + ms };
  }
  return { timeout: true, ms: 12_000 };
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
