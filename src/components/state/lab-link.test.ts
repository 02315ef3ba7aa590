// Unit tests for share links: round trip, size caps, and every kind of bad or tampered payload.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCENARIOS } from '../../scenarios/index.ts';
import { decodeLink, encodeLink, LINK_LIMITS, type LinkPayload, linkState } from './lab-link.ts';

const hostsOf = (id: string) => SCENARIOS.get(id)?.hosts;

const payload = (over: Partial<LinkPayload> = {}): LinkPayload => ({
  v: 1,
  scenario: 'playground',
  instance: '',
  seed: 1,
  log: [
    { kind: 'command', host: 'host1', line: 'docker network create app' },
    { kind: 'file', host: 'host1', path: '/root/compose.yaml', content: 'services: {}\n' },
  ],
  ...over,
});

async function raw(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
  const packed = new Uint8Array(
    await new Response(
      new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw')),
    ).arrayBuffer(),
  );
  return Buffer.from(packed).toString('base64url');
}

test('a payload survives encode → decode unchanged', async () => {
  const text = await encodeLink(payload());
  assert.ok(text && /^[A-Za-z0-9_-]+$/.test(text));
  assert.deepEqual(await decodeLink(text, hostsOf), { ok: true, payload: payload() });
  assert.deepEqual(linkState(payload()).history, ['docker network create app']);
});

test('flipped bytes, bad characters and garbage are "damaged"', async () => {
  const text = (await encodeLink(payload())) as string;
  const flipped = `${text.slice(0, 5)}${text[5] === 'A' ? 'B' : 'A'}${text.slice(6, -3)}`;
  const result = await decodeLink(flipped, hostsOf);
  assert.equal(result.ok, false);
  assert.deepEqual(await decodeLink('not base64!', hostsOf), { ok: false, error: 'damaged' });
  assert.deepEqual(await decodeLink(await raw('{"v":1,'), hostsOf), { ok: false, error: 'damaged' });
});

test('an unknown scenario, a wrong version or wrong types are refused', async () => {
  const no = async (value: unknown) => decodeLink(await raw(value), hostsOf);
  assert.deepEqual(await no(payload({ scenario: 'nope' })), { ok: false, error: 'unknown-scenario' });
  assert.deepEqual(await no(payload({ v: 2 })), { ok: false, error: 'version' });
  assert.deepEqual(await no({ ...payload(), seed: '1' }), { ok: false, error: 'invalid' });
  assert.deepEqual(await no({ ...payload(), extra: 1 }), { ok: false, error: 'invalid' });
  assert.deepEqual(await no(payload({ log: [{ kind: 'command', host: 'host9', line: 'x' }] })), {
    ok: false,
    error: 'invalid',
  });
  const outside = { kind: 'file', host: 'host1', path: '/root/../etc/passwd', content: '' };
  assert.deepEqual(await no(payload({ log: [outside as never] })), { ok: false, error: 'invalid' });
  assert.deepEqual(await no([1, 2]), { ok: false, error: 'invalid' });
});

test('oversize links and deflate bombs are "too-large"; encode refuses what decode would', async () => {
  assert.deepEqual(await decodeLink('A'.repeat(LINK_LIMITS.encodedChars + 1), hostsOf), {
    ok: false,
    error: 'too-large',
  });
  const bomb = await raw(`{"v":1,"x":"${'a'.repeat(200_000)}"}`);
  assert.ok(bomb.length < LINK_LIMITS.encodedChars);
  assert.deepEqual(await decodeLink(bomb, hostsOf), { ok: false, error: 'too-large' });
  const many = Array.from({ length: LINK_LIMITS.entries + 1 }, () => payload().log[0]);
  assert.equal(await encodeLink(payload({ log: many })), undefined);
});
