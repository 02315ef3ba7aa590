// A packet walk: the tracer's hops turned into animation steps on a Scene. Each step names the
// element it lights up and the path the packet marker follows to get there. Pure, no DOM.
// The trace shape mirrors src/sim/trace/types.ts (Trace, Hop); the facade types it `unknown`, so
// asTrace checks it before use.
import type { Anchor, Point, Scene } from './layout.ts';

/** HopLike is the part of the tracer's Hop the view reads. */
export interface HopLike {
  ns: string;
  host: string;
  in?: string;
  out?: string;
  what: string;
  rule?: string;
  verdict: string;
  reason: string;
  src: string;
  dst: string;
  dir: 'request' | 'reply';
}

/** TraceLike is the part of the tracer's Trace the view reads. */
export interface TraceLike {
  tool: string;
  from: string;
  request: { proto: string; src: string; dst: string; sport: number; dport: number };
  hops: HopLike[];
  verdict: string;
  reason: string;
  errno?: string;
}

/** asTrace returns the value as a trace when it has the tracer's shape, else undefined. */
export function asTrace(v: unknown): TraceLike | undefined {
  const t = v as TraceLike | undefined;
  if (!t || typeof t !== 'object' || !Array.isArray(t.hops) || typeof t.verdict !== 'string')
    return undefined;
  if (!t.request || typeof t.from !== 'string') return undefined;
  return t;
}

/** Step is one hop on the drawing. */
export interface Step {
  hop: HopLike;
  /** el is the key of the element lit up at this step. */
  el: string;
  /** path is where the marker travels, ending where the hop happened. */
  path: Point[];
  /** bad is true when the packet stops here (drop, reject, error). */
  bad: boolean;
}

function anchorOf(h: HopLike, s: Scene): Anchor | undefined {
  const a = s.anchors;
  const iface = h.out ?? h.in;
  const tries: string[] = [];
  if (h.what === 'veth' && h.in) tries.push(`port:${h.ns}|${h.in}`);
  if (h.what === 'bridge') {
    if (h.out) tries.push(`bport:${h.ns}|${h.out}`);
    if (h.in) tries.push(`bport:${h.ns}|${h.in}`);
    if (iface) tries.push(`bar:${h.ns}|${iface}`);
  }
  tries.push(`ns:${h.ns}`, `kernel:${h.ns}`, `lan:${h.host}`);
  for (const k of tries) {
    const hit = a.get(k);
    if (hit) return hit;
  }
  return undefined;
}

/** stepsOf maps a trace's hops to steps; hops on namespaces the scene does not show go to the LAN. */
export function stepsOf(t: TraceLike, s: Scene): Step[] {
  const lan = s.anchors.get('lan:router') ?? { at: [s.width / 2, 0] as Point, el: 'lan' };
  const out: Step[] = [];
  let prev: HopLike | undefined;
  let at: Point | undefined;
  for (const hop of t.hops) {
    const a = anchorOf(hop, s) ?? lan;
    const path: Point[] = at ? [at] : [];
    if (hop.what === 'wire' && prev && prev.ns !== hop.ns) {
      for (const k of [`eth0:${prev.ns}`, `lan:${prev.ns}`, `lan:${hop.ns}`, `eth0:${hop.ns}`]) {
        const via = s.anchors.get(k);
        if (via) path.push(via.at);
      }
    }
    const cport = hop.what === 'veth' && hop.in ? s.anchors.get(`cport:${hop.ns}|${hop.in}`) : undefined;
    if (cport) path.push(cport.at);
    path.push(a.at);
    const bad = hop.verdict === 'drop' || hop.verdict === 'reject' || hop.verdict === 'error';
    out.push({ hop, el: a.el, path: dedupe(path), bad });
    at = a.at;
    prev = hop;
  }
  return out;
}

function dedupe(ps: Point[]): Point[] {
  return ps.filter((p, i) => i === 0 || p[0] !== ps[i - 1][0] || p[1] !== ps[i - 1][1]);
}

/** WalkGroup is the traces one command produced, with the one to show first. */
export interface WalkGroup {
  line: string;
  host: string;
  traces: TraceLike[];
  /** main is the index of the trace shown first: the first that failed, else the first of the command's own tool. */
  main: number;
}

/**
 * groupTraces picks the trace to show first among those a command produced: the first of the
 * command's own that failed (by `failed`), else its last (the connection after the DNS lookups).
 */
export function groupTraces(
  line: string,
  host: string,
  traces: TraceLike[],
  failed: (t: TraceLike) => boolean,
): WalkGroup {
  const own = traces.map((t, i) => [t, i] as const).filter(([t]) => t.tool !== 'dns-forward');
  const bad = own.find(([t]) => failed(t));
  const main = bad ? bad[1] : (own[own.length - 1]?.[1] ?? 0);
  return { line, host, traces, main };
}
