// The scenario registry: every lab scenario, parsed and validated once, by id.
// Plain TS (no astro:content), so components, tests and scripts share it.

import { SCENARIO_DATA } from './data/index.ts';
import { parseScenario, type Scenario } from './schema.ts';

export { goalMet } from './goals.ts';
export { type Challenge, PANES, type Pane, parseScenario, type Scenario } from './schema.ts';

/** SCENARIOS maps each scenario id to its validated scenario. */
export const SCENARIOS: ReadonlyMap<string, Scenario> = new Map(
  SCENARIO_DATA.map((data) => {
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
