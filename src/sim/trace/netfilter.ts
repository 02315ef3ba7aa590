// Mirrors the netfilter hooks a packet meets (net/netfilter/core.c nf_hook_slow), connection
// tracking (nf_conntrack_core.c: lookup, confirm, RELATED for ICMP errors) and NAT
// (nf_nat_core.c: DNAT in PREROUTING/OUTPUT, SNAT/MASQUERADE in POSTROUTING, reverse NAT of replies);
// simplified: conntrack entries live only for one exchange, no helpers, no port clash handling.

import type { IptVerdict } from '../kernel/ipt-eval.ts';
import { evaluateChain } from '../kernel/ipt-eval.ts';
import type { Conn, IptTableName, NetNs } from '../kernel/types.ts';
import type { WalkCtx } from './ctx.ts';
import { hop } from './ctx.ts';
import { lookupRoute } from './route.ts';
import type { Hop, Packet, Tuple } from './types.ts';

/** CtInfo is what conntrack knows about a packet in one namespace. */
export interface CtInfo {
  state: 'NEW' | 'ESTABLISHED' | 'RELATED';
  conn?: Conn;
  /** dir is "reply" when the packet travels in the conn's reply direction. */
  dir?: 'orig' | 'reply';
  /** entry is the tuple as the packet entered this namespace (the conn's orig when it is NEW). */
  entry: Tuple;
}

const tupleOf = (p: Packet): Tuple => ({
  proto: p.proto,
  src: p.src,
  dst: p.dst,
  sport: p.sport,
  dport: p.dport,
});
type Addrs = Omit<Tuple, 'proto'>;
const same = (a: Addrs, b: Addrs): boolean =>
  a.src === b.src && a.dst === b.dst && a.sport === b.sport && a.dport === b.dport;

/**
 * ctLookup classifies a packet against a namespace's connection table: a packet in the reply
 * direction is ESTABLISHED (and marks the connection as answered); one in the original direction
 * stays NEW until an answer was seen, as in the kernel.
 */
export function ctLookup(ns: NetNs, p: Packet, ctx: WalkCtx): CtInfo {
  const entry = tupleOf(p);
  if (p.kind === 'icmp-error' && p.inner) {
    const inner = p.inner;
    const rev: Tuple = {
      proto: inner.proto,
      src: inner.dst,
      dst: inner.src,
      sport: inner.dport,
      dport: inner.sport,
    };
    const c = ns.conntrack.find(
      (x) => x.proto === inner.proto && (same(x.reply, rev) || same(x.orig, inner)),
    );
    if (c) return { state: 'RELATED', conn: c, dir: same(c.reply, rev) ? 'reply' : 'orig', entry };
    return { state: 'NEW', entry };
  }
  for (const c of ns.conntrack) {
    if (c.proto !== p.proto) continue;
    if (same(c.reply, entry)) {
      ctx.replied.add(c);
      return { state: 'ESTABLISHED', conn: c, dir: 'reply', entry };
    }
    if (same(c.orig, entry))
      return { state: ctx.replied.has(c) ? 'ESTABLISHED' : 'NEW', conn: c, dir: 'orig', entry };
  }
  return { state: 'NEW', entry };
}

/** ctstateOf lists the states iptables' conntrack match sees. */
export function ctstateOf(ct: CtInfo): string[] {
  const s: string[] = [ct.state];
  if (ct.conn && ct.conn.orig.dst !== ct.conn.reply.src) s.push('DNAT');
  if (ct.conn && ct.conn.orig.src !== ct.conn.reply.dst) s.push('SNAT');
  return s;
}

/** ctConfirm records a NEW connection once its packet has passed the last hook in ns. */
export function ctConfirm(ctx: WalkCtx, ns: NetNs, ct: CtInfo, p: Packet): void {
  if (ct.state !== 'NEW' || p.kind === 'icmp-error') return;
  const conn: Conn = {
    proto: p.proto,
    orig: { src: ct.entry.src, dst: ct.entry.dst, sport: ct.entry.sport, dport: ct.entry.dport },
    reply: { src: p.dst, dst: p.src, sport: p.dport, dport: p.sport },
  };
  ns.conntrack.push(conn);
  ctx.conns.push({ ns, conn });
}

/** unNatDst applies the reverse of SNAT to a reply (PREROUTING / OUTPUT). */
export function unNatDst(ct: CtInfo, p: Packet): boolean {
  const c = ct.conn;
  if (!c || ct.dir !== 'reply') return false;
  if (c.orig.src === c.reply.dst && c.orig.sport === c.reply.dport) return false;
  p.dst = c.orig.src;
  if (p.proto !== 'icmp' || p.kind === 'icmp-error') p.dport = c.orig.sport;
  if (p.inner) p.inner = { ...p.inner, src: c.orig.src, sport: c.orig.sport };
  return true;
}

/** unNatSrc applies the reverse of DNAT to a reply (POSTROUTING / INPUT). */
export function unNatSrc(ct: CtInfo, p: Packet): boolean {
  const c = ct.conn;
  if (!c || ct.dir !== 'reply') return false;
  if (c.orig.dst === c.reply.src && c.orig.dport === c.reply.sport) return false;
  if (p.kind !== 'icmp-error') {
    p.src = c.orig.dst;
    if (p.proto !== 'icmp') p.sport = c.orig.dport;
  } else if (p.inner) {
    p.inner = { ...p.inner, dst: c.orig.dst, dport: c.orig.dport };
  }
  return true;
}

/** HookArgs names where a hook runs. */
export interface HookArgs {
  table: IptTableName;
  chain: string;
  in?: string;
  out?: string;
  ct: CtInfo;
}

const explainVerdict = (v: IptVerdict, chainLabel: string): string => {
  if (v.byPolicy) return `no rule in ${chainLabel} matched; the chain's policy is ${v.verdict}`;
  return `${v.verdict === 'ACCEPT' ? 'accepted' : v.verdict === 'DROP' ? 'dropped' : v.verdict === 'REJECT' ? 'rejected' : 'rewritten'} by ${v.chain}`;
};

/**
 * runHook runs one table's built-in chain on the packet, records a hop when the chain has
 * something to say, and returns the verdict (ACCEPT when the chain is empty).
 */
export function runHook(ctx: WalkCtx, ns: NetNs, a: HookArgs, p: Packet): IptVerdict {
  const chain = ns.iptables[a.table].chains.get(a.chain);
  const v = evaluateChain(ns, a.table, a.chain, {
    proto: p.proto,
    src: p.src,
    dst: p.dst,
    sport: p.sport,
    dport: p.dport,
    in: a.in,
    out: a.out,
    ctstate: ctstateOf(a.ct),
    icmpType: p.icmpType,
    icmpCode: p.icmpCode,
    length: p.length,
  });
  const quiet = v.verdict === 'ACCEPT' && v.byPolicy && (chain?.rules.length ?? 0) === 0;
  if (!quiet) {
    const label = `${a.table} ${a.chain}`;
    const verdict: Hop['verdict'] =
      v.verdict === 'DROP'
        ? 'drop'
        : v.verdict === 'REJECT'
          ? 'reject'
          : v.verdict === 'ACCEPT'
            ? 'pass'
            : 'nat';
    hop(ctx, ns, p, {
      what: 'iptables',
      rule: v.rule,
      in: a.in,
      out: a.out,
      verdict,
      reason: `${label}: ${explainVerdict(v, label)}${isolationHint(v)}`,
    });
  }
  return v;
}

function isolationHint(v: IptVerdict): string {
  if (v.verdict !== 'DROP') return '';
  if (v.chain === 'DOCKER-ISOLATION-STAGE-2')
    return ' (different Docker networks are isolated from each other)';
  if (v.chain === 'DOCKER-ISOLATION-STAGE-1') return ' (an internal network talks only to itself)';
  if (v.chain === 'DOCKER' && v.rule.includes('-j DROP'))
    return ' (only published ports may be reached from outside the network)';
  if (
    v.chain === 'DOCKER-FORWARD' ||
    v.rule.includes('-i docker0 -o docker0') ||
    /-i (\S+) -o \1 -j DROP/.test(v.rule)
  )
    return ' (inter-container communication is disabled on this network)';
  if (v.chain === 'PREROUTING' && v.rule.startsWith('-A PREROUTING -d'))
    return ' (a container address may only be reached through its own bridge)';
  return '';
}

function natTarget(to: string | undefined): { ip?: string; port?: number } {
  if (!to) return {};
  const m = /^([\d.]+)?(?:-[\d.]+)?(?::(\d+)(?:-\d+)?)?$/.exec(to);
  if (!m) return {};
  return { ip: m[1], port: m[2] === undefined ? undefined : Number(m[2]) };
}

/** applyDnat rewrites the destination for a DNAT verdict; returns true when it changed. */
export function applyDnat(ctx: WalkCtx, ns: NetNs, v: IptVerdict, p: Packet): boolean {
  if (v.verdict !== 'DNAT') return false;
  const t = natTarget(v.to);
  const before = `${p.dst}:${p.dport}`;
  if (t.ip) p.dst = t.ip;
  if (t.port !== undefined && p.proto !== 'icmp') p.dport = t.port;
  hop(ctx, ns, p, {
    what: 'nat',
    rule: v.rule,
    verdict: 'nat',
    reason: `DNAT: destination ${before} rewritten to ${p.dst}:${p.dport}`,
  });
  return true;
}

/** applySnat rewrites the source for SNAT or MASQUERADE (the address of the outgoing interface). */
export function applySnat(ctx: WalkCtx, ns: NetNs, v: IptVerdict, p: Packet, outLinkName: string): boolean {
  if (v.verdict !== 'SNAT' && v.verdict !== 'MASQUERADE') return false;
  const before = p.src;
  if (v.verdict === 'SNAT') {
    const t = natTarget(v.to);
    if (t.ip) p.src = t.ip;
    if (t.port !== undefined && p.proto !== 'icmp') p.sport = t.port;
  } else {
    const link = ns.links.find((l) => l.name === outLinkName);
    const r = lookupRoute(ns, p.dst);
    const a = link?.addrs.find((x) => x.family === 4 && x.scope === 'global');
    p.src = r && r.link === link ? r.src : (a?.ip ?? p.src);
  }
  hop(ctx, ns, p, {
    what: 'nat',
    rule: v.rule,
    verdict: 'nat',
    out: outLinkName,
    reason: `${v.verdict}: source ${before} rewritten to ${p.src} (replies come back to this address and are translated back)`,
  });
  return true;
}
