// Mirrors how a libc resolves a host name: glibc's nss "files dns" (resolv/res_query.c
// __res_context_search for ndots/search) and musl's src/network/lookup_name.c (hosts file, then
// name_from_dns_search); simplified: IPv4 only, one A query per try, no EDNS, no TCP fallback.

import { isIPv4 } from '../../../kernel/inet.ts';
import type { DnsAnswer, NetNs } from '../../../kernel/types.ts';
import type { Vfs } from '../../../kernel/vfs.ts';
import { dnsQuery } from '../../../trace/exchange.ts';
import type { Trace } from '../../../trace/types.ts';
import type { World } from '../../../world/world.ts';
import type { Place } from '../../program.ts';

/** ResolvConf is the parsed /etc/resolv.conf. */
export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
  timeout: number;
  attempts: number;
}

/** parseResolvConf reads resolv.conf text (glibc defaults: ndots 1, timeout 5, attempts 2). */
export function parseResolvConf(text: string | undefined): ResolvConf {
  const rc: ResolvConf = { nameservers: [], search: [], ndots: 1, timeout: 5, attempts: 2 };
  for (const raw of (text ?? '').split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const [key, ...rest] = line.split(/\s+/);
    if (key === 'nameserver' && rest[0] && rc.nameservers.length < 3) rc.nameservers.push(rest[0]);
    else if (key === 'search' || key === 'domain') rc.search = rest.filter(Boolean);
    else if (key === 'options') {
      for (const o of rest) {
        const m = /^(ndots|timeout|attempts):(\d+)$/.exec(o);
        if (m) rc[m[1] as 'ndots' | 'timeout' | 'attempts'] = Number(m[2]);
      }
    }
  }
  return rc;
}

/** hostsLookup finds name in an /etc/hosts text and returns its IPv4 addresses (first match wins, as musl and glibc do). */
export function hostsLookup(text: string | undefined, name: string): string[] {
  const want = name.toLowerCase().replace(/\.$/, '');
  const out: string[] = [];
  for (const raw of (text ?? '').split('\n')) {
    const [ip, ...names] = raw.replace(/#.*$/, '').trim().split(/\s+/);
    if (!ip || !isIPv4(ip)) continue;
    if (names.some((n) => n.toLowerCase() === want)) out.push(ip);
  }
  return out;
}

/** hostsReverse finds the first name /etc/hosts gives an address. */
export function hostsReverse(text: string | undefined, ip: string): string | undefined {
  for (const raw of (text ?? '').split('\n')) {
    const [addr, first] = raw.replace(/#.*$/, '').trim().split(/\s+/);
    if (addr === ip && first) return first;
  }
  return undefined;
}

/** Resolution is the outcome of a name lookup. */
export interface Resolution {
  addrs: string[];
  /** error: "notfound" (NXDOMAIN/no data everywhere) or "timeout" (no server answered). */
  error?: 'notfound' | 'timeout';
  /** ms is how long the lookup took (timeouts included). */
  ms: number;
  traces: Trace[];
  /** canonical is the name that finally answered (with a search domain appended, if any). */
  canonical?: string;
}

/** libcOf tells which C library a place's programs use: musl in alpine, glibc elsewhere (busybox:latest is glibc). */
export function libcOf(place: Place): 'musl' | 'glibc' {
  if (place.flavour !== 'busybox') return 'glibc';
  const image = place.container?.image ?? 'alpine';
  return /^(docker\.io\/(library\/)?)?busybox(:(latest|glibc|stable|1[\d.]*(-glibc)?))?$/.test(image)
    ? 'glibc'
    : 'musl';
}

function candidates(name: string, rc: ResolvConf, libc: 'musl' | 'glibc'): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = (name.match(/\./g) ?? []).length;
  const searched = rc.search.map((s) => `${name}.${s}`);
  if (dots >= rc.ndots) return libc === 'musl' ? [name] : [name, ...searched];
  return [...searched, name];
}

/** queryServers asks the nameservers in order for one name (A) and returns the first answer. */
export function queryServers(
  world: World,
  ns: NetNs,
  servers: string[],
  name: string,
  type: 'A' | 'PTR',
  tool: string,
  rc: ResolvConf,
): { answer?: DnsAnswer; ms: number; traces: Trace[] } {
  let ms = 0;
  const traces: Trace[] = [];
  for (const server of servers) {
    const r = dnsQuery(world, ns, server, { name, type }, { tool });
    traces.push(r.trace);
    if (r.answer) return { answer: r.answer, ms: ms + r.trace.rttMs, traces };
    ms +=
      r.trace.verdict === 'refused' || r.trace.verdict === 'unreachable'
        ? r.trace.rttMs
        : (rc.timeout * 1000 * Math.max(1, rc.attempts)) / Math.max(1, servers.length);
  }
  return { ms, traces };
}

/** resolveName resolves a host name in a place: an IPv4 literal, /etc/hosts, then DNS with ndots/search. */
export function resolveName(world: World, place: Place, name: string, tool: string): Resolution {
  if (isIPv4(name)) return { addrs: [name], ms: 0, traces: [] };
  const fs: Vfs = place.fs;
  const fromHosts = hostsLookup(fs.readFile('/etc/hosts'), name);
  if (fromHosts.length) return { addrs: fromHosts, ms: 0, traces: [], canonical: name };
  if (name === 'localhost') return { addrs: ['127.0.0.1'], ms: 0, traces: [], canonical: name };
  const rc = parseResolvConf(fs.readFile('/etc/resolv.conf'));
  const servers = rc.nameservers.length ? rc.nameservers : ['127.0.0.1'];
  const libc = libcOf(place);
  let ms = 0;
  const traces: Trace[] = [];
  let answered = false;
  for (const cand of candidates(name, rc, libc)) {
    const r = queryServers(world, place.ns, servers, cand, 'A', tool, rc);
    ms += r.ms;
    traces.push(...r.traces);
    if (!r.answer) continue;
    answered = true;
    const addrs = r.answer.answers.filter((a) => a.type === 'A').map((a) => a.data);
    if (r.answer.rcode === 'NOERROR' && addrs.length) return { addrs, ms, traces, canonical: cand };
  }
  return { addrs: [], error: answered ? 'notfound' : 'timeout', ms, traces };
}

/** reverseName finds a name for an address as getnameinfo does: /etc/hosts, then a PTR query. */
export function reverseName(world: World, place: Place, ip: string, tool: string): string | undefined {
  const h = hostsReverse(place.fs.readFile('/etc/hosts'), ip);
  if (h) return h;
  const rc = parseResolvConf(place.fs.readFile('/etc/resolv.conf'));
  const ptr = `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  const r = queryServers(world, place.ns, rc.nameservers, ptr, 'PTR', tool, rc);
  return r.answer?.answers.find((a) => a.type === 'PTR')?.data;
}
