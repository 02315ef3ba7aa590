// Mirrors BIND 9 dig (bin/dig/dig.c, dighost.c: header, sections, statistics, +short) and host
// (bin/dig/host.c "has address", "not found: 3(NXDOMAIN)"); simplified: A/AAAA/PTR questions, no
// authority section (the simulated zones have no SOA), EDNS shown with a fixed UDP size.

import { isIPv4 } from '../../../kernel/inet.ts';
import type { Program, ProgramContext } from '../../program.ts';
import { askServer, ptrName } from './nslookup.ts';
import { parseResolvConf } from './resolve.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** tabTo pads text with tabs up to a column (tab stops every 8), as BIND's masterfile style does (at least one tab). */
export function tabTo(text: string, col: number): string {
  let pos = 0;
  for (const ch of text) pos = ch === '\t' ? (Math.floor(pos / 8) + 1) * 8 : pos + 1;
  let s = text;
  do {
    s += '\t';
    pos = (Math.floor(pos / 8) + 1) * 8;
  } while (pos < col);
  return s;
}

const fqdn = (n: string): string => (n.endsWith('.') ? n : `${n}.`);

function whenText(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** digVersion returns the DiG banner version for a place (Ubuntu's BIND on hosts, Alpine's in images). */
const digVersion = (ctx: ProgramContext): string =>
  ctx.place.container ? '9.20.15' : '9.18.39-0ubuntu0.24.04.2-Ubuntu';

/** dig queries a DNS server and prints the answer in BIND's format (or just the data with +short). */
export const dig: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  const short = args.includes('+short');
  let server: string | undefined;
  let name = '';
  let type: 'A' | 'AAAA' | 'PTR' = 'A';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('@')) server = a.slice(1);
    else if (a === '-x') {
      name = ptrName(args[++i] ?? '');
      type = 'PTR';
    } else if (/^(a|aaaa|ptr)$/i.test(a) && name) type = a.toUpperCase() as 'A' | 'AAAA' | 'PTR';
    else if (!a.startsWith('+') && !a.startsWith('-')) name = a;
  }
  if (!name) name = '.';
  const rc = parseResolvConf(ctx.place.fs.readFile('/etc/resolv.conf'));
  const srv = server ?? rc.nameservers[0] ?? '127.0.0.1';
  const [call] = askServer(ctx, srv, [{ name: name.replace(/\.$/, ''), type }]);
  const cmd = args.join(' ');
  const banner = `\n; <<>> DiG ${digVersion(ctx)} <<>> ${cmd}\n;; global options: +cmd\n`;
  if (!call.answer) {
    ctx.world.clock.advance(15_000);
    const err = `;; communications error to ${srv}#53: timed out\n`.repeat(3);
    return short
      ? { stdout: `${err};; no servers could be reached\n`, stderr: '', exitCode: 9 }
      : { stdout: `${err}${banner};; no servers could be reached\n`, stderr: '', exitCode: 9 };
  }
  const ms = Math.max(1, Math.round(call.ms));
  ctx.world.clock.advance(call.ms);
  const a = call.answer;
  if (short)
    return {
      stdout: a.answers.map((x) => `${x.type === 'PTR' ? fqdn(x.data) : x.data}\n`).join(''),
      stderr: '',
      exitCode: 0,
    };
  const rng = ctx.world.netRng ?? ctx.world.rng;
  const flags = `qr${a.authoritative ? ' aa' : ''} rd ra`;
  const qname = fqdn(name.replace(/\.$/, ''));
  let out = `${banner};; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: ${a.rcode}, id: ${rng.int(65536)}\n`;
  out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${a.answers.length}, AUTHORITY: 0, ADDITIONAL: 1\n\n`;
  out += ';; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n';
  out += `;; QUESTION SECTION:\n${tabTo(tabTo(`;${qname}`, 24), 32)}IN\t${type}\n\n`;
  let size = 12 + qname.length + 1 + 4 + 11;
  if (a.answers.length) {
    out += ';; ANSWER SECTION:\n';
    for (const r of a.answers) {
      const data = r.type === 'PTR' || r.type === 'CNAME' ? fqdn(r.data) : r.data;
      out += `${tabTo(tabTo(fqdn(r.name), 24) + String(r.ttl), 32)}IN\t${r.type}\t${data}\n`;
      size += 12 + (r.type === 'A' ? 4 : r.type === 'AAAA' ? 16 : data.length + 1);
    }
    out += '\n';
  }
  const how = isIPv4(srv) ? `${srv}#53(${srv})` : srv;
  out += `;; Query time: ${ms} msec\n;; SERVER: ${how} (UDP)\n;; WHEN: ${whenText(ctx.world.clock.now())}\n;; MSG SIZE  rcvd: ${size}\n\n`;
  return { stdout: out, stderr: '', exitCode: 0 };
};

/** host is BIND's host: "NAME has address A", or "Host NAME not found: 3(NXDOMAIN)". */
export const host: Program = (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const name = args[0];
  if (!name)
    return {
      stdout: '',
      stderr:
        'Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n',
      exitCode: 1,
    };
  const rc = parseResolvConf(ctx.place.fs.readFile('/etc/resolv.conf'));
  const srv = args[1] ?? rc.nameservers[0] ?? '127.0.0.1';
  const ptr = isIPv4(name);
  const [call] = askServer(ctx, srv, [{ name: ptr ? ptrName(name) : name, type: ptr ? 'PTR' : 'A' }]);
  const head = args[1] ? `Using domain server:\nName: ${srv}\nAddress: ${srv}#53\nAliases: \n\n` : '';
  if (!call.answer) {
    ctx.world.clock.advance(10_000);
    return {
      stdout: `${head};; communications error to ${srv}#53: timed out\n;; no servers could be reached\n`,
      stderr: '',
      exitCode: 1,
    };
  }
  ctx.world.clock.advance(call.ms);
  if (call.answer.rcode !== 'NOERROR')
    return {
      stdout: `${head}Host ${ptr ? ptrName(name) : name} not found: 3(${call.answer.rcode})\n`,
      stderr: '',
      exitCode: 1,
    };
  const lines = call.answer.answers.map((r) =>
    r.type === 'PTR'
      ? `${ptrName(name)} domain name pointer ${fqdn(r.data)}\n`
      : `${r.name} has address ${r.data}\n`,
  );
  return { stdout: head + lines.join(''), stderr: '', exitCode: 0 };
};
