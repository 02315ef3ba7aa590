// Mirrors the kernel's fib lookup (net/ipv4/fib_trie.c fib_table_lookup, local table before main)
// and source address selection (inet_select_addr); simplified: one main table, no policy routing,
// no multipath, routes on a link that is down are skipped.

import { inCidr, ipToInt, isLoopback, parseCidr } from '../kernel/inet.ts';
import { isLocalAddr } from '../kernel/ipt-eval.ts';
import { linkByIndex } from '../kernel/netns.ts';
import type { Link, NetNs, Route } from '../kernel/types.ts';

/** RouteResult is the answer of a route lookup. */
export interface RouteResult {
  route?: Route;
  link: Link;
  /** nexthop is the gateway, or the destination itself for on-link routes. */
  nexthop: string;
  /** src is the preferred source address for packets using this route. */
  src: string;
  /** local is true when the destination is one of the namespace's own addresses. */
  local: boolean;
}

/** prefixLenOf returns the prefix length of a route destination ("default" is 0). */
export function prefixLenOf(dst: string): number {
  if (dst === 'default') return 0;
  return parseCidr(dst)?.prefixLen ?? (ipToInt(dst) !== undefined ? 32 : -1);
}

/** routeCovers tells whether a route's destination contains ip. */
export function routeCovers(r: Route, ip: string): boolean {
  if (r.dst === 'default') return true;
  return inCidr(ip, r.dst.includes('/') ? r.dst : `${r.dst}/32`);
}

/** isUsable tells whether a link can carry traffic (admin up; a veth also needs its peer up). */
export function isUsable(ns: NetNs, link: Link): boolean {
  void ns;
  if (!link.up) return false;
  if (link.kind === 'veth' && link.peer) {
    const peer = linkByIndex(link.peer.ns, link.peer.index);
    if (!peer?.up) return false;
  }
  if ((link.kind === 'macvlan' || link.kind === 'ipvlan' || link.kind === 'vlan') && link.parent) {
    const parent = linkByIndex(link.parent.ns, link.parent.index);
    if (!parent?.up) return false;
  }
  return true;
}

/** pickSource chooses the source address for sending on link toward nexthop (inet_select_addr). */
export function pickSource(ns: NetNs, link: Link, nexthop: string): string | undefined {
  const v4 = link.addrs.filter((a) => a.family === 4);
  const sameNet = v4.find((a) => a.scope !== 'host' && inCidr(nexthop, `${a.ip}/${a.prefixLen}`));
  if (sameNet) return sameNet.ip;
  const global = v4.find((a) => a.scope === 'global');
  if (global) return global.ip;
  for (const l of ns.links) {
    const a = l.addrs.find((x) => x.family === 4 && x.scope === 'global');
    if (a) return a.ip;
  }
  return v4[0]?.ip;
}

/** mainRoutes lists the main-table routes that cover ip on usable links, best first. */
export function candidateRoutes(ns: NetNs, ip: string): Route[] {
  return ns.routes
    .filter((r) => r.table === 'main' && routeCovers(r, ip))
    .filter((r) => {
      const l = linkByIndex(ns, r.dev);
      return l !== undefined && isUsable(ns, l);
    })
    .sort((a, b) => prefixLenOf(b.dst) - prefixLenOf(a.dst) || (a.metric ?? 0) - (b.metric ?? 0));
}

/**
 * lookupRoute finds how ns sends a packet to dst: a local address goes over lo, otherwise the
 * longest-prefix main route on a usable link decides the link, the next hop and the source.
 */
export function lookupRoute(ns: NetNs, dst: string, src?: string): RouteResult | undefined {
  if (isLocalAddr(ns, dst)) {
    const lo = ns.links.find((l) => l.kind === 'loopback');
    if (lo?.up) return { link: lo, nexthop: dst, src: src ?? (isLoopback(dst) ? dst : dst), local: true };
    if (!lo) return undefined;
  }
  const [route] = candidateRoutes(ns, dst);
  if (!route) return undefined;
  const link = linkByIndex(ns, route.dev);
  if (!link) return undefined;
  const nexthop = route.via ?? dst;
  const chosen = src ?? route.src ?? pickSource(ns, link, nexthop);
  if (!chosen) return undefined;
  return { route, link, nexthop, src: chosen, local: false };
}

/** formatRoute prints a route the way `ip route` does (used in learner-facing reasons). */
export function formatRoute(ns: NetNs, r: Route): string {
  const dev = linkByIndex(ns, r.dev)?.name ?? `if${r.dev}`;
  let s = r.dst;
  if (r.via) s += ` via ${r.via}`;
  s += ` dev ${dev}`;
  if (r.proto && r.proto !== 'boot') s += ` proto ${r.proto}`;
  if (r.scope && r.scope !== 'global') s += ` scope ${r.scope}`;
  if (r.src) s += ` src ${r.src}`;
  if (r.metric) s += ` metric ${r.metric}`;
  return s;
}
