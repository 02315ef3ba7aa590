import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import en from '../../src/i18n/en.json' with { type: 'json' };
import { t } from '../../src/i18n/index.ts';

describe('UI strings', () => {
  test('fills placeholders', () => {
    assert.equal(t('lesson.duration', { minutes: 8 }), '8 min');
  });

  test('a missing placeholder value is an error, not a blank', () => {
    assert.throws(() => t('lesson.duration'), /needs a value for \{minutes\}/);
  });

  test('keys are dotted and values are non-empty', () => {
    for (const [key, value] of Object.entries(en)) {
      assert.match(key, /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/, key);
      assert.ok(value.trim().length > 0, key);
    }
  });

  test('the file has no duplicate keys', () => {
    const source = readFileSync(new URL('../../src/i18n/en.json', import.meta.url), 'utf8');
    const keys = [...source.matchAll(/^\s*"([^"]+)":/gm)].map((match) => match[1]);
    assert.equal(new Set(keys).size, keys.length);
  });
});
