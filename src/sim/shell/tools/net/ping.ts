// Mirrors busybox networking/ping.c (alpine, busybox images) and iputils ping/ping.c +
// ping_common.c (hosts, debian-based images): their headers, reply lines, statistics, errors and
// exit codes; every reply is a traced ICMP echo exchange. Simplified: IPv4 only, no flood/-f,
// no record-route, the clock advances by the time the real tool would take.

import { pingExchange } from '../../../trace/exchange.ts';
import type { Trace } from '../../../trace/types.ts';
import type { Program, ProgramContext, ProgramResult } from '../../program.ts';
import { strerror } from './errno.ts';
import { libcOf, resolveName, reverseName } from './resolve.ts';

interface PingOpts {
  count?: number;
  size: number;
  ttl?: number;
  deadline?: number;
  timeout?: number;
  interval: number;
  quiet: boolean;
  numeric: boolean;
  iface?: string;
  host?: string;
}

function parse(ctx: ProgramContext, busybox: boolean): PingOpts | ProgramResult {
  const o: PingOpts = { size: 56, interval: 1, quiet: false, numeric: false };
  const a = ctx.argv.slice(1);
  const withArg = 'cstwWiIp';
  for (let i = 0; i < a.length; i++) {
    const w = a[i];
    if (!w.startsWith('-') || w === '-') {
      if (o.host !== undefined) return usage(busybox);
      o.host = w;
      continue;
    }
    for (let j = 1; j < w.length; j++) {
      const c = w[j];
      if (withArg.includes(c)) {
        const v = j + 1 < w.length ? w.slice(j + 1) : a[++i];
        if (v === undefined)
          return busybox
            ? {
                stdout: '',
                stderr: `ping: option requires an argument -- '${c}'\n${usageText()}`,
                exitCode: 1,
              }
            : { stdout: '', stderr: `ping: option requires an argument -- '${c}'\n`, exitCode: 2 };
        const n = Number(v);
        if (c === 'c') o.count = n;
        else if (c === 's') o.size = n;
        else if (c === 't') o.ttl = n;
        else if (c === 'w') o.deadline = n;
        else if (c === 'W') o.timeout = n;
        else if (c === 'i') o.interval = n;
        else if (c === 'I') o.iface = v;
        if (c !== 'I' && c !== 'p' && !Number.isFinite(n)) {
          return busybox
            ? { stdout: '', stderr: `ping: invalid number '${v}'\n`, exitCode: 1 }
            : { stdout: '', stderr: `ping: invalid argument: '${v}'\n`, exitCode: 1 };
        }
        break;
      }
      if (c === 'q') o.quiet = true;
      else if (c === 'n') o.numeric = true;
      else if (c === '4' || c === 'A' || c === 'v' || c === 'D' || c === 'O') continue;
      else
        return busybox
          ? { stdout: '', stderr: `ping: unrecognized option: ${c}\n${usageText()}`, exitCode: 1 }
          : { stdout: '', stderr: `ping: invalid option -- '${c}'\n`, exitCode: 2 };
    }
  }
  if (o.host === undefined) return usage(busybox);
  return o;
}

function usageText(): string {
  return 'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n\n\t-4,-6\t\tForce IP or IPv6 name resolution\n\t-c CNT\t\tSend only CNT pings\n\t-s SIZE\t\tSend SIZE data bytes in packets (default 56)\n\t-i SECS\t\tInterval\n\t-A\t\tPing as soon as reply is received\n\t-t TTL\t\tSet TTL\n\t-I IFACE/IP\tSource interface or IP address\n\t-W SEC\t\tSeconds to wait for the first response (default 10)\n\t\t\t(after all -c CNT packets are sent)\n\t-w SEC\t\tSeconds until ping exits (default:infinite)\n\t\t\t(can exit earlier with -c CNT)\n\t-q\t\tQuiet, only display output at start/finish\n\t-p HEXBYTE\tPayload pattern\n';
}

function usage(busybox: boolean): ProgramResult {
  if (busybox) return { stdout: '', stderr: usageText(), exitCode: 1 };
  return { stdout: '', stderr: 'ping: usage error: Destination address required\n', exitCode: 1 };
}

/** pingCount decides how many echo requests go out (-c, else -w seconds, else 4 as a lab cap). */
function pingCount(o: PingOpts): number {
  if (o.count !== undefined && o.count > 0)
    return o.deadline ? Math.min(o.count, Math.max(1, Math.floor(o.deadline / o.interval))) : o.count;
  if (o.deadline) return Math.max(1, Math.floor(o.deadline / o.interval));
  return 4;
}

function sourceFor(ctx: ProgramContext, iface: string | undefined): string | undefined {
  if (!iface) return undefined;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(iface)) return iface;
  return ctx.place.ns.links.find((l) => l.name === iface)?.addrs.find((a) => a.family === 4)?.ip;
}

function runEchoes(ctx: ProgramContext, dst: string, o: PingOpts, n: number, seq0: number): Trace[] {
  const rng = ctx.world.netRng ?? ctx.world.rng;
  const id = 1 + rng.int(65534);
  const src = sourceFor(ctx, o.iface);
  const out: Trace[] = [];
  for (let k = 0; k < n; k++) {
    const t = pingExchange(ctx.world, ctx.place.ns, dst, {
      tool: 'ping',
      id,
      seq: seq0 + k,
      size: o.size,
      ttl: o.ttl,
      src,
      offsetMs: k * o.interval * 1000,
    });
    out.push(t);
    if (t.errno === 'ENETUNREACH' || (t.errno === 'EPERM' && ctx.place.flavour === 'busybox')) break;
  }
  return out;
}

const us = (t: Trace): number => Math.max(1, Math.round(t.rttMs * 1000));
const fmt3 = (v: number): string => `${Math.floor(v / 1000)}.${String(v % 1000).padStart(3, '0')}`;

function busyboxPing(ctx: ProgramContext, o: PingOpts): ProgramResult {
  const host = o.host ?? '';
  const r = resolveName(ctx.world, ctx.place, host, 'ping');
  ctx.world.clock.advance(r.ms);
  if (!r.addrs.length) return { stdout: '', stderr: `ping: bad address '${host}'\n`, exitCode: 1 };
  const dst = r.addrs[0];
  let out = `PING ${host} (${dst}): ${o.size} data bytes\n`;
  const n = pingCount(o);
  const traces = runEchoes(ctx, dst, o, n, 0);
  const libc = libcOf(ctx.place);
  let received = 0;
  const times: number[] = [];
  const marks = [{ at: (traces[0]?.at ?? 0) - 0.02, end: out.length }];
  for (let k = 0; k < traces.length; k++) {
    const t = traces[k];
    if (k) marks.push({ at: (traces[k - 1].at ?? 0) + traces[k - 1].rttMs, end: out.length });
    if (t.errno === 'ENETUNREACH' || t.errno === 'EPERM') {
      ctx.world.clock.advance(k * o.interval * 1000);
      return { stdout: out, stderr: `ping: sendto: ${strerror(t.errno, libc)}\n`, exitCode: 1 };
    }
    if (t.verdict === 'delivered' && t.reply) {
      received++;
      times.push(us(t));
      if (!o.quiet)
        out += `${o.size + 8} bytes from ${t.reply.from}: seq=${k} ttl=${t.reply.ttl} time=${fmt3(us(t))} ms\n`;
    }
  }
  const lastT = traces[traces.length - 1];
  marks.push({ at: (lastT?.at ?? 0) + (lastT?.rttMs ?? 0), end: out.length });
  const tmax = times.length ? Math.max(...times) : 0;
  const wait = received ? Math.max(1, Math.round((2 * tmax) / 1e6)) : (o.timeout ?? 10);
  ctx.world.clock.advance(
    (traces.length - 1) * o.interval * 1000 +
      (traces[traces.length - 1]?.verdict === 'delivered' ? tmax / 1000 : wait * 1000),
  );
  const loss = Math.floor(((traces.length - received) * 100) / traces.length);
  out += `\n--- ${host} ping statistics ---\n${traces.length} packets transmitted, ${received} packets received, ${loss}% packet loss\n`;
  if (times.length) {
    const avg = Math.floor(times.reduce((s, x) => s + x, 0) / times.length);
    out += `round-trip min/avg/max = ${fmt3(Math.min(...times))}/${fmt3(avg)}/${fmt3(tmax)} ms\n`;
  }
  return {
    stdout: out,
    stderr: '',
    exitCode:
      received === 0 || (o.deadline !== undefined && o.count !== undefined && received < o.count) ? 1 : 0,
    marks,
  };
}

/** iputilsTime formats a round trip as iputils does (3, 2, 1 or 0 decimals by size). */
export function iputilsTime(t: number): string {
  if (t >= 100000 - 50) return `${Math.floor((t + 500) / 1000)}`;
  if (t >= 10000 - 5) return `${Math.floor((t + 50) / 1000)}.${Math.floor(((t + 50) % 1000) / 100)}`;
  if (t >= 1000)
    return `${Math.floor((t + 5) / 1000)}.${String(Math.floor(((t + 5) % 1000) / 10)).padStart(2, '0')}`;
  return fmt3(t);
}

const UNREACH_TEXT: Record<number, string> = {
  0: 'Destination Net Unreachable',
  1: 'Destination Host Unreachable',
  2: 'Destination Protocol Unreachable',
  3: 'Destination Port Unreachable',
  9: 'Destination Net Prohibited',
  10: 'Destination Host Prohibited',
  13: 'Packet filtered',
};

function iputilsPing(ctx: ProgramContext, o: PingOpts): ProgramResult {
  const host = o.host ?? '';
  const r = resolveName(ctx.world, ctx.place, host, 'ping');
  ctx.world.clock.advance(r.ms);
  if (!r.addrs.length) {
    return {
      stdout: '',
      stderr: `ping: ${host}: ${r.error === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known'}\n`,
      exitCode: 2,
    };
  }
  const dst = r.addrs[0];
  const numeric = o.numeric || /^\d+\.\d+\.\d+\.\d+$/.test(host);
  const n = pingCount(o);
  const traces = runEchoes(ctx, dst, o, n, 1);
  if (traces[0]?.errno === 'ENETUNREACH')
    return { stdout: '', stderr: 'ping: connect: Network is unreachable\n', exitCode: 2 };
  let out = `PING ${host} (${dst}) ${o.size}(${o.size + 28}) bytes of data.\n`;
  const names = new Map<string, string>();
  const prAddr = (ip: string): string => {
    if (numeric) return ip;
    if (!names.has(ip)) names.set(ip, reverseName(ctx.world, ctx.place, ip, 'ping') ?? '');
    const name = names.get(ip);
    return name ? `${name} (${ip})` : ip;
  };
  let received = 0;
  let errors = 0;
  let stderr = '';
  const times: number[] = [];
  const marks = [{ at: (traces[0]?.at ?? 0) - 0.02, end: out.length }];
  for (let k = 0; k < traces.length; k++) {
    const t = traces[k];
    const seq = k + 1;
    if (k) marks.push({ at: (traces[k - 1].at ?? 0) + traces[k - 1].rttMs, end: out.length });
    if (t.errno === 'EPERM') {
      stderr += 'ping: sendmsg: Operation not permitted\n';
      continue;
    }
    if (t.verdict === 'delivered' && t.reply) {
      received++;
      times.push(us(t));
      if (!o.quiet)
        out += `${o.size + 8} bytes from ${prAddr(t.reply.from)}: icmp_seq=${seq} ttl=${t.reply.ttl} time=${iputilsTime(us(t))} ms\n`;
    } else if (t.errno === 'EHOSTUNREACH' || (t.verdict === 'unreachable' && t.reply)) {
      errors++;
      const from = t.reply?.from ?? t.local.ip;
      const code = t.reply?.icmpType === 11 ? -1 : (t.reply?.icmpCode ?? 1);
      if (!o.quiet)
        out += `From ${prAddr(from)} icmp_seq=${seq} ${code === -1 ? 'Time to live exceeded' : (UNREACH_TEXT[code] ?? `Dest Unreachable, Bad Code: ${code}`)}\n`;
    }
  }
  const rng = ctx.world.netRng ?? ctx.world.rng;
  const last = traces[traces.length - 1];
  const elapsed =
    (traces.length - 1) * o.interval * 1000 +
    (last && last.verdict === 'delivered' ? last.rttMs : 0) +
    rng.int(3);
  const lastWait = last && last.verdict !== 'delivered' && !last.errno ? (o.timeout ?? 10) * 1000 : 0;
  ctx.world.clock.advance(elapsed + lastWait);
  const lossPct = ((traces.length - received) * 100) / traces.length;
  out += `\n--- ${host} ping statistics ---\n${traces.length} packets transmitted, ${received} received, ${errors ? `+${errors} errors, ` : ''}${Number(lossPct.toPrecision(6))}% packet loss, time ${Math.round(elapsed)}ms\n`;
  if (times.length) {
    const total = times.length;
    const tsum = times.reduce((s, x) => s + x, 0);
    const tsum2 = times.reduce((s, x) => s + x * x, 0);
    const avg = Math.floor(tsum / total);
    const mdev = Math.floor(
      Math.sqrt(Math.max(0, Math.floor((tsum2 - Math.floor((tsum * tsum) / total)) / total))),
    );
    out += `rtt min/avg/max/mdev = ${fmt3(Math.min(...times))}/${fmt3(avg)}/${fmt3(Math.max(...times))}/${fmt3(mdev)} ms\n`;
  } else out += '\n';
  marks.push({ at: (last?.at ?? 0) + (last?.rttMs ?? 0), end: out.length });
  return { stdout: out, stderr, exitCode: received ? 0 : 1, marks };
}

/** ping sends ICMP echo requests through the simulated network (busybox or iputils output). */
export const ping: Program = (ctx) => {
  const busybox = ctx.place.flavour === 'busybox';
  const o = parse(ctx, busybox);
  if ('exitCode' in o) return o;
  return busybox ? busyboxPing(ctx, o) : iputilsPing(ctx, o);
};
