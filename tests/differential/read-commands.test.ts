// Differential suite: our CLI against the real docker client (28.2.2) on the same simulated world.
// Every read of READS, after every scenario of SCENARIOS, must match on stdout, stderr and exit code.
// Without a docker client the suite skips (and fails under CI=true, where the client must exist).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareReads, DOCKER_BIN, describeDiff, type Outcome } from './harness.ts';
import { READS, SCENARIOS } from './scenarios.ts';

const missing = DOCKER_BIN === undefined;

test('a real docker client is installed (required under CI=true)', {
  skip:
    missing && process.env.CI !== 'true' ? 'no docker client installed: differential suite skipped' : false,
}, () => {
  assert.ok(DOCKER_BIN, 'CI=true but no docker client found on PATH or at /usr/local/bin/docker');
});

let total = 0;
let matched = 0;
for (const scenario of SCENARIOS) {
  test(`real docker client and our CLI agree after: ${scenario.name}`, { skip: missing }, async () => {
    const outcomes: Outcome[] = await compareReads(scenario, READS);
    const diffs = outcomes.filter((o) => !o.same);
    total += outcomes.length;
    matched += outcomes.length - diffs.length;
    assert.equal(
      diffs.length,
      0,
      `${diffs.length} of ${outcomes.length} reads differ:\n\n${diffs.map(describeDiff).join('\n\n')}`,
    );
  });
}

test('differential tally', { skip: missing }, () => {
  console.log(`# differential: ${matched}/${total} read commands matched the real docker client`);
});
