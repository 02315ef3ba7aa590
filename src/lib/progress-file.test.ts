// Unit tests for progress files: export → parse round trip, merge, and each way a file is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildProgressFile, mergeProgress, parseProgressFile } from './progress-file.ts';

const known = { challenges: { a: ['one', 'two'], b: ['x'] }, lessons: ['bridge', 'host'] };

test('an exported file parses back to the same content', () => {
  const file = buildProgressFile({ a: ['two'] }, 'bridge', new Date('2026-01-02T03:04:05Z'));
  assert.deepEqual(parseProgressFile(JSON.stringify(file), known), file);
  assert.deepEqual(mergeProgress({ a: ['one'], c: ['z'] }, { a: ['two', 'one'], b: ['x'] }), {
    a: ['one', 'two'],
    c: ['z'],
    b: ['x'],
  });
});

test('bad files are refused as a whole, with the reason', () => {
  const base = buildProgressFile({ a: ['one'] }, null, new Date(0));
  const bad = (over: object) => parseProgressFile(JSON.stringify({ ...base, ...over }), known);
  assert.deepEqual(parseProgressFile('{', known), { error: 'not-json' });
  assert.deepEqual(parseProgressFile('[]', known), { error: 'not-progress' });
  assert.deepEqual(bad({ version: 9 }), { error: 'version', detail: '9' });
  assert.deepEqual(bad({ challenges: { a: ['one'], nope: ['x'] } }), { error: 'unknown', detail: 'nope' });
  assert.deepEqual(bad({ challenges: { a: ['one', 'three'] } }), { error: 'unknown', detail: 'a/three' });
  assert.deepEqual(bad({ challenges: { a: [1] } }), { error: 'invalid', detail: 'challenges.a' });
  assert.deepEqual(bad({ lastLesson: 'elsewhere' }), { error: 'unknown', detail: 'elsewhere' });
  assert.deepEqual(bad({ lastLesson: 3 }), { error: 'invalid', detail: 'lastLesson' });
  assert.deepEqual(parseProgressFile(' '.repeat(70_000), known), { error: 'too-large' });
});
