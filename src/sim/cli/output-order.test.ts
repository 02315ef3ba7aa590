// The docker CLI's stdout and stderr reach the terminal in the order it wrote them (docker/cli writes
// straight to os.Stdout and os.Stderr): a run that pulls shows the pull's progress, then the ID.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../index.ts';

test('docker run -d that pulls prints the pull progress (stderr) before the container ID (stdout)', () => {
  const sim = createWorld({ hosts: ['host1'] });
  const r = sim.exec('docker run -d --name box alpine sleep 1d');
  assert.equal(r.exitCode, 0);
  assert.deepEqual(
    r.transcript.map((c) => c.stream),
    ['stderr', 'stdout'],
  );
  const [pull, id] = r.transcript.map((c) => c.text);
  assert.match(
    pull as string,
    /^Unable to find image 'alpine:latest' locally\nlatest: Pulling from library\/alpine\n/,
  );
  assert.match(pull as string, /\nStatus: Downloaded newer image for alpine:latest\n$/);
  assert.match(id as string, /^[0-9a-f]{64}\n$/);
  // The per-stream strings are unchanged.
  assert.equal(r.stdout, id);
  assert.equal(r.stderr, pull);
});

test('2>&1 into a pipe keeps the same order', () => {
  const sim = createWorld({ hosts: ['host1'] });
  const r = sim.exec('docker run -d --name box alpine sleep 1d 2>&1 | cat');
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines[0], "Unable to find image 'alpine:latest' locally");
  assert.equal(lines.at(-2), 'Status: Downloaded newer image for alpine:latest');
  assert.match(lines.at(-1) as string, /^[0-9a-f]{64}$/);
});

test('an error after output still comes last, and a second run prints only the ID', () => {
  const sim = createWorld({ hosts: ['host1'] });
  sim.exec('docker run -d --name box alpine sleep 1d');
  const again = sim.exec('docker run -d --name box alpine sleep 1d');
  assert.equal(again.exitCode, 125);
  assert.deepEqual(
    again.transcript.map((c) => c.stream),
    ['stderr'],
  );
  const other = sim.exec('docker run -d --name box2 alpine sleep 1d');
  assert.deepEqual(
    other.transcript.map((c) => c.stream),
    ['stdout'],
  );
});
