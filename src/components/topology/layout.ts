// Places a TopoGraph on a plane: the internet and router on top, the LAN as a bar, one column per
// host with its sections (bridge bars) stacked and its containers in a grid under their bridge.
// Pure and deterministic. Slots are sticky: a SlotMemory keeps every section's and container's
// slot, so adding or removing one never moves the others (new ones take the lowest free slot).
import type { ContainerNode, HostNode, TopoGraph } from './graph.ts';

/** Point is an (x, y) position in SVG user units (pixels at 100 %). */
export type Point = readonly [number, number];

/** InspectRef names what clicking an element shows. */
export type InspectRef =
  | { kind: 'container'; host: string; id: string }
  | { kind: 'network'; host: string; id: string }
  | { kind: 'host'; host: string }
  | { kind: 'ns'; nsId: string };

/** BoxKind says how a box is drawn. */
export type BoxKind = 'internet' | 'router' | 'host' | 'section' | 'container';

/** Box is a labelled rectangle. */
export interface Box {
  key: string;
  kind: BoxKind;
  x: number;
  y: number;
  w: number;
  h: number;
  title: string;
  lines: string[];
  /** aria is the word said before the box's visible text (its accessible name is both). */
  aria: string;
  ref?: InspectRef;
  /** muted marks a section or container without traffic (host/none groups). */
  muted?: boolean;
}

/** WireKind says what a line stands for. */
export type WireKind = 'wan' | 'lan' | 'uplink' | 'spine' | 'row' | 'veth' | 'secondary';

/** Wire is a polyline; label is optional small text (a veth's host-side name). */
export interface Wire {
  key: string;
  kind: WireKind;
  points: Point[];
  label?: { x: number; y: number; text: string };
}

/** Anchor is where a packet sits when a hop happens there, and the element it lights up. */
export interface Anchor {
  at: Point;
  el: string;
}

/** Scene is everything to draw, with packet anchors keyed `ns:`, `kernel:`, `lan:`, `eth0:`, `port:`, `bport:`, `cport:`, `bar:`. */
export interface Scene {
  width: number;
  height: number;
  boxes: Box[];
  wires: Wire[];
  anchors: Map<string, Anchor>;
}

/** SlotMemory remembers slots between layouts, keyed `<scope>|<key>` (scopes: `#hosts`, `sec:<host>`, `ctr:<host>:<section>`). */
export type SlotMemory = Map<string, number>;

/** SIZE holds the layout's measures, in pixels. */
export const SIZE = {
  margin: 16,
  cellW: 156,
  boxW: 140,
  boxH: 50,
  stub: 20,
  rowGap: 8,
  barH: 26,
  sectionGap: 16,
  headerH: 46,
  pad: 12,
  spine: 14,
  gutter: 24,
  hostGap: 24,
  lanY: 164,
  hostY: 200,
} as const;

const CELL_H = SIZE.stub + SIZE.boxH + SIZE.rowGap;

/** sticky assigns slots to keys in order: known keys keep theirs, new ones take the lowest free slot. */
export function sticky(memory: SlotMemory, scope: string, keys: string[]): Map<string, number> {
  const out = new Map<string, number>();
  const taken = new Set<number>();
  const known = new Map<string, number>();
  for (const k of keys) {
    const s = memory.get(`${scope}|${k}`);
    if (s !== undefined) known.set(k, s);
  }
  for (const [k, s] of known) {
    out.set(k, s);
    taken.add(s);
  }
  let next = 0;
  for (const k of keys) {
    if (out.has(k)) continue;
    while (taken.has(next)) next++;
    out.set(k, next);
    taken.add(next);
  }
  for (const k of [...memory.keys()])
    if (k.startsWith(`${scope}|`) && !out.has(k.slice(scope.length + 1))) memory.delete(k);
  for (const [k, s] of out) memory.set(`${scope}|${k}`, s);
  return out;
}

const ipOf = (cidr?: string): string => cidr?.split('/')[0] ?? '';

function containerLines(c: ContainerNode): string[] {
  const lines = c.ifaces.slice(0, 2).map((i) => `${i.name} ${ipOf(i.ip) || i.kind}`);
  if (c.ifaces.length > 2) lines[1] = `${lines[1]} +${c.ifaces.length - 2}`;
  if (c.primary === 'host') lines.push('host network');
  if (c.primary === 'none') lines.push('no network');
  return lines;
}

function sectionLine(s: HostNode['sections'][number]): string {
  if (s.kind === 'host') return 'host network: shares the host stack';
  if (s.kind === 'none') return 'none: loopback only';
  return [s.kind === 'bridge' ? s.label : `parent ${s.label}`, s.cidr].filter(Boolean).join(' · ');
}

function placeHost(
  h: HostNode,
  x0: number,
  cols: number,
  memory: SlotMemory,
  scene: Scene,
): [number, number] {
  const { pad, spine, cellW, boxW, boxH, stub, barH, headerH, sectionGap, gutter } = SIZE;
  const width = pad * 2 + spine + cols * cellW + gutter;
  const y0 = SIZE.hostY;
  const hostBox: Box = {
    key: `host:${h.name}`,
    kind: 'host',
    x: x0,
    y: y0,
    w: width,
    h: 0,
    title: h.name,
    lines: [`eth0 ${h.lanIp ?? ''} · routing, iptables`],
    aria: 'Docker host',
    ref: { kind: 'host', host: h.name },
  };
  scene.boxes.push(hostBox);
  const upX = x0 + 40;
  scene.wires.push({
    key: `uplink:${h.name}`,
    kind: 'uplink',
    points: [
      [upX, SIZE.lanY],
      [upX, y0],
    ],
    label: { x: upX + 4, y: y0 - 8, text: 'eth0' },
  });
  scene.anchors.set(`kernel:${h.nsId}`, { at: [x0 + width / 2, y0 + headerH / 2], el: hostBox.key });
  scene.anchors.set(`ns:${h.nsId}`, { at: [x0 + width / 2, y0 + headerH / 2], el: hostBox.key });
  scene.anchors.set(`eth0:${h.nsId}`, { at: [upX, y0], el: `uplink:${h.name}` });
  scene.anchors.set(`lan:${h.nsId}`, { at: [upX, SIZE.lanY], el: 'lan' });

  const sectionSlots = sticky(
    memory,
    `sec:${h.name}`,
    h.sections.map((s) => s.key),
  );
  const ordered = [...h.sections].sort(
    (a, b) => (sectionSlots.get(a.key) ?? 0) - (sectionSlots.get(b.key) ?? 0),
  );
  const barX = x0 + pad + spine;
  const barW = cols * cellW;
  const spineX = x0 + pad + 4;
  const barY = new Map<string, number>();
  const boxAt = new Map<string, Point>();
  let y = y0 + headerH + 8;
  for (const s of ordered) {
    barY.set(s.key, y);
    const members = h.containers.filter((c) => c.primary === s.key);
    const slots = sticky(
      memory,
      `ctr:${h.name}:${s.key}`,
      members.map((c) => c.id),
    );
    const rows = members.length ? Math.floor(Math.max(...slots.values()) / cols) + 1 : 0;
    const key = `section:${h.name}:${s.key}`;
    scene.boxes.push({
      key,
      kind: 'section',
      x: barX,
      y,
      w: barW,
      h: barH,
      title: s.network ? `${s.network.name} (${s.network.driver})` : s.label,
      lines: [sectionLine(s)],
      aria: 'Network',
      ref: s.network ? { kind: 'network', host: h.name, id: s.network.id } : undefined,
      muted: s.kind === 'host' || s.kind === 'none',
    });
    if (s.kind !== 'none')
      scene.wires.push({
        key: `spine:${h.name}:${s.key}`,
        kind: 'spine',
        points: [
          [spineX, y0 + headerH],
          [spineX, y + barH / 2],
          [barX, y + barH / 2],
        ],
      });
    scene.anchors.set(`bar:${h.nsId}|${s.label}`, { at: [barX + barW / 2, y + barH / 2], el: key });
    for (let r = 1; r < rows; r++) {
      const rowY = y + barH + r * CELL_H;
      scene.wires.push({
        key: `row:${h.name}:${s.key}:${r}`,
        kind: 'row',
        points: [
          [barX + 4, y + barH],
          [barX + 4, rowY],
          [barX + barW - 8, rowY],
        ],
      });
    }
    for (const c of members) {
      const slot = slots.get(c.id) ?? 0;
      const rowY = y + barH + Math.floor(slot / cols) * CELL_H;
      const bx = barX + 12 + (slot % cols) * cellW;
      const cx = bx + boxW / 2;
      boxAt.set(c.id, [bx, rowY + stub]);
      const ckey = `container:${h.name}:${c.id}`;
      scene.boxes.push({
        key: ckey,
        kind: 'container',
        x: bx,
        y: rowY + stub,
        w: boxW,
        h: boxH,
        title: c.name,
        lines: containerLines(c),
        aria: 'Container',
        ref: { kind: 'container', host: h.name, id: c.id },
      });
      if (c.nsId) scene.anchors.set(`ns:${c.nsId}`, { at: [cx, rowY + stub + boxH / 2], el: ckey });
      if (c.primary === 'host' || c.primary === 'none') continue;
      const main = c.ifaces.find((i) => i.section === s.key);
      const wkey = `veth:${h.name}:${c.id}:${main?.name ?? ''}`;
      scene.wires.push({
        key: wkey,
        kind: 'veth',
        points: [
          [cx, rowY],
          [cx, rowY + stub],
        ],
        label: main?.peer ? { x: cx + 4, y: rowY + stub - 6, text: main.peer } : undefined,
      });
      if (main?.peer) {
        scene.anchors.set(`port:${h.nsId}|${main.peer}`, { at: [cx, rowY + stub / 2], el: wkey });
        scene.anchors.set(`bport:${h.nsId}|${main.peer}`, { at: [cx, rowY], el: key });
        if (c.nsId) scene.anchors.set(`cport:${c.nsId}|${main.name}`, { at: [cx, rowY], el: wkey });
      }
    }
    y += barH + rows * CELL_H + sectionGap;
  }
  // Second and later interfaces: a dashed line through the right gutter to the other bar.
  let lane = 0;
  for (const c of h.containers) {
    const at = boxAt.get(c.id);
    if (!at) continue;
    for (const i of c.ifaces) {
      const ty = barY.get(i.section);
      if (i.section === c.primary || ty === undefined) continue;
      const gx = barX + barW + 6 + (lane++ % 4) * 4;
      const my = at[1] + boxH / 2 + 6;
      const wkey = `veth:${h.name}:${c.id}:${i.name}`;
      scene.wires.push({
        key: wkey,
        kind: 'secondary',
        points: [
          [at[0] + boxW, my],
          [gx, my],
          [gx, ty + barH / 2],
          [barX + barW, ty + barH / 2],
        ],
      });
      if (i.peer) {
        scene.anchors.set(`port:${h.nsId}|${i.peer}`, { at: [gx, (my + ty + barH / 2) / 2], el: wkey });
        scene.anchors.set(`bport:${h.nsId}|${i.peer}`, {
          at: [barX + barW, ty + barH / 2],
          el: `section:${h.name}:${i.section}`,
        });
        if (c.nsId)
          scene.anchors.set(`cport:${c.nsId}|${i.name}`, { at: [barX + barW, ty + barH / 2], el: wkey });
      }
    }
  }
  hostBox.h = y - y0;
  return [width, y];
}

/** layout places a graph; cols is how many containers fit side by side under a bridge. */
export function layout(g: TopoGraph, cols: number, memory: SlotMemory = new Map()): Scene {
  const { margin, lanY } = SIZE;
  const scene: Scene = { width: 0, height: 0, boxes: [], wires: [], anchors: new Map() };
  const hostSlots = sticky(
    memory,
    '#hosts',
    g.hosts.map((h) => h.name),
  );
  let x = margin;
  let bottom: number = SIZE.hostY;
  for (const h of [...g.hosts].sort((a, b) => (hostSlots.get(a.name) ?? 0) - (hostSlots.get(b.name) ?? 0))) {
    const [w, b] = placeHost(h, x, cols, memory, scene);
    x += w + SIZE.hostGap;
    bottom = Math.max(bottom, b);
  }
  const width = Math.max(x - SIZE.hostGap + margin, 360);
  const rx = margin;
  scene.boxes.unshift(
    {
      key: 'internet',
      kind: 'internet',
      x: rx,
      y: margin,
      w: 176,
      h: 40,
      title: 'Internet',
      lines: ['ISP, public DNS, web'],
      aria: '',
    },
    {
      key: 'router',
      kind: 'router',
      x: rx,
      y: margin + 64,
      w: 176,
      h: 50,
      title: 'router',
      lines: [`eth0 ${g.router?.lanIp ?? ''}`, `eth1 ${g.router?.wanIp ?? ''} · NAT`],
      aria: 'Router',
      ref: g.router ? { kind: 'ns', nsId: g.router.nsId } : undefined,
    },
  );
  const mid = rx + 88;
  scene.wires.unshift(
    {
      key: 'wan',
      kind: 'wan',
      points: [
        [mid, margin + 40],
        [mid, margin + 64],
      ],
    },
    {
      key: 'lan',
      kind: 'lan',
      points: [
        [margin, lanY],
        [width - margin, lanY],
      ],
      label: { x: rx + 100, y: lanY - 6, text: 'LAN 192.168.1.0/24' },
    },
    {
      key: 'router-lan',
      kind: 'uplink',
      points: [
        [mid, margin + 114],
        [mid, lanY],
      ],
    },
  );
  if (g.router) {
    scene.anchors.set(`ns:${g.router.nsId}`, { at: [mid, margin + 89], el: 'router' });
    scene.anchors.set(`kernel:${g.router.nsId}`, { at: [mid, margin + 89], el: 'router' });
    scene.anchors.set(`lan:${g.router.nsId}`, { at: [mid, lanY], el: 'lan' });
  }
  for (const id of g.outside) scene.anchors.set(`ns:${id}`, { at: [mid, margin + 20], el: 'internet' });
  scene.width = width;
  scene.height = bottom + margin;
  return scene;
}
