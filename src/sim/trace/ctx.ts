// Mirrors nothing upstream; simplified: the state one packet walk carries (the hops written so far,
// the time spent on the path and the connection-tracking entries to forget afterwards).

import type { Conn, NetNs } from '../kernel/types.ts';
import type { World } from '../world/world.ts';
import { capturesRunning } from './capture/registry.ts';
import type { Tap } from './tap.ts';
import type { Hop, Packet } from './types.ts';

/** WalkCtx is the mutable state of one exchange's walk. */
export interface WalkCtx {
  world: World;
  hops: Hop[];
  dir: 'request' | 'reply';
  /** ms is the one-way time accumulated on the path so far. */
  ms: number;
  conns: Array<{ ns: NetNs; conn: Conn }>;
  /** budget bounds the namespaces a packet may enter (routing loops end as drops). */
  budget: number;
  /** depth counts nested exchanges (docker-proxy, DNS forwarding). */
  depth: number;
  /** replied holds the connections that have seen an answer (ctstate ESTABLISHED from then on). */
  replied: Set<Conn>;
  /** taps collects the copies each crossed interface saw (what tcpdump reads, see tap.ts), only while a capture runs. */
  taps?: Tap[];
  /** l2 is the Ethernet addresses of the frame being carried right now. */
  l2?: { src: string; dst: string };
}

/** COST gives the one-way time in milliseconds of each kind of crossing. */
export const COST = {
  stack: 0.006,
  veth: 0.006,
  bridge: 0.004,
  loopback: 0.004,
  macvlan: 0.004,
  lan: 0.15,
} as const;

/** newCtx starts a walk. */
export function newCtx(world: World, depth = 0): WalkCtx {
  return {
    world,
    hops: [],
    dir: 'request',
    ms: 0,
    conns: [],
    budget: 64,
    depth,
    replied: new Set(),
    taps: capturesRunning(world) ? [] : undefined,
  };
}

/** hop appends a step to the trace. */
export function hop(
  ctx: WalkCtx,
  ns: NetNs,
  p: Packet,
  h: Partial<Hop> & Pick<Hop, 'what' | 'verdict' | 'reason'>,
): void {
  ctx.hops.push({ ns: ns.id, host: ns.hostName, src: p.src, dst: p.dst, dir: ctx.dir, ...h });
}

/** forgetConns removes the conntrack entries an exchange created. */
export function forgetConns(ctx: WalkCtx): void {
  for (const { ns, conn } of ctx.conns) ns.conntrack = ns.conntrack.filter((c) => c !== conn);
  ctx.conns = [];
}

/** segmentInfo returns a segment's one-way latency and the invisible router hops it stands for. */
export function segmentInfo(world: World, segment: string): { latencyMs: number; hops: number } {
  return world.segmentInfo?.(segment) ?? { latencyMs: COST.lan, hops: 0 };
}
