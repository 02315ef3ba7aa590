// Mirrors the kernel's packet taps (dev_queue_xmit_nit on transmit, __netif_receive_skb's ptype_all
// delivery on receive): every interface a frame crosses hands a copy to AF_PACKET sockets, which is
// what tcpdump reads. The walker records one Tap per crossing with the headers as they are at that
// point (after SNAT on the way out, before DNAT on the way in); capture/ turns taps into frames.

import type { Link, NetNs } from '../kernel/types.ts';
import type { WalkCtx } from './ctx.ts';
import type { L2Step } from './l2.ts';
import type { Packet } from './types.ts';

/** Tap is one copy of a frame seen by an interface. */
export interface Tap {
  host: string;
  /** ns is the namespace id the interface lives in. */
  ns: string;
  ifname: string;
  ifindex: number;
  mtu: number;
  /** dir is "out" for a transmitted frame, "in" for a received one. */
  dir: 'in' | 'out';
  /** ms is the time since the exchange started. */
  ms: number;
  /** phase tells whether the frame belongs to the request or to the answer. */
  phase: 'request' | 'reply';
  /** pkt is a snapshot of the IPv4 packet at this point. */
  pkt: Packet;
  srcMac: string;
  dstMac: string;
  /** promisc marks a bridge's copy of a frame it only forwards (seen only in promiscuous mode). */
  promisc?: boolean;
  /** vxlan is set on the underlay: pkt is the outer UDP packet, inner what it carries. */
  vxlan?: { vni: number; inner: Packet; innerSrcMac: string; innerDstMac: string };
  /** arp is set when this copy is an ARP request/reply resolving the packet's next hop. */
  arp?: { op: 'request' | 'reply'; senderIp: string; senderMac: string; targetIp: string; length?: number };
}

/** tapAt records a copy of p crossing (ns, link) in direction dir. */
export function tapAt(
  ctx: WalkCtx,
  ns: NetNs,
  link: Link,
  dir: 'in' | 'out',
  p: Packet,
  extra: Partial<Tap> = {},
): void {
  if (!ctx.taps) return;
  ctx.taps.push({
    host: ns.hostName,
    ns: ns.id,
    ifname: link.name,
    ifindex: link.index,
    mtu: link.mtu,
    dir,
    ms: ctx.ms,
    phase: ctx.dir,
    pkt: { ...p },
    srcMac: ctx.l2?.src ?? link.mac,
    dstMac: ctx.l2?.dst ?? '',
    ...extra,
  });
}

/** tapStep records the copies one L2 crossing makes (called before the crossing's own checks). */
export function tapStep(ctx: WalkCtx, s: L2Step, p: Packet, first: boolean): void {
  switch (s.kind) {
    case 'veth':
      // a bridge port's copy is taken by the bridge step that follows
      if (s.to.link.master === undefined) tapAt(ctx, s.to.ns, s.to.link, 'in', p);
      return;
    case 'macvlan':
    case 'ipvlan':
      tapAt(ctx, s.to.ns, s.to.link, 'in', p);
      return;
    case 'bridge-up':
      tapAt(ctx, s.ns, s.port, 'in', p);
      tapAt(ctx, s.ns, s.bridge, 'in', p);
      return;
    case 'bridge-fwd':
      tapAt(ctx, s.ns, s.inPort, 'in', p);
      tapAt(ctx, s.ns, s.bridge, 'in', p, { promisc: true });
      tapAt(ctx, s.ns, s.outPort, 'out', p);
      return;
    case 'bridge-out':
      tapAt(ctx, s.ns, s.outPort, 'out', p);
      return;
    case 'wire':
      if (!first) tapAt(ctx, s.from.ns, s.from.link, 'out', p);
      tapAt(ctx, s.to.ns, s.to.link, 'in', p);
      return;
    case 'vxlan':
      // the underlay copies are recorded by crossVxlan; the receiving vxlan device sees the inner frame
      return;
  }
}

/** tapVxlanIn records the inner frame coming out of the receiving VTEP (after decapsulation). */
export function tapVxlanIn(ctx: WalkCtx, s: L2Step, p: Packet): void {
  if (s.kind === 'vxlan') tapAt(ctx, s.to.ns, s.to.link, 'in', p);
}

/** tapArp records an ARP exchange for nexthop along the frame's path when ns had no entry for it. */
export function tapArp(
  ctx: WalkCtx,
  ns: NetNs,
  link: Link,
  nexthop: string,
  target: { ns: NetNs; link: Link; steps: L2Step[] },
  p: Packet,
): void {
  if (!ctx.taps || link.kind === 'loopback') return;
  if (ns.neigh.some((n) => n.ip === nexthop && n.dev === link.index && n.mac)) return;
  const senderIp = link.addrs.find((a) => a.family === 4)?.ip ?? p.src;
  // the peer's own ARP request just taught this stack our next hop's address (neigh_event_ns)
  if (
    ctx.taps.some((t) => t.arp?.op === 'request' && t.arp.senderIp === nexthop && t.arp.targetIp === senderIp)
  )
    return;
  const l2 = ctx.l2;
  const req = { op: 'request' as const, senderIp, senderMac: link.mac, targetIp: nexthop };
  const from = ctx.taps.length;
  ctx.l2 = { src: link.mac, dst: 'ff:ff:ff:ff:ff:ff' };
  tapAt(ctx, ns, link, 'out', p, { arp: req });
  target.steps.forEach((s, i) => {
    const before = ctx.taps?.length ?? 0;
    tapStep(ctx, s, p, i === 0);
    for (const t of ctx.taps?.slice(before) ?? []) t.arp = req;
  });
  const rep = { op: 'reply' as const, senderIp: nexthop, senderMac: target.link.mac, targetIp: senderIp };
  ctx.l2 = { src: target.link.mac, dst: link.mac };
  tapAt(ctx, target.ns, target.link, 'out', p, { arp: rep });
  const back = [...target.steps].reverse();
  for (const [i, s] of back.entries()) tapStepBack(ctx, s, p, i === 0, { arp: rep });
  if (!back.length) tapAt(ctx, ns, link, 'in', p, { arp: rep });
  ctx.l2 = l2;
  // the exchange happens just before the frame leaves: spread it over the last few microseconds
  for (const t of ctx.taps.slice(from)) t.ms -= t.arp?.op === 'request' ? 0.01 : 0.005;
}

/** tapStepBack records the copies a crossing makes for a frame going the other way (an ARP reply). */
function tapStepBack(ctx: WalkCtx, s: L2Step, p: Packet, first: boolean, extra: Partial<Tap>): void {
  switch (s.kind) {
    case 'veth':
      if (s.from.link.master === undefined) tapAt(ctx, s.from.ns, s.from.link, 'in', p, extra);
      return;
    case 'macvlan':
    case 'ipvlan':
      tapAt(ctx, s.from.ns, s.from.link, 'in', p, extra);
      return;
    case 'bridge-up':
      // the bridge itself answered (its copy is the target's); the frame leaves by the port
      tapAt(ctx, s.ns, s.port, 'out', p, extra);
      return;
    case 'bridge-fwd':
      tapAt(ctx, s.ns, s.outPort, 'in', p, extra);
      tapAt(ctx, s.ns, s.bridge, 'in', p, { ...extra, promisc: true });
      tapAt(ctx, s.ns, s.inPort, 'out', p, extra);
      return;
    case 'bridge-out':
      tapAt(ctx, s.ns, s.outPort, 'in', p, extra);
      tapAt(ctx, s.ns, s.bridge, 'in', p, extra);
      return;
    case 'wire':
      tapAt(ctx, s.from.ns, s.from.link, 'in', p, extra);
      if (!first) tapAt(ctx, s.to.ns, s.to.link, 'out', p, extra);
      return;
    case 'vxlan':
      return;
  }
}
