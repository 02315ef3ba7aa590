// The headless runner's contract (README "Headless runner"): one JSON object per executed command,
// `@host` prefixes, comments skipped, and determinism for a fixed seed and script prefix.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const RUNNER = fileURLToPath(new URL('../../src/sim/node/run.ts', import.meta.url));

function run(args: string[], script: string): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ['--experimental-strip-types', RUNNER, ...args], {
    input: script,
    encoding: 'utf8',
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const SCRIPT = `# a comment, then a blank line

docker network create alpine-net
docker run -dit --name a1 --network alpine-net alpine ash
@host2 hostname
docker network inspect -f '{{.Id}}' alpine-net
`;

test('--json prints exactly one object per executed command', () => {
  const r = run(['--json', '--hosts', 'host1,host2', '--seed', '7'], SCRIPT);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((l) => [l.host, l.cmd, l.exitCode]),
    [
      ['host1', 'docker network create alpine-net', 0],
      ['host1', 'docker run -dit --name a1 --network alpine-net alpine ash', 0],
      ['host2', 'hostname', 0],
      ['host1', "docker network inspect -f '{{.Id}}' alpine-net", 0],
    ],
  );
  assert.equal(lines[2].stdout, 'host2\n');
  assert.equal(lines[3].stdout, lines[0].stdout, 'inspect shows the ID create printed');
  for (const l of lines) assert.deepEqual(Object.keys(l), ['host', 'cmd', 'stdout', 'stderr', 'exitCode']);
});

test('the same seed and prefix give the same outputs, whatever follows', () => {
  const full = run(['--json', '--hosts', 'host1,host2', '--seed', '7'], SCRIPT).stdout.split('\n');
  const prefix = run(
    ['--json', '--hosts', 'host1,host2', '--seed', '7'],
    SCRIPT.split('\n').slice(0, 4).join('\n'),
  ).stdout.split('\n');
  assert.deepEqual(prefix.slice(0, 2), full.slice(0, 2));
  const other = run(['--json', '--seed', '8'], 'docker network create alpine-net\n').stdout;
  assert.notEqual(JSON.parse(other).stdout, JSON.parse(full[0]).stdout, 'another seed gives other IDs');
});

test('without --json the runner prints a transcript with prompts', () => {
  const r = run(['--seed', '1'], 'hostname\necho hi\n');
  assert.equal(r.stdout, 'root@host1:~# hostname\nhost1\nroot@host1:~# echo hi\nhi\n');
});
