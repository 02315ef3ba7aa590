// Mirrors busybox networking/traceroute.c (alpine, busybox) and Linux traceroute 2.1 (hosts):
// UDP probes to port 33434+ with growing TTL, three per hop, the answering router's address
// (reverse resolved) and times, "*" when nothing answers; stops at port unreachable. Simplified:
// no ICMP/TCP probe methods, no MTU discovery.

import { udpExchange } from '../../../trace/exchange.ts';
import type { Trace } from '../../../trace/types.ts';
import type { Program, ProgramContext } from '../../program.ts';
import { resolveName, reverseName } from './resolve.ts';

interface TrOpts {
  maxTtl: number;
  firstTtl: number;
  probes: number;
  wait: number;
  numeric: boolean;
  host?: string;
}

function parse(argv: string[]): TrOpts {
  const o: TrOpts = { maxTtl: 30, firstTtl: 1, probes: 3, wait: 5, numeric: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-n') o.numeric = true;
    else if (a === '-m') o.maxTtl = Number(argv[++i]);
    else if (a === '-f') o.firstTtl = Number(argv[++i]);
    else if (a === '-q') o.probes = Number(argv[++i]);
    else if (a === '-w') o.wait = Number(argv[++i]);
    else if (!a.startsWith('-')) o.host ??= a;
  }
  return o;
}

const fmtMs = (ms: number): string => {
  const us = Math.max(1, Math.round(ms * 1000));
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')} ms`;
};

/** traceroute prints the routers a packet crosses, computed from traced UDP probes. */
export const traceroute: Program = (ctx: ProgramContext) => {
  const busybox = ctx.place.flavour === 'busybox';
  const o = parse(ctx.argv.slice(1));
  if (!o.host)
    return {
      stdout: '',
      stderr: busybox
        ? 'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: traceroute [-46IFlnrv] [-f 1ST_TTL] [-m MAXTTL] [-q PROBES] [-p PORT]\n\t[-t TOS] [-w WAIT_SEC] [-s SRC_IP] [-i IFACE]\n\t[-z PAUSE_MSEC] HOST [BYTES]\n'
        : 'Usage:\n  traceroute [ -46dFITnreAUDV ] [ -f first_ttl ] [ -g gate,... ] [ -i device ] [ -m max_ttl ] [ -N squeries ] [ -p port ] [ -t tos ] [ -l flow_label ] [ -w MAX,HERE,NEAR ] [ -q nqueries ] [ -s src_addr ] [ -z sendwait ] [ --fwmark=num ] host [ packetlen ]\n',
      exitCode: 1,
    };
  const r = resolveName(ctx.world, ctx.place, o.host, 'traceroute');
  ctx.world.clock.advance(r.ms);
  if (!r.addrs.length) {
    return busybox
      ? { stdout: '', stderr: `traceroute: bad address '${o.host}'\n`, exitCode: 1 }
      : {
          stdout: '',
          stderr: `${o.host}: Name or service not known\nCannot handle "host" cmdline arg \`${o.host}' on position 1 (argc 1)\n`,
          exitCode: 2,
        };
  }
  const dst = r.addrs[0];
  let out = `traceroute to ${o.host} (${dst}), ${o.maxTtl} hops max, ${busybox ? 46 : 60} byte packets\n`;
  const names = new Map<string, string>();
  const label = (ip: string): string => {
    if (o.numeric) return ip;
    if (!names.has(ip)) names.set(ip, reverseName(ctx.world, ctx.place, ip, 'traceroute') ?? ip);
    return `${names.get(ip)} (${ip})`;
  };
  let port = 33434;
  for (let ttl = o.firstTtl; ttl <= o.maxTtl; ttl++) {
    out += busybox ? String(ttl).padStart(2) : `${String(ttl).padStart(2)} `;
    let last: string | undefined;
    let done = false;
    let unreachMark = '';
    for (let p = 0; p < o.probes; p++) {
      const t: Trace = udpExchange(ctx.world, ctx.place.ns, dst, port++, { tool: 'traceroute', ttl }, () => ({
        noReplyReason: 'probe port open',
      }));
      if (t.errno === 'ENETUNREACH')
        return {
          stdout: out.replace(/ ?\d+ ?$/, ''),
          stderr: busybox ? 'traceroute: sendto: Network unreachable\n' : 'connect: Network is unreachable\n',
          exitCode: 1,
        };
      if (t.reply?.kind !== 'icmp-error') {
        ctx.world.clock.advance(o.wait * 1000);
        out += busybox ? '  *' : ' *';
        continue;
      }
      ctx.world.clock.advance(t.rttMs);
      const from = t.reply.from;
      if (p === 0 || from !== last) out += busybox ? `  ${label(from)}` : ` ${label(from)}`;
      last = from;
      out += `  ${fmtMs(t.rttMs)}`;
      if (t.reply.icmpType === 3) {
        done = true;
        const code = t.reply.icmpCode ?? 3;
        unreachMark =
          code === 3 ? '' : code === 0 ? ' !N' : code === 1 ? ' !H' : code === 13 ? ' !X' : ` !<${code}>`;
        out += unreachMark;
      }
    }
    out += '\n';
    if (done) break;
  }
  return { stdout: out, stderr: '', exitCode: 0 };
};
