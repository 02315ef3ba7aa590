// Mirrors iproute2 misc/ss.c (listening TCP/UDP sockets, the "Local Address:Port" columns, -p
// users:(("name",pid=N,fd=N))) and busybox networking/netstat.c (-tulnp); simplified: sockets are
// the namespace's listeners (no established connections are kept), widths from the longest cell.

import { SERVICES } from '../../../kernel/ipt-rule.ts';
import type { NetNs, Socket } from '../../../kernel/types.ts';
import type { Program, ProgramContext } from '../../program.ts';

const BACKLOG: Record<string, number> = {
  nginx: 511,
  httpd: 511,
  'redis-server': 511,
  python3: 5,
  nc: 1,
  'docker-proxy': 4096,
  dockerd: 4096,
  whoami: 4096,
};

function pidOf(ctx: ProgramContext, s: Socket): number {
  if (ctx.place.container && s.ownerId === ctx.place.container.id) return 1;
  let h = 0;
  for (const c of `${s.owner}${s.ownerId ?? ''}${s.port}`) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return 1000 + (h % 60000);
}

const portText = (p: number, numeric: boolean): string =>
  numeric ? String(p) : (Object.keys(SERVICES).find((k) => SERVICES[k] === p) ?? String(p));
const addrText = (ip: string): string => (ip.includes(':') ? `[${ip}]` : ip === '0.0.0.0' ? '0.0.0.0' : ip);

function listeners(ns: NetNs, tcp: boolean, udp: boolean): Socket[] {
  return ns.sockets.filter((s) => (s.proto === 'tcp' && tcp) || (s.proto === 'udp' && udp));
}

/** ss lists sockets (iproute2): -t -u -l -n -p -a. */
export const ss: Program = (ctx) => {
  let flags = '';
  for (const a of ctx.argv.slice(1)) if (/^-[a-zA-Z]+$/.test(a)) flags += a.slice(1);
  const tcp = flags.includes('t') || !flags.includes('u');
  const udp = flags.includes('u');
  const listening = flags.includes('l') || flags.includes('a');
  const numeric = flags.includes('n');
  const procs = flags.includes('p');
  const socks = listening ? listeners(ctx.place.ns, tcp, udp) : [];
  const netid = tcp && udp;
  const fdOf = new Map<string, number>();
  const rows = socks.map((s) => {
    const pid = pidOf(ctx, s);
    const fd = (fdOf.get(s.owner) ?? (s.owner === 'nginx' ? 5 : 2)) + 1;
    fdOf.set(s.owner, fd);
    return {
      netid: s.proto,
      state: s.proto === 'tcp' ? 'LISTEN' : 'UNCONN',
      recv: '0',
      send: s.proto === 'tcp' ? String(BACKLOG[s.owner] ?? 4096) : '0',
      laddr: addrText(s.ip),
      lport: portText(s.port, numeric),
      paddr: s.ip.includes(':') ? '[::]' : '0.0.0.0',
      pport: '*',
      proc: procs ? `users:(("${s.owner}",pid=${pid},fd=${fd}))` : '',
    };
  });
  const w = (k: keyof (typeof rows)[number], head: string): number =>
    Math.max(head.length, ...rows.map((r) => r[k].length));
  const wn = w('netid', 'Netid');
  const ws = w('state', 'State');
  const wr = w('recv', 'Recv-Q');
  const wq = w('send', 'Send-Q');
  const wla = w('laddr', 'Local Address');
  const wlp = w('lport', 'Port');
  const wpa = w('paddr', 'Peer Address');
  const wpp = w('pport', 'Port');
  const line = (r: {
    netid: string;
    state: string;
    recv: string;
    send: string;
    la: string;
    lp: string;
    pa: string;
    pp: string;
    proc: string;
  }): string =>
    `${netid ? `${r.netid.padEnd(wn)} ` : ''}${r.state.padEnd(ws)} ${r.recv.padEnd(wr)} ${r.send.padEnd(wq)} ${r.la.padStart(wla)}:${r.lp.padEnd(wlp)} ${r.pa.padStart(wpa)}:${r.pp.padEnd(wpp)}${r.proc}`.replace(
      /\s+$/,
      (m) => (r.proc ? '' : m),
    );
  let out = `${line({ netid: 'Netid', state: 'State', recv: 'Recv-Q', send: 'Send-Q', la: 'Local Address', lp: 'Port', pa: 'Peer Address', pp: 'Port', proc: 'Process' })}\n`;
  for (const r of rows)
    out += `${line({ netid: r.netid, state: r.state, recv: r.recv, send: r.send, la: r.laddr, lp: r.lport, pa: r.paddr, pp: r.pport, proc: r.proc })}\n`;
  return { stdout: out, stderr: '', exitCode: 0 };
};

/** netstat is busybox netstat: -t -u -l -n -p -a. */
export const netstat: Program = (ctx) => {
  let flags = '';
  for (const a of ctx.argv.slice(1)) if (/^-[a-zA-Z]+$/.test(a)) flags += a.slice(1);
  const tcp = flags.includes('t') || (!flags.includes('u') && !flags.includes('x'));
  const udp = flags.includes('u') || (!flags.includes('t') && !flags.includes('x'));
  const listening = flags.includes('l') || flags.includes('a');
  const numeric = flags.includes('n');
  const procs = flags.includes('p');
  const kind = flags.includes('a')
    ? '(servers and established)'
    : listening
      ? '(only servers)'
      : '(w/o servers)';
  let out = `Active Internet connections ${kind}\nProto Recv-Q Send-Q ${'Local Address'.padEnd(23)} ${'Foreign Address'.padEnd(23)} State       ${procs ? 'PID/Program name    ' : ''}\n`;
  if (listening) {
    for (const s of listeners(ctx.place.ns, tcp, udp)) {
      const v6 = s.ip.includes(':');
      const local = `${v6 ? s.ip : s.ip}:${portText(s.port, numeric)}`;
      const foreign = v6 ? ':::*' : '0.0.0.0:*';
      const prog = procs ? `${pidOf(ctx, s)}/${s.owner}`.slice(0, 20) : '';
      out += `${s.proto}   ${'0'.padStart(6)} ${'0'.padStart(6)} ${local.padEnd(23)} ${foreign.padEnd(23)} ${(s.proto === 'tcp' ? 'LISTEN' : '').padEnd(12)}${prog}\n`;
    }
  }
  return { stdout: out, stderr: '', exitCode: 0 };
};
