import assert from 'node:assert/strict';
import test from 'node:test';
import { containerCreate } from './create.ts';
import { containerRm } from './delete.ts';
import { parseFilters } from './filters.ts';
import { containerInspect } from './inspect.ts';
import { containerKill } from './kill.ts';
import { listContainers } from './list.ts';
import { containerLogs } from './logs.ts';
import { createNetwork } from './network.ts';
import { containerRestart } from './restart.ts';
import { containerStart } from './start.ts';
import { containerStop } from './stop.ts';
import { newTestDaemon, ScriptedRuntime } from './testkit.ts';

const errOf = (fn: () => unknown): { kind: string; message: string } => {
  try {
    fn();
  } catch (e) {
    return { kind: (e as { kind: string }).kind, message: (e as Error).message };
  }
  throw new Error('no error');
};
const state = (d: ReturnType<typeof newTestDaemon>['d'], name: string): Record<string, unknown> =>
  containerInspect(d, name).State as Record<string, unknown>;
const status = (d: ReturnType<typeof newTestDaemon>['d']): unknown[] =>
  listContainers(d, { all: true, filters: parseFilters('') }).map(
    (c) => `${(c.Names as string[])[0]} ${c.Status}`,
  );

test('created → running → exited (SIGTERM ignored by PID 1, SIGKILL after 10 s → 137)', () => {
  const { d, world } = newTestDaemon({ pull: ['alpine'] });
  containerCreate(d, 'box', { Image: 'alpine', Cmd: ['sleep', '1000'] });
  assert.equal(state(d, 'box').Status, 'created');
  assert.deepEqual(status(d), ['/box Created']);
  containerStart(d, 'box');
  assert.equal(state(d, 'box').Status, 'running');
  assert.deepEqual(status(d), ['/box Up Less than a second']);
  const before = world.clock.now();
  containerStop(d, 'box');
  assert.ok(world.clock.now() - before >= 10_000, 'stop waited for the grace period');
  assert.deepEqual([state(d, 'box').Status, state(d, 'box').ExitCode], ['exited', 137]);
  world.clock.advance(3000);
  assert.deepEqual(status(d), ['/box Exited (137) 3 seconds ago']);
});

test('nginx stops on its StopSignal (SIGQUIT) with exit code 0', () => {
  const { d } = newTestDaemon({ pull: ['nginx'] });
  containerCreate(d, 'web', { Image: 'nginx' });
  containerStart(d, 'web');
  containerStop(d, 'web');
  assert.equal(state(d, 'web').ExitCode, 0);
});

test('with --init a SIGTERM kills the process: exit 143; kill means 137', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  containerCreate(d, 'a1', { Image: 'alpine', Cmd: ['sleep', '1000'], HostConfig: { Init: true } });
  containerStart(d, 'a1');
  containerStop(d, 'a1', { timeout: 1 });
  assert.equal(state(d, 'a1').ExitCode, 143);
  containerStart(d, 'a1');
  containerKill(d, 'a1');
  assert.equal(state(d, 'a1').ExitCode, 137);
});

test('a process that exits at once leaves the container Exited with its output logged', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  containerCreate(d, 'hello', { Image: 'alpine', Cmd: ['echo', 'hi there'] });
  containerStart(d, 'hello');
  assert.deepEqual([state(d, 'hello').Status, state(d, 'hello').ExitCode], ['exited', 0]);
  assert.deepEqual(containerLogs(d, 'hello', { stdout: true, stderr: true }), {
    stdout: 'hi there\n',
    stderr: '',
  });
  containerCreate(d, 'nope', { Image: 'alpine', Cmd: ['false'] });
  containerStart(d, 'nope');
  assert.equal(state(d, 'nope').ExitCode, 1);
});

test('--rm (AutoRemove) removes the container when it exits', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  containerCreate(d, 'tmp', { Image: 'alpine', Cmd: ['true'], HostConfig: { AutoRemove: true } });
  containerStart(d, 'tmp');
  assert.deepEqual(
    errOf(() => d.getContainer('tmp')),
    { kind: 'notFound', message: 'No such container: tmp' },
  );
});

test('rm of a running container needs -f (28.2 wording quotes the name as given)', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  containerCreate(d, 'web', { Image: 'alpine', Cmd: ['sleep', '100'] });
  containerStart(d, 'web');
  assert.deepEqual(
    errOf(() => containerRm(d, 'web')),
    {
      kind: 'conflict',
      message:
        'cannot remove container "web": container is running: stop the container before removing or force remove',
    },
  );
  containerRm(d, 'web', { force: true });
  assert.equal(d.containers.size, 0);
  assert.equal(errOf(() => containerRm(d, 'web')).message, 'No such container: web');
});

test('start and stop are idempotent with 304 Not Modified', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  containerCreate(d, 'box', { Image: 'alpine', Cmd: ['sleep', '100'] });
  assert.deepEqual(
    errOf(() => containerStop(d, 'box')),
    { kind: 'notModified', message: 'container is already stopped' },
  );
  containerStart(d, 'box');
  assert.deepEqual(
    errOf(() => containerStart(d, 'box')),
    { kind: 'notModified', message: 'container is already running' },
  );
  containerKill(d, 'box');
  assert.deepEqual(
    errOf(() => containerKill(d, 'box')),
    {
      kind: 'conflict',
      message: `cannot kill container: box: container ${d.getContainer('box').id} is not running`,
    },
  );
});

test('create errors: unknown image, name conflict, invalid name, no command', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  assert.deepEqual(
    errOf(() => containerCreate(d, 'x1', { Image: 'nginx' })),
    { kind: 'notFound', message: 'No such image: nginx:latest' },
  );
  const { Id } = containerCreate(d, 'web', { Image: 'alpine' });
  assert.deepEqual(
    errOf(() => containerCreate(d, 'web', { Image: 'alpine' })),
    {
      kind: 'conflict',
      message: `Conflict. The container name "/web" is already in use by container "${Id}". You have to remove (or rename) that container to be able to reuse that name.`,
    },
  );
  assert.equal(
    errOf(() => containerCreate(d, 'bad name', { Image: 'alpine' })).message,
    'Invalid container name (bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed',
  );
  assert.equal(
    errOf(() => containerCreate(d, 'e1', { Image: 'alpine', Entrypoint: [''], Cmd: [] })).message,
    'no command specified',
  );
  assert.equal(
    errOf(() => containerCreate(d, 'e2', undefined)).message,
    'invalid JSON: got EOF while reading request body',
  );
});

test('an unknown network only fails at start, with the 28.x networking prefix', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  containerCreate(d, 'lost', { Image: 'alpine', Cmd: ['sleep', '9'], HostConfig: { NetworkMode: 'nope' } });
  assert.deepEqual(
    errOf(() => containerStart(d, 'lost')),
    { kind: 'notFound', message: 'failed to set up container networking: network nope not found' },
  );
  const s = state(d, 'lost');
  assert.deepEqual(
    [s.Status, s.ExitCode, s.Error],
    ['created', 128, 'failed to set up container networking: network nope not found'],
  );
  assert.equal(d.controller.sandboxes().length, 0);
});

test('a busy host port fails the second start and leaves it Created', () => {
  const { d } = newTestDaemon({ pull: ['nginx'] });
  const body = {
    Image: 'nginx',
    ExposedPorts: { '80/tcp': {} },
    HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } },
  };
  containerCreate(d, 'web1', body);
  containerStart(d, 'web1');
  containerCreate(d, 'web2', body);
  const err = errOf(() => containerStart(d, 'web2'));
  assert.match(
    err.message,
    /^failed to set up container networking: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated$/,
  );
  assert.deepEqual([state(d, 'web2').Status, state(d, 'web2').ExitCode], ['created', 128]);
  assert.deepEqual((containerInspect(d, 'web2').NetworkSettings as Record<string, unknown>).Ports, {});
});

test('restart stops and starts again with a new StartedAt', () => {
  const { d } = newTestDaemon({ pull: ['nginx'] });
  containerCreate(d, 'web', { Image: 'nginx' });
  containerStart(d, 'web');
  const first = state(d, 'web').StartedAt;
  containerRestart(d, 'web');
  assert.equal(state(d, 'web').Status, 'running');
  assert.notEqual(state(d, 'web').StartedAt, first);
});

test('host networking: host name, the ports warning, and sockets dropped on stop', () => {
  const rt = new ScriptedRuntime();
  const { d } = newTestDaemon({ pull: ['nginx'], runtime: rt });
  const res = containerCreate(d, 'hnginx', {
    Image: 'nginx',
    HostConfig: { NetworkMode: 'host', PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } },
  });
  assert.deepEqual(res.Warnings, ['Published ports are discarded when using host network mode']);
  containerStart(d, 'hnginx');
  const c = d.getContainer('hnginx');
  assert.equal((containerInspect(d, 'hnginx').Config as Record<string, unknown>).Hostname, 'host1');
  d.host.ns.sockets.push({
    proto: 'tcp',
    ip: '0.0.0.0',
    port: 80,
    owner: 'nginx',
    ownerId: c.id,
    app: { kind: 'tcp' },
  });
  containerStop(d, 'hnginx');
  assert.equal(d.host.ns.sockets.filter((s) => s.ownerId === c.id).length, 0);
});

test('generated names and IDs are deterministic for a seed', () => {
  const run = (): string[] => {
    const { d } = newTestDaemon({ seed: 42, pull: ['alpine'] });
    createNetwork(d, { Name: 'n1' });
    const a = containerCreate(d, undefined, { Image: 'alpine' }).Id;
    return [a, d.getContainer(a).name];
  };
  assert.deepEqual(run(), run());
  assert.match(run()[1], /^\/[a-z]+_[a-z]+$/);
});
