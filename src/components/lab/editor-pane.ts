// The lab's editor pane: its files in tabs, in Monaco. Edits go into the simulated world at once
// (so `cat compose.yaml` shows them) and files written by the shell are re-read after each command.
// This module and Monaco load only when the learner opens the editor.

import type { LabStore } from '../state/lab-store.ts';
import { monaco } from './monaco.ts';

/** EditorHandle lets the lab dispose of the editor. */
export interface EditorHandle {
  dispose(): void;
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
  hostName: string,
): EditorHandle {
  const models = new Map<string, monaco.editor.ITextModel>();
  let current: string | undefined;
  const editor = monaco.editor.create(host, {
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    scrollBeyondLastLine: false,
    theme: siteTheme(),
    ariaLabel: 'File editor',
  });

  const select = (path: string) => {
    current = path;
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
        model = monaco.editor.createModel(text, languageOf(path), monaco.Uri.file(`${hostName}${path}`));
        model.onDidChangeContent(() =>
          store.writeFile(path, (model as monaco.editor.ITextModel).getValue(), hostName),
        );
        models.set(path, model);
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
  return {
    dispose() {
      unsubscribe();
      themeObserver.disconnect();
      editor.dispose();
      for (const m of models.values()) m.dispose();
    },
  };
}
