// Mirrors how Linux delivers an Ethernet frame: veth_xmit (drivers/net/veth.c), the bridge's
// br_handle_frame / br_forward (net/bridge), macvlan_queue_xmit / macvlan_handle_frame
// (drivers/net/macvlan.c), ipvlan l2 (drivers/net/ipvlan), 802.1q (net/8021q) and a shared LAN
// "switch" per segment; simplified: ARP is answered by the interface that holds the address, the
// bridge floods instead of learning before it forwards, VEPA switches do not hairpin.

import { linkByIndex } from '../kernel/netns.ts';
import type { Link, NetNs } from '../kernel/types.ts';
import type { World } from '../world/world.ts';

/** Attach is an interface in a namespace. */
export interface Attach {
  ns: NetNs;
  link: Link;
}

/** L2Step is one crossing a frame makes on its way to an interface. */
export type L2Step =
  | { kind: 'veth'; from: Attach; to: Attach }
  | { kind: 'bridge-fwd'; ns: NetNs; bridge: Link; inPort: Link; outPort: Link }
  | { kind: 'bridge-up'; ns: NetNs; bridge: Link; port: Link }
  | { kind: 'bridge-out'; ns: NetNs; bridge: Link; outPort: Link }
  | { kind: 'wire'; segment: string; vlan?: number; from: Attach; to: Attach }
  | { kind: 'macvlan'; from: Attach; to: Attach; mode: string }
  | { kind: 'ipvlan'; from: Attach; to: Attach; mode: string }
  | { kind: 'vxlan'; from: Attach; to: Attach; vni: number };

/** Endpoint is an interface a frame can reach, with the crossings on the way. */
export interface Endpoint extends Attach {
  steps: L2Step[];
}

const key = (a: Attach): string => `${a.ns.id}#${a.link.index}`;

/** childrenOf lists the macvlan, ipvlan and vlan links whose lower device is (ns, link). */
export function childrenOf(world: World, ns: NetNs, link: Link): Attach[] {
  const out: Attach[] = [];
  for (const n of world.namespaces()) {
    for (const l of n.links)
      if (l.parent && l.parent.ns === ns && l.parent.index === link.index) out.push({ ns: n, link: l });
  }
  return out;
}

/** parentOf returns the lower device of a macvlan/ipvlan/vlan link. */
export function parentOf(link: Link): Attach | undefined {
  if (!link.parent) return undefined;
  const l = linkByIndex(link.parent.ns, link.parent.index);
  return l ? { ns: link.parent.ns, link: l } : undefined;
}

class Finder {
  readonly found: Endpoint[] = [];
  private readonly seen = new Set<string>();
  private readonly world: World;
  constructor(world: World) {
    this.world = world;
  }

  private endpoint(a: Attach, steps: L2Step[]): void {
    if (this.seen.has(key(a))) return;
    this.seen.add(key(a));
    this.found.push({ ...a, steps });
  }

  /** arrive handles a frame received by a.link from its medium. */
  arrive(a: Attach, steps: L2Step[], fromWire: boolean): void {
    if (!a.link.up) return;
    if (a.link.master !== undefined) {
      const bridge = linkByIndex(a.ns, a.link.master);
      if (bridge?.up) this.arriveBridge(a.ns, bridge, a.link, steps);
      return;
    }
    this.endpoint(a, steps);
    if (fromWire) {
      for (const c of childrenOf(this.world, a.ns, a.link)) {
        if (c.link.kind === 'vlan' || !c.link.up) continue;
        const step: L2Step =
          c.link.kind === 'ipvlan'
            ? { kind: 'ipvlan', from: a, to: c, mode: c.link.mode ?? 'l2' }
            : { kind: 'macvlan', from: a, to: c, mode: c.link.mode ?? 'bridge' };
        this.arrive(c, [...steps, step], false);
      }
    }
  }

  private arriveBridge(ns: NetNs, bridge: Link, port: Link, steps: L2Step[]): void {
    this.endpoint({ ns, link: bridge }, [...steps, { kind: 'bridge-up', ns, bridge, port }]);
    for (const q of ns.links) {
      if (q.master !== bridge.index || q === port || !q.up) continue;
      if (q.isolated && port.isolated) continue;
      this.emit({ ns, link: q }, [...steps, { kind: 'bridge-fwd', ns, bridge, inPort: port, outPort: q }]);
    }
  }

  /** emit handles a frame transmitted by a.link. */
  emit(a: Attach, steps: L2Step[]): void {
    const { ns, link } = a;
    if (!link.up) return;
    switch (link.kind) {
      case 'veth': {
        if (!link.peer) return;
        const peer = linkByIndex(link.peer.ns, link.peer.index);
        if (peer)
          this.arrive(
            { ns: link.peer.ns, link: peer },
            [...steps, { kind: 'veth', from: a, to: { ns: link.peer.ns, link: peer } }],
            false,
          );
        return;
      }
      case 'bridge':
        for (const q of ns.links) {
          if (q.master === link.index && q.up)
            this.emit({ ns, link: q }, [...steps, { kind: 'bridge-out', ns, bridge: link, outPort: q }]);
        }
        return;
      case 'ether':
        if (link.segment) this.wire(link.segment, undefined, a, steps);
        return;
      case 'vlan': {
        const p = parentOf(link);
        if (p?.link.up && p.link.segment) this.wire(p.link.segment, link.vlanId, a, steps);
        return;
      }
      case 'macvlan':
      case 'ipvlan':
        this.emitLower(a, steps);
        return;
      case 'vxlan':
        this.emitVxlan(a, steps);
        return;
      default:
        return;
    }
  }

  private emitLower(a: Attach, steps: L2Step[]): void {
    const p = parentOf(a.link);
    if (!p?.link.up) return;
    const mode = a.link.mode ?? (a.link.kind === 'macvlan' ? 'bridge' : 'l2');
    const siblingsTalk = a.link.kind === 'macvlan' ? mode === 'bridge' : true;
    if (siblingsTalk) {
      for (const s of childrenOf(this.world, p.ns, p.link)) {
        if (s.link === a.link || s.link.kind !== a.link.kind || !s.link.up) continue;
        if (a.link.kind === 'macvlan' && (s.link.mode ?? 'bridge') !== 'bridge') continue;
        const step: L2Step =
          a.link.kind === 'ipvlan'
            ? { kind: 'ipvlan', from: a, to: s, mode }
            : { kind: 'macvlan', from: a, to: s, mode };
        this.arrive(s, [...steps, step], false);
      }
    }
    // the frame leaves through the lower device onto its medium (never up into the lower device)
    const lower = p.link;
    if (lower.kind === 'ether' && lower.segment) this.wire(lower.segment, undefined, p, steps);
    else if (lower.kind === 'vlan') {
      const pp = parentOf(lower);
      if (pp?.link.up && pp.link.segment) this.wire(pp.link.segment, lower.vlanId, p, steps);
    }
  }

  private wire(segment: string, vlan: number | undefined, from: Attach, steps: L2Step[]): void {
    const sender = from.link.kind === 'vlan' ? parentOf(from.link) : from;
    for (const ref of this.world.segmentMembers(segment)) {
      const nic = linkByIndex(ref.ns, ref.index);
      if (!nic?.up) continue;
      if (sender && ref.ns === sender.ns && nic === sender.link) continue;
      const nicAt = { ns: ref.ns, link: nic };
      if (vlan === undefined) {
        this.arrive(nicAt, [...steps, { kind: 'wire', segment, from, to: nicAt }], true);
        continue;
      }
      for (const c of childrenOf(this.world, ref.ns, nic)) {
        if (c.link.kind === 'vlan' && c.link.vlanId === vlan)
          this.arrive(c, [...steps, { kind: 'wire', segment, vlan, from, to: c }], true);
      }
    }
  }

  private emitVxlan(a: Attach, steps: L2Step[]): void {
    const vni = a.link.vxlan?.vni;
    if (vni === undefined) return;
    for (const n of this.world.namespaces()) {
      for (const l of n.links) {
        if (l.kind !== 'vxlan' || l === a.link || l.vxlan?.vni !== vni || n.hostName === a.ns.hostName)
          continue;
        const to = { ns: n, link: l };
        this.arrive(to, [...steps, { kind: 'vxlan', from: a, to, vni }], false);
      }
    }
  }
}

/** l2Endpoints lists every interface a frame sent by (ns, link) can reach, nearest first. */
export function l2Endpoints(world: World, ns: NetNs, link: Link): Endpoint[] {
  const f = new Finder(world);
  f.emit({ ns, link }, []);
  return f.found;
}

/** resolveNeighbour finds the interface that answers ARP for ip when (ns, link) asks. */
export function resolveNeighbour(world: World, ns: NetNs, link: Link, ip: string): Endpoint | undefined {
  return l2Endpoints(world, ns, link).find((e) => e.link.addrs.some((a) => a.family === 4 && a.ip === ip));
}
