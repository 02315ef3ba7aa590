// <Edit> and <Try from> rules: append, replace, idempotence; placeholders filled and shown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  applyEdit,
  fillPlaceholders,
  labPath,
  placeholderNames,
  showPlaceholders,
  usableValue,
} from './lab-edit.ts';

test('labPath puts relative names in /root', () => {
  assert.equal(labPath('compose.yaml'), '/root/compose.yaml');
  assert.equal(labPath('/etc/hosts'), '/etc/hosts');
});

test('applyEdit appends on new lines, once', () => {
  const edit = { file: 'Dockerfile', content: 'RUN echo 1.1 > /v.txt' };
  assert.equal(applyEdit('FROM nginx\n', edit), 'FROM nginx\nRUN echo 1.1 > /v.txt\n');
  assert.equal(applyEdit('FROM nginx', edit), 'FROM nginx\nRUN echo 1.1 > /v.txt\n');
  assert.equal(applyEdit(undefined, edit), 'RUN echo 1.1 > /v.txt\n');
  const once = applyEdit('FROM nginx\n', edit);
  assert.equal(applyEdit(once, edit), once);
});

test('applyEdit replaces the given text, and appends when the learner removed it', () => {
  const edit = { file: 'c.yaml', content: '  db:\n    image: redis\n', replace: '  # db: here' };
  assert.equal(applyEdit('services:\n  # db: here\n', edit), 'services:\n  db:\n    image: redis\n');
  assert.equal(applyEdit('services:\n', edit), 'services:\n  db:\n    image: redis\n');
  assert.equal(applyEdit('a $& b\n  # db: here\n', { ...edit, content: '$&' }), 'a $& b\n  # db: here\n');
  assert.equal(applyEdit('x\n  # db: here\n', { ...edit, content: '$1' }), 'x\n$1\n');
});

test('placeholders are named, filled with a trimmed value and shown as <name>', () => {
  const command = 'docker swarm join --token {{token}} 192.168.1.11:2377';
  assert.deepEqual(placeholderNames(command), ['token']);
  assert.equal(
    fillPlaceholders(command, 'SWMTKN-1-abc\n'),
    'docker swarm join --token SWMTKN-1-abc 192.168.1.11:2377',
  );
  assert.equal(showPlaceholders(command), 'docker swarm join --token <token> 192.168.1.11:2377');
  // Go templates are not placeholders.
  assert.deepEqual(placeholderNames("docker inspect -f '{{.Id}} {{json .Config}}' web"), []);
  assert.equal(usableValue(0, 'SWMTKN-1-abc\n'), true);
  assert.equal(usableValue(1, ''), false);
  assert.equal(usableValue(0, 'two words'), false);
});
