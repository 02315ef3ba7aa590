// Operations on namespaces, links, addresses and routes: what `ip link/addr/route` and netlink do.
// Mirrors the subset of vishvananda/netlink that libnetwork's drivers call (LinkAdd, LinkSetMaster,
// LinkSetNsFd, AddrAdd, RouteAdd …). Simplified: IPv4 routing only.

import { broadcastOf, cidrString } from './inet.ts';
import type { Addr, IptTable, IptTableName, Link, LinkKind, NetNs, Route } from './types.ts';

function emptyTable(name: IptTableName, builtins: string[]): IptTable {
  const chains = new Map(
    builtins.map((c) => [c, { name: c, policy: 'ACCEPT' as const, rules: [], pkts: 0, bytes: 0 }]),
  );
  return { name, chains };
}

/** createNetns makes a namespace with only `lo`, up with 127.0.0.1/8 (libnetwork brings lo up in every sandbox). */
export function createNetns(id: string, hostName: string, counter: { nextIndex: number }): NetNs {
  const ns: NetNs = {
    id,
    hostName,
    links: [],
    routes: [],
    neigh: [],
    fdb: [],
    iptables: {
      filter: emptyTable('filter', ['INPUT', 'FORWARD', 'OUTPUT']),
      nat: emptyTable('nat', ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING']),
      raw: emptyTable('raw', ['PREROUTING', 'OUTPUT']),
      mangle: emptyTable('mangle', ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING']),
    },
    conntrack: [],
    sockets: [],
    sysctl: { ipForward: false, routeLocalnet: false },
    counter,
  };
  ns.links.push({
    index: 1,
    name: 'lo',
    kind: 'loopback',
    mac: '00:00:00:00:00:00',
    mtu: 65536,
    up: true,
    addrs: [],
  });
  addAddr(ns, 'lo', '127.0.0.1/8', 'host');
  return ns;
}

/** findLink returns the link with that name in ns. */
export const findLink = (ns: NetNs, name: string): Link | undefined => ns.links.find((l) => l.name === name);

/** linkByIndex returns the link with that ifindex in ns. */
export const linkByIndex = (ns: NetNs, index: number): Link | undefined =>
  ns.links.find((l) => l.index === index);

/** LinkSpec is what addLink needs; index and addrs are filled in. */
export type LinkSpec = Omit<Link, 'index' | 'addrs' | 'mtu' | 'up'> & {
  mtu?: number;
  up?: boolean;
  kind: LinkKind;
};

/** addLink creates a link in ns with the next free ifindex of its host. */
export function addLink(ns: NetNs, spec: LinkSpec): Link {
  if (findLink(ns, spec.name)) throw new Error(`RTNETLINK answers: File exists (${spec.name})`);
  const link: Link = { mtu: 1500, up: false, ...spec, index: ns.counter.nextIndex++, addrs: [] };
  ns.links.push(link);
  return link;
}

/** addVethPair creates a veth pair: `a` in nsA and `b` in nsB (both may be the same namespace). */
export function addVethPair(
  nsA: NetNs,
  nameA: string,
  macA: string,
  nsB: NetNs,
  nameB: string,
  macB: string,
): [Link, Link] {
  const a = addLink(nsA, { name: nameA, kind: 'veth', mac: macA });
  const b = addLink(nsB, { name: nameB, kind: 'veth', mac: macB });
  a.peer = { ns: nsB, index: b.index };
  b.peer = { ns: nsA, index: a.index };
  return [a, b];
}

/** moveLink moves a link into another namespace, keeping its ifindex, optionally renaming it. */
export function moveLink(from: NetNs, link: Link, to: NetNs, newName?: string): Link {
  from.links = from.links.filter((l) => l !== link);
  from.routes = from.routes.filter((r) => r.dev !== link.index);
  link.addrs = [];
  link.master = undefined;
  if (newName) link.name = newName;
  to.links.push(link);
  if (link.peer) {
    const peer = linkByIndex(link.peer.ns, link.peer.index);
    if (peer) peer.peer = { ns: to, index: link.index };
  }
  for (const ns of [from, to]) {
    for (const l of ns.links)
      if (l.parent?.ns === from && l.parent.index === link.index) l.parent = { ns: to, index: link.index };
  }
  return link;
}

/** delLink deletes a link, its veth peer, its addresses, routes, neighbours and FDB entries. */
export function delLink(ns: NetNs, link: Link): void {
  const drop = (n: NetNs, l: Link): void => {
    n.links = n.links.filter((x) => x !== l);
    n.routes = n.routes.filter((r) => r.dev !== l.index);
    n.neigh = n.neigh.filter((e) => e.dev !== l.index);
    n.fdb = n.fdb.filter((e) => e.port !== l.index && e.bridge !== l.index);
    for (const x of n.links) if (x.master === l.index) x.master = undefined;
  };
  drop(ns, link);
  if (link.peer) {
    const peer = linkByIndex(link.peer.ns, link.peer.index);
    if (peer) drop(link.peer.ns, peer);
  }
}

/** setUp sets a link's admin state. */
export function setUp(link: Link, up = true): void {
  link.up = up;
}

/** setMaster makes link a port of bridge (both in ns); undefined detaches it. */
export function setMaster(link: Link, bridge: Link | undefined): void {
  link.master = bridge?.index;
}

/** addAddr adds ip/len to a link and, like the kernel, the connected route for its subnet. */
export function addAddr(ns: NetNs, linkName: string, cidr: string, scope: Addr['scope'] = 'global'): Addr {
  const link = findLink(ns, linkName);
  if (!link) throw new Error(`Cannot find device "${linkName}"`);
  const [ip, len] = cidr.split('/');
  const prefixLen = Number(len);
  const addr: Addr = { family: 4, ip, prefixLen, scope };
  if (scope === 'global' && prefixLen < 31) addr.broadcast = broadcastOf(ip, prefixLen);
  link.addrs.push(addr);
  if (scope !== 'host') {
    ns.routes.push({
      dst: cidrString(ip, prefixLen),
      dev: link.index,
      scope: 'link',
      proto: 'kernel',
      src: ip,
      table: 'main',
    });
  }
  return addr;
}

/** delAddr removes ip from a link together with its connected route. */
export function delAddr(ns: NetNs, link: Link, ip: string): void {
  const a = link.addrs.find((x) => x.ip === ip);
  if (!a) return;
  link.addrs = link.addrs.filter((x) => x !== a);
  ns.routes = ns.routes.filter((r) => !(r.dev === link.index && r.proto === 'kernel' && r.src === ip));
}

/** addRoute adds a route to the main table. */
export function addRoute(ns: NetNs, route: Omit<Route, 'table'> & { table?: Route['table'] }): Route {
  const r: Route = { table: 'main', ...route };
  ns.routes.push(r);
  return r;
}

/** delRoute removes routes matching dst (and dev when given). */
export function delRoute(ns: NetNs, dst: string, dev?: number): void {
  ns.routes = ns.routes.filter((r) => !(r.dst === dst && (dev === undefined || r.dev === dev)));
}
