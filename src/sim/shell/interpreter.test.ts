// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell lines with ${VAR} expansions
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runArgvIn } from './interpreter.ts';
import type { Program } from './program.ts';
import { benchShell } from './testkit.ts';
import { UTILS } from './utils/index.ts';

type Flavour = 'gnu' | 'busybox';
function sh(flavour: Flavour = 'gnu', extra: Record<string, Program> = {}) {
  const s = benchShell(flavour, extra);
  s.place.fs.writeFile('/root/t.txt', 'one two\nthree\nfour five six\n');
  s.place.fs.writeFile('/root/u.txt', 'b\na\nc\n');
  s.run('cd /root');
  s.state.history.length = 0;
  return s;
}
function out(line: string, flavour: Flavour = 'gnu'): [string, string, number] {
  const r = sh(flavour).run(line);
  return [r.stdout, r.stderr, r.exitCode];
}

test('pipelines feed stdout to the next stage and return the last status', () => {
  assert.deepEqual(out('cat t.txt | grep o | wc -l'), ['2\n', '', 0]);
  assert.deepEqual(out('grep nomatch t.txt | cat'), ['', '', 0]);
  assert.deepEqual(out('cat t.txt | grep nomatch'), ['', '', 1]);
});

test('stderr passes through a pipeline; 2>&1 and |& send it down', () => {
  assert.deepEqual(out('cat nosuch | wc -l'), ['0\n', 'cat: nosuch: No such file or directory\n', 0]);
  assert.deepEqual(out('cat nosuch 2>&1 | wc -l'), ['1\n', '', 0]);
  assert.deepEqual(out('cat nosuch |& wc -l'), ['1\n', '', 0]);
});

test('&& and || short-circuit; ! negates', () => {
  assert.deepEqual(out('false || echo ok && echo yes'), ['ok\nyes\n', '', 0]);
  assert.deepEqual(out('true && false; echo $?'), ['1\n', '', 0]);
  assert.deepEqual(out('! false; echo $?'), ['0\n', '', 0]);
  assert.deepEqual(out('false && echo no'), ['', '', 1]);
});

test('variables, defaults, lengths and pattern removal', () => {
  assert.deepEqual(out('x=abcabc; echo ${x#*b} ${x##*b} ${x%b*} ${x%%b*} ${#x}'), [
    'cabc c abca a 6\n',
    '',
    0,
  ]);
  assert.deepEqual(out('echo ${NOPE:-def} ${NOPE-d2} x${NOPE}y'), ['def d2 xy\n', '', 0]);
  assert.deepEqual(out('echo ${z:=set}; echo $z'), ['set\nset\n', '', 0]);
});

test('${x:?} aborts the line with each shell’s wording', () => {
  assert.deepEqual(out('echo ${x:?}; echo after'), ['', 'bash: x: parameter null or not set\n', 1]);
  assert.deepEqual(out('echo ${x:?}; echo after', 'busybox'), ['', 'sh: x: parameter not set or null\n', 2]);
  assert.deepEqual(out('echo ${x?gone}'), ['', 'bash: x: gone\n', 1]);
});

test('field splitting applies to unquoted expansions only', () => {
  assert.deepEqual(out('a=" x  y "; echo [$a] "[$a]"'), ['[ x y ] [ x  y ]\n', '', 0]);
  assert.deepEqual(out('echo $(printf "a  b\\n c")'), ['a b c\n', '', 0]);
  assert.deepEqual(out('IFS=:; x=a:b:c; for i in $x; do echo $i; done'), ['a\nb\nc\n', '', 0]);
});

test('command substitution strips trailing newlines and nests', () => {
  assert.deepEqual(out('echo "$(printf "a\\n\\n\\n")"x'), ['ax\n', '', 0]);
  assert.deepEqual(out('echo $(echo "$(echo nested)") `echo bq`'), ['nested bq\n', '', 0]);
  assert.deepEqual(out('x=$(false); echo $?'), ['1\n', '', 0]);
});

test('quotes and escapes', () => {
  assert.deepEqual(out(`echo "a\\$b\\"c\\\\d\\e" 'a\\b' a#b #c`), ['a$b"c\\d\\e a\\b a#b\n', '', 0]);
  assert.deepEqual(out('echo ~ ~/x a~'), ['/root /root/x a~\n', '', 0]);
  assert.deepEqual(out("echo $'a\\tb'"), ['a\tb\n', '', 0]);
});

test('arithmetic expansion and its errors', () => {
  assert.deepEqual(out('x=4; echo $((x*3+1)) $((7/2)) $((7%3)) $((1<2))'), ['13 3 1 1\n', '', 0]);
  assert.deepEqual(out('echo $(( 10 / 0 ))'), [
    '',
    'bash: 10 / 0 : division by 0 (error token is "0 ")\n',
    1,
  ]);
  assert.deepEqual(out('echo $((10/0))', 'busybox'), ['', 'sh: divide by zero\n', 2]);
  assert.deepEqual(out('echo $((1+))'), [
    '',
    'bash: 1+: syntax error: operand expected (error token is "+")\n',
    1,
  ]);
});

test('brace expansion in bash only', () => {
  assert.deepEqual(out('echo net{1,2} {1..3}'), ['net1 net2 1 2 3\n', '', 0]);
  assert.deepEqual(out('echo net{1,2}', 'busybox'), ['net{1,2}\n', '', 0]);
});

test('globbing against the Vfs, unmatched patterns stay literal', () => {
  assert.deepEqual(out('echo *.txt; echo *.none; echo "*.txt"'), ['t.txt u.txt\n*.none\n*.txt\n', '', 0]);
});

test('redirections write, append and read files in the place’s Vfs', () => {
  const s = sh();
  assert.equal(s.run('echo hi > o.txt; echo there >> o.txt; cat < o.txt').stdout, 'hi\nthere\n');
  assert.equal(s.place.fs.readFile('/root/o.txt'), 'hi\nthere\n');
  assert.equal(
    s.run('cat nosuch 2> err.txt; cat err.txt').stdout,
    'cat: nosuch: No such file or directory\n',
  );
  assert.equal(
    s.run('ls nosuch t.txt &> both.txt; cat both.txt').stdout,
    "t.txt\nls: cannot access 'nosuch': No such file or directory\n",
  );
  assert.deepEqual(s.run('echo gone > /dev/null').stdout, '');
  assert.equal(s.run('cat < /dev/null | wc -c').stdout, '0\n');
  assert.equal(s.run('cat t.txt > t.txt; wc -c < t.txt').stdout, '0\n');
});

test('redirection errors per shell', () => {
  assert.deepEqual(out('echo hi > /nonexist/x'), ['', 'bash: /nonexist/x: No such file or directory\n', 1]);
  assert.deepEqual(out('echo hi > /nonexist/x', 'busybox'), [
    '',
    "sh: can't create /nonexist/x: nonexistent directory\n",
    1,
  ]);
  assert.deepEqual(out('echo hi > /tmp'), ['', 'bash: /tmp: Is a directory\n', 1]);
  assert.deepEqual(out('cat < nosuch', 'busybox'), ['', "sh: can't open nosuch: no such file\n", 1]);
  assert.deepEqual(out('cat < nosuch'), ['', 'bash: nosuch: No such file or directory\n', 1]);
  assert.deepEqual(out('echo a 1>&3'), ['', 'bash: 3: Bad file descriptor\n', 1]);
});

test('here-strings (bash) and one-line here-documents', () => {
  assert.deepEqual(out('cat <<< "hi there"'), ['hi there\n', '', 0]);
  assert.deepEqual(out('cat <<EOF'), [
    '',
    "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n",
    0,
  ]);
});

test('command not found per shell, exit 127', () => {
  assert.deepEqual(out('nosuchcmd'), ['', 'bash: nosuchcmd: command not found\n', 127]);
  assert.deepEqual(out('nosuchcmd', 'busybox'), ['', 'sh: nosuchcmd: not found\n', 127]);
  assert.deepEqual(out('/x/y'), ['', 'bash: /x/y: No such file or directory\n', 127]);
  assert.deepEqual(out('/x/y', 'busybox'), ['', 'sh: /x/y: not found\n', 127]);
});

test('a throwing program becomes an internal error, never a throw', () => {
  const s = sh('gnu', {
    boom: () => {
      throw new Error('kaboom');
    },
  });
  assert.deepEqual(s.run('boom; echo after'), {
    stdout: 'after\n',
    stderr: 'boom: internal error: kaboom\n',
    exitCode: 0,
    transcript: [
      { stream: 'stderr', text: 'boom: internal error: kaboom\n' },
      { stream: 'stdout', text: 'after\n' },
    ],
  });
});

test('effects and running pass through, last one wins', () => {
  const s = sh('gnu', {
    enter: () => ({ stdout: '', stderr: '', exitCode: 0, effect: { enter: { containerId: 'c1' } } }),
    serve: () => ({ stdout: 'up\n', stderr: '', exitCode: 0, running: true }),
  });
  const r = s.run('clear; enter; serve');
  assert.deepEqual(r.effect, { enter: { containerId: 'c1' } });
  assert.equal(r.running, true);
  assert.deepEqual(s.run('clear').effect, { clear: true });
  assert.equal(s.run('true').effect, undefined);
});

test('transcript keeps stdout and stderr in order', () => {
  const r = sh().run('echo a; cat nosuch; echo b');
  assert.deepEqual(r.transcript, [
    { stream: 'stdout', text: 'a\n' },
    { stream: 'stderr', text: 'cat: nosuch: No such file or directory\n' },
    { stream: 'stdout', text: 'b\n' },
  ]);
});

test('exit sets the exit flag; bash says exit', () => {
  assert.deepEqual(sh().run('exit 3'), {
    stdout: '',
    stderr: 'exit\n',
    exitCode: 3,
    exit: { code: 3 },
    transcript: [{ stream: 'stderr', text: 'exit\n' }],
  });
  const a = sh('busybox').run('false; exit');
  assert.deepEqual([a.stderr, a.exitCode, a.exit], ['', 1, { code: 1 }]);
  assert.deepEqual(out('exit abc'), ['', 'exit\nbash: exit: abc: numeric argument required\n', 2]);
  assert.deepEqual(sh().run('(exit 4); echo $?').stdout, '4\n');
});

test('state persists across lines: variables, exports, cwd, $?', () => {
  const s = sh();
  s.run('X=1; export Y=2');
  assert.equal(s.run('echo $X $Y; env | grep -c "^[XY]="').stdout, '1 2\n1\n');
  s.run('false');
  assert.equal(s.run('echo $?').stdout, '1\n');
  s.run('mkdir -p /tmp/d; cd /tmp/d');
  assert.equal(s.cwd(), '/tmp/d');
  assert.equal(s.prompt(), 'root@host1:/tmp/d# ');
  s.run('cd');
  assert.equal(s.prompt(), 'root@host1:~# ');
  assert.equal(sh('busybox').prompt(), '~ # ');
  assert.equal(s.run('unset X; echo "[$X]"').stdout, '[]\n');
});

test('VAR=x cmd sets the variable for that command only', () => {
  assert.deepEqual(out('A=1 env | grep ^A=; echo "[$A]"'), ['A=1\n[]\n', '', 0]);
  assert.deepEqual(out("x=1 sh -c 'echo $x'"), ['1\n', '', 0]);
});

test('cd errors per shell, cd - prints the new directory', () => {
  assert.deepEqual(out('cd /nosuch'), ['', 'bash: cd: /nosuch: No such file or directory\n', 1]);
  assert.deepEqual(out('cd t.txt', 'busybox'), ['', "sh: cd: can't cd to t.txt: Not a directory\n", 2]);
  assert.deepEqual(out('cd /tmp; cd -; pwd'), ['/root\n/root\n', '', 0]);
  assert.deepEqual(out('cd /tmp /var'), ['', 'bash: cd: too many arguments\n', 1]);
});

test('export and unset, with each shell’s complaints', () => {
  assert.deepEqual(out('export 1a=2; echo $?'), ['1\n', "bash: export: `1a=2': not a valid identifier\n", 0]);
  assert.deepEqual(out('export 1a=2; echo $?', 'busybox'), ['', 'sh: export: 1a: bad variable name\n', 2]);
  assert.equal(sh().run('export -p | grep HOME').stdout, 'declare -x HOME="/root"\n');
  assert.equal(sh('busybox').run('export | grep HOME').stdout, "export HOME='/root'\n");
});

test('type and history', () => {
  assert.deepEqual(out('type echo ls if ip nosuch'), [
    'echo is a shell builtin\nls is /usr/bin/ls\nif is a shell keyword\n',
    'bash: type: ip: not found\nbash: type: nosuch: not found\n',
    1,
  ]);
  assert.deepEqual(out('type ls nosuch', 'busybox'), ['ls is /bin/ls\nnosuch: not found\n', '', 127]);
  const s = sh();
  s.run('echo one');
  assert.equal(s.run('history').stdout, '    1  echo one\n    2  history\n');
  const a = sh('busybox');
  a.run('echo one');
  assert.equal(a.run('history').stdout, '   0 echo one\n   1 history\n');
});

test('if, for, while, until, break and continue', () => {
  assert.deepEqual(out('if grep -q one t.txt; then echo found; else echo missing; fi'), ['found\n', '', 0]);
  assert.deepEqual(out('for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done'), ['1\n3\n', '', 0]);
  assert.deepEqual(out('x=5; while [ $x -gt 3 ]; do x=$((x-1)); echo $x; done'), ['4\n3\n', '', 0]);
  assert.deepEqual(out('until true; do echo never; done; echo $?'), ['0\n', '', 0]);
  assert.deepEqual(out('while true; do break; done; echo z'), ['z\n', '', 0]);
  assert.deepEqual(out('for i in a b; do echo $i; done | sort -r > o; cat o'), ['b\na\n', '', 0]);
});

test('endless loops are cut off', () => {
  const r = sh().run('while true; do :; done');
  assert.equal(r.stderr, 'bash: loop stopped after 10000 iterations (the lab cannot run endless loops)\n');
});

test('subshells and groups', () => {
  assert.deepEqual(out('(cd /tmp; pwd); pwd'), ['/tmp\n/root\n', '', 0]);
  assert.deepEqual(out('{ echo a; echo b; } | wc -l'), ['2\n', '', 0]);
  assert.deepEqual(out('(X=1); echo "[$X]"'), ['[]\n', '', 0]);
});

test('test and [ with each shell’s errors', () => {
  assert.deepEqual(out('[ -f t.txt ] && [ -d /tmp ] && [ a != b ] && [ 2 -le 3 ] && echo ok'), [
    'ok\n',
    '',
    0,
  ]);
  assert.deepEqual(out('[ 1 -gt x ]'), ['', 'bash: [: x: integer expression expected\n', 2]);
  assert.deepEqual(out('[ 1 -gt x ]', 'busybox'), ['', 'sh: x: bad number\n', 2]);
  assert.deepEqual(out('[ 1 -gt 0'), ['', "bash: [: missing `]'\n", 2]);
  assert.deepEqual(out('[ 1 -gt 0', 'busybox'), ['', 'sh: missing ]\n', 2]);
});

test('sh -c, scripts and source', () => {
  const s = sh();
  assert.equal(s.run(`sh -c 'echo $0 $1' zero one`).stdout, 'zero one\n');
  s.place.fs.writeFile('/root/s.sh', '#!/bin/sh\necho "args: $@"\nX=inside\n', 0o755);
  assert.equal(s.run('./s.sh a b').stdout, 'args: a b\n');
  assert.equal(s.run('echo "[$X]"').stdout, '[]\n');
  assert.equal(s.run('. ./s.sh; echo $X').stdout, 'args: \ninside\n');
  s.place.fs.writeFile('/root/n.sh', 'echo no\n', 0o644);
  assert.deepEqual([s.run('./n.sh').stderr, s.state.status], ['bash: ./n.sh: Permission denied\n', 126]);
  assert.equal(s.run('echo "echo piped" | sh').stdout, 'piped\n');
});

test('sleep advances the world clock; date reads it', () => {
  const s = sh();
  assert.equal(s.run('date').stdout, 'Mon Jan  5 09:00:00 UTC 2026\n');
  s.run('sleep 90');
  assert.equal(s.run('date +%H:%M:%S').stdout, '09:01:30\n');
});

test('help lists what the place can run', () => {
  const r = sh('busybox').run('help');
  assert.match(r.stdout, /^Commands you can run here \(container web\):\n\n/);
  assert.match(r.stdout, /grep/);
  assert.equal(sh().run('help cd').stdout, 'cd: change the working directory\n');
});

test('runArgvIn runs an argv without a session', () => {
  const s = sh('busybox');
  const lookup = (name: string) => UTILS[name];
  const r = runArgvIn({ place: s.place, world: s.world, lookup, env: { HOME: '/root' }, dialect: 'ash' }, [
    'sh',
    '-c',
    'echo hi | wc -c; nosuch',
  ]);
  assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['3\n', 'sh: nosuch: not found\n', 127]);
});
