// Mirrors the kernel's ipt_do_table (net/ipv4/netfilter/ip_tables.c) and the match functions of
// xt_tcpudp, xt_conntrack, xt_addrtype, xt_comment; simplified: rules are matched from their
// canonical spec; no fragments, marks or rate limits.

import { inCidr, isLoopback } from './inet.ts';
import type { Match, PortRange, RuleSpec } from './ipt-rule.ts';
import { parseRuleTokens, specText } from './ipt-rule.ts';
import type { IptTableName, NetNs } from './types.ts';

/** IptPacket is what the rule matchers look at. */
export interface IptPacket {
  proto: 'tcp' | 'udp' | 'icmp';
  src: string;
  dst: string;
  sport: number;
  dport: number;
  /** in and out are interface names as iptables -i/-o see them (a bridge name for bridged traffic). */
  in?: string;
  out?: string;
  /** ctstate is the conntrack state: NEW, ESTABLISHED, RELATED, INVALID … plus DNAT/SNAT flags. */
  ctstate: string[];
  /** icmpType is the ICMP type (8 echo-request, 0 echo-reply, 3 unreachable, 11 time exceeded). */
  icmpType?: number;
  icmpCode?: number;
  /** length is the IP packet size in bytes, for the byte counters. */
  length: number;
}

/** IptVerdict is the outcome of running a packet through a chain. */
export interface IptVerdict {
  /** verdict: ACCEPT, DROP, REJECT, or the NAT action taken (DNAT/SNAT/MASQUERADE accept the packet). */
  verdict: 'ACCEPT' | 'DROP' | 'REJECT' | 'DNAT' | 'SNAT' | 'MASQUERADE';
  /** rule is the -S text of the deciding rule ("-A DOCKER … -j DROP"), or the policy line. */
  rule: string;
  /** chain is the chain holding the deciding rule. */
  chain: string;
  /** byPolicy is true when no rule decided and the built-in chain's policy applied. */
  byPolicy: boolean;
  /** to is the DNAT/SNAT target range ("172.18.0.2:80"); undefined for MASQUERADE. */
  to?: string;
  rejectWith?: string;
  /** path lists every rule that matched on the way, as -S text, in order. */
  path: string[];
}

const parsed = new WeakMap<string[], RuleSpec>();

function specOf(tokens: string[]): RuleSpec {
  let s = parsed.get(tokens);
  if (!s) {
    s = parseRuleTokens(tokens);
    parsed.set(tokens, s);
  }
  return s;
}

function ifaceMatch(pattern: string, name: string | undefined): boolean {
  if (name === undefined) return false;
  return pattern.endsWith('+') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

const inRange = (r: PortRange | undefined, p: number): boolean => !r || (p >= r.min && p <= r.max) !== r.inv;

/** localAddrs lists every address configured in ns (what addrtype LOCAL means). */
export function isLocalAddr(ns: NetNs, ip: string): boolean {
  if (isLoopback(ip)) return true;
  return ns.links.some((l) => l.addrs.some((a) => a.ip === ip));
}

function addrType(ns: NetNs, ip: string): string {
  if (isLocalAddr(ns, ip)) return 'LOCAL';
  if (ip === '255.255.255.255' || ns.links.some((l) => l.addrs.some((a) => a.broadcast === ip)))
    return 'BROADCAST';
  if (inCidr(ip, '224.0.0.0/4')) return 'MULTICAST';
  return 'UNICAST';
}

function matchOne(ns: NetNs, m: Match, pkt: IptPacket): boolean {
  switch (m.name) {
    case 'tcp':
    case 'udp':
      return pkt.proto === m.name && inRange(m.sport, pkt.sport) && inRange(m.dport, pkt.dport);
    case 'icmp':
      if (pkt.proto !== 'icmp') return false;
      if (m.type === 'any') return !m.inv;
      return (pkt.icmpType === m.type && (m.code === undefined || pkt.icmpCode === m.code)) !== m.inv;
    case 'conntrack':
    case 'state':
      return m.states.some((s) => pkt.ctstate.includes(s)) !== m.inv;
    case 'addrtype': {
      const ok = (v: { value: string; inv: boolean } | undefined, ip: string): boolean =>
        !v || v.value.split(',').includes(addrType(ns, ip)) !== v.inv;
      return ok(m.srcType, pkt.src) && ok(m.dstType, pkt.dst);
    }
    case 'comment':
      return true;
    case 'multiport': {
      const ports =
        m.kind === 'dports' ? [pkt.dport] : m.kind === 'sports' ? [pkt.sport] : [pkt.sport, pkt.dport];
      return (pkt.proto === 'tcp' || pkt.proto === 'udp') && ports.some((p) => m.ports.includes(p)) !== m.inv;
    }
  }
}

/** ruleMatches tells whether a parsed rule's selectors and matches all accept the packet. */
export function ruleMatches(ns: NetNs, spec: RuleSpec, pkt: IptPacket): boolean {
  if (spec.src && inCidr(pkt.src, spec.src.value) === spec.src.inv) return false;
  if (spec.dst && inCidr(pkt.dst, spec.dst.value) === spec.dst.inv) return false;
  if (spec.in && ifaceMatch(spec.in.value, pkt.in) === spec.in.inv) return false;
  if (spec.out && ifaceMatch(spec.out.value, pkt.out) === spec.out.inv) return false;
  if (spec.proto && spec.proto.value !== 'all' && (spec.proto.value === pkt.proto) === spec.proto.inv)
    return false;
  return spec.matches.every((m) => matchOne(ns, m, pkt));
}

type Walk = { kind: 'verdict'; v: IptVerdict } | { kind: 'return' };

function walkChain(
  ns: NetNs,
  table: IptTableName,
  chain: string,
  pkt: IptPacket,
  path: string[],
  depth: number,
): Walk {
  const c = ns.iptables[table].chains.get(chain);
  if (!c || depth > 32) return { kind: 'return' };
  for (const r of c.rules) {
    const spec = specOf(r.spec);
    if (!ruleMatches(ns, spec, pkt)) continue;
    r.pkts += 1;
    r.bytes += pkt.length;
    const text = r.spec.length ? `-A ${chain} ${specText(r.spec)}` : `-A ${chain}`;
    path.push(text);
    const t = spec.target;
    if (!t) continue;
    const done = (verdict: IptVerdict['verdict'], extra: Partial<IptVerdict> = {}): Walk => ({
      kind: 'verdict',
      v: { verdict, rule: text, chain, byPolicy: false, path, ...extra },
    });
    switch (t.name) {
      case 'ACCEPT':
        return done('ACCEPT');
      case 'DROP':
        return done('DROP');
      case 'REJECT':
        return done('REJECT', { rejectWith: t.rejectWith });
      case 'RETURN':
        return { kind: 'return' };
      case 'DNAT':
        return done('DNAT', { to: t.toDestination });
      case 'SNAT':
        return done('SNAT', { to: t.toSource });
      case 'MASQUERADE':
        return done('MASQUERADE');
      case 'LOG':
        continue;
      default: {
        const sub = walkChain(ns, table, t.name, pkt, path, depth + 1);
        if (sub.kind === 'verdict') return sub;
        if (t.goto) return { kind: 'return' };
      }
    }
  }
  return { kind: 'return' };
}

/**
 * evaluateChain runs a packet through a built-in chain of one table as the kernel does, bumping the
 * counters of every matching rule (and of the policy when it applies), and returns the verdict, the
 * deciding rule in -S form and the rules that matched on the way.
 */
export function evaluateChain(ns: NetNs, table: IptTableName, chain: string, pkt: IptPacket): IptVerdict {
  const path: string[] = [];
  const w = walkChain(ns, table, chain, pkt, path, 0);
  if (w.kind === 'verdict') return w.v;
  const c = ns.iptables[table].chains.get(chain);
  const policy = c?.policy ?? 'ACCEPT';
  if (c) {
    c.pkts += 1;
    c.bytes += pkt.length;
  }
  return { verdict: policy, rule: `-P ${chain} ${policy}`, chain, byPolicy: true, path };
}
