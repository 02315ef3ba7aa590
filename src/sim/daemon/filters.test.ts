import assert from 'node:assert/strict';
import test from 'node:test';
import { FilterArgs, parseFilters } from './filters.ts';

test('parseFilters reads the map form and the legacy list form', () => {
  const a = parseFilters('{"name":{"web":true},"label":{"a=b":true}}');
  assert.deepEqual(a.get('name'), ['web']);
  assert.deepEqual(a.get('label'), ['a=b']);
  const b = parseFilters('{"driver":["bridge","host"]}');
  assert.deepEqual(b.get('driver'), ['bridge', 'host']);
  assert.equal(parseFilters(undefined).len(), 0);
});

test('parseFilters rejects what is not a filter map', () => {
  assert.throws(() => parseFilters('{nope'), { message: 'invalid filter' });
  assert.throws(() => parseFilters('[1]'), { message: 'invalid filter' });
});

test('FilterArgs.validate names the unknown key', () => {
  const f = parseFilters('{"colour":{"red":true}}');
  assert.throws(
    () => f.validate(['name']),
    (e: Error & { kind?: string }) =>
      e.message === "invalid filter 'colour'" && e.kind === 'invalidParameter',
  );
});

test('FilterArgs.match is exact or regular expression; fuzzyMatch is a prefix', () => {
  const f = new FilterArgs();
  f.add('name', '^we');
  f.add('id', '3f2a');
  assert.ok(f.match('name', 'web'));
  assert.ok(!f.match('name', 'aweb'));
  assert.ok(f.fuzzyMatch('id', '3f2a99'));
  assert.ok(!f.fuzzyMatch('id', '993f2a'));
  assert.ok(f.match('other', 'anything'));
});

test('FilterArgs.matchKVList checks keys and key=value pairs', () => {
  const f = new FilterArgs();
  f.add('label', 'env=prod');
  f.add('label', 'team');
  assert.ok(f.matchKVList('label', { env: 'prod', team: 'a' }));
  assert.ok(!f.matchKVList('label', { env: 'dev', team: 'a' }));
  assert.ok(!f.matchKVList('label', {}));
});

test('FilterArgs.getBoolOrDefault accepts 1/true and 0/false only', () => {
  const f = parseFilters('{"dangling":{"maybe":true}}');
  assert.throws(() => f.getBoolOrDefault('dangling', false), {
    message: "invalid filter 'dangling=[maybe]'",
  });
  assert.equal(parseFilters('{"dangling":{"1":true}}').getBoolOrDefault('dangling', false), true);
});
