import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeApi } from './testdata/fake_api.ts';
import { docker } from './testdata/run.ts';

const api = new FakeApi();

test('docker with no arguments prints the root help on stderr, exit 0', () => {
  const r = docker(api, []);
  assert.equal(r.stdout, '');
  assert.ok(
    r.stderr.startsWith(
      'Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n  run         Create and run a new container from an image\n  exec        Execute a command in a running container\n',
    ),
  );
  assert.ok(
    r.stderr.endsWith(
      "Run 'docker COMMAND --help' for more information on a command.\n\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\n",
    ),
  );
  assert.equal(r.exitCode, 0);
});

test('docker --help is the same text on stdout; docker help network shows the group', () => {
  assert.equal(docker(api, '--help').stdout, docker(api, []).stderr);
  assert.ok(
    docker(api, 'help network').stdout.startsWith(
      'Usage:  docker network COMMAND\n\nManage networks\n\nCommands:\n  connect     Connect a container to a network\n',
    ),
  );
  assert.equal(docker(api, 'help nope').stderr, 'unknown help topic: nope\n');
});

test('unknown command and unknown flags', () => {
  assert.deepEqual(Object.values(docker(api, 'foo')).slice(1, 3), [
    "docker: unknown command: docker foo\n\nRun 'docker --help' for more information\n",
    1,
  ]);
  const g = docker(api, '--bogus ps');
  assert.deepEqual(
    [g.stderr, g.exitCode],
    [
      "unknown flag: --bogus\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n",
      125,
    ],
  );
  const u = docker(api, 'network create --foo x');
  assert.equal(
    u.stderr,
    "unknown flag: --foo\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information\n",
  );
  assert.equal(u.exitCode, 125);
  assert.equal(docker(api, 'ps -z').stderr.split('\n')[0], "unknown shorthand flag: 'z' in -z");
  assert.equal(docker(api, 'run --name').stderr.split('\n')[0], 'flag needs an argument: --name');
});

test('arg-count wording: exact, at least (See ...), range, none', () => {
  assert.equal(
    docker(api, 'network connect n').stderr.split('\n')[0],
    "docker: 'docker network connect' requires 2 arguments",
  );
  assert.ok(
    docker(api, 'network rm').stderr.endsWith("See 'docker network rm --help' for more information\n"),
  );
  assert.equal(
    docker(api, 'port').stderr.split('\n')[0],
    "docker: 'docker port' requires at least 1 and at most 2 arguments",
  );
  assert.equal(
    docker(api, 'network ls x').stderr.split('\n')[0],
    "docker: 'docker network ls' accepts no arguments",
  );
  assert.equal(docker(api, 'version x').exitCode, 1);
});

test('command help: aliases annotation, options table, version -v', () => {
  const rm = docker(api, 'rm --help').stdout;
  assert.equal(
    rm,
    'Usage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nRemove one or more containers\n\nAliases:\n  docker container rm, docker container remove, docker rm\n\nOptions:\n' +
      '  -f, --force     Force the removal of a running container (uses SIGKILL)\n  -l, --link      Remove the specified link\n  -v, --volumes   Remove anonymous volumes associated with the container\n',
  );
  assert.equal(
    docker(api, 'network rm --help').stdout.split('\n').slice(4, 6).join('\n'),
    'Aliases:\n  docker network rm, docker network remove',
  );
  assert.ok(
    docker(api, 'run --help').stdout.includes('      --help                             Print usage\n'),
  );
  assert.equal(docker(api, '--version').stdout, 'Docker version 28.2.2, build e6534b4\n');
});

test("-h is help (with pflag's deprecation notice) except where it is a flag", () => {
  const r = docker(api, 'network ls -h');
  assert.ok(
    r.stdout.startsWith(
      'Flag shorthand -h has been deprecated, use --help\nUsage:  docker network ls [OPTIONS]\n',
    ),
  );
  assert.equal(docker(api, 'run -h').stderr.split('\n')[0], "flag needs an argument: 'h' in -h");
});

test('junk input never throws and never leaves exit 0 with an internal error', () => {
  const junk = [
    ['--'],
    ['-'],
    [''],
    ['network', '--', 'ls'],
    ['ps', '--format', '{{'],
    ['run', '-p', ':::'],
    ['inspect', '-f', '{{range}}', 'x'],
    ['container', 'ls', '-n', '99999999999999999999'],
    ['\u0000'],
    ['network', 'create', '--subnet', '1.2.3.4/99', '--subnet', 'x', 'n'],
  ];
  for (const argv of junk) {
    const r = docker(api, argv);
    assert.equal(typeof r.exitCode, 'number');
    assert.ok(!r.stderr.includes('internal error'), `${argv.join(' ')}: ${r.stderr}`);
  }
});
