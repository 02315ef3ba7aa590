// The underlay leg of an overlay hop: the kernel's vxlan device wraps the inner frame in
// UDP/4789 from the sending host's address to the receiving host's (the VTEPs), and that outer
// packet meets both hosts' iptables (filter OUTPUT on the sender, filter INPUT on the receiver),
// so a rule dropping udp/4789 breaks the overlay as it does on real hosts.

import type { NetNs } from '../kernel/types.ts';
import type { WalkCtx } from './ctx.ts';
import { COST, hop } from './ctx.ts';
import type { Outcome } from './icmp.ts';
import { lost } from './icmp.ts';
import { ctLookup, runHook } from './netfilter.ts';
import { tapAt } from './tap.ts';
import type { Packet } from './types.ts';

/** VXLAN_PORT is the overlay's data path port; VXLAN_OVERHEAD the bytes encapsulation adds. */
export const VXLAN_PORT = 4789;
const VXLAN_OVERHEAD = 50;

const lanIP = (ns: NetNs | undefined): string =>
  ns?.links.find((l) => l.name === 'eth0')?.addrs.find((a) => a.family === 4)?.ip ?? '';

/** outerSourcePort is the flow-hashed UDP source port Linux picks for a VXLAN packet. */
export function outerSourcePort(p: Packet): number {
  let h = 0;
  for (const ch of `${p.src}>${p.dst}/${p.proto}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 32768 + (h % 28232);
}

/** crossVxlan walks the encapsulated packet from one host's VTEP to another's; undefined = it arrived. */
export function crossVxlan(
  ctx: WalkCtx,
  from: NetNs,
  to: NetNs,
  vni: number,
  inner: Packet,
): Outcome | undefined {
  const src = ctx.world.hosts.get(from.hostName)?.ns;
  const dst = ctx.world.hosts.get(to.hostName)?.ns;
  if (!src || !dst) return lost('no underlay between the VTEPs');
  const outer: Packet = {
    proto: 'udp',
    kind: 'udp',
    src: lanIP(src),
    dst: lanIP(dst),
    sport: outerSourcePort(inner),
    dport: VXLAN_PORT,
    ttl: 64,
    length: inner.length + VXLAN_OVERHEAD,
  };
  const out = runHook(
    ctx,
    src,
    { table: 'filter', chain: 'OUTPUT', out: 'eth0', ct: ctLookup(src, outer, ctx) },
    outer,
  );
  if (out.verdict === 'DROP' || out.verdict === 'REJECT')
    return lost(`the VXLAN packet (UDP ${VXLAN_PORT}) was dropped by ${out.chain} in ${src.id}`);
  tapUnderlay(ctx, src, dst, vni, outer, inner);
  ctx.ms += COST.lan + 0.02;
  hop(ctx, dst, outer, {
    what: 'vxlan',
    out: 'eth0',
    in: 'eth0',
    verdict: 'pass',
    reason: `encapsulated in VXLAN (VNI ${vni}): outer UDP ${outer.src}:${outer.sport} → ${outer.dst}:${VXLAN_PORT} over the underlay, carrying ${inner.src} → ${inner.dst}`,
  });
  tapUnderlay(ctx, dst, src, vni, outer, inner);
  const inp = runHook(
    ctx,
    dst,
    { table: 'filter', chain: 'INPUT', in: 'eth0', ct: ctLookup(dst, outer, ctx) },
    outer,
  );
  if (inp.verdict === 'DROP' || inp.verdict === 'REJECT')
    return lost(`the VXLAN packet (UDP ${VXLAN_PORT}) was dropped by ${inp.chain} in ${dst.id}`);
  return undefined;
}

/** tapUnderlay records the encapsulated frame on `at`'s eth0 (out on the sender, in on the receiver). */
function tapUnderlay(ctx: WalkCtx, at: NetNs, peer: NetNs, vni: number, outer: Packet, inner: Packet): void {
  const eth0 = at.links.find((l) => l.name === 'eth0');
  const peerEth0 = peer.links.find((l) => l.name === 'eth0');
  if (!eth0 || !peerEth0) return;
  const sending = at.id === ctx.world.hosts.get(at.hostName)?.ns.id && lanIP(at) === outer.src;
  const vxlan = { vni, inner: { ...inner }, innerSrcMac: ctx.l2?.src ?? '', innerDstMac: ctx.l2?.dst ?? '' };
  const l2 = ctx.l2;
  ctx.l2 = sending ? { src: eth0.mac, dst: peerEth0.mac } : { src: peerEth0.mac, dst: eth0.mac };
  tapAt(ctx, at, eth0, sending ? 'out' : 'in', outer, { vxlan });
  ctx.l2 = l2;
}
