#!/usr/bin/env node
// Runs `node --test` on the files matching the given globs. Unlike a bare `node --test GLOB`,
// a glob that matches nothing is fine, and no match at all is a clean skip (exit 0).
// Usage: node scripts/run-unit.mjs [--label NAME] GLOB...
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';

const args = process.argv.slice(2);
const labelAt = args.indexOf('--label');
const label = labelAt === -1 ? 'tests' : args.splice(labelAt, 2)[1];
const patterns = args;
if (patterns.length === 0) {
  console.error('usage: node scripts/run-unit.mjs [--label NAME] GLOB...');
  process.exit(2);
}

const files = [
  ...new Set(patterns.flatMap((pattern) => globSync(pattern, { exclude: ['**/node_modules/**'] }))),
];
if (files.length === 0) {
  console.log(`No ${label} found (${patterns.join(', ')}); skipping.`);
  process.exit(0);
}

// Node runs .ts files directly from 22.18 and 23.6 on; older 22.x needs the flag.
const [major, minor] = process.versions.node.split('.').map(Number);
const stripFlag = major === 22 && minor < 18 ? ['--experimental-strip-types'] : [];
const result = spawnSync(process.execPath, [...stripFlag, '--test', ...files.sort()], { stdio: 'inherit' });
process.exit(result.status ?? 1);
