// The capture side of AF_PACKET: the tcpdump processes of a world register here, traces are
// collected as they are emitted, and flushCaptures hands every new frame, in time order, to each
// capture (packet_rcv delivering to every bound packet socket). Mirrors nothing in moby.

import type { World } from '../../world/world.ts';
import type { Trace } from '../types.ts';
import { type Frame, framesOf } from './frames.ts';

/** Capture is one running capture: it receives every frame of the world, in time order, and keeps what it wants. */
export interface Capture {
  deliver(frame: Frame): void;
}

interface Registry {
  captures: Set<Capture>;
  pending: Trace[];
  unsubscribe?: () => void;
}

const registries = new WeakMap<World, Registry>();

function registryOf(world: World): Registry {
  let r = registries.get(world);
  if (!r) {
    r = { captures: new Set(), pending: [] };
    registries.set(world, r);
  }
  return r;
}

/** addCapture starts delivering frames to c; the returned function stops it. */
export function addCapture(world: World, c: Capture): () => void {
  const r = registryOf(world);
  r.captures.add(c);
  if (!r.unsubscribe) {
    const sub = world.traces.event((e) => {
      if (r.captures.size) r.pending.push(e.trace as Trace);
    });
    r.unsubscribe = () => sub.dispose();
  }
  return () => {
    r.captures.delete(c);
  };
}

/** capturesRunning tells whether any capture is running in the world. */
export function capturesRunning(world: World): boolean {
  return (registries.get(world)?.captures.size ?? 0) > 0;
}

/** flushCaptures delivers the frames of the traces emitted since the last flush, oldest first. */
export function flushCaptures(world: World): void {
  const r = registries.get(world);
  if (!r?.pending.length) return;
  const frames = layOut(r.pending.splice(0));
  for (const f of frames) for (const c of [...r.captures]) if (r.captures.has(c)) c.deliver(f);
}

/**
 * layOut places a command's exchanges one after the other on the clock (a tool resolves a name,
 * then connects, all at the same simulated instant), and a DNS question the resolver forwarded
 * inside the exchange that caused it (it is emitted first, as it finishes first).
 */
export function layOut(traces: Trace[]): Frame[] {
  const out: Frame[] = [];
  let cursor = Number.NEGATIVE_INFINITY;
  let nested: Trace[] = [];
  for (const t of traces) {
    if (t.tool === 'dns-forward') {
      nested.push(t);
      continue;
    }
    const at = Math.max(t.at ?? 0, cursor + 0.01);
    const frames = framesOf({ ...t, at });
    const arrived = Math.max(0, ...(t.taps ?? []).filter((x) => x.phase === 'request').map((x) => x.ms));
    let inner = at + arrived + 0.005;
    for (const n of nested) {
      const fs = framesOf({ ...n, at: inner });
      frames.push(...fs);
      inner = Math.max(inner, ...fs.map((f) => f.at)) + 0.005;
    }
    nested = [];
    frames.sort((a, b) => a.at - b.at);
    out.push(...frames);
    cursor = Math.max(cursor, ...frames.map((f) => f.at));
  }
  for (const n of nested) out.push(...framesOf(n));
  return out.sort((a, b) => a.at - b.at);
}
