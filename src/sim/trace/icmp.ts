// Mirrors net/ipv4/icmp.c icmp_send (errors go back along the route to the sender, never about
// another error) and net/ipv4/netfilter/ipt_REJECT.c / nf_reject_ipv4.c (ICMP or TCP RST);
// simplified: the error's source is the route back's preferred source.

import type { NetNs } from '../kernel/types.ts';
import { lookupRoute } from './route.ts';
import type { Packet } from './types.ts';
import { ICMP, UNREACH } from './types.ts';

/** Outcome is where a packet's walk ended. */
export type Outcome =
  | { kind: 'arrived'; ns: NetNs; pkt: Packet; inIf: string }
  | { kind: 'lost'; reason: string; dropped: boolean }
  | { kind: 'local-error'; errno: 'ENETUNREACH' | 'EHOSTUNREACH' | 'EPERM'; reason: string }
  | { kind: 'error-packet'; ns: NetNs; pkt: Packet; reason: string };

/** lost builds the outcome of a packet that vanished (dropped, or nobody answered). */
export const lost = (reason: string, dropped = true): Outcome => ({ kind: 'lost', reason, dropped });

/** defaultTtl is a namespace's initial TTL (net.ipv4.ip_default_ttl). */
export const defaultTtl = (ns: NetNs): number => ns.sysctl.defaultTtl ?? 64;

/** icmpError builds the ICMP error ns sends back about packet p (never about another error). */
export function icmpError(ns: NetNs, p: Packet, type: number, code: number, reason: string): Outcome {
  if (p.kind === 'icmp-error') return lost(reason);
  const back = lookupRoute(ns, p.src);
  if (!back) return lost(reason);
  const err: Packet = {
    proto: 'icmp',
    kind: 'icmp-error',
    src: back.src,
    dst: p.src,
    sport: 0,
    dport: 0,
    ttl: defaultTtl(ns),
    length: 56 + 28,
    icmpType: type,
    icmpCode: code,
    inner: { proto: p.proto, src: p.src, dst: p.dst, sport: p.sport, dport: p.dport },
  };
  return { kind: 'error-packet', ns, pkt: err, reason };
}

/** rejectPacket builds what the REJECT target sends back (an ICMP error or a TCP RST). */
export function rejectPacket(ns: NetNs, p: Packet, rejectWith: string | undefined, reason: string): Outcome {
  if (rejectWith === 'tcp-reset' && p.proto === 'tcp') {
    const rst: Packet = {
      proto: 'tcp',
      kind: 'rst',
      src: p.dst,
      dst: p.src,
      sport: p.dport,
      dport: p.sport,
      ttl: defaultTtl(ns),
      length: 40,
    };
    return { kind: 'error-packet', ns, pkt: rst, reason };
  }
  const codes: Record<string, number> = {
    'icmp-net-unreachable': UNREACH.NET,
    'icmp-host-unreachable': UNREACH.HOST,
    'icmp-proto-unreachable': UNREACH.PROTO,
    'icmp-port-unreachable': UNREACH.PORT,
    'icmp-net-prohibited': UNREACH.NET_PROHIB,
    'icmp-host-prohibited': UNREACH.HOST_PROHIB,
    'icmp-admin-prohibited': UNREACH.ADMIN_PROHIB,
  };
  return icmpError(ns, p, ICMP.UNREACH, codes[rejectWith ?? ''] ?? UNREACH.PORT, reason);
}
