// The packet-walk panel: which exchange, the finding in plain words, play/pause/step controls and
// the hop list (where, interface, what happened, rule, verdict). It drives a SceneView's marker.
import type { Finding } from './explain.ts';
import { s } from './strings.ts';
import type { SceneView } from './svg.ts';
import type { Step, TraceLike, WalkGroup } from './walk.ts';

/** WalkSource gives the player what it shows for one exchange. */
export interface WalkSource {
  steps(t: TraceLike): Step[];
  finding(t: TraceLike): Finding;
  where(nsId: string): string;
}

/** STEP_MS is how long the marker takes per hop when playing. */
const STEP_MS = 650;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

/** Player shows one command's packet walk; show() loads a new one, dispose() stops the timer. */
export class Player {
  /** root is the panel's element. */
  readonly root = h('section', 'dnl-topo-walk');
  private readonly title = h('p', 'walk-title');
  private readonly pick = h('select');
  private readonly finding = h('p', 'finding');
  private readonly back = h('button', '', s('topology.walk.back'));
  private readonly play = h('button', 'play', s('topology.walk.play'));
  private readonly fwd = h('button', '', s('topology.walk.forward'));
  private readonly pos = h('span', 'pos');
  private readonly body = h('tbody');
  private group?: WalkGroup;
  private steps: Step[] = [];
  private at = -1;
  private timer?: ReturnType<typeof setTimeout>;

  private readonly view: SceneView;
  private readonly src: WalkSource;
  private readonly reducedMotion: () => boolean;

  constructor(view: SceneView, src: WalkSource, reducedMotion: () => boolean) {
    this.view = view;
    this.src = src;
    this.reducedMotion = reducedMotion;
    this.root.setAttribute('aria-label', s('topology.walk.region'));
    const pickLabel = h('label', 'pick', `${s('topology.walk.trace')} `);
    pickLabel.append(this.pick);
    const controls = h('div', 'controls');
    for (const b of [this.back, this.play, this.fwd]) b.type = 'button';
    this.play.setAttribute('aria-pressed', 'false');
    this.pos.setAttribute('aria-live', 'off');
    controls.append(this.back, this.play, this.fwd, this.pos);
    const table = h('table', 'hops');
    const cap = h('caption', '', s('topology.hops.caption'));
    const head = h('tr');
    for (const k of ['n', 'where', 'iface', 'step', 'rule', 'verdict'] as const) {
      const th = h('th', '', s(`topology.hops.${k}`));
      th.scope = 'col';
      head.append(th);
    }
    const thead = h('thead');
    thead.append(head);
    table.append(cap, thead, this.body);
    const scroll = h('div', 'hops-scroll');
    scroll.tabIndex = 0;
    scroll.setAttribute('role', 'region');
    scroll.setAttribute('aria-label', s('topology.hops.caption'));
    scroll.append(table);
    this.finding.setAttribute('role', 'status');
    this.root.append(this.title, pickLabel, this.finding, controls, scroll);
    this.root.hidden = true;
    this.back.addEventListener('click', () => this.go(this.at - 1, false));
    this.fwd.addEventListener('click', () => this.go(this.at + 1, false));
    this.play.addEventListener('click', () => (this.timer ? this.pause() : this.start()));
    this.pick.addEventListener('change', () => this.load(Number(this.pick.value)));
  }

  /** show loads a command's walk and plays it (or jumps to its end under reduced motion). */
  show(g: WalkGroup): void {
    this.group = g;
    this.root.hidden = false;
    this.title.textContent = s('topology.walk.title', { line: g.line });
    this.pick.replaceChildren(
      ...g.traces.map((t, i) => {
        const o = h(
          'option',
          '',
          `${i + 1}. ${t.tool} ${this.src.where(t.from)} → ${t.request.dst}${t.request.proto === 'icmp' ? '' : `:${t.request.dport}`} (${t.verdict})`,
        );
        o.value = String(i);
        return o;
      }),
    );
    this.pick.value = String(g.main);
    this.pick.parentElement?.toggleAttribute('hidden', g.traces.length < 2);
    this.load(g.main);
  }

  private load(i: number): void {
    const t = this.group?.traces[i];
    if (!t) return;
    this.pause();
    this.steps = this.src.steps(t);
    const f = this.src.finding(t);
    this.finding.className = `finding ${f.status}`;
    this.finding.textContent =
      f.status === 'ok'
        ? `${s('topology.finding.ok')}: ${f.why}`
        : `${s(f.status === 'drop' ? 'topology.finding.drop' : 'topology.finding.fail', { where: f.where })}: ${f.why}`;
    this.body.replaceChildren(
      ...this.steps.map((st, n) => {
        const tr = h('tr', st.bad ? 'bad' : '');
        const hop = st.hop;
        const iface = [hop.in, hop.out].filter(Boolean).join(' → ');
        const rule = h('td');
        if (hop.rule) rule.append(h('code', '', hop.rule));
        tr.append(
          h('td', '', String(n + 1)),
          h('td', '', this.src.where(hop.ns)),
          h('td', '', iface),
          h('td', '', `${hop.what}: ${hop.reason}`),
          rule,
          h('td', 'verdict', hop.verdict),
        );
        tr.addEventListener('click', () => this.go(n, false));
        return tr;
      }),
    );
    this.at = -1;
    if (this.reducedMotion()) this.go(this.steps.length - 1, false);
    else this.start();
  }

  private go(n: number, animate: boolean): void {
    if (this.steps.length === 0) return;
    const next = Math.max(0, Math.min(this.steps.length - 1, n));
    const st = this.steps[next];
    const moving = animate && !this.reducedMotion();
    this.view.packet(moving ? st.path : st.path.slice(-1), moving ? STEP_MS * 0.85 : 0, st.bad);
    this.view.light(st.el, st.bad);
    this.at = next;
    this.pos.textContent = s('topology.walk.position', { n: next + 1, total: this.steps.length });
    this.body.querySelectorAll('tr').forEach((tr, i) => {
      if (i === next) tr.setAttribute('aria-current', 'step');
      else tr.removeAttribute('aria-current');
    });
    this.back.disabled = next === 0;
    this.fwd.disabled = next === this.steps.length - 1;
  }

  private start(): void {
    if (this.at >= this.steps.length - 1) this.at = -1;
    this.play.textContent = s('topology.walk.pause');
    this.play.setAttribute('aria-pressed', 'true');
    const tick = (): void => {
      this.go(this.at + 1, true);
      if (this.at >= this.steps.length - 1 || this.steps[this.at]?.bad) {
        this.pause();
        return;
      }
      this.timer = setTimeout(tick, STEP_MS);
    };
    this.timer = setTimeout(tick, 0);
  }

  private pause(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.play.textContent = s('topology.walk.play');
    this.play.setAttribute('aria-pressed', 'false');
  }

  /** clear hides the walk (after a reset of the world). */
  clear(): void {
    this.pause();
    this.root.hidden = true;
    this.view.packet(undefined, 0);
    this.view.light(undefined);
  }

  /** dispose stops playback. */
  dispose(): void {
    this.pause();
  }
}
