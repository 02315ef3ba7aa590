// <dnl-lab>: the client side of <Lab>. Creates the lab's page store (its own world), mounts a
// terminal per host (tabs when several), the challenges pane, the topology view, and Monaco only
// when the editor pane is opened (the editor follows the active host tab), and the main lab's
// "Wide lab" toggle. <Try> blocks reach a lab through its `run` method.

import { clientScenario } from '../../scenarios/normalize.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import type { LabStore, StorageLike } from '../state/lab-store.ts';
import type { TopologyHandle } from '../topology/mount.ts';
import { mountChallenges } from './challenges.ts';
import type { EditorHandle } from './editor-pane.ts';
import { applyEmbedOptions, parseEmbedOptions } from './embed-options.ts';
import { LabLinks } from './lab-link-ui.ts';
import { HASH_AT_LOAD, linkTargets } from './lab-links.ts';
import { HostTerminal } from './terminal.ts';

function pageStorage(): StorageLike | undefined {
  try {
    const probe = '__dnl_probe__';
    localStorage.setItem(probe, probe);
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    return undefined;
  }
}

/** memoryStorage stands in for blocked storage (e.g. a third-party iframe): the lab lives for the page. */
function memoryStorage(): StorageLike {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const scenarioHosts = (id: string) => clientScenario(id)?.hosts;

/** WIDE_KEY is where "Wide lab" is remembered (also read by Lab.astro's inline script). */
const WIDE_KEY = 'dnl:lab-wide';

const reducedMotion = (): boolean => matchMedia('(prefers-reduced-motion: reduce)').matches;

type Runtime = typeof import('./runtime.ts');

/** LabElement is one lab on the page. */
export class LabElement extends HTMLElement {
  store: LabStore | undefined;
  private runtime: Runtime | undefined;
  private readonly terminals = new Map<string, HostTerminal>();
  private active = '';
  private topology: TopologyHandle | undefined;
  private editor: EditorHandle | undefined;
  private screenReader = false;

  private text(key: string): string {
    return this.dataset[key] ?? '';
  }

  private ready: Promise<void> | undefined;

  connectedCallback(): void {
    // The lesson's main lab starts at once; other labs start when they come near the viewport
    // (or when a <Try> asks them to run something), so they do not delay the main lab's prompt.
    const eager = this.dataset.primary !== undefined || this.dataset.embed !== undefined;
    if (eager || linkTargets(this, HASH_AT_LOAD) || !('IntersectionObserver' in window)) {
      void this.boot();
      return;
    }
    // A link to this lab followed before it started (e.g. a challenge link in the prose).
    const early = () => {
      if (!linkTargets(this, location.hash)) return;
      window.removeEventListener('hashchange', early);
      this.linkHash = location.hash;
      void this.boot();
    };
    window.addEventListener('hashchange', early);
    this.stopEarlyLinks = () => window.removeEventListener('hashchange', early);
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        void this.boot();
      },
      { rootMargin: '200px' },
    );
    observer.observe(this);
  }

  private linkHash = HASH_AT_LOAD;
  private stopEarlyLinks: () => void = () => undefined;

  /** boot loads the runtime chunk and starts the lab (once). */
  private boot(): Promise<void> {
    if (!this.ready)
      this.ready = import('./runtime.ts')
        .then((runtime) => this.start(runtime))
        .catch(() => this.notify(this.text('loadFailed')));
    return this.ready;
  }

  /** started starts the lab if it has not started yet and gives its store (undefined if it failed). */
  async started(): Promise<LabStore | undefined> {
    await this.boot();
    return this.store;
  }

  private async start(runtime: Runtime): Promise<void> {
    this.runtime = runtime;
    const scenario = clientScenario(this.dataset.scenario ?? '');
    if (!scenario) return;
    if (this.dataset.embed !== undefined)
      applyEmbedOptions(this, parseEmbedOptions(location.search, scenario.panes));
    const storage = pageStorage() ?? memoryStorage();
    const links = new LabLinks(this, scenario, runtime, storage, scenarioHosts);
    this.stopEarlyLinks();
    const opened = await links.initial(this.linkHash);
    const initial = opened ? links.keep(opened) : undefined;
    const store = new runtime.LabStore(scenario, storage, this.dataset.instance ?? '', initial);
    this.store = store;
    if (store.notice) this.notify(this.text('restoreFailed'));
    this.startViews(scenario, store);
    links.attach(store, opened, (message) => this.notify(message));
    this.dataset.ready = 'true';
    performance.mark(`dnl-lab-ready:${scenario.id}`);
  }

  private startViews(scenario: Scenario, store: LabStore): void {
    const live = this.querySelector<HTMLElement>('[data-live]');
    this.announce = (text) => {
      if (live) live.textContent = text;
    };
    this.screenReader =
      this.querySelector<HTMLInputElement>('[data-action="screen-reader"]')?.checked ?? false;
    this.showHost(scenario.hosts[0]);
    performance.mark(`dnl-lab-prompt:${scenario.id}`);
    for (const tab of this.querySelectorAll<HTMLButtonElement>('[data-host-tab]')) {
      tab.addEventListener('click', () => this.showHost(tab.dataset.hostTab ?? ''));
      tab.addEventListener('keydown', (e) => this.tabKeys(e));
    }
    this.querySelector('[data-action="reset"]')?.addEventListener('click', () => store.reset());
    this.querySelector('[data-action="undo"]')?.addEventListener('click', () => {
      if (!store.undo()) this.notify(this.text('nothingToUndo'));
    });
    this.querySelector<HTMLInputElement>('[data-action="screen-reader"]')?.addEventListener('change', (e) => {
      this.screenReader = (e.target as HTMLInputElement).checked;
      for (const t of this.terminals.values()) t.setScreenReader(this.screenReader);
    });
    this.setupWideToggle();
    this.querySelector<HTMLFormElement>('[data-touch]')?.addEventListener('submit', (e) => {
      e.preventDefault();
      const input = (e.target as HTMLFormElement).querySelector('input');
      if (!input?.value) return;
      void this.run(input.value, undefined, 0);
      input.value = '';
    });

    const challenges = this.querySelector<HTMLElement>('[data-pane="challenges"]');
    if (challenges)
      mountChallenges(
        challenges,
        store,
        {
          done: this.text('done'),
          notDone: this.text('notDone'),
          doneEarlier: this.text('doneEarlier'),
          confirmSolution: this.text('confirmSolution'),
        },
        (commands, host) => {
          for (const c of commands) void this.run(c, host);
        },
      );
    // The topology is drawn right after the prompt is usable, not before it.
    setTimeout(() => this.mountTopologyView(), 0);
    store.subscribe((e) => {
      if (e.type !== 'world') return;
      const message = this.text(
        e.reason === 'reset' ? 'resetDone' : e.reason === 'replace' ? 'replaceDone' : 'undoDone',
      );
      for (const t of this.terminals.values()) t.newWorld(message);
      this.mountTopologyView();
    });
    this.setupEditor();
  }

  private announce: (text: string) => void = () => undefined;

  private notify(message: string): void {
    const notice = this.querySelector<HTMLElement>('[data-notice]');
    if (!notice) return;
    notice.textContent = message;
    notice.hidden = false;
  }

  private mountTopologyView(): void {
    const el = this.querySelector<HTMLElement>('[data-topology]');
    if (!el || !this.store || !this.runtime) return;
    this.topology?.dispose();
    this.topology = this.runtime.mountTopology(el, this.store.sim, {});
  }

  private setupEditor(): void {
    const pane = this.querySelector<HTMLDetailsElement>('[data-pane="editor"]');
    if (!pane || !this.store) return;
    const store = this.store;
    let loading = false;
    pane.addEventListener('toggle', () => {
      if (!pane.open || loading) return;
      loading = true;
      performance.mark(`dnl-editor-open:${store.scenario.id}`);
      const host = this.querySelector<HTMLElement>('[data-editor]') as HTMLElement;
      const tabs = this.querySelector<HTMLElement>('[data-files]') as HTMLElement;
      host.setAttribute('aria-busy', 'true');
      import('./editor-pane.ts')
        .then((m) => {
          const problems = this.querySelector<HTMLElement>('[data-problems]') ?? undefined;
          this.editor = m.mountEditor(tabs, host, store, this.active || store.scenario.hosts[0], problems, {
            problems: host.dataset.labelProblems ?? 'Problems in {file}',
            line: host.dataset.labelLine ?? 'line {line}',
            host: host.dataset.labelHost ?? 'Files on {host}',
          });
          host.removeAttribute('aria-busy');
          performance.mark(`dnl-editor-ready:${store.scenario.id}`);
        })
        .catch(() => {
          loading = false;
          this.notify(this.text('editorFailed'));
        });
    });
  }

  /** setupWideToggle wires "Wide lab" (primary lab only): a pressed button, saved in localStorage. */
  private setupWideToggle(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-action="wide"]');
    if (!button) return;
    const root = document.documentElement;
    button.setAttribute('aria-pressed', String(root.dataset.labWide === 'true'));
    button.addEventListener('click', () => {
      const wide = root.dataset.labWide !== 'true';
      if (wide) root.dataset.labWide = 'true';
      else delete root.dataset.labWide;
      button.setAttribute('aria-pressed', String(wide));
      try {
        localStorage.setItem(WIDE_KEY, String(wide));
      } catch {
        // No storage: the choice lasts for this page.
      }
    });
  }

  private tabKeys(e: KeyboardEvent): void {
    const tabs = [...this.querySelectorAll<HTMLButtonElement>('[data-host-tab]')];
    const i = tabs.indexOf(e.currentTarget as HTMLButtonElement);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = tabs[(i + step + tabs.length) % tabs.length];
    this.showHost(next.dataset.hostTab ?? '');
    next.focus();
  }

  /** showHost brings a host's terminal to the front (creating it the first time). */
  showHost(host: string): void {
    if (!this.store) return;
    this.active = host;
    for (const tab of this.querySelectorAll<HTMLButtonElement>('[data-host-tab]')) {
      const on = tab.dataset.hostTab === host;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
    }
    for (const panel of this.querySelectorAll<HTMLElement>('[data-terminal]'))
      panel.hidden = panel.dataset.terminal !== host;
    let term = this.terminals.get(host);
    const panel = this.querySelector<HTMLElement>(`[data-terminal="${CSS.escape(host)}"]`);
    if (!term && panel) {
      term = new HostTerminal(panel, this.store, host, (t) => this.announce(t), this.screenReader);
      this.terminals.set(host, term);
    }
    term?.show();
    this.editor?.setHost(host);
  }

  /** run types a command into a host's terminal (default: the one shown) and runs it. */
  async run(command: string, host?: string, delayMs = reducedMotion() ? 0 : 18): Promise<void> {
    await this.boot();
    const target = host ?? this.active;
    if (target !== this.active) this.showHost(target);
    await this.terminals.get(target)?.typeAndRun(command, delayMs);
  }
}

if (!customElements.get('dnl-lab')) customElements.define('dnl-lab', LabElement);
