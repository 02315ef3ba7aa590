import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benchShell } from '../testkit.ts';

type Flavour = 'gnu' | 'busybox';
function shell(flavour: Flavour) {
  const s = benchShell(flavour);
  s.place.fs.writeFile('/root/t.txt', 'one two\nthree\nfour five six\n');
  s.place.fs.writeFile('/root/u.txt', 'b\na\nc\n');
  s.run('cd /root');
  return s;
}
function run(line: string, flavour: Flavour = 'gnu'): [string, string, number] {
  const r = shell(flavour).run(line);
  return [r.stdout, r.stderr, r.exitCode];
}
const both = (line: string, expected: [string, string, number]) => {
  assert.deepEqual(run(line, 'gnu'), expected, `gnu: ${line}`);
  assert.deepEqual(run(line, 'busybox'), expected, `busybox: ${line}`);
};

test('ls: one per line into a pipe, columns on the terminal', () => {
  both('ls | cat', ['t.txt\nu.txt\n', '', 0]);
  both('ls', ['t.txt  u.txt\n', '', 0]);
  both('ls -1', ['t.txt\nu.txt\n', '', 0]);
  both('ls -a | head -3', ['.\n..\nt.txt\n', '', 0]);
});

test('ls: GNU tab-indented columns vs busybox equal-width columns', () => {
  const names = [
    'alpha',
    'beta',
    'chi',
    'delta',
    'epsilon',
    'eta',
    'gamma',
    'iota',
    'kappa',
    'lambda',
    'mu',
    'nu',
    'omega',
    'omicron',
    'phi',
    'pi',
    'psi',
    'rho',
    'sigma',
    'sub',
    'tau',
    'theta',
    'upsilon',
    'xi',
    'zeta',
  ];
  const setup = (s: ReturnType<typeof shell>) => {
    for (const n of names) s.place.fs.writeFile(`/d/${n}`, '');
    return s.run('ls /d').stdout;
  };
  // Recorded from GNU coreutils 9.1 `ls -C` and busybox 1.35 `ls -C` at 80 columns.
  assert.equal(
    setup(shell('gnu')),
    'alpha  delta\tgamma  lambda  omega\tpi   sigma  theta    zeta\nbeta   epsilon\tiota   mu      omicron\tpsi  sub    upsilon\nchi    eta\tkappa  nu      phi\trho  tau    xi\n',
  );
  assert.equal(
    setup(shell('busybox')),
    'alpha    epsilon  kappa    omega    psi      tau      zeta\nbeta     eta      lambda   omicron  rho      theta\nchi      gamma    mu       phi      sigma    upsilon\ndelta    iota     nu       pi       sub      xi\n',
  );
});

test('ls -l: GNU widths vs busybox fixed columns, dated by the world clock', () => {
  assert.deepEqual(run('ls -l t.txt'), ['-rw-r--r-- 1 root root 28 Jan  5 09:00 t.txt\n', '', 0]);
  assert.deepEqual(run('ls -l t.txt', 'busybox'), [
    '-rw-r--r--    1 root     root            28 Jan  5 09:00 t.txt\n',
    '',
    0,
  ]);
  const s = shell('gnu');
  s.run('mkdir -p /root/dir/sub');
  assert.equal(
    s.run('ls -l').stdout,
    'total 12\ndrwxr-xr-x 3 root root 4096 Jan  5 09:00 dir\n-rw-r--r-- 1 root root   28 Jan  5 09:00 t.txt\n-rw-r--r-- 1 root root    6 Jan  5 09:00 u.txt\n',
  );
});

test('ls: errors and several operands', () => {
  assert.deepEqual(run('ls nosuch'), ['', "ls: cannot access 'nosuch': No such file or directory\n", 2]);
  assert.deepEqual(run('ls nosuch', 'busybox'), ['', 'ls: nosuch: No such file or directory\n', 1]);
  const s = shell('gnu');
  s.run('mkdir a b; touch a/x b/y');
  assert.equal(s.run('ls -1 a b t.txt').stdout, 't.txt\n\na:\nx\n\nb:\ny\n');
  assert.deepEqual(run('ls -z'), [
    '',
    "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n",
    2,
  ]);
  assert.match(run('ls -z', 'busybox')[1], /^ls: unrecognized option: z\nBusyBox v1\.37\.0/);
});

test('touch, mkdir, rm, cp, mv change the Vfs', () => {
  const s = shell('gnu');
  s.run('touch new; mkdir -p d/e; cp t.txt d/e/; mv u.txt d/renamed');
  assert.equal(s.place.fs.readFile('/root/new'), '');
  assert.equal(s.place.fs.readFile('/root/d/e/t.txt'), 'one two\nthree\nfour five six\n');
  assert.equal(s.place.fs.readFile('/root/d/renamed'), 'b\na\nc\n');
  assert.equal(s.place.fs.exists('/root/u.txt'), false);
  s.run('cp -r d d2; rm -r d');
  assert.equal(s.place.fs.exists('/root/d'), false);
  assert.equal(s.place.fs.readFile('/root/d2/e/t.txt'), 'one two\nthree\nfour five six\n');
  assert.deepEqual(s.run('rm -f nosuch').exitCode, 0);
});

test('file tools: GNU and busybox error wordings', () => {
  assert.deepEqual(run('mkdir /tmp'), ['', 'mkdir: cannot create directory ‘/tmp’: File exists\n', 1]);
  assert.deepEqual(run('mkdir /tmp', 'busybox'), [
    '',
    "mkdir: can't create directory '/tmp': File exists\n",
    1,
  ]);
  assert.deepEqual(run('mkdir /nosuch/x'), [
    '',
    'mkdir: cannot create directory ‘/nosuch/x’: No such file or directory\n',
    1,
  ]);
  assert.deepEqual(run('rm nosuch'), ['', "rm: cannot remove 'nosuch': No such file or directory\n", 1]);
  assert.deepEqual(run('rm nosuch', 'busybox'), [
    '',
    "rm: can't remove 'nosuch': No such file or directory\n",
    1,
  ]);
  assert.deepEqual(run('rm /tmp'), ['', "rm: cannot remove '/tmp': Is a directory\n", 1]);
  assert.deepEqual(run('rm /tmp', 'busybox'), ['', "rm: '/tmp' is a directory\n", 1]);
  assert.deepEqual(run('cp nosuch x'), ['', "cp: cannot stat 'nosuch': No such file or directory\n", 1]);
  assert.deepEqual(run('cp nosuch x', 'busybox'), [
    '',
    "cp: can't stat 'nosuch': No such file or directory\n",
    1,
  ]);
  assert.deepEqual(run('mv nosuch x', 'busybox'), [
    '',
    "mv: can't rename 'nosuch': No such file or directory\n",
    1,
  ]);
  assert.deepEqual(run('touch /nosuch/x'), [
    '',
    "touch: cannot touch '/nosuch/x': No such file or directory\n",
    1,
  ]);
  assert.deepEqual(run('touch /nosuch/x', 'busybox'), [
    '',
    'touch: /nosuch/x: No such file or directory\n',
    1,
  ]);
  assert.deepEqual(run('cp'), ['', "cp: missing file operand\nTry 'cp --help' for more information.\n", 1]);
});

test('hostname, whoami, id, uname', () => {
  assert.deepEqual(run('hostname'), ['host1\n', '', 0]);
  assert.deepEqual(run('hostname', 'busybox'), ['4f1c2a9b3d7e\n', '', 0]);
  const s = shell('busybox');
  s.place.fs.writeFile('/etc/hosts', '127.0.0.1\tlocalhost\n172.17.0.2\t4f1c2a9b3d7e\n');
  assert.equal(s.run('hostname -i').stdout, '172.17.0.2\n');
  both('whoami', ['root\n', '', 0]);
  assert.deepEqual(run('id'), ['uid=0(root) gid=0(root) groups=0(root)\n', '', 0]);
  assert.deepEqual(run('uname -a'), [
    'Linux host1 6.8.0-60-generic #63-Ubuntu SMP PREEMPT_DYNAMIC Tue Apr 15 19:04:15 UTC 2025 x86_64 GNU/Linux\n',
    '',
    0,
  ]);
  assert.deepEqual(run('uname -a', 'busybox'), [
    'Linux 4f1c2a9b3d7e 6.8.0-60-generic #63-Ubuntu SMP PREEMPT_DYNAMIC Tue Apr 15 19:04:15 UTC 2025 x86_64 Linux\n',
    '',
    0,
  ]);
  both('uname -r', ['6.8.0-60-generic\n', '', 0]);
  both('uname', ['Linux\n', '', 0]);
});

test('seq, basename, dirname', () => {
  both('seq 3', ['1\n2\n3\n', '', 0]);
  both('seq 2 2 7', ['2\n4\n6\n', '', 0]);
  both('seq -s , 3', ['1,2,3\n', '', 0]);
  assert.deepEqual(run('seq x'), [
    '',
    "seq: invalid floating point argument: ‘x’\nTry 'seq --help' for more information.\n",
    1,
  ]);
  both('basename /a/b.txt .txt', ['b\n', '', 0]);
  both('dirname a; dirname /a/b/; dirname /', ['.\n/a\n/\n', '', 0]);
  assert.deepEqual(run('basename'), [
    '',
    "basename: missing operand\nTry 'basename --help' for more information.\n",
    1,
  ]);
});

test('date, sleep errors', () => {
  both('date', ['Mon Jan  5 09:00:00 UTC 2026\n', '', 0]);
  both('date +%Y-%m-%dT%H:%M:%S', ['2026-01-05T09:00:00\n', '', 0]);
  assert.deepEqual(run('sleep x'), [
    '',
    "sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n",
    1,
  ]);
  assert.deepEqual(run('sleep x', 'busybox'), ['', "sleep: invalid number 'x'\n", 1]);
  assert.deepEqual(run('sleep'), [
    '',
    "sleep: missing operand\nTry 'sleep --help' for more information.\n",
    1,
  ]);
});

test('env, xargs, which', () => {
  both('env -i A=1 env', ['A=1\n', '', 0]);
  both('env -i A=1 B=2 sh -c "echo \\$A\\$B"', ['12\n', '', 0]);
  both('xargs echo < u.txt', ['b a c\n', '', 0]);
  both('echo a b c | xargs -n 1 echo x', ['x a\nx b\nx c\n', '', 0]);
  both('printf "n1\\nn2\\n" | xargs -I {} echo net-{}', ['net-n1\nnet-n2\n', '', 0]);
  assert.deepEqual(run('which ls nosuch'), ['/usr/bin/ls\n', '', 1]);
  assert.deepEqual(run('which ls', 'busybox'), ['/bin/ls\n', '', 0]);
  assert.deepEqual(run('env -i nosuch'), ['', 'env: ‘nosuch’: No such file or directory\n', 127]);
});
