// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell lines with ${VAR} expansions
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Script, Word } from './ast.ts';
import { parseScript } from './parse.ts';
import { type Dialect, ShellSyntaxError, syntaxErrorMessage } from './syntax-error.ts';

function messageFor(line: string, dialect: Dialect): string | undefined {
  try {
    parseScript(line, dialect);
    return undefined;
  } catch (e) {
    if (e instanceof ShellSyntaxError) return syntaxErrorMessage(e.problem, dialect);
    throw e;
  }
}

// Wordings recorded from interactive GNU bash 5.2 and busybox 1.35 ash.
const ERRORS: Array<[string, string, string]> = [
  ['| echo', "syntax error near unexpected token `|'", 'syntax error: unexpected "|"'],
  ['echo a |', 'syntax error: unexpected end of file', 'syntax error: unexpected end of file'],
  ['echo a && && b', "syntax error near unexpected token `&&'", 'syntax error: unexpected "&&"'],
  ['echo "abc', 'unexpected EOF while looking for matching `"\'', 'syntax error: unterminated quoted string'],
  ["echo 'abc", "unexpected EOF while looking for matching `''", 'syntax error: unterminated quoted string'],
  [
    'echo $(ls',
    "unexpected EOF while looking for matching `)'",
    'syntax error: unexpected end of file (expecting ")")',
  ],
  ['foo;;', "syntax error near unexpected token `;;'", 'syntax error: unexpected ";;"'],
  [';', "syntax error near unexpected token `;'", 'syntax error: unexpected ";"'],
  ['echo a >', "syntax error near unexpected token `newline'", 'syntax error: unexpected newline'],
  ['echo a > ;', "syntax error near unexpected token `;'", 'syntax error: unexpected ";"'],
  [
    'echo `ls',
    "unexpected EOF while looking for matching ``'",
    'syntax error: EOF in backquote substitution',
  ],
  ['echo ${x', "unexpected EOF while looking for matching `}'", "syntax error: missing '}'"],
  ['(echo a', 'syntax error: unexpected end of file', 'syntax error: unexpected end of file (expecting ")")'],
  ['echo a)', "syntax error near unexpected token `)'", 'syntax error: unexpected ")"'],
  ['echo a (b)', "syntax error near unexpected token `('", 'syntax error: unexpected "("'],
  [
    '{ echo a',
    'syntax error: unexpected end of file',
    'syntax error: unexpected end of file (expecting "}")',
  ],
  [
    '{ echo a }',
    'syntax error: unexpected end of file',
    'syntax error: unexpected end of file (expecting "}")',
  ],
  ['}', "syntax error near unexpected token `}'", 'syntax error: unexpected "}"'],
  [
    'if true; then echo a',
    'syntax error: unexpected end of file',
    'syntax error: unexpected end of file (expecting "fi")',
  ],
  ['if true; then fi', "syntax error near unexpected token `fi'", 'syntax error: unexpected "fi"'],
  ['while false; do done', "syntax error near unexpected token `done'", 'syntax error: unexpected "done"'],
  [
    'for i in 1 2; do echo $i',
    'syntax error: unexpected end of file',
    'syntax error: unexpected end of file (expecting "done")',
  ],
  ['if', 'syntax error: unexpected end of file', 'syntax error: unexpected end of file (expecting "then")'],
  ['then', "syntax error near unexpected token `then'", 'syntax error: unexpected "then"'],
  ['for', "syntax error near unexpected token `newline'", 'syntax error: bad for loop variable'],
  ['&', "syntax error near unexpected token `&'", 'syntax error: unexpected "&"'],
  ['echo a 2>&', "syntax error near unexpected token `newline'", 'syntax error: unexpected newline'],
];

for (const [line, bash, ash] of ERRORS) {
  test(`syntax error: ${line}`, () => {
    assert.equal(messageFor(line, 'bash'), bash);
    assert.equal(messageFor(line, 'ash'), ash);
  });
}

test('ash rejects bash-only syntax', () => {
  assert.equal(messageFor('echo a |& cat', 'ash'), 'syntax error: unexpected "&"');
  assert.equal(messageFor('cat <<< hi', 'ash'), 'syntax error: unexpected redirection');
  assert.equal(messageFor('echo ${!x}', 'ash'), 'syntax error: bad substitution');
  assert.equal(messageFor('echo a |& cat', 'bash'), undefined);
});

function words(s: Script): string[] {
  const cmd = s.items[0].andOr.first.commands[0];
  return cmd.kind === 'simple' ? cmd.words.map((w: Word) => w.raw) : [];
}

test('parse: words, quotes and comments', () => {
  const s = parseScript(`echo "a b" 'c d' e\\ f # comment`, 'bash');
  assert.deepEqual(words(s), ['echo', '"a b"', "'c d'", 'e\\ f']);
});

test('parse: lists, and-or and pipelines', () => {
  const s = parseScript('a | b && c || d; e &', 'bash');
  assert.equal(s.items.length, 2);
  assert.equal(s.items[0].andOr.first.commands.length, 2);
  assert.deepEqual(
    s.items[0].andOr.rest.map((r) => r.op),
    ['&&', '||'],
  );
  assert.equal(s.items[1].background, true);
});

test('parse: assignments and redirections', () => {
  const s = parseScript('A=1 B="x y" cmd arg 2>&1 >out <in', 'bash');
  const cmd = s.items[0].andOr.first.commands[0];
  assert.equal(cmd.kind, 'simple');
  if (cmd.kind !== 'simple') return;
  assert.deepEqual(
    cmd.assigns.map((a) => a.name),
    ['A', 'B'],
  );
  assert.deepEqual(
    cmd.words.map((w) => w.raw),
    ['cmd', 'arg'],
  );
  assert.deepEqual(
    cmd.redirs.map((r) => [r.fd, r.op, r.target.raw]),
    [
      [2, '>&', '1'],
      [1, '>', 'out'],
      [0, '<', 'in'],
    ],
  );
});

test('parse: nested command substitution and parameter operators', () => {
  const s = parseScript('echo $(echo "$(echo x)") ${A:-d} `b`', 'ash');
  const cmd = s.items[0].andOr.first.commands[0];
  assert.ok(cmd.kind === 'simple');
  if (cmd.kind !== 'simple') return;
  assert.equal(cmd.words[1].parts[0].t, 'cmdsub');
  const p = cmd.words[2].parts[0];
  assert.ok(p.t === 'param' && p.name === 'A' && p.op === ':-');
  assert.equal(cmd.words[3].parts[0].t, 'cmdsub');
});

test('parse: line continuation and newlines', () => {
  const s = parseScript('echo a\\\nb\necho c', 'bash');
  assert.equal(s.items.length, 2);
  assert.deepEqual(words(s), ['echo', 'a\\\nb']);
});

test('parse: compound commands', () => {
  const s = parseScript(
    'if a; then b; elif c; then d; else e; fi; for i in 1 2; do x; done; while a; do b; done; (a); { b; }',
    'bash',
  );
  assert.deepEqual(
    s.items.map((i) => i.andOr.first.commands[0].kind),
    ['if', 'for', 'while', 'subshell', 'group'],
  );
});
