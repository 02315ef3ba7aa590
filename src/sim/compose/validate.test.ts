import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createWorld, validateComposeFile } from '../index.ts';
import { NETWORK_KEYS, SERVICE_KEYS, TOP_LEVEL_KEYS } from './project.ts';
import { keyLines } from './validate.ts';

test('a valid compose file has no diagnostics', () => {
  assert.deepEqual(
    validateComposeFile('services:\n  web:\n    image: nginx\n    ports:\n      - "8080:80"\n'),
    [],
  );
});

test('unknown keys are placed on their line, worded as docker compose config words them', () => {
  const text =
    'services:\n  web:\n    imag: nginx\n  db:\n    image: alpine\n    colour: red\nnetworks:\n  front:\n    drive: bridge\n';
  assert.deepEqual(validateComposeFile(text), [
    {
      line: 3,
      column: 5,
      message: "validating /root/compose.yaml: services.web additional properties 'imag' not allowed",
      severity: 'error',
    },
    {
      line: 6,
      column: 5,
      message: "validating /root/compose.yaml: services.db additional properties 'colour' not allowed",
      severity: 'error',
    },
    {
      line: 9,
      column: 5,
      message: "validating /root/compose.yaml: networks.front additional properties 'drive' not allowed",
      severity: 'error',
    },
  ]);
  // The first one is exactly what `docker compose config` prints.
  const sim = createWorld();
  sim.writeFile('/root/compose.yaml', text);
  assert.equal(sim.exec('docker compose config').stderr, `${validateComposeFile(text)[0].message}\n`);
});

test('YAML syntax errors carry go-yaml wording and line', () => {
  const text = 'services:\n  web:\n    image: nginx\n   ports: []\n';
  const sim = createWorld();
  sim.writeFile('/root/compose.yaml', text);
  const printed = sim.exec('docker compose config').stderr;
  const [d] = validateComposeFile(text);
  assert.equal(`${d.message}\n`, printed);
  assert.equal(d.severity, 'error');
  assert.match(d.message, /^yaml: line \d+: /);
});

test('project errors point at the key they are about; `version` is a warning', () => {
  const text =
    'version: "3"\nservices:\n  web:\n    image: nginx\n    networks: [back]\n    depends_on:\n      - db\n';
  assert.deepEqual(validateComposeFile(text), [
    {
      line: 1,
      column: 1,
      message:
        '/root/compose.yaml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion',
      severity: 'warning',
    },
    {
      line: 5,
      column: 5,
      message: 'service "web" refers to undefined network back: invalid compose project',
      severity: 'error',
    },
  ]);
});

test('keyLines follows nesting through lists and quoted keys', () => {
  const keys = keyLines('a:\n  - b: 1\n    c:\n      "d": 2\ne: 3\n');
  assert.deepEqual(
    keys.map((k) => [k.path.join('.'), k.line, k.column]),
    [
      ['a', 1, 1],
      ['a.b', 2, 5],
      ['a.c', 3, 5],
      ['a.c.d', 4, 7],
      ['e', 5, 1],
    ],
  );
});

test("the loader's key lists are those of the JSON schema the editor completes from", () => {
  const schema = JSON.parse(
    readFileSync(new URL('../../components/lab/compose-spec.json', import.meta.url), 'utf8'),
  ) as {
    properties: Record<string, unknown>;
    definitions: { service: { properties: object }; network: { properties: object } };
  };
  assert.deepEqual([...TOP_LEVEL_KEYS].sort(), Object.keys(schema.properties).sort());
  assert.deepEqual([...SERVICE_KEYS].sort(), Object.keys(schema.definitions.service.properties).sort());
  assert.deepEqual([...NETWORK_KEYS].sort(), Object.keys(schema.definitions.network.properties).sort());
});
