// <dnl-try>: runs its command in a lab on the page (typed visibly) and copies it on request. With
// `from`, it first runs that command (visibly, on its host) and puts what it printed in the
// command's `{{placeholder}}`, as a learner copies a token from one terminal into another.

import { fillPlaceholders, showPlaceholders, usableValue } from '../../lib/lab-edit.ts';
import type { CommandEvent } from '../../sim/index.ts';
import type { LabElement } from './lab-element.ts';
import { pickLab } from './pick-lab.ts';

/** TryElement is one <Try> command in the prose. */
class TryElement extends HTMLElement {
  connectedCallback(): void {
    const command = this.dataset.command ?? '';
    this.querySelector('[data-try-run]')?.addEventListener('click', () => {
      const lab = pickLab(this.dataset.lab);
      if (!lab || typeof lab.run !== 'function') return;
      lab.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      if (this.dataset.from) void this.runFrom(lab, command, this.dataset.from);
      else void lab.run(command, this.dataset.host || undefined);
    });
    const copy = this.querySelector<HTMLButtonElement>('[data-try-copy]');
    copy?.addEventListener('click', () => {
      const label = copy.textContent;
      navigator.clipboard
        ?.writeText(showPlaceholders(command))
        .then(() => {
          copy.textContent = this.dataset.copied ?? '';
          setTimeout(() => {
            copy.textContent = label;
          }, 1500);
        })
        .catch(() => undefined);
    });
  }

  /** runFrom runs `from`, then the command with its output filled in (not when `from` failed). */
  private async runFrom(lab: LabElement, command: string, from: string): Promise<void> {
    const store = await lab.started();
    if (!store) return;
    let printed: CommandEvent | undefined;
    const watch = store.sim.onCommand((e) => {
      if (e.line === from) printed = e;
    });
    try {
      await lab.run(from, this.dataset.fromHost || undefined);
    } finally {
      watch.dispose();
    }
    if (!printed || !usableValue(printed.exitCode, printed.stdout)) return;
    await lab.run(fillPlaceholders(command, printed.stdout), this.dataset.host || undefined);
  }
}

if (!customElements.get('dnl-try')) customElements.define('dnl-try', TryElement);
