// Which lab of the page a <Try> or an <Edit> acts on: the one it names, else the lesson's main
// lab, else the first (handout-output.ts makes the same choice at build time).

import type { LabElement } from './lab-element.ts';

/** pickLab finds the lab with scenario `wanted`, or the default lab when `wanted` is empty. */
export function pickLab(wanted: string | undefined): LabElement | undefined {
  const labs = [...document.querySelectorAll<LabElement>('dnl-lab')];
  return wanted
    ? labs.find((l) => l.dataset.scenario === wanted)
    : (labs.find((l) => l.dataset.primary !== undefined) ?? labs[0]);
}
