import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseYaml, YamlError } from './yaml.ts';

test('parseYaml reads maps, lists, scalars, flows, comments and block scalars', () => {
  const doc = parseYaml(
    'name: app # the project\nservices:\n  web:\n    image: "nginx:1.27"\n    ports:\n      - "8080:80"\n      - 443\n    command: [sh, -c, \'echo hi\']\n    environment: {A: 1, B: yes}\n    x: |\n      line1\n      line2\n    y: >-\n      a\n      b\n    - \n'.replace(
      '    - \n',
      '',
    ),
  );
  assert.deepEqual(doc, {
    name: 'app',
    services: {
      web: {
        image: 'nginx:1.27',
        ports: ['8080:80', 443],
        command: ['sh', '-c', 'echo hi'],
        environment: { A: 1, B: 'yes' },
        x: 'line1\nline2\n',
        y: 'a b',
      },
    },
  });
});

test('parseYaml reads compact mappings in lists and null values', () => {
  assert.deepEqual(parseYaml('a:\n- name: x\n  v: ~\n- b\nc:\n'), {
    a: [{ name: 'x', v: null }, 'b'],
    c: null,
  });
});

test('parseYaml reports errors with go-yaml wording', () => {
  assert.throws(
    () => parseYaml('a: b: c\n'),
    new YamlError(1, 'mapping values are not allowed in this context'),
  );
  assert.throws(
    () => parseYaml('a: 1\na: 2\n'),
    new YamlError(2, 'mapping key "a" already defined at line 1'),
  );
  assert.throws(
    () => parseYaml('a:\n\tb: 1\n'),
    new YamlError(2, 'found character that cannot start any token'),
  );
});
