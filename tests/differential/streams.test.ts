// Differential suite, streaming endpoints: logs (stdcopy frames), exec and run (the 101 hijack, a
// wait answered after start) and pull progress (JSON lines), run one after another on both sides.
// Without a docker client the suite skips (the install check in read-commands.test.ts fails it under CI=true).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../../src/sim/index.ts';
import { DOCKER_BIN, describeDiff, normalise, type Outcome, shellQuote, startDaemon } from './harness.ts';
import { STREAMS } from './scenarios.ts';

test('real docker client and our CLI agree on logs, exec, run and pull', {
  skip: DOCKER_BIN === undefined,
}, async () => {
  const daemon = await startDaemon(STREAMS.world);
  const sim = createWorld({ seed: STREAMS.world.seed });
  for (const line of STREAMS.world.lines) sim.exec(line);
  const outcomes: Outcome[] = [];
  try {
    for (const args of STREAMS.commands) {
      const real = await daemon.docker(args);
      const ours = sim.exec(shellQuote(['docker', ...args]));
      const same =
        normalise(ours.stdout) === normalise(real.stdout) &&
        ours.stderr === real.stderr &&
        ours.exitCode === real.exitCode;
      outcomes.push({ args, ours, real, same });
    }
  } finally {
    daemon.stop();
  }
  const diffs = outcomes.filter((o) => !o.same);
  console.log(
    `# differential streams: ${outcomes.length - diffs.length}/${outcomes.length} commands matched`,
  );
  assert.equal(
    diffs.length,
    0,
    `${diffs.length} commands differ:\n\n${diffs.map(describeDiff).join('\n\n')}`,
  );
});
