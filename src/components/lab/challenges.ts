// The challenges pane: ticks goals live after every change of the world, reveals hints one at a
// time and, after a confirm, types a challenge's solution into the terminal.

import type { LabStore } from '../state/lab-store.ts';

/** ChallengeStrings are the pane's UI texts (from en.json, rendered into the page). */
export interface ChallengeStrings {
  done: string;
  notDone: string;
  doneEarlier: string;
  confirmSolution: string;
}

/** mountChallenges wires the server-rendered challenge list to the store. */
export function mountChallenges(
  root: HTMLElement,
  store: LabStore,
  strings: ChallengeStrings,
  typeSolution: (commands: string[], host: string) => void,
): () => void {
  const items = [...root.querySelectorAll<HTMLElement>('[data-challenge]')];
  const update = () => {
    const goals = store.goals();
    const completed = new Set(store.completed());
    let done = 0;
    for (const item of items) {
      const id = item.dataset.challenge ?? '';
      const met = goals.get(id) === true;
      if (met) done++;
      item.dataset.met = String(met);
      const status = item.querySelector<HTMLElement>('[data-status]');
      if (status)
        status.textContent = met ? strings.done : completed.has(id) ? strings.doneEarlier : strings.notDone;
    }
    const count = root.querySelector<HTMLElement>('[data-count]');
    if (count) count.textContent = `${done}/${items.length}`;
  };
  for (const item of items) {
    const hintButton = item.querySelector<HTMLButtonElement>('[data-hint]');
    const hints = [...item.querySelectorAll<HTMLElement>('[data-hints] li')];
    hintButton?.addEventListener('click', () => {
      const next = hints.find((h) => h.hidden);
      if (!next) return;
      next.hidden = false;
      (next.parentElement as HTMLElement).hidden = false;
      if (!hints.some((h) => h.hidden)) hintButton.disabled = true;
    });
    const solution = item.querySelector<HTMLButtonElement>('[data-solution]');
    solution?.addEventListener('click', () => {
      if (!window.confirm(strings.confirmSolution)) return;
      const commands = JSON.parse(solution.dataset.commands ?? '[]') as string[];
      typeSolution(commands, solution.dataset.host ?? store.scenario.hosts[0]);
    });
  }
  update();
  return store.subscribe(update);
}
