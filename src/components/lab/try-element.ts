// <dnl-try>: runs its command in a lab on the page (typed visibly) and copies it on request.

import type { LabElement } from './lab-element.ts';

/** TryElement is one <Try> command in the prose. */
class TryElement extends HTMLElement {
  connectedCallback(): void {
    const command = this.dataset.command ?? '';
    this.querySelector('[data-try-run]')?.addEventListener('click', () => {
      const wanted = this.dataset.lab;
      const labs = [...document.querySelectorAll<LabElement>('dnl-lab')];
      const lab = wanted
        ? labs.find((l) => l.dataset.scenario === wanted)
        : (labs.find((l) => l.dataset.primary !== undefined) ?? labs[0]);
      if (!lab || typeof lab.run !== 'function') return;
      lab.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      void lab.run(command, this.dataset.host || undefined);
    });
    const copy = this.querySelector<HTMLButtonElement>('[data-try-copy]');
    copy?.addEventListener('click', () => {
      const label = copy.textContent;
      navigator.clipboard
        ?.writeText(command)
        .then(() => {
          copy.textContent = this.dataset.copied ?? '';
          setTimeout(() => {
            copy.textContent = label;
          }, 1500);
        })
        .catch(() => undefined);
    });
  }
}

if (!customElements.get('dnl-try')) customElements.define('dnl-try', TryElement);
