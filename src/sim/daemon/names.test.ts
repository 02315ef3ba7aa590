import assert from 'node:assert/strict';
import test from 'node:test';
import { createRng } from '../world/rng.ts';
import { getRandomName, NameRegistry } from './names.ts';
import { NAME_ADJECTIVES, NAME_SURNAMES } from './names-data.ts';
import { familiarString, parseImageRef, withDefaultTag } from './reference.ts';

test('namesgenerator lists are moby v28.2.2 lists', () => {
  assert.equal(NAME_ADJECTIVES.length, 108);
  assert.equal(NAME_SURNAMES.length, 236);
  assert.equal(NAME_ADJECTIVES[0], 'admiring');
  assert.ok(NAME_SURNAMES.includes('wozniak'));
});

test('getRandomName is adjective_surname, deterministic, with a digit on retries', () => {
  const a = getRandomName(createRng(7), 0);
  assert.match(a, /^[a-z]+_[a-z]+$/);
  assert.equal(getRandomName(createRng(7), 0), a);
  assert.match(getRandomName(createRng(7), 2), /^[a-z]+_[a-z]+\d$/);
});

test("NameRegistry.reserve refuses a name in use with dockerd's conflict text", () => {
  const r = new NameRegistry();
  assert.equal(r.reserve('a'.repeat(64), 'web'), '/web');
  assert.throws(() => r.reserve('b'.repeat(64), 'web'), {
    message: `Conflict. The container name "/web" is already in use by container "${'a'.repeat(64)}". You have to remove (or rename) that container to be able to reuse that name.`,
  });
});

test('NameRegistry.reserve validates names', () => {
  const r = new NameRegistry();
  for (const bad of ['-web', 'a', 'we b', 'wé']) {
    assert.throws(() => r.reserve('c'.repeat(64), bad), {
      message: `Invalid container name (${bad}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
    });
  }
});

test('NameRegistry.generate reserves a fresh random name', () => {
  const r = new NameRegistry();
  const rng = createRng(3);
  const n = r.generate('d'.repeat(64), rng);
  assert.match(n, /^\/[a-z]+_[a-z]+$/);
  assert.equal(r.lookup(n), 'd'.repeat(64));
});

test('image references are normalized to their familiar form', () => {
  assert.equal(familiarString(withDefaultTag(parseImageRef('alpine'))), 'alpine:latest');
  assert.equal(
    familiarString(withDefaultTag(parseImageRef('docker.io/library/nginx:alpine'))),
    'nginx:alpine',
  );
  assert.equal(
    familiarString(withDefaultTag(parseImageRef('nicolaka/netshoot'))),
    'nicolaka/netshoot:latest',
  );
  assert.throws(() => parseImageRef('Alpine'), {
    message: 'invalid reference format: repository name (library/Alpine) must be lowercase',
  });
  assert.throws(() => parseImageRef('alpine:'), { message: 'invalid reference format' });
});
