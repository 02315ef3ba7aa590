import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rfc3339Nano } from './clock.ts';

test('rfc3339Nano prints whole nanoseconds, trailing zeros trimmed, as Go does', () => {
  const t = Date.UTC(2026, 0, 5, 9, 0, 14);
  assert.equal(rfc3339Nano(t), '2026-01-05T09:00:14Z');
  assert.equal(rfc3339Nano(t + 135), '2026-01-05T09:00:14.135Z');
  assert.equal(rfc3339Nano(t + 135, 381_861), '2026-01-05T09:00:14.135381861Z');
  // tools move the clock by fractions of a millisecond
  assert.equal(rfc3339Nano(t + 135.4375, 381), '2026-01-05T09:00:14.135437881Z');
});
