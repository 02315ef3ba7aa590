import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countDone, fill, mergeChallenges, parseProgress, readKey } from '../../src/lib/progress.ts';

describe('course progress', () => {
  test('parses stored progress and drops what is malformed', () => {
    assert.deepEqual(parseProgress(null), {});
    assert.deepEqual(parseProgress('not json'), {});
    assert.deepEqual(parseProgress('[1,2]'), {});
    assert.deepEqual(parseProgress('"x"'), {});
    assert.deepEqual(parseProgress('{"a":["x",3],"b":"y"}'), { a: ['x'] });
  });

  test('counts done challenges, ignoring unknown ids and duplicates', () => {
    const lesson = { lab: ['one', 'two', 'three'] };
    assert.deepEqual(countDone(lesson, {}), { done: 0, total: 3 });
    assert.deepEqual(countDone(lesson, { lab: ['two', 'gone', 'two'], other: ['one'] }), {
      done: 1,
      total: 3,
    });
    assert.deepEqual(countDone(lesson, { lab: ['one', 'two', 'three'] }), { done: 3, total: 3 });
    assert.deepEqual(countDone({}, { lab: ['one'] }), { done: 0, total: 0 });
  });

  test('merges lessons so a shared scenario counts once', () => {
    assert.deepEqual(mergeChallenges([{ a: ['x', 'y'] }, { a: ['y'], b: ['z'] }]), {
      a: ['x', 'y'],
      b: ['z'],
    });
  });

  test('reads storage safely', () => {
    assert.equal(
      readKey(() => undefined, 'k'),
      null,
    );
    assert.equal(
      readKey(() => {
        throw new Error('denied');
      }, 'k'),
      null,
    );
    const broken = {
      getItem() {
        throw new Error('denied');
      },
    };
    assert.equal(
      readKey(() => broken, 'k'),
      null,
    );
    assert.equal(
      readKey(() => ({ getItem: () => 'v' }), 'k'),
      'v',
    );
  });

  test('fills templates and leaves unknown placeholders', () => {
    assert.equal(fill('{done} of {total}', { done: 1, total: 3 }), '1 of 3');
    assert.equal(fill('{x}', {}), '{x}');
  });
});
