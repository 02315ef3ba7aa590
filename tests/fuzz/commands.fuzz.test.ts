// Fuzz/property suite: thousands of generated terminal lines (grammar-aware docker commands and
// plain junk) through the facade. Nothing may throw out of exec or be an internal error, every
// result has an integer exit code, the invariants of invariants.ts hold after every command, and
// replaying a sequence's log into a fresh world with the same seed rebuilds the same state.
// A failure prints the shrunk command sequence. FUZZ_SEED=N reproduces or varies a run;
// FUZZ_SCALE=k multiplies the number of runs.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createWorld, type ExecResult, type Sim } from '../../src/sim/index.ts';
import { dockerLine, junkLine } from './grammar.ts';
import { addressInvariants, kernelInvariants, networksOf, snapshot } from './invariants.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20260105);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
let executed = 0;

/** checkResult asserts the shape every exec result must have. */
function checkResult(line: string, r: ExecResult): void {
  executed++;
  assert.ok(
    Number.isInteger(r.exitCode),
    `${JSON.stringify(line)}: exit code ${r.exitCode} is not an integer`,
  );
  assert.equal(typeof r.stdout, 'string');
  assert.equal(typeof r.stderr, 'string');
  assert.ok(
    !r.stderr.includes('sim: internal error'),
    `${JSON.stringify(line)} hit an internal error:\n${r.stderr}`,
  );
}

function checkInvariants(sim: Sim, after: string): void {
  const errs = [...addressInvariants(sim, 'host1'), ...kernelInvariants(sim)];
  assert.deepEqual(errs, [], `after ${JSON.stringify(after)}`);
}

/** runSequence executes lines on a fresh world, checking every result and the invariants. */
function runSequence(lines: string[], seed: number): Sim {
  const sim = createWorld({ seed });
  for (const line of lines) {
    let r: ExecResult;
    try {
      r = sim.exec(line);
    } catch (e) {
      assert.fail(`exec threw on ${JSON.stringify(line)}: ${(e as Error).stack}`);
    }
    checkResult(line, r);
    checkInvariants(sim, line);
  }
  return sim;
}

const report = (lines: string[]): string =>
  `shrunk command sequence:\n${lines.map((l) => `  ${l}`).join('\n')}`;

test('grammar-aware docker sequences keep the world consistent, and replay rebuilds it', () => {
  fc.assert(
    fc.property(
      fc.array(dockerLine, { minLength: 10, maxLength: 40 }),
      fc.integer({ min: 1, max: 1000 }),
      (lines, seed) => {
        try {
          const sim = runSequence(lines, seed);
          const replayed = createWorld({ seed });
          for (const line of lines) replayed.exec(line);
          assert.equal(snapshot(replayed), snapshot(sim), 'replaying the log gave a different state');
        } catch (e) {
          throw new Error(`${(e as Error).message}\n${report(lines)}`);
        }
      },
    ),
    { seed: SEED, numRuns: 280 * SCALE, endOnFailure: false },
  );
});

test('junk lines never throw, always exit with a code, and leave the world consistent', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof({ weight: 3, arbitrary: junkLine }, { weight: 1, arbitrary: dockerLine }), {
        minLength: 20,
        maxLength: 60,
      }),
      (lines) => {
        try {
          runSequence(lines, 1);
        } catch (e) {
          throw new Error(`${(e as Error).message}\n${report(lines)}`);
        }
      },
    ),
    { seed: SEED + 1, numRuns: 120 * SCALE },
  );
});

test('released addresses are free again: a /29 never runs out while it has room', () => {
  const op = fc.oneof(
    fc
      .constantFrom('web', 'db', 'app', 'cache', 'c1', 'c2', 'c3')
      .map((n) => `docker run -d --name ${n} --network tiny nginx`),
    fc.constantFrom('web', 'db', 'app', 'cache', 'c1', 'c2', 'c3').map((n) => `docker rm -f ${n}`),
    fc.constantFrom('web', 'db', 'app').map((n) => `docker network disconnect tiny ${n}`),
    fc.constantFrom('web', 'db', 'app').map((n) => `docker network connect tiny ${n}`),
  );
  fc.assert(
    fc.property(fc.array(op, { minLength: 10, maxLength: 40 }), (ops) => {
      const lines = ['docker network create --subnet 10.9.0.0/29 tiny', ...ops];
      try {
        const sim = createWorld();
        for (const line of lines) {
          const live = Object.keys(
            networksOf(sim, 'host1').find((n) => n.Name === 'tiny')?.Containers ?? {},
          ).length;
          const r = sim.exec(line);
          checkResult(line, r);
          // 10.9.0.0/29: .0 network, .1 gateway, .7 broadcast, so 5 addresses for endpoints.
          if (live < 5)
            assert.doesNotMatch(
              r.stderr,
              /no available IPv4 addresses/,
              `${line} with ${live} live endpoints`,
            );
          checkInvariants(sim, line);
        }
      } catch (e) {
        throw new Error(`${(e as Error).message}\n${report(lines)}`);
      }
    }),
    { seed: SEED + 2, numRuns: 70 * SCALE },
  );
});

test('fuzz tally', () => {
  console.log(`# fuzz: ${executed} generated command lines executed`);
  assert.ok(executed >= 10_000 * SCALE, `only ${executed} lines ran; the suite promises at least 10,000`);
});
