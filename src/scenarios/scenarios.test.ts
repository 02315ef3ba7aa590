// Every scenario, replayed headlessly: setup alone leaves each goal unmet; its solution meets it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCENARIO_DATA } from './data/index.ts';
import { goalMet, parseScenario, SCENARIOS } from './index.ts';
import { normalizeScenario } from './normalize.ts';
import { startScenario } from './start.ts';

for (const scenario of SCENARIOS.values()) {
  test(`scenario ${scenario.id}: setup runs cleanly`, () => {
    const sim = startScenario({ ...scenario, setup: [] });
    for (const step of scenario.setup) {
      const res = sim.exec(step.line, { host: step.host ?? scenario.hosts[0] });
      assert.equal(res.exitCode, 0, `${step.line}: ${res.stderr}`);
    }
    assert.deepEqual(sim.hosts(), scenario.hosts);
    for (const f of scenario.files)
      assert.equal(sim.readFile(f.path, f.host ?? scenario.hosts[0]), f.content);
  });
  for (const challenge of scenario.challenges) {
    test(`scenario ${scenario.id}: challenge ${challenge.id} is unmet before and met after its solution`, () => {
      const sim = startScenario(scenario);
      assert.equal(goalMet(challenge, sim.snapshot()), false);
      const host = challenge.host ?? scenario.hosts[0];
      for (const line of challenge.solution) {
        const res = sim.exec(line, { host });
        assert.equal(res.exitCode, 0, `${line}: ${res.stderr}`);
      }
      assert.equal(goalMet(challenge, sim.snapshot()), true);
    });
  }
}

test('parseScenario explains every problem by field', () => {
  assert.throws(
    () =>
      parseScenario({
        id: 'Bad Id',
        title: '',
        challenges: [{ id: 'x', title: 't', goal: { predicate: 'nope' }, solution: [] }],
      }),
    (e: Error) => {
      assert.match(e.message, /^Invalid scenario:\n/);
      assert.match(e.message, /- id: must be kebab-case/);
      assert.match(e.message, /- title: title must not be empty/);
      assert.match(e.message, /challenges\.0\.solution: solution must list at least one command/);
      return true;
    },
  );
  assert.throws(
    () => parseScenario({ id: 'a', title: 'A', setup: [{ host: 'host9', line: 'ls' }] }),
    /setup\.0\.host: unknown host "host9" \(hosts: host1\)/,
  );
});

test('the browser defaults (normalizeScenario) agree with the schema on every scenario', () => {
  for (const data of SCENARIO_DATA) assert.deepEqual(normalizeScenario(data), SCENARIOS.get(data.id));
});
