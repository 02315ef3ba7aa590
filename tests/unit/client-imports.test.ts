// Browser code must not pull the scenario schema (zod) or the validating registry into the page:
// it imports types only from schema.ts and index.ts (values come from normalize.ts and panes.ts).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

function clientFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return clientFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

test('client modules import only types from the scenario schema and registry', () => {
  const offenders: string[] = [];
  for (const file of clientFiles('src/components')) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(
      /^import (type )?[^;]*? from '([^']*scenarios\/(?:schema|index)\.ts)';$/gms,
    ))
      if (!m[1]) offenders.push(`${file}: ${m[2]}`);
  }
  assert.deepEqual(offenders, []);
});
