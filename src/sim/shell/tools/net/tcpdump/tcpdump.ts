// Mirrors tcpdump 4.99.4 (tcpdump.c main: getopt, open_interface, pcap_compile, the "listening on"
// banner, pcap_loop with -c, cleanup on SIGINT/SIGTERM and info(1)'s summary) over libpcap 1.10.4;
// the frames come from the tracer's interface taps (trace/capture). Simplified: addresses are
// never resolved to names (as with -n), -v only changes the banner, no -w/-r/-A/-X.

import type { Frame } from '../../../../trace/capture/frames.ts';
import { addCapture } from '../../../../trace/capture/registry.ts';
import { claimJob } from '../../../jobs.ts';
import type { Program, ProgramContext, ProgramResult } from '../../../program.ts';
import { compileFilter, FilterError, type FilterPacket } from './filter.ts';
import { type FormatOptions, formatFrame, type TcpSeqTable } from './format.ts';

const USAGE = `tcpdump version 4.99.4
libpcap version 1.10.4 (with TPACKET_V3)
OpenSSL 3.0.13 30 Jan 2024
Usage: tcpdump [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]
\t\t[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]
\t\t[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]
\t\t[ -M secret ] [ --number ] [ --print ] [ -Q in|out|inout ]
\t\t[ -r file ] [ -s snaplen ] [ -T type ] [ --version ]
\t\t[ -V file ] [ -w file ] [ -W filecount ] [ -y datalinktype ]
\t\t[ --time-stamp-precision precision ] [ --micro ] [ --nano ]
\t\t[ -z postrotate-command ] [ -Z user ] [ expression ]
`;

interface Opts {
  iface?: string;
  count?: number;
  n: number;
  e: boolean;
  v: number;
  q: boolean;
  t: boolean;
  expr: string[];
}

const fail = (stderr: string, exitCode = 1): ProgramResult => ({ stdout: '', stderr, exitCode });

function parse(argv: string[]): Opts | ProgramResult {
  const o: Opts = { n: 0, e: false, v: 0, q: false, t: false, expr: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      o.expr.push(...argv.slice(i + 1));
      break;
    }
    if (a === '--version')
      return { stdout: `${USAGE.split('\n').slice(0, 3).join('\n')}\n`, stderr: '', exitCode: 0 };
    if (a === '-h' || a === '--help') return { stdout: USAGE, stderr: '', exitCode: 0 };
    if (!a.startsWith('-') || a === '-') {
      o.expr.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'i' || c === 'c') {
        const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (v === undefined) return fail(`tcpdump: option requires an argument -- '${c}'\n${USAGE}`);
        if (c === 'i') o.iface = v;
        else {
          if (!/^\d+$/.test(v) || Number(v) <= 0) return fail(`tcpdump: invalid packet count ${v}\n`);
          o.count = Number(v);
        }
        break;
      }
      if (c === 'n') o.n++;
      else if (c === 'e') o.e = true;
      else if (c === 'v') o.v++;
      else if (c === 'q') o.q = true;
      else if (c === 't') o.t = true;
      else if (c === 'l' || c === 'p' || c === 'U' || c === 'S') continue;
      else return fail(`tcpdump: invalid option -- '${c}'\n${USAGE}`);
    }
  }
  return o;
}

function hostsResolver(ctx: ProgramContext): (name: string) => string | undefined {
  const text = ctx.place.fs.readFile('/etc/hosts') ?? '';
  return (name) => {
    for (const line of text.split('\n')) {
      const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
      if (ip && /^\d+\.\d+\.\d+\.\d+$/.test(ip) && names.includes(name)) return ip;
    }
    return undefined;
  };
}

/** filterPacketOf is the header a capture filter looks at (the outer one on the underlay). */
export function filterPacketOf(f: Frame): FilterPacket {
  if (f.arp) return { arp: { senderIp: f.arp.senderIp, targetIp: f.arp.targetIp } };
  const p = f.pkt;
  return { ip: { src: p.src, dst: p.dst, proto: p.proto, sport: p.sport, dport: p.dport } };
}

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/** summary is info(1): what tcpdump prints on stderr when it ends. */
export const summary = (captured: number, received: number): string =>
  `${plural(captured, 'packet')} captured\n${plural(received, 'packet')} received by filter\n0 packets dropped by kernel\n`;

/** tcpdump captures the frames crossing an interface of the place's namespace. */
export const tcpdump: Program = (ctx) => {
  const o = parse(ctx.argv.slice(1));
  if ('exitCode' in o) return o;
  const ns = ctx.place.ns;
  const iface =
    o.iface ??
    [...ns.links].sort((a, b) => a.index - b.index).find((l) => l.up && l.kind !== 'loopback')?.name ??
    'lo';
  const link = ns.links.find((l) => l.name === iface);
  if (iface !== 'any' && !link)
    return fail(`tcpdump: ${iface}: No such device exists\n(No such device exists)\n`);
  // binding a packet socket to an interface that is administratively down fails with ENETDOWN
  if (link && !link.up) return fail(`tcpdump: ${iface}: That device is not up\n`);
  let filter: (p: FilterPacket) => boolean;
  try {
    filter = compileFilter(o.expr.join(' '), hostsResolver(ctx));
  } catch (e) {
    if (e instanceof FilterError) return fail(`tcpdump: ${e.message}\n`);
    throw e;
  }
  const any = iface === 'any';
  const banner =
    (o.v ? 'tcpdump: ' : 'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n') +
    `listening on ${iface}, link-type ${any ? 'LINUX_SLL2 (Linux cooked v2)' : 'EN10MB (Ethernet)'}, snapshot length 262144 bytes\n`;
  const fmt: FormatOptions = { e: o.e, nn: o.n >= 1, any, q: o.q };
  const seqs: TcpSeqTable = new Map();
  let captured = 0;
  let stop: (() => void) | undefined;
  const claimed = claimJob(ctx.world, {
    signal(sig) {
      end(sig);
    },
  });
  if (!claimed) return { stdout: '', stderr: banner + summary(0, 0), exitCode: 0 };
  const { job, table } = claimed;
  let lastAt: number | undefined;
  const end = (how: 'count' | 'INT' | 'TERM' | 'KILL'): void => {
    stop?.();
    stop = undefined;
    if (how !== 'KILL') {
      if (how !== 'count') table.terminal.write('stdout', '\n');
      table.terminal.write('stderr', summary(captured, captured), how === 'count' ? lastAt : undefined);
    }
    table.end(job, how === 'KILL' ? 'Killed' : 'Done');
  };
  stop = addCapture(ctx.world, {
    deliver(f) {
      if (f.ns !== ns.id || job.state !== 'Running') return;
      if (any ? f.promisc || (f.ifname === 'lo' && f.dir === 'out') : f.ifname !== iface) return;
      if (!filter(filterPacketOf(f))) return;
      captured++;
      const line = formatFrame(f, fmt, seqs);
      lastAt = f.at;
      table.terminal.write('stdout', `${o.t ? line.replace(/^\S+ /, '') : line}\n`, f.at);
      if (o.count !== undefined && captured >= o.count) end('count');
    },
  });
  return { stdout: '', stderr: banner, exitCode: 0 };
};
