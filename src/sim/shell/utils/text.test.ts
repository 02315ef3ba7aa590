import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benchShell } from '../testkit.ts';

type Flavour = 'gnu' | 'busybox';
function run(line: string, flavour: Flavour = 'gnu'): [string, string, number] {
  const s = benchShell(flavour);
  s.place.fs.writeFile('/root/t.txt', 'one two\nthree\nfour five six\n');
  s.place.fs.writeFile('/root/u.txt', 'b\na\nc\n');
  s.run('cd /root');
  const r = s.run(line);
  return [r.stdout, r.stderr, r.exitCode];
}
const both = (line: string, expected: [string, string, number]) => {
  assert.deepEqual(run(line, 'gnu'), expected, `gnu: ${line}`);
  assert.deepEqual(run(line, 'busybox'), expected, `busybox: ${line}`);
};

test('cat: files, stdin, -n and errors', () => {
  both('cat u.txt - < t.txt', ['b\na\nc\none two\nthree\nfour five six\n', '', 0]);
  both('cat -n u.txt', ['     1\tb\n     2\ta\n     3\tc\n', '', 0]);
  assert.deepEqual(run('cat nosuch u.txt'), ['b\na\nc\n', 'cat: nosuch: No such file or directory\n', 1]);
  assert.deepEqual(run('cat nosuch', 'busybox'), [
    '',
    "cat: can't open 'nosuch': No such file or directory\n",
    1,
  ]);
  assert.deepEqual(run('cat /tmp'), ['', 'cat: /tmp: Is a directory\n', 1]);
  assert.deepEqual(run('cat /tmp', 'busybox'), ['', 'cat: read error: Is a directory\n', 1]);
  assert.deepEqual(run("cat 'a b'"), ['', "cat: 'a b': No such file or directory\n", 1]);
});

test('wc: GNU sizes columns by the files, busybox uses %9u', () => {
  assert.deepEqual(run('wc t.txt'), [' 3  6 28 t.txt\n', '', 0]);
  assert.deepEqual(run('wc t.txt', 'busybox'), ['        3         6        28 t.txt\n', '', 0]);
  both('wc -l t.txt', ['3 t.txt\n', '', 0]);
  both('wc -l < t.txt', ['3\n', '', 0]);
  assert.deepEqual(run('wc < t.txt'), [' 3  6 28\n', '', 0]);
  assert.deepEqual(run('cat t.txt | wc'), ['      3       6      28\n', '', 0]);
  assert.deepEqual(run('cat t.txt | wc', 'busybox'), ['        3         6        28\n', '', 0]);
  assert.deepEqual(run('wc t.txt u.txt'), [' 3  6 28 t.txt\n 3  3  6 u.txt\n 6  9 34 total\n', '', 0]);
  assert.deepEqual(run('wc -l t.txt nosuch'), [
    ' 3 t.txt\n 3 total\n',
    'wc: nosuch: No such file or directory\n',
    1,
  ]);
  assert.deepEqual(run('wc -w -c t.txt', 'busybox'), ['        6        28 t.txt\n', '', 0]);
});

test('head and tail', () => {
  both('head -2 t.txt', ['one two\nthree\n', '', 0]);
  both('head -n 1 t.txt u.txt', ['==> t.txt <==\none two\n\n==> u.txt <==\nb\n', '', 0]);
  both('tail -n 1 t.txt', ['four five six\n', '', 0]);
  both('tail -n +2 u.txt', ['a\nc\n', '', 0]);
  both('tail -1 u.txt', ['c\n', '', 0]);
  both('head -c 3 u.txt', ['b\na', '', 0]);
  assert.deepEqual(run('head -n x t.txt'), ['', 'head: invalid number of lines: ‘x’\n', 1]);
  assert.deepEqual(run('head -n x t.txt', 'busybox'), ['', "head: invalid number 'x'\n", 1]);
  assert.deepEqual(run('tail -n 1 t.txt nosuch'), [
    '==> t.txt <==\nfour five six\n',
    "tail: cannot open 'nosuch' for reading: No such file or directory\n",
    1,
  ]);
  assert.deepEqual(run('tail -n 1 t.txt nosuch', 'busybox'), [
    'four five six\n',
    "tail: can't open 'nosuch': No such file or directory\n",
    1,
  ]);
});

test('grep: options, exit codes and errors', () => {
  both('grep o t.txt', ['one two\nfour five six\n', '', 0]);
  both('grep -n -i O t.txt', ['1:one two\n3:four five six\n', '', 0]);
  both('grep -v o t.txt', ['three\n', '', 0]);
  both('grep -c o t.txt u.txt', ['t.txt:2\nu.txt:0\n', '', 0]);
  both('grep -o o t.txt', ['o\no\no\n', '', 0]);
  both('grep -w two t.txt', ['one two\n', '', 0]);
  both("grep -E 'tw|th' t.txt", ['one two\nthree\n', '', 0]);
  both("grep 'tw\\|th' t.txt", ['one two\nthree\n', '', 0]);
  both('grep -q one t.txt', ['', '', 0]);
  both('grep nomatch t.txt', ['', '', 1]);
  both('grep x nosuch', ['', 'grep: nosuch: No such file or directory\n', 2]);
  both('echo 172.17.0.2 | grep -E "^[0-9]+(\\.[0-9]+){3}$"', ['172.17.0.2\n', '', 0]);
  assert.deepEqual(run('grep'), [
    '',
    "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
    2,
  ]);
  assert.match(run('grep', 'busybox')[1], /^BusyBox v1\.37\.0 .*\n\nUsage: grep \[-HhnlLoqvsrRiwFEz\]/);
});

test('sort, uniq', () => {
  both('sort u.txt', ['a\nb\nc\n', '', 0]);
  both('sort -r u.txt', ['c\nb\na\n', '', 0]);
  both('sort -k2 t.txt', ['three\nfour five six\none two\n', '', 0]);
  both('printf "10\\n9\\n100\\n" | sort -n', ['9\n10\n100\n', '', 0]);
  both('printf "b\\na\\nb\\n" | sort -u', ['a\nb\n', '', 0]);
  both('sort u.txt u.txt | uniq -c', ['      2 a\n      2 b\n      2 c\n', '', 0]);
  both('printf "a\\na\\nb\\n" | uniq', ['a\nb\n', '', 0]);
  both('printf "a\\na\\nb\\n" | uniq -d', ['a\n', '', 0]);
});

test('cut', () => {
  both('cut -d " " -f 2 t.txt', ['two\nthree\nfive\n', '', 0]);
  both('cut -c 1-3 t.txt', ['one\nthr\nfou\n', '', 0]);
  both('echo a:b:c | cut -d: -f2-', ['b:c\n', '', 0]);
  assert.deepEqual(run('cut t.txt'), [
    '',
    "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n",
    1,
  ]);
  assert.deepEqual(run('cut t.txt', 'busybox'), [
    '',
    'cut: expected a list of bytes, characters, or fields\n',
    1,
  ]);
});

test('tr and tee', () => {
  both('tr a-z A-Z < u.txt', ['B\nA\nC\n', '', 0]);
  both('tr -d a < u.txt', ['b\n\nc\n', '', 0]);
  both('echo hello | tr -s l', ['helo\n', '', 0]);
  both("echo 'a b' | tr '[:lower:]' '[:upper:]'", ['A B\n', '', 0]);
  assert.deepEqual(run('tr'), ['', "tr: missing operand\nTry 'tr --help' for more information.\n", 1]);
  both('echo hi | tee o1 o2 > /dev/null; cat o1 o2', ['hi\nhi\n', '', 0]);
  both('echo a | tee o; echo b | tee -a o > /dev/null; cat o', ['a\na\nb\n', '', 0]);
});

test('sed', () => {
  both('sed -n 2p t.txt', ['three\n', '', 0]);
  both('sed s/o/0/g t.txt', ['0ne tw0\nthree\nf0ur five six\n', '', 0]);
  both("sed 's/o/0/' t.txt", ['0ne two\nthree\nf0ur five six\n', '', 0]);
  both("sed -n '/th/p' t.txt", ['three\n', '', 0]);
  both("sed '2d' t.txt", ['one two\nfour five six\n', '', 0]);
  both("sed '1,2d' t.txt", ['four five six\n', '', 0]);
  both("sed 's/\\(o\\)n/[\\1]/' t.txt", ['[o]e two\nthree\nfour five six\n', '', 0]);
  both("sed -E 's/(t)(w)/\\2\\1/' t.txt", ['one wto\nthree\nfour five six\n', '', 0]);
  both("sed 's/three/&&/' t.txt", ['one two\nthreethree\nfour five six\n', '', 0]);
  both("sed -i 's/b/B/' u.txt; cat u.txt", ['B\na\nc\n', '', 0]);
  assert.deepEqual(run('sed "s/o/0" t.txt'), [
    '',
    "sed: -e expression #1, char 5: unterminated `s' command\n",
    1,
  ]);
  assert.deepEqual(run('sed "s/o/0" t.txt', 'busybox'), ['', "sed: unmatched '/'\n", 1]);
});

test('awk', () => {
  both("awk '{print $2}' t.txt", ['two\n\nfive\n', '', 0]);
  both("awk '{print $NF, NR}' t.txt", ['two 1\nthree 2\nsix 3\n', '', 0]);
  both("awk 'NR==2 {print $1}' t.txt", ['three\n', '', 0]);
  both('awk \'/five/ {print $1 "-" $2}\' t.txt', ['four-five\n', '', 0]);
  both("awk 'END {print NR}' t.txt", ['3\n', '', 0]);
  both("echo a:b:c | awk -F: '{print $3}'", ['c\n', '', 0]);
  both('awk \'$1 == "three"\' t.txt', ['three\n', '', 0]);
  both("awk 'NF > 2 {print NF}' t.txt", ['3\n', '', 0]);
});

test('printf and echo', () => {
  both('printf "%s-%s\\n" a b c', ['a-b\nc-\n', '', 0]);
  both('printf "%5.2f|%-4s|%x|%o|%c|%%\\n" 3.14159 ab 255 8 xyz', [' 3.14|ab  |ff|10|x|%\n', '', 0]);
  both("printf '%03d|%+d|%5s|\\n' 7 5 ab", ['007|+5|   ab|\n', '', 0]);
  assert.deepEqual(run('printf "%d\\n" x'), ['0\n', 'bash: printf: x: invalid number\n', 1]);
  assert.deepEqual(run('printf "%d\\n" x', 'busybox'), ['0\n', "sh: invalid number 'x'\n", 1]);
  assert.deepEqual(run('/usr/bin/printf "%d\\n" x'), ['0\n', 'printf: ‘x’: expected a numeric value\n', 1]);
  both('echo -e "a\\tb\\x41\\c"; echo', ['a\tbA\n', '', 0]);
  both('echo -n a; echo -E "b\\n"', ['ab\\n\n', '', 0]);
});
