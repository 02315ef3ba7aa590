// Links that open a lab in a given state: a share link (`#share=…`, see state/lab-link.ts) or a
// challenge deep link (`#challenge-<scenario>[-<instance>]-<id>`, the id of the challenge's item).
// linkIntent decides what a lab should start from; the lab keeps the learner's saved lab aside
// (state/lab-keep.ts) and shows a notice with "Restore". Link text is only ever put in textContent.

import type { Scenario } from '../../scenarios/schema.ts';
import {
  decodeLink,
  type LinkErrorKind,
  type LinkResult,
  linkState,
  type ScenarioHosts,
  SHARE_PREFIX,
} from '../state/lab-link.ts';
import type { LabState } from '../state/lab-store.ts';

/** LinkStrings are the notices of link-opened labs (from en.json, rendered into the page). */
export interface LinkStrings {
  shared: string;
  challenge: string;
  kept: string;
  restored: string;
  bad: Record<LinkErrorKind | 'elsewhere', string>;
}

/** LinkIntent is what a link asks of one lab: a state to start from and the notice to show. */
export interface LinkIntent {
  state: LabState;
  message: string;
  challenge?: HTMLElement;
}

type ChallengeStart = (scenario: Scenario, id: string) => LabState | undefined;

let cached: { hash: string; result: Promise<LinkResult> } | undefined;

function shareResult(hash: string, hostsOf: ScenarioHosts): Promise<LinkResult> {
  if (cached?.hash !== hash) cached = { hash, result: decodeLink(hash.slice(SHARE_PREFIX.length), hostsOf) };
  return cached.result;
}

/** HASH_AT_LOAD is the fragment the page was opened with (labs that boot late still see it). */
export const HASH_AT_LOAD = typeof location === 'undefined' ? '' : location.hash;

/** revisited is true when the page was reloaded or reached by back/forward (links already applied). */
export function revisited(): boolean {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return nav?.type === 'reload' || nav?.type === 'back_forward';
}

/** challengeItem finds the challenge item a fragment names inside a lab. */
export function challengeItem(lab: HTMLElement, hash: string): HTMLElement | undefined {
  if (!hash.startsWith('#challenge-')) return undefined;
  const id = decodeURIComponent(hash.slice(1));
  const item = lab.querySelector<HTMLElement>(`[data-challenge][id="${CSS.escape(id)}"]`);
  return item ?? undefined;
}

/** linkTargets tells, without decoding, whether a fragment may concern this lab (boot it early). */
export function linkTargets(lab: HTMLElement, hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX) || challengeItem(lab, hash) !== undefined;
}

const isReceiver = (lab: HTMLElement, labs: HTMLElement[]): boolean =>
  lab.dataset.primary !== undefined || lab.dataset.embed !== undefined || labs[0] === lab;

/** linkIntent reads a fragment for one lab: undefined when the fragment is not for this lab. */
export async function linkIntent(
  lab: HTMLElement,
  scenario: Scenario,
  hash: string,
  hostsOf: ScenarioHosts,
  start: ChallengeStart,
  strings: LinkStrings,
): Promise<LinkIntent | undefined> {
  const item = challengeItem(lab, hash);
  if (item) {
    const state = start(scenario, item.dataset.challenge ?? '');
    const title = item.querySelector('[data-challenge-title]')?.textContent ?? '';
    return state && { state, message: strings.challenge.replace('{title}', title), challenge: item };
  }
  if (!hash.startsWith(SHARE_PREFIX)) return undefined;
  const result = await shareResult(hash, hostsOf);
  const labs = [...document.querySelectorAll<HTMLElement>('dnl-lab')];
  const instance = lab.dataset.instance ?? '';
  const fresh = { seed: scenario.seed, log: [] };
  if (result.ok) {
    const { payload } = result;
    if (payload.scenario === scenario.id && payload.instance === instance)
      return { state: linkState(payload), message: strings.shared };
    const owner = labs.some(
      (l) => l.dataset.scenario === payload.scenario && (l.dataset.instance ?? '') === payload.instance,
    );
    if (owner || !isReceiver(lab, labs)) return undefined;
    return { state: fresh, message: strings.bad.elsewhere };
  }
  return isReceiver(lab, labs) ? { state: fresh, message: strings.bad[result.error] } : undefined;
}

/** forgetShareHash drops a share fragment from the address (a reload then keeps the saved lab). */
export function forgetShareHash(): void {
  if (location.hash.startsWith(SHARE_PREFIX))
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}
