// Where a challenge deep link starts a lab: the scenario's setup plus the solutions of the
// challenges before it, as a command log (so it is replayed, saved and undone like typed commands).
// A solution is skipped when its goal already holds, and a command that fails is left out, so the
// log holds only steps that did something (e.g. a second `docker network create app` is dropped).

import { goalMet } from '../../scenarios/goals.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { startScenario } from '../../scenarios/start.ts';
import type { LabLogEntry } from '../../sim/index.ts';
import type { LabState } from './lab-store.ts';

/** challengeStart is the state a lab opens in for challenge `id` (undefined: no such challenge). */
export function challengeStart(scenario: Scenario, id: string): LabState | undefined {
  const index = scenario.challenges.findIndex((c) => c.id === id);
  if (index < 0) return undefined;
  const sim = startScenario(scenario);
  const log: LabLogEntry[] = [];
  for (const challenge of scenario.challenges.slice(0, index)) {
    if (goalMet(challenge, sim.snapshot())) continue;
    const host = challenge.host ?? scenario.hosts[0];
    for (const line of challenge.solution) {
      if (sim.exec(line, { host }).exitCode === 0) log.push({ kind: 'command', host, line });
    }
  }
  return { seed: scenario.seed, log, history: log.map((e) => (e.kind === 'command' ? e.line : '')) };
}
