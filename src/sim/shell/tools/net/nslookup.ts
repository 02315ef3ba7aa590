// Mirrors busybox networking/nslookup.c (send_queries, parse_reply: A+AAAA queries, "Server:" /
// "Address:" header, "** server can't find", ";; connection timed out") and BIND 9.18 nslookup
// (bin/dig/nslookup.c); simplified: A, AAAA and PTR only, one try per server.

import { isIPv4 } from '../../../kernel/inet.ts';
import type { DnsAnswer } from '../../../kernel/types.ts';
import { dnsQuery } from '../../../trace/exchange.ts';
import type { Program, ProgramContext } from '../../program.ts';
import { parseResolvConf } from './resolve.ts';

/** DnsCall is one question asked of one server. */
export interface DnsCall {
  name: string;
  type: 'A' | 'AAAA' | 'PTR';
  answer?: DnsAnswer;
  ms: number;
}

/** askServer sends the questions to a server and returns the answers (none when it does not answer). */
export function askServer(
  ctx: ProgramContext,
  server: string,
  qs: Array<{ name: string; type: 'A' | 'AAAA' | 'PTR' }>,
  port = 53,
): DnsCall[] {
  return qs.map((q) => {
    const r = dnsQuery(ctx.world, ctx.place.ns, server, q, { tool: ctx.argv[0] ?? 'nslookup', port });
    return { ...q, answer: r.answer, ms: r.trace.rttMs };
  });
}

/** ptrName builds the in-addr.arpa name of an IPv4 address. */
export const ptrName = (ip: string): string => `${ip.split('.').reverse().join('.')}.in-addr.arpa`;

function questions(
  target: string,
  search: string[],
  withSearch: boolean,
): Array<{ name: string; type: 'A' | 'AAAA' | 'PTR' }> {
  if (isIPv4(target)) return [{ name: ptrName(target), type: 'PTR' }];
  const names =
    withSearch && !target.includes('.') && search.length ? search.map((s) => `${target}.${s}`) : [target];
  return [
    ...names.map((name) => ({ name, type: 'A' as const })),
    ...names.map((name) => ({ name, type: 'AAAA' as const })),
  ];
}

function busybox(ctx: ProgramContext, target: string, serverArg?: string): ReturnType<Program> {
  const rc = parseResolvConf(ctx.place.fs.readFile('/etc/resolv.conf'));
  const servers = serverArg ? [serverArg] : rc.nameservers.length ? rc.nameservers : ['127.0.0.1'];
  const qs = questions(target, rc.search, true);
  for (const server of servers) {
    const calls = askServer(ctx, server, qs);
    ctx.world.clock.advance(Math.max(...calls.map((c) => (c.answer ? c.ms : 5000))));
    if (!calls.some((c) => c.answer)) continue;
    let out = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
    let exit = 0;
    for (const c of calls) {
      if (!c.answer) continue;
      if (c.answer.rcode !== 'NOERROR') {
        out += `** server can't find ${c.name}: ${c.answer.rcode}\n\n`;
        exit = 1;
        continue;
      }
      if (!c.answer.authoritative) out += 'Non-authoritative answer:\n';
      for (const a of c.answer.answers) {
        if (a.type === 'PTR') out += `${c.name}\tname = ${a.data}\n`;
        else if (a.type === 'CNAME') out += `${a.name}\tcanonical name = ${a.data}\n`;
        else out += `Name:\t${a.name}\nAddress: ${a.data}\n`;
      }
      out += '\n';
    }
    const missing = calls.filter((c) => !c.answer);
    for (const c of missing) out += `*** Can't find ${c.name}: No answer\n`;
    if (missing.length) out += '\n';
    return { stdout: out, stderr: '', exitCode: exit };
  }
  return { stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '', exitCode: 1 };
}

function bind(ctx: ProgramContext, target: string, serverArg?: string): ReturnType<Program> {
  const rc = parseResolvConf(ctx.place.fs.readFile('/etc/resolv.conf'));
  const servers = serverArg ? [serverArg] : rc.nameservers.length ? rc.nameservers : ['127.0.0.1'];
  const qs = questions(target, rc.search, !target.includes('.'));
  let errs = '';
  for (const server of servers) {
    const calls = askServer(ctx, server, qs);
    if (!calls.some((c) => c.answer)) {
      ctx.world.clock.advance(15_000);
      errs += `;; communications error to ${server}#53: timed out\n`.repeat(3);
      continue;
    }
    ctx.world.clock.advance(Math.max(...calls.map((c) => c.ms)));
    let out = `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
    const first = calls[0].answer;
    if (first && first.rcode !== 'NOERROR')
      return {
        stdout: `${out}** server can't find ${calls[0].name}: ${first.rcode}\n\n`,
        stderr: errs,
        exitCode: 1,
      };
    if (calls.every((c) => !c.answer?.answers.length))
      return { stdout: `${out}*** Can't find ${target}: No answer\n\n`, stderr: errs, exitCode: 1 };
    if (calls.some((c) => c.answer && !c.answer.authoritative)) out += 'Non-authoritative answer:\n';
    for (const c of calls) {
      for (const a of c.answer?.answers ?? []) {
        if (a.type === 'PTR') out += `${c.name}\tname = ${a.data}.\n`;
        else out += `Name:\t${a.name}\nAddress: ${a.data}\n`;
      }
    }
    if (qs[0].type === 'PTR') out += '\nAuthoritative answers can be found from:\n';
    return { stdout: `${out}\n`, stderr: errs, exitCode: 0 };
  }
  return { stdout: `${errs};; no servers could be reached\n\n`, stderr: '', exitCode: 1 };
}

/** nslookup looks a name up (busybox format in alpine/busybox, BIND's elsewhere). */
export const nslookup: Program = (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!args[0]) {
    return ctx.place.flavour === 'busybox'
      ? {
          stdout: '',
          stderr:
            'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,any,srv,ptr\n',
          exitCode: 1,
        }
      : { stdout: '', stderr: 'nslookup: interactive mode is not available in this lab\n', exitCode: 1 };
  }
  return ctx.place.flavour === 'busybox' ? busybox(ctx, args[0], args[1]) : bind(ctx, args[0], args[1]);
};
