// Facilitator notes: every lesson in content/lessons/ and every planned lesson has complete notes.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  FACILITATOR_NOTES,
  facilitatorNotes,
  notesProblems,
  PLANNED_LESSONS,
  totalMinutes,
} from './facilitator.ts';

const lessonSlugs = readdirSync(new URL('../../content/lessons/', import.meta.url))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.replace(/\.mdx$/, ''));

test('every lesson in content/lessons has facilitator notes', () => {
  assert.ok(lessonSlugs.length > 0);
  assert.deepEqual(notesProblems(lessonSlugs), []);
});

test('every planned lesson has facilitator notes, and there are no notes for unknown slugs', () => {
  assert.deepEqual(notesProblems(PLANNED_LESSONS), []);
  const known = new Set<string>([...PLANNED_LESSONS, ...lessonSlugs]);
  assert.deepEqual(
    Object.keys(FACILITATOR_NOTES).filter((slug) => !known.has(slug)),
    [],
  );
});

test('notesProblems names missing and empty notes', () => {
  const notes = { a: { timing: [], pitfalls: ['x'], demo: [] } };
  assert.deepEqual(notesProblems(['a', 'b'], notes), [
    'a: timing is empty',
    'a: demo is empty',
    'b: no facilitator notes (add them to src/content/facilitator.ts)',
  ]);
  assert.throws(() => facilitatorNotes('no-such-lesson'), /no-such-lesson: no facilitator notes/);
});

test('totalMinutes adds up the timing plan', () => {
  assert.equal(totalMinutes(facilitatorNotes('bridge')), 40);
});

test('each timing plan adds up to its lesson’s duration', () => {
  for (const slug of lessonSlugs) {
    const source = readFileSync(new URL(`../../content/lessons/${slug}.mdx`, import.meta.url), 'utf8');
    const duration = Number(source.match(/^duration:\s*(\d+)\s*$/m)?.[1]);
    assert.equal(
      totalMinutes(facilitatorNotes(slug)),
      duration,
      `${slug}: the timing plan in src/content/facilitator.ts must add up to the lesson duration`,
    );
  }
});
