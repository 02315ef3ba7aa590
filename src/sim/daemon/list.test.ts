import assert from 'node:assert/strict';
import test from 'node:test';
import { containerCreate } from './create.ts';
import { parseFilters } from './filters.ts';
import { listContainers } from './list.ts';
import { createNetwork } from './network.ts';
import { containerStart } from './start.ts';
import { newTestDaemon } from './testkit.ts';

test('ps summary: command quoting, ports, state and network digest', () => {
  const { d } = newTestDaemon({ pull: ['nginx'] });
  containerCreate(d, 'web', {
    Image: 'nginx',
    ExposedPorts: { '80/tcp': {}, '443/tcp': {} },
    HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] } },
  });
  containerStart(d, 'web');
  const [row] = listContainers(d, { filters: parseFilters('') });
  assert.deepEqual(Object.keys(row), [
    'Id',
    'Names',
    'Image',
    'ImageID',
    'Command',
    'Created',
    'Ports',
    'Labels',
    'State',
    'Status',
    'HostConfig',
    'NetworkSettings',
    'Mounts',
  ]);
  assert.equal(row.Command, "/docker-entrypoint.sh nginx -g 'daemon off;'");
  assert.deepEqual(row.Ports, [
    { PrivatePort: 443, Type: 'tcp' },
    { IP: '127.0.0.1', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
  ]);
  assert.deepEqual(row.HostConfig, { NetworkMode: 'bridge' });
  assert.equal(row.State, 'running');
});

test('ps filters: status, name, exited, label, network, publish, before', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  createNetwork(d, { Name: 'n1' });
  containerCreate(d, 'one', { Image: 'alpine', Cmd: ['true'], Labels: { app: 'x' } });
  containerStart(d, 'one');
  containerCreate(d, 'two', { Image: 'alpine', Cmd: ['sleep', '9'], HostConfig: { NetworkMode: 'n1' } });
  containerStart(d, 'two');
  containerCreate(d, 'three', { Image: 'alpine' });
  const ps = (f: string, all = false): unknown[] =>
    listContainers(d, { all, filters: parseFilters(f) }).map((c) => (c.Names as string[])[0]);
  assert.deepEqual(ps('', true), ['/three', '/two', '/one']);
  assert.deepEqual(ps(''), ['/two']);
  assert.deepEqual(ps('{"status":{"exited":true}}'), ['/one']);
  assert.deepEqual(ps('{"status":{"created":true}}'), ['/three']);
  assert.deepEqual(ps('{"name":{"^t":true}}', true), ['/three', '/two']);
  assert.deepEqual(ps('{"exited":{"0":true}}', true), ['/one']);
  assert.deepEqual(ps('{"label":{"app=x":true}}', true), ['/one']);
  assert.deepEqual(ps('{"network":{"n1":true}}', true), ['/two']);
  assert.deepEqual(ps('{"before":{"two":true}}', true), ['/one']);
  assert.throws(() => ps('{"status":{"sleepy":true}}'), {
    message:
      "invalid filter 'status=sleepy': invalid value for state (sleepy): must be one of created, running, paused, restarting, removing, exited, dead",
  });
});
