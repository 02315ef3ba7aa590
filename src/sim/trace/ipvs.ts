// Mirrors the kernel's IPVS as libnetwork programs it for swarm services (service_linux.go: a
// virtual service per VIP with round-robin real servers, reached through a firewall mark in each
// container's namespace). Simplified: one table per world keyed by VIP, applied where nat OUTPUT
// runs in the sending namespace; the rewrite is recorded in conntrack like any DNAT.

import type { NetNs } from '../kernel/types.ts';
import type { World } from '../world/world.ts';
import { hop, type WalkCtx } from './ctx.ts';
import type { Packet } from './types.ts';

interface VirtualService {
  /** backends are "ip" (same port) or "ip:port" real servers. */
  backends: string[];
  next: number;
}

const tables = new WeakMap<World, Map<string, VirtualService>>();
/** nsTables hold port-specific virtual services of one namespace (the ingress-sbox's published ports). */
const nsTables = new WeakMap<NetNs, Map<string, VirtualService>>();

/** setPortService programs (or deletes) the real servers ("ip:port") behind ip:port in one namespace. */
export function setPortService(ns: NetNs, key: string, backends: string[] | undefined): void {
  const t = nsTables.get(ns) ?? new Map<string, VirtualService>();
  nsTables.set(ns, t);
  if (!backends) {
    t.delete(key);
    return;
  }
  const have = t.get(key);
  t.set(key, { backends, next: have ? have.next % Math.max(backends.length, 1) : 0 });
}

/** setVirtualService programs (or, with undefined, deletes) the real servers behind a VIP. */
export function setVirtualService(world: World, vip: string, backends: string[] | undefined): void {
  const t = tables.get(world) ?? new Map<string, VirtualService>();
  tables.set(world, t);
  if (!backends) {
    t.delete(vip);
    return;
  }
  const have = t.get(vip);
  t.set(vip, { backends, next: have ? have.next % Math.max(backends.length, 1) : 0 });
}

/** ipvsBalance rewrites a new connection to a VIP to the next real server; true when it did. */
export function ipvsBalance(ctx: WalkCtx, ns: NetNs, p: Packet): boolean {
  const vs = nsTables.get(ns)?.get(`${p.dst}:${p.dport}`) ?? tables.get(ctx.world)?.get(p.dst);
  if (!vs || vs.backends.length === 0) return false;
  const real = vs.backends[vs.next % vs.backends.length];
  vs.next = (vs.next + 1) % vs.backends.length;
  const before = `${p.dst}:${p.dport}`;
  const [ip, port] = real.split(':');
  p.dst = ip;
  if (port !== undefined && p.proto !== 'icmp') p.dport = Number(port);
  hop(ctx, ns, p, {
    what: 'nat',
    verdict: 'nat',
    reason: `IPVS: ${before} balanced round-robin to task ${p.dst}:${p.dport}`,
  });
  return true;
}
