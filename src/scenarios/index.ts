// The scenario registry: every lab scenario, parsed and validated once, by id.
// Plain TS (no astro:content), so components, tests and scripts share it.

import { bridgeBasics } from './data/bridge-basics.ts';
import { playground } from './data/playground.ts';
import { twoHosts } from './data/two-hosts.ts';
import { GOALS, type GoalArgs } from './goals.ts';
import { type Challenge, parseScenario, type Scenario } from './schema.ts';
import type { LabStateView } from '../sim/index.ts';

export { type Challenge, PANES, type Pane, parseScenario, type Scenario } from './schema.ts';

/** SCENARIOS maps each scenario id to its validated scenario. */
export const SCENARIOS: ReadonlyMap<string, Scenario> = new Map(
  [playground, bridgeBasics, twoHosts].map((data) => {
    const s = parseScenario(data, 'scenario');
    return [s.id, s] as const;
  }),
);

/** getScenario returns a scenario by id, or throws an error that lists the known ids. */
export function getScenario(id: string): Scenario {
  const s = SCENARIOS.get(id);
  if (!s) throw new Error(`Unknown scenario "${id}". Known scenarios: ${[...SCENARIOS.keys()].join(', ')}`);
  return s;
}

/** goalMet evaluates a challenge's goal against a state view. */
export function goalMet(challenge: Challenge, state: LabStateView): boolean {
  const goal = challenge.goal;
  if (typeof goal === 'function') return goal(state);
  return GOALS[goal.predicate](state, goal.args as GoalArgs);
}
