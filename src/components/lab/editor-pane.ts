// The lab's editor pane: its files in tabs, in Monaco. Edits go into the simulated world at once
// (so `cat compose.yaml` shows them) and files written by the shell are re-read after each command.
// In a multi-host lab it shows the files of one host (setHost follows the active terminal tab).
// Compose files get markers and schema completion (compose-language.ts). This module and Monaco
// load only when the learner opens the editor.

import type { ComposeDiagnostic } from '../../sim/index.ts';
import type { LabStore } from '../state/lab-store.ts';
import { isComposeFile, registerComposeCompletion, updateComposeMarkers } from './compose-language.ts';
import { monaco } from './monaco.ts';

/** EditorHandle lets the lab switch the editor to another host's files, or dispose of it. */
export interface EditorHandle {
  setHost(host: string): void;
  dispose(): void;
}

/** EditorLabels are the pane's translated words (from Lab.astro's data attributes). */
export interface EditorLabels {
  /** problems is "Problems in {file}"; line is "line {line}"; host is "Files on {host}". */
  problems: string;
  line: string;
  host: string;
}

const languageOf = (path: string): string => {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (/^(Dockerfile|Containerfile)(\..*)?$/.test(base) || base.endsWith('.dockerfile')) return 'dockerfile';
  if (/\.ya?ml$/.test(base)) return 'yaml';
  return 'plaintext';
};

const siteTheme = (): string => {
  const theme = document.documentElement.dataset.theme;
  const dark = theme ? theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  return dark ? 'vs-dark' : 'vs';
};

/** mountEditor shows the host's lab files in tabs (tablist) above a Monaco editor (host). */
export function mountEditor(
  tablist: HTMLElement,
  host: HTMLElement,
  store: LabStore,
  firstHost: string,
  problems?: HTMLElement,
  labels: EditorLabels = { problems: 'Problems in {file}', line: 'line {line}', host: 'Files on {host}' },
): EditorHandle {
  registerComposeCompletion();
  let hostName = firstHost;
  const models = new Map<string, monaco.editor.ITextModel>();
  const diagnostics = new Map<string, ComposeDiagnostic[]>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let current: string | undefined;
  const editor = monaco.editor.create(host, {
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    scrollBeyondLastLine: false,
    theme: siteTheme(),
    ariaLabel: 'File editor',
  });

  const showProblems = () => {
    if (!problems) return;
    const list = current ? (diagnostics.get(current) ?? []) : [];
    problems.replaceChildren();
    problems.hidden = list.length === 0;
    if (!current || list.length === 0) return;
    const title = document.createElement('p');
    title.textContent = labels.problems.replace('{file}', current.replace(/^\/root\//, ''));
    const items = document.createElement('ul');
    for (const d of list) {
      const item = document.createElement('li');
      item.dataset.severity = d.severity;
      item.textContent = `${labels.line.replace('{line}', String(d.line))}: ${d.message}`;
      items.append(item);
    }
    problems.append(title, items);
  };

  const validate = (path: string) => {
    const model = models.get(path);
    if (!model || !isComposeFile(path)) return;
    diagnostics.set(path, updateComposeMarkers(model, path));
    if (path === current) showProblems();
  };

  const select = (path: string) => {
    current = path;
    showProblems();
    const model = models.get(path);
    if (model) editor.setModel(model);
    for (const tab of tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
      const on = tab.dataset.path === path;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
    }
  };

  const sync = () => {
    const files = store.sim.files(hostName);
    for (const path of files) {
      const text = store.sim.readFile(path, hostName) ?? '';
      let model = models.get(path);
      if (!model) {
        const created = monaco.editor.createModel(
          text,
          languageOf(path),
          monaco.Uri.file(`/${hostName}${path}`),
        );
        const owner = hostName;
        created.onDidChangeContent(() => {
          store.writeFile(path, created.getValue(), owner);
          clearTimeout(timers.get(path));
          timers.set(
            path,
            setTimeout(() => validate(path), 150),
          );
        });
        model = created;
        models.set(path, model);
        validate(path);
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.setAttribute('role', 'tab');
        tab.dataset.path = path;
        tab.textContent = path.replace(/^\/root\//, '');
        tab.addEventListener('click', () => select(path));
        tablist.append(tab);
      } else if (model.getValue() !== text) {
        model.setValue(text);
      }
    }
    for (const [path, model] of models) {
      if (files.includes(path)) continue;
      model.dispose();
      models.delete(path);
      diagnostics.delete(path);
      tablist.querySelector(`[data-path="${CSS.escape(path)}"]`)?.remove();
      if (current === path) current = undefined;
    }
    const first = [...models.keys()][0];
    if (!current && first) select(first);
  };

  tablist.addEventListener('keydown', (e) => {
    const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const i = tabs.findIndex((t) => t.dataset.path === current);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step || tabs.length === 0) return;
    e.preventDefault();
    const next = tabs[(i + step + tabs.length) % tabs.length];
    select(next.dataset.path ?? '');
    next.focus();
  });

  sync();
  const unsubscribe = store.subscribe(sync);
  const themeObserver = new MutationObserver(() => monaco.editor.setTheme(siteTheme()));
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  host.dataset.ready = 'true';
  host.dataset.host = hostName;
  tablist.setAttribute('aria-label', labels.host.replace('{host}', hostName));
  return {
    setHost(next) {
      if (next === hostName) return;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      for (const m of models.values()) m.dispose();
      models.clear();
      diagnostics.clear();
      tablist.replaceChildren();
      current = undefined;
      hostName = next;
      host.dataset.host = next;
      tablist.setAttribute('aria-label', labels.host.replace('{host}', next));
      sync();
      showProblems();
    },
    dispose() {
      for (const t of timers.values()) clearTimeout(t);
      unsubscribe();
      themeObserver.disconnect();
      editor.dispose();
      for (const m of models.values()) m.dispose();
    },
  };
}
