import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cursorContext, type JsonSchema, suggestions } from './compose-schema.ts';

const schema = JSON.parse(
  readFileSync(new URL('./compose-spec.json', import.meta.url), 'utf8'),
) as JsonSchema;
const at = (text: string) => {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('|'));
  const ctx = cursorContext(text.replace('|', ''), line + 1, lines[line].indexOf('|') + 1);
  return { ctx, labels: suggestions(schema, ctx).map((s) => s.label), all: suggestions(schema, ctx) };
};

test('top-level keys', () => {
  const { ctx, labels } = at('services:\n  web:\n    image: nginx\n|');
  assert.deepEqual(ctx, { path: [], listItem: false, prefix: '' });
  for (const k of ['services', 'networks', 'volumes', 'configs', 'secrets', 'name'])
    assert.ok(labels.includes(k), k);
});

test('service keys, with the schema description', () => {
  const { ctx, labels, all } = at('services:\n  web:\n    image: nginx\n    po|\n');
  assert.deepEqual(ctx.path, ['services', 'web']);
  assert.equal(ctx.prefix, 'po');
  for (const k of ['image', 'build', 'ports', 'networks', 'environment', 'depends_on', 'command'])
    assert.ok(labels.includes(k), k);
  assert.match(
    all.find((s) => s.label === 'image')?.description ?? '',
    /^Specify the image to start the container from/,
  );
});

test('network keys and nested keys', () => {
  assert.deepEqual(at('networks:\n  back:\n    |').labels, [
    'name',
    'driver',
    'driver_opts',
    'ipam',
    'external',
    'internal',
    'enable_ipv4',
    'enable_ipv6',
    'attachable',
    'labels',
  ]);
  assert.deepEqual(at('networks:\n  back:\n    ipam:\n      config:\n        - |').labels, [
    'subnet',
    'ip_range',
    'gateway',
    'aux_addresses',
  ]);
  assert.ok(at('services:\n  web:\n    networks:\n      back:\n        |').labels.includes('aliases'));
});

test('enum and boolean values', () => {
  assert.deepEqual(at('services:\n  web:\n    depends_on:\n      db:\n        condition: |').labels, [
    'service_started',
    'service_healthy',
    'service_completed_successfully',
  ]);
  assert.deepEqual(at('networks:\n  back:\n    internal: |').labels, ['true', 'false']);
});
