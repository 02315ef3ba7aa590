// Defaults without validation: what the browser uses to turn scenario data into a Scenario.
// Validation (schema.ts) runs at build time in <Lab> and in the scenario tests, which also check
// that this function and the schema agree on every scenario.
import { SCENARIO_DATA } from './data/index.ts';
import type { Scenario, ScenarioInput } from './schema.ts';

/** normalizeScenario fills in a scenario's defaults as the schema does. */
export function normalizeScenario(input: ScenarioInput): Scenario {
  return {
    id: input.id,
    title: input.title,
    seed: input.seed ?? 1,
    hosts: input.hosts ?? ['host1'],
    setup: input.setup ?? [],
    files: input.files ?? [],
    panes: input.panes ?? ['terminal', 'topology', 'challenges'],
    challenges: (input.challenges ?? []).map((c) => ({
      ...c,
      goal: typeof c.goal === 'function' ? c.goal : { predicate: c.goal.predicate, args: c.goal.args ?? {} },
      hints: c.hints ?? [],
    })),
  } as Scenario;
}

/** clientScenario returns a scenario by id for the browser, or undefined. */
export function clientScenario(id: string): Scenario | undefined {
  const data = SCENARIO_DATA.find((s) => s.id === id);
  return data ? normalizeScenario(data) : undefined;
}
