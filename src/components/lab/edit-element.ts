// <dnl-edit>: "Apply in the lab" writes the edit into its lab file through the lab's store, as the
// editor does (so the editor, undo, saving and share links see a learner's edit), on the edit's
// host, and brings that host and file to the front; a status line says what happened.

import { applyEdit } from '../../lib/lab-edit.ts';
import { pickLab } from './pick-lab.ts';

/** EditElement is one <Edit> in the prose. */
class EditElement extends HTMLElement {
  connectedCallback(): void {
    this.querySelector('[data-edit-apply]')?.addEventListener('click', () => void this.apply());
  }

  private async apply(): Promise<void> {
    const lab = pickLab(this.dataset.lab);
    if (!lab || typeof lab.started !== 'function') return;
    lab.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    const store = await lab.started();
    if (!store) return;
    const hosts = store.scenario.hosts;
    const wanted = this.dataset.host ?? '';
    const host = hosts.includes(wanted) ? wanted : (hosts[0] as string);
    const path = this.dataset.file ?? '';
    const before = store.sim.readFile(path, host);
    const after = applyEdit(before, {
      file: path,
      content: this.dataset.content ?? '',
      replace: this.dataset.replace,
    });
    lab.showHost(host);
    store.writeFile(path, after, host);
    // The editor (when open) shows this host's files: bring the edited one to the front.
    lab
      .querySelector<HTMLButtonElement>(`[data-files] [role="tab"][data-path="${CSS.escape(path)}"]`)
      ?.click();
    const status = this.querySelector('[data-edit-status]');
    if (status) status.textContent = (before === after ? this.dataset.already : this.dataset.applied) ?? '';
  }
}

if (!customElements.get('dnl-edit')) customElements.define('dnl-edit', EditElement);
