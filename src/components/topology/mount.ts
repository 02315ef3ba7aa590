// mountTopology: the lab's live topology view. It reads the world after every command (graph →
// layout → SVG), collects the packet traces a command produced and plays them as a walk, shows an
// element's inspect JSON on click, and keeps a table of the same facts for screen readers.
import type { Sim } from '../../sim/index.ts';
import { explain, whoIs } from './explain.ts';
import { buildGraph, sourceOf, type TopoGraph } from './graph.ts';
import { layout, type Scene, SIZE, type SlotMemory } from './layout.ts';
import { Player } from './player.ts';
import { s } from './strings.ts';
import { SceneView } from './svg.ts';
import { inspectOf, tableRows } from './text.ts';
import './topology.css';
import { asTrace, groupTraces, stepsOf, type TraceLike } from './walk.ts';

/** TopologyHandle lets the Lab dispose of the view. */
export interface TopologyHandle {
  dispose(): void;
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

/** columnsFor returns how many containers fit side by side in a host column of the given width. */
function columnsFor(width: number, hosts: number): number {
  const per =
    (width - SIZE.margin * 2) / Math.max(hosts, 1) - SIZE.pad * 2 - SIZE.spine - SIZE.gutter - SIZE.hostGap;
  return Math.max(2, Math.min(6, Math.floor(per / SIZE.cellW)));
}

/** mountTopology renders the topology of sim (the host given, or all hosts) into el. */
export function mountTopology(el: HTMLElement, sim: Sim, opts: { host?: string } = {}): TopologyHandle {
  const src = sourceOf(sim);
  const memory: SlotMemory = new Map();
  const motion =
    typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined;
  const reduced = (): boolean => motion?.matches ?? false;
  let graph: TopoGraph = buildGraph(src, opts.host);
  let scene: Scene;
  let cols = 0;

  const root = h('div', 'dnl-topo');
  root.setAttribute('role', 'region');
  root.setAttribute('aria-label', s('topology.region'));
  const toolbar = h('div', 'toolbar');
  const tableBtn = h('button', '', s('topology.showTable'));
  tableBtn.type = 'button';
  tableBtn.setAttribute('aria-pressed', 'false');
  toolbar.append(tableBtn);
  const canvas = h('div', 'canvas');
  const view = new SceneView(s('topology.canvas'));
  canvas.append(view.svg);
  const hint = h('p', 'hint', s('topology.walk.none'));
  const player = new Player(
    view,
    {
      steps: (t) => stepsOf(t, scene),
      finding: (t) => explain(graph, t),
      where: (id) => whoIs(graph, id).name,
    },
    reduced,
  );
  const inspect = h('section', 'inspect');
  const inspectTitle = h('p', 'inspect-title');
  const inspectClose = h('button', '', s('topology.inspect.close'));
  inspectClose.type = 'button';
  const inspectPre = h('pre');
  inspectPre.tabIndex = 0;
  const inspectHead = h('div', 'inspect-head');
  inspectHead.append(inspectTitle, inspectClose);
  inspect.append(inspectHead, inspectPre);
  inspect.hidden = true;
  const tableWrap = h('div', 'text-table');
  const table = h('table');
  tableWrap.append(table);
  const announce = h('p', 'sr-only');
  announce.setAttribute('aria-live', 'polite');
  root.append(toolbar, canvas, hint, player.root, inspect, tableWrap, announce);
  el.replaceChildren(root);

  function renderTable(): void {
    const cap = h('caption', '', s('topology.table.caption'));
    const head = h('tr');
    for (const k of ['host', 'network', 'container', 'iface', 'ip', 'peer', 'state'] as const) {
      const th = h('th', '', s(`topology.table.${k}`));
      th.scope = 'col';
      head.append(th);
    }
    const thead = h('thead');
    thead.append(head);
    const body = h('tbody');
    for (const row of tableRows(graph)) {
      const tr = h('tr');
      for (const cell of row) tr.append(h('td', '', cell));
      body.append(tr);
    }
    table.replaceChildren(cap, thead, body);
  }

  function redraw(): void {
    graph = buildGraph(src, opts.host);
    cols = columnsFor(el.clientWidth || 640, graph.hosts.length);
    scene = layout(graph, cols, memory);
    view.draw(scene);
    renderTable();
  }

  function openInspect(key: string): void {
    const ref = view.box(key)?.ref;
    if (!ref) return;
    const { name, json } = inspectOf(src, ref);
    inspectTitle.textContent = s('topology.inspect.title', { name });
    inspectPre.textContent = json;
    inspect.hidden = false;
    inspectPre.focus();
  }

  const keyOf = (e: Event): string | undefined =>
    ((e.target as Element).closest('[data-key][role="button"]') as SVGGElement | null)?.dataset.key;
  view.svg.addEventListener('click', (e) => {
    const k = keyOf(e);
    if (k) openInspect(k);
  });
  view.svg.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const k = keyOf(e);
    if (!k) return;
    e.preventDefault();
    openInspect(k);
  });
  inspectClose.addEventListener('click', () => {
    inspect.hidden = true;
    canvas.focus();
  });
  tableBtn.addEventListener('click', () => {
    const on = tableBtn.getAttribute('aria-pressed') !== 'true';
    tableBtn.setAttribute('aria-pressed', String(on));
    root.classList.toggle('show-table', on);
  });
  canvas.tabIndex = -1;

  let pending: TraceLike[] = [];
  const subs = [
    sim.onTrace((e) => {
      const t = asTrace(e.trace);
      if (t) pending.push(t);
    }),
    sim.onCommand((e) => {
      redraw();
      const traces = pending;
      pending = [];
      if (traces.length === 0) return;
      const g = groupTraces(e.line, e.host, traces, (t) => explain(graph, t).status !== 'ok');
      hint.hidden = true;
      player.show(g);
      const f = explain(graph, g.traces[g.main]);
      announce.textContent = `${e.line}: ${f.status === 'ok' ? s('topology.finding.ok') : f.where}. ${f.why}`;
    }),
  ];
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  const resize =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => {
          clearTimeout(resizeTimer);
          resizeTimer = setTimeout(() => {
            if (columnsFor(el.clientWidth || 640, graph.hosts.length) !== cols) redraw();
          }, 150);
        })
      : undefined;
  resize?.observe(el);
  redraw();

  return {
    dispose() {
      for (const d of subs) d.dispose();
      resize?.disconnect();
      clearTimeout(resizeTimer);
      player.dispose();
      el.replaceChildren();
    },
  };
}
