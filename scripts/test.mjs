#!/usr/bin/env node
// `npm test`: every check in order, stopping at the first failure, with a timing line per step.
// Run a subset by naming steps: `npm test -- unit build e2e`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const node = process.execPath;

/** Each step is a list of commands; a command is [program, ...args], or a function returning an error. */
const steps = [
  { name: 'lint', run: [[bin('biome'), 'check', '.']] },
  {
    name: 'typecheck',
    run: [
      [bin('astro'), 'check'],
      existsSync('src/sim/tsconfig.json')
        ? [bin('tsc'), '-p', 'src/sim', '--noEmit']
        : () => console.log('src/sim/tsconfig.json does not exist yet; skipping the simulator typecheck.'),
    ],
  },
  {
    name: 'unit',
    run: [
      [node, 'scripts/run-unit.mjs', '--label', 'unit tests', 'src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    ],
  },
  {
    name: 'conformance',
    run: [
      [node, 'scripts/run-unit.mjs', '--label', 'conformance tests', 'tests/conformance/**/*.test.ts'],
      // the real docker client against sim:daemon, then the fuzz/property suite (issue 4)
      [node, 'scripts/run-unit.mjs', '--label', 'differential tests', 'tests/differential/**/*.test.ts'],
      [node, 'scripts/run-unit.mjs', '--label', 'fuzz tests', 'tests/fuzz/**/*.test.ts'],
    ],
  },
  {
    name: 'build',
    run: [
      [bin('astro'), 'build'],
      () =>
        existsSync('dist/pagefind/pagefind.js') ||
        'dist/pagefind/pagefind.js is missing: Pagefind did not index the site',
      // `npm run build`'s last two steps: handouts (Try outputs, PDFs) and the offline service worker.
      [node, 'scripts/build-handouts.mjs', '--dist', 'dist'],
      [node, 'scripts/build-service-worker.mjs', '--dist', 'dist'],
    ],
  },
  { name: 'e2e', run: [[bin('playwright'), 'test']] },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !steps.some((step) => step.name === name));
if (unknown.length > 0) {
  console.error(
    `Unknown step(s): ${unknown.join(', ')}. Steps: ${steps.map((step) => step.name).join(', ')}`,
  );
  process.exit(2);
}

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const seconds = (start) => ((performance.now() - start) / 1000).toFixed(1);
const timings = [];
const started = performance.now();

for (const step of steps.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
  console.log(`\n=== ${step.name}`);
  const stepStart = performance.now();
  for (const command of step.run) {
    let failure;
    if (typeof command === 'function') {
      const result = command();
      if (typeof result === 'string') failure = result;
    } else {
      const [program, ...args] = command;
      const result = spawnSync(program, args, { stdio: 'inherit', env });
      if (result.error) failure = `${program}: ${result.error.message}`;
      else if (result.status !== 0)
        failure = `\`${command.join(' ')}\` exited with ${result.status ?? result.signal}`;
    }
    if (failure) {
      console.error(`\n✗ ${step.name} failed after ${seconds(stepStart)}s: ${failure}`);
      process.exit(1);
    }
  }
  timings.push(`${step.name} ${seconds(stepStart)}s`);
  console.log(`--- ${step.name} ok in ${seconds(stepStart)}s`);
}

console.log(`\nAll steps passed in ${seconds(started)}s (${timings.join(', ')}).`);
