// Unit tests of the terminal's line discipline (no DOM, no xterm).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EscapeTabGate, formatColumns, LineEditor, renderLine } from './line-editor.ts';

const type = (ed: LineEditor, ...keys: string[]) => keys.flatMap((k) => ed.handle(k));

test('typing, cursor movement, Home/End and Delete edit the line', () => {
  const ed = new LineEditor([]);
  type(ed, 'docker ps');
  assert.deepEqual([ed.line, ed.cursor], ['docker ps', 9]);
  type(ed, '\x1b[D', '\x1b[D', '\x7f');
  assert.deepEqual([ed.line, ed.cursor], ['dockerps', 6]);
  type(ed, ' ', '\x1b[H', '\x1b[3~');
  assert.deepEqual([ed.line, ed.cursor], ['ocker ps', 0]);
  type(ed, '\x05', '\x01', '\x1b[C');
  assert.equal(ed.cursor, 1);
});

test('Ctrl-U, Ctrl-K and Ctrl-W kill text like readline', () => {
  const ed = new LineEditor([]);
  type(ed, 'docker network ls', '\x1b[D', '\x1b[D', '\x1b[D');
  type(ed, '\x0b');
  assert.equal(ed.line, 'docker network');
  type(ed, '\x17');
  assert.equal(ed.line, 'docker ');
  type(ed, '\x15');
  assert.deepEqual([ed.line, ed.cursor], ['', 0]);
});

test('Enter submits; ↑/↓ walk the shared history and restore the draft', () => {
  const history = ['docker ps', 'docker network ls'];
  const ed = new LineEditor(history);
  type(ed, 'draft');
  type(ed, '\x1b[A');
  assert.equal(ed.line, 'docker network ls');
  type(ed, '\x1b[A');
  assert.equal(ed.line, 'docker ps');
  assert.deepEqual(type(ed, '\x1b[A'), [{ type: 'bell' }]);
  type(ed, '\x1b[B', '\x1b[B');
  assert.equal(ed.line, 'draft');
  assert.deepEqual(type(ed, '\r'), [{ type: 'submit', line: 'draft' }]);
  assert.equal(ed.line, '');
});

test('Ctrl-C drops the line, Ctrl-L clears, Tab asks for completion (repeated on the second)', () => {
  const ed = new LineEditor([]);
  type(ed, 'abc');
  assert.deepEqual(type(ed, '\x03'), [{ type: 'cancel', line: 'abc' }]);
  assert.equal(ed.line, '');
  assert.deepEqual(type(ed, '\x0c'), [{ type: 'clear' }]);
  type(ed, 'docker n');
  assert.deepEqual(type(ed, '\t'), [{ type: 'complete', line: 'docker n', cursor: 8, repeated: false }]);
  assert.deepEqual(type(ed, '\t'), [{ type: 'complete', line: 'docker n', cursor: 8, repeated: true }]);
});

test('a multi-line paste runs line by line and keeps the unfinished last line', () => {
  const ed = new LineEditor([]);
  const actions = type(ed, 'docker ps\ndocker network ls\r\necho hi');
  assert.deepEqual(actions, [
    { type: 'submit', line: 'docker ps' },
    { type: 'submit', line: 'docker network ls' },
    { type: 'render' },
  ]);
  assert.equal(ed.line, 'echo hi');
});

test('Ctrl-R searches history backwards; Enter runs the match', () => {
  const ed = new LineEditor(['docker run -d nginx', 'ip addr', 'docker ps']);
  type(ed, '\x12', 'd', 'o');
  assert.equal(ed.promptOverride(), "(reverse-i-search)`do': ");
  assert.equal(ed.line, 'docker ps');
  type(ed, '\x12');
  assert.equal(ed.line, 'docker run -d nginx');
  type(ed, 'x');
  assert.equal(ed.promptOverride(), "(failed reverse-i-search)`dox': ");
  type(ed, '\x7f');
  assert.deepEqual(type(ed, '\r'), [{ type: 'render' }, { type: 'submit', line: 'docker ps' }]);
  assert.equal(ed.searching, false);
});

test('renderLine redraws from the first row and places the cursor, wrapping long lines', () => {
  assert.deepEqual(renderLine('$ ', 'ls', 1, 80, 0), { data: '\r\x1b[J$ ls\r\x1b[3C', cursorRow: 0 });
  const long = renderLine('$ ', 'x'.repeat(8), 8, 10, 1);
  assert.deepEqual(long, { data: `\x1b[1A\r\x1b[J$ ${'x'.repeat(8)} \r\r`, cursorRow: 1 });
  assert.deepEqual(
    renderLine('$ ', 'x'.repeat(12), 0, 10, 0).data,
    `\r\x1b[J$ ${'x'.repeat(12)}\x1b[1A\r\x1b[2C`,
  );
});

test('formatColumns lists candidates down the columns', () => {
  assert.equal(
    formatColumns(['connect', 'create', 'disconnect', 'inspect', 'ls'], 30),
    'connect     inspect\r\ncreate      ls\r\ndisconnect\r\n',
  );
});

test('Esc then Tab lets the browser move focus; Tab alone stays in the terminal', () => {
  const gate = new EscapeTabGate();
  assert.equal(gate.keydown('Tab'), true);
  assert.equal(gate.keydown('Escape'), true);
  assert.equal(gate.keydown('Shift'), true);
  assert.equal(gate.keydown('Tab'), false);
  assert.equal(gate.keydown('Tab'), true);
  gate.keydown('Escape');
  gate.keydown('a');
  assert.equal(gate.keydown('Tab'), true);
});
