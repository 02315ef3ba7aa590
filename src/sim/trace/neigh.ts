// Mirrors what the walk teaches the kernel tables on the way: neigh_update (net/core/neighbour.c)
// for the ARP cache and br_fdb_update (net/bridge/br_fdb.c) for a bridge's learned MACs.

import type { Link, NetNs } from '../kernel/types.ts';

/** learnNeigh records nexthop's MAC (or a FAILED entry) in ns's ARP cache. */
export function learnNeigh(ns: NetNs, link: Link, ip: string, mac: string): void {
  if (link.kind === 'loopback') return;
  ns.neigh = ns.neigh.filter((n) => !(n.ip === ip && n.dev === link.index));
  ns.neigh.push({ ip, mac, dev: link.index, state: mac ? 'REACHABLE' : 'FAILED' });
}

/** learnFdb records that mac lives behind a bridge port. */
export function learnFdb(ns: NetNs, bridge: Link, port: Link, mac: string): void {
  if (!mac || ns.fdb.some((e) => e.mac === mac && e.bridge === bridge.index && e.permanent)) return;
  ns.fdb = ns.fdb.filter((e) => !(e.mac === mac && e.bridge === bridge.index));
  ns.fdb.push({ mac, port: port.index, bridge: bridge.index, permanent: false });
}
