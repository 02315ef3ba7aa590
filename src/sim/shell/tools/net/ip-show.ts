// Mirrors iproute2 ip/ipaddress.c (print_linkinfo, print_addrinfo, print_linkinfo_brief,
// lib/utils.c print_name_and_link) and busybox networking/libiproute/ipaddress.c; simplified: no
// statistics, no IPv6 link-local generation, `-d` prints only the link kind line.

import { linkByIndex } from '../../../kernel/netns.ts';
import type { Link, NetNs } from '../../../kernel/types.ts';

/** Flavour picks iproute2 ("gnu") or busybox formats. */
export type Flavour = 'gnu' | 'busybox';

/** ShowOpts are the ip options that change the printing. */
export interface ShowOpts {
  flavour: Flavour;
  brief: boolean;
  details: boolean;
  family?: 4 | 6;
  /** link is true for `ip link` (prints "mode DEFAULT", no addresses). */
  link: boolean;
}

/** netnsId returns the id a viewer namespace gives a peer namespace (link-netnsid), allocating in order. */
export function netnsId(viewer: NetNs, peer: NetNs): number {
  viewer.peerNsIds ??= new Map();
  let id = viewer.peerNsIds.get(peer.id);
  if (id === undefined) {
    id = viewer.peerNsIds.size;
    viewer.peerNsIds.set(peer.id, id);
  }
  return id;
}

/** lowerOf returns the link a link is stacked on or paired with (IFLA_LINK). */
export function lowerOf(l: Link): { ns: NetNs; link: Link } | undefined {
  const ref = l.peer ?? l.parent;
  if (!ref) return undefined;
  const link = linkByIndex(ref.ns, ref.index);
  return link ? { ns: ref.ns, link } : undefined;
}

/** hasCarrier tells whether a link has carrier (IFF_RUNNING / LOWER_UP). */
export function hasCarrier(ns: NetNs, l: Link, depth = 0): boolean {
  if (!l.up || depth > 4) return false;
  switch (l.kind) {
    case 'veth': {
      const p = lowerOf(l);
      return !!p && p.link.up;
    }
    case 'bridge':
      return ns.links.some((x) => x.master === l.index && hasCarrier(ns, x, depth + 1));
    case 'macvlan':
    case 'ipvlan':
    case 'vlan': {
      const p = lowerOf(l);
      return !!p && hasCarrier(p.ns, p.link, depth + 1);
    }
    default:
      return true;
  }
}

/** operState returns IFLA_OPERSTATE as ip prints it. */
export function operState(ns: NetNs, l: Link): string {
  if (l.kind === 'loopback' || l.kind === 'dummy' || l.kind === 'vxlan') return l.up ? 'UNKNOWN' : 'DOWN';
  if (!l.up) return 'DOWN';
  if (hasCarrier(ns, l)) return 'UP';
  if (l.kind === 'veth' || l.kind === 'macvlan' || l.kind === 'vlan' || l.kind === 'ipvlan')
    return 'LOWERLAYERDOWN';
  return 'DOWN';
}

function flagsOf(ns: NetNs, l: Link, f: Flavour, mdown: boolean): string {
  const out: string[] = [];
  const carrier = hasCarrier(ns, l);
  if (l.up && !carrier) out.push('NO-CARRIER');
  if (l.kind === 'loopback') out.push('LOOPBACK');
  else out.push('BROADCAST');
  if (l.kind === 'dummy' || (l.kind === 'ipvlan' && l.mode === 'l3')) out.push('NOARP');
  if (l.kind !== 'loopback' && l.kind !== 'dummy') out.splice(out.indexOf('BROADCAST') + 1, 0, 'MULTICAST');
  if (f === 'gnu' && l.promisc) out.push('PROMISC');
  if (l.up) out.push('UP');
  if (l.up && carrier) out.push('LOWER_UP');
  return `<${out.join(',')}${mdown ? ',M-DOWN' : ''}>`;
}

/** qdiscOf returns the queueing discipline ip shows. */
export const qdiscOf = (l: Link): string =>
  !l.up && l.kind !== 'veth' && l.kind !== 'bridge' ? 'noop' : l.kind === 'ether' ? 'fq_codel' : 'noqueue';
/** txqlenOf returns the transmit queue length (0 is not printed). */
export const txqlenOf = (l: Link): number =>
  l.kind === 'loopback' || l.kind === 'ether' || l.kind === 'dummy' || l.kind === 'vxlan' ? 1000 : 0;

/** nameAndLink renders "eth0@if7" and tells whether busybox adds M-DOWN and which netnsid applies. */
export function nameAndLink(ns: NetNs, l: Link, f: Flavour): { name: string; mdown: boolean; nsid?: number } {
  const low = lowerOf(l);
  if (!low || (l.kind !== 'veth' && l.kind !== 'macvlan' && l.kind !== 'ipvlan' && l.kind !== 'vlan'))
    return { name: l.name, mdown: false };
  if (low.ns === ns) return { name: `${l.name}@${low.link.name}`, mdown: !low.link.up };
  if (f === 'gnu') return { name: `${l.name}@if${low.link.index}`, mdown: false, nsid: netnsId(ns, low.ns) };
  const local = linkByIndex(ns, low.link.index);
  return { name: `${l.name}@${local ? local.name : `if${low.link.index}`}`, mdown: !(local?.up ?? false) };
}

function detailsLine(ns: NetNs, l: Link): string {
  const port = l.master !== undefined ? linkByIndex(ns, l.master) : undefined;
  let kind = '';
  switch (l.kind) {
    case 'veth':
      kind = 'veth ';
      break;
    case 'bridge':
      kind =
        'bridge forward_delay 1500 hello_time 200 max_age 2000 ageing_time 30000 stp_state 0 priority 32768 vlan_filtering 0 vlan_protocol 802.1Q ';
      break;
    case 'macvlan':
      kind = `macvlan mode ${l.mode ?? 'bridge'} `;
      break;
    case 'ipvlan':
      kind = `ipvlan  mode ${l.mode ?? 'l2'} bridge `;
      break;
    case 'vlan':
      kind = `vlan protocol 802.1Q id ${l.vlanId} <REORDER_HDR> `;
      break;
    case 'vxlan':
      kind = `vxlan id ${l.vxlan?.vni ?? 0} srcport 0 0 dstport ${l.vxlan?.port ?? 4789} proxy l2miss l3miss ttl auto ageing 300 `;
      break;
    case 'dummy':
      kind = 'dummy ';
      break;
    default:
      kind = '';
  }
  const slave = port
    ? `\n    bridge_slave state forwarding priority 32 cost 2 hairpin off guard off root_block off fastleave off learning on flood on ${l.isolated ? 'isolated on ' : ''}`
    : '';
  const promisc = ` promiscuity ${l.promisc || l.kind === 'bridge' || ns.links.some((x) => x.parent?.ns === ns && x.parent.index === l.index && x.kind === 'macvlan') ? 1 : 0}  allmulti 0 minmtu 68 maxmtu 65535 `;
  return `${promisc}${kind ? `\n    ${kind}` : ''}${slave}`;
}

/** linkBlock renders one link's header lines (`N: name: <flags> mtu … \n    link/ether …`). */
export function linkBlock(ns: NetNs, l: Link, o: ShowOpts): string {
  const nl = nameAndLink(ns, l, o.flavour);
  const state = operState(ns, l);
  const master = l.master !== undefined ? linkByIndex(ns, l.master) : undefined;
  let s = `${l.index}: ${nl.name}: ${flagsOf(ns, l, o.flavour, nl.mdown)} mtu ${l.mtu} qdisc ${qdiscOf(l)} `;
  if (master) s += `master ${master.name} `;
  s += `state ${state} `;
  if (o.flavour === 'gnu') s += `${o.link ? 'mode DEFAULT ' : ''}group default `;
  const q = txqlenOf(l);
  if (q) s += `qlen ${q}`;
  s += '\n';
  if (o.family === undefined || o.link || o.details) {
    const lo = l.kind === 'loopback';
    s += `    link/${lo ? 'loopback' : 'ether'} ${l.mac} brd ${lo ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff'}`;
    if (o.flavour === 'gnu' && nl.nsid !== undefined) s += ` link-netnsid ${nl.nsid}`;
    if (o.details && o.flavour === 'gnu') s += detailsLine(ns, l);
    s += '\n';
  }
  return s;
}

/** addrLines renders the inet/inet6 lines of one link for `ip addr`. */
export function addrLines(l: Link, o: ShowOpts): string {
  let s = '';
  for (const a of l.addrs) {
    if (o.family && a.family !== o.family) continue;
    s += `    ${a.family === 4 ? 'inet' : 'inet6'} ${a.ip}/${a.prefixLen} `;
    if (a.broadcast) s += `brd ${a.broadcast} `;
    s += `scope ${a.scope} `;
    if (a.family === 6 && a.ip === '::1') s += 'noprefixroute ';
    if (a.family === 4) s += l.name;
    s += '\n       valid_lft forever preferred_lft forever\n';
  }
  return s;
}

/** briefLine renders `ip -br link` / `ip -br addr` for one link. */
export function briefLine(ns: NetNs, l: Link, o: ShowOpts): string {
  const nl = nameAndLink(ns, l, 'gnu');
  let s = `${nl.name.padEnd(16)} ${operState(ns, l).padEnd(14)} `;
  if (o.link) return `${s}${l.mac} ${flagsOf(ns, l, 'gnu', nl.mdown)} \n`;
  for (const a of l.addrs) if (!o.family || a.family === o.family) s += `${a.ip}/${a.prefixLen} `;
  return `${s}\n`;
}

/** showLinks renders `ip link` / `ip addr` for the links of ns (optionally one device). */
export function showLinks(ns: NetNs, o: ShowOpts, only?: Link, filter?: (l: Link) => boolean): string {
  const links = (only ? [only] : ns.links).filter((l) => !filter || filter(l));
  links.sort((a, b) => a.index - b.index);
  for (const l of links) {
    const low = lowerOf(l);
    if (low && low.ns !== ns) netnsId(ns, low.ns);
  }
  let out = '';
  for (const l of links) {
    if (o.brief) {
      out += briefLine(ns, l, o);
      continue;
    }
    if (!o.link && o.family && !l.addrs.some((a) => a.family === o.family)) continue;
    out += linkBlock(ns, l, o);
    if (!o.link) out += addrLines(l, o);
  }
  return out;
}
