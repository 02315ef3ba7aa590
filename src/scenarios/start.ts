// startScenario: a fresh world for a scenario (hosts, seed, files, setup), then the learner's log
// replayed on top. Persistence, reset, undo and the scenario tests all start labs through here.

import { createWorld, type LabLogEntry, type Sim } from '../sim/index.ts';
import type { Scenario } from './schema.ts';

/** startScenario builds the scenario's world and replays `log` on it. */
export function startScenario(
  scenario: Scenario,
  log: readonly LabLogEntry[] = [],
  seed = scenario.seed,
): Sim {
  const sim = createWorld({ seed, hosts: scenario.hosts });
  const first = scenario.hosts[0];
  for (const f of scenario.files) sim.writeFile(f.path, f.content, f.host ?? first);
  for (const step of scenario.setup) sim.exec(step.line, { host: step.host ?? first });
  for (const entry of log) {
    if (entry.kind === 'command') sim.exec(entry.line, { host: entry.host });
    else sim.writeFile(entry.path, entry.content, entry.host);
  }
  return sim;
}
