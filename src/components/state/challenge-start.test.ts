// Unit tests for challenge deep links: a challenge starts after the earlier challenges' solutions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getScenario, goalMet } from '../../scenarios/index.ts';
import { startScenario } from '../../scenarios/start.ts';
import { challengeStart } from './challenge-start.ts';

test('every challenge starts with the earlier goals met and its own not yet', () => {
  const scenario = getScenario('bridge-lab');
  for (const [i, challenge] of scenario.challenges.entries()) {
    const state = challengeStart(scenario, challenge.id);
    assert.ok(state);
    const view = startScenario(scenario, state.log, state.seed).snapshot();
    for (const earlier of scenario.challenges.slice(0, i))
      assert.equal(goalMet(earlier, view), true, earlier.id);
    assert.equal(goalMet(challenge, view), false, challenge.id);
  }
});

test('the log holds only commands that succeeded; the first challenge starts at the setup', () => {
  const scenario = getScenario('bridge-lab');
  assert.deepEqual(challengeStart(scenario, scenario.challenges[0].id)?.log, []);
  const log = challengeStart(scenario, 'internal-backend')?.log ?? [];
  assert.deepEqual(
    log.map((e) => (e.kind === 'command' ? e.line : '')),
    [
      'docker network create app',
      'docker network connect app web',
      'docker network connect app db',
      'docker run -dit --name cache --network app --network-alias redis alpine ash',
    ],
  );
  assert.equal(challengeStart(scenario, 'nope'), undefined);
});
