// Draws a Scene into an <svg>, keeping one element per key so that updates move existing
// elements (a CSS transition glides them) instead of redrawing; and moves the packet marker.
import type { Box, Point, Scene, Wire } from './layout.ts';

const NS = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

const pts = (ps: readonly Point[]): string => ps.map(([x, y]) => `${x},${y}`).join(' ');

/** SceneView owns the drawing: draw(scene) updates it in place; light() and packet() show a walk. */
export class SceneView {
  /** svg is the drawing's root element. */
  readonly svg: SVGSVGElement;
  private readonly frames: SVGGElement;
  private readonly wires: SVGGElement;
  private readonly boxes: SVGGElement;
  private readonly marker: SVGGElement;
  private readonly byKey = new Map<string, SVGGElement | SVGPolylineElement>();
  private readonly boxByKey = new Map<string, Box>();
  private anim?: Animation;

  constructor(label: string) {
    this.svg = el('svg', { role: 'group', 'aria-label': label, class: 'dnl-topo-svg' });
    this.frames = el('g', { class: 'frames' });
    this.wires = el('g', { class: 'wires' });
    this.boxes = el('g', { class: 'boxes' });
    this.marker = el('g', { class: 'packet', 'aria-hidden': 'true', visibility: 'hidden' });
    this.marker.append(el('circle', { r: '7' }));
    this.svg.append(this.frames, this.wires, this.boxes, this.marker);
  }

  /** box returns the Box drawn under key (for clicks). */
  box(key: string): Box | undefined {
    return this.boxByKey.get(key);
  }

  /** draw makes the SVG show scene: new keys are added, gone ones removed, the rest updated. */
  draw(scene: Scene): void {
    this.svg.setAttribute('viewBox', `0 0 ${scene.width} ${scene.height}`);
    this.svg.setAttribute('width', String(scene.width));
    this.svg.setAttribute('height', String(scene.height));
    const live = new Set<string>();
    for (const w of scene.wires) {
      live.add(w.key);
      this.drawWire(w);
    }
    this.boxByKey.clear();
    for (const b of scene.boxes) {
      live.add(b.key);
      this.boxByKey.set(b.key, b);
      this.drawBox(b);
    }
    for (const [k, e] of this.byKey) {
      if (live.has(k)) continue;
      e.remove();
      this.byKey.delete(k);
    }
  }

  private drawWire(w: Wire): void {
    let g = this.byKey.get(w.key) as SVGGElement | undefined;
    if (!g) {
      g = el('g', { class: `wire ${w.kind}`, 'data-key': w.key });
      g.append(el('polyline'));
      this.byKey.set(w.key, g);
    }
    this.wires.append(g);
    (g.firstChild as SVGPolylineElement).setAttribute('points', pts(w.points));
    let t = g.querySelector('text');
    if (w.label) {
      if (!t) t = g.appendChild(el('text'));
      t.setAttribute('x', String(w.label.x));
      t.setAttribute('y', String(w.label.y));
      t.textContent = w.label.text;
    } else t?.remove();
  }

  private drawBox(b: Box): void {
    let g = this.byKey.get(b.key) as SVGGElement | undefined;
    if (!g) {
      g = el('g', { 'data-key': b.key });
      g.append(el('rect', { rx: '6' }));
      this.byKey.set(b.key, g);
    }
    // Host frames go under the wires so the lines inside them stay visible.
    (b.kind === 'host' ? this.frames : this.boxes).append(g);
    g.setAttribute(
      'class',
      `box ${b.kind}${b.muted ? ' muted' : ''}${g.classList.contains('lit') ? ' lit' : ''}${g.classList.contains('bad') ? ' bad' : ''}`,
    );
    g.style.transform = `translate(${b.x}px, ${b.y}px)`;
    // The name starts with a kind word, then repeats the visible text (WCAG 2.5.3 label in name).
    g.setAttribute('aria-label', [b.aria, b.title, ...b.lines].filter(Boolean).join(' '));
    if (b.ref) {
      g.setAttribute('tabindex', '0');
      g.setAttribute('role', 'button');
    } else {
      g.removeAttribute('tabindex');
      g.setAttribute('role', 'img');
    }
    const rect = g.firstChild as SVGRectElement;
    rect.style.width = `${b.w}px`;
    rect.style.height = `${b.h}px`;
    const texts = [...g.querySelectorAll('text')];
    const want = [b.title, ...b.lines];
    const section = b.kind === 'section';
    want.forEach((txt, i) => {
      let t = texts[i];
      if (!t) t = g.appendChild(el('text'));
      t.setAttribute('class', i === 0 ? 'title' : 'line');
      // A bar shows its title and its line on one row; a box stacks them.
      const x = section && i > 0 ? Math.round(8 + 7.5 * b.title.length + 14) : 8;
      t.setAttribute('x', String(x));
      t.setAttribute('y', String(section ? 17 : 17 + 14 * i));
      t.textContent = i < want.length - 1 ? `${txt} ` : txt;
    });
    for (const t of texts.slice(want.length)) t.remove();
  }

  /** light marks one element as where the packet is (bad: where it stopped); undefined clears. */
  light(key: string | undefined, bad = false): void {
    for (const e of this.svg.querySelectorAll('.lit, .bad')) e.classList.remove('lit', 'bad');
    if (!key) return;
    this.byKey.get(key)?.classList.add(bad ? 'bad' : 'lit');
  }

  /** packet moves the marker along path in ms (0: jump there); undefined path hides it. */
  packet(path: readonly Point[] | undefined, ms: number, bad = false): void {
    this.anim?.cancel();
    if (!path || path.length === 0) {
      this.marker.setAttribute('visibility', 'hidden');
      return;
    }
    this.marker.setAttribute('visibility', 'visible');
    this.marker.classList.toggle('bad', bad);
    const end = path[path.length - 1];
    this.marker.style.transform = `translate(${end[0]}px, ${end[1]}px)`;
    if (ms > 0 && path.length > 1 && typeof this.marker.animate === 'function')
      this.anim = this.marker.animate(
        path.map(([x, y]) => ({ transform: `translate(${x}px, ${y}px)` })),
        { duration: ms, easing: 'ease-in-out' },
      );
  }
}
