import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../index.ts';

const run = (sim: ReturnType<typeof createWorld>, line: string): [number, string, string] => {
  const r = sim.exec(line);
  return [r.exitCode, r.stdout, r.stderr];
};

test('DOCKER_HOST and -H: the CLI dials where it is told; dockerd listens only on its socket', () => {
  const sim = createWorld({ hosts: ['host1', 'host2'] });
  const cannot =
    'Cannot connect to the Docker daemon at tcp://192.168.1.12:2375. Is the docker daemon running?\n';
  assert.deepEqual(run(sim, 'DOCKER_HOST=tcp://192.168.1.12:2375 docker ps'), [1, '', cannot]);
  assert.deepEqual(run(sim, 'docker -H tcp://192.168.1.12:2375 ps'), [1, '', cannot]);
  assert.deepEqual(run(sim, 'docker -H 192.168.1.12 ps'), [1, '', cannot]);
  assert.deepEqual(run(sim, 'docker -H unix:///var/run/docker.sock ps'), [
    0,
    'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
    '',
  ]);
  assert.deepEqual(run(sim, 'docker -H unix:///tmp/x.sock ps'), [
    1,
    '',
    'Cannot connect to the Docker daemon at unix:///tmp/x.sock. Is the docker daemon running?\n',
  ]);
  assert.deepEqual(run(sim, 'docker -H tcp://192.168.1.99:2375 ps'), [
    1,
    '',
    'error during connect: Head "http://192.168.1.99:2375/_ping": dial tcp 192.168.1.99:2375: connect: no route to host\n',
  ]);
  assert.deepEqual(run(sim, 'docker -H tcp://nosuch:2375 ps'), [
    1,
    '',
    'error during connect: Head "http://nosuch:2375/_ping": dial tcp: lookup nosuch on 192.168.1.1:53: no such host\n',
  ]);
});

test('a bad or repeated -H fails when the client is initialised', () => {
  const sim = createWorld();
  assert.deepEqual(run(sim, 'DOCKER_HOST=foo://x docker ps'), [
    1,
    '',
    'Failed to initialize: unable to resolve docker endpoint: invalid bind address format: foo://x\n',
  ]);
  assert.deepEqual(run(sim, 'docker -H a -H b ps'), [
    1,
    '',
    'Failed to initialize: unable to resolve docker endpoint: Specify only one -H\n',
  ]);
  // Help never needs the daemon.
  assert.equal(run(sim, 'docker -H foo://x ps --help')[0], 0);
});

test('a dropped SYN times out (2 s init ping, then the 10 s dial timeout)', () => {
  const sim = createWorld({ hosts: ['host1', 'host2'] });
  sim.exec('iptables -I INPUT -p tcp --dport 2375 -j DROP', { host: 'host2' });
  const before = sim.exec('date +%s').stdout;
  assert.deepEqual(run(sim, 'docker -H tcp://192.168.1.12:2375 ps'), [
    1,
    '',
    'Cannot connect to the Docker daemon at tcp://192.168.1.12:2375. Is the docker daemon running?\n',
  ]);
  const after = sim.exec('date +%s').stdout;
  assert.ok(Number(after) - Number(before) >= 12);
});
