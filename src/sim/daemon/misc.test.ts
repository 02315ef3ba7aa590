import assert from 'node:assert/strict';
import test from 'node:test';
import { containerCreate } from './create.ts';
import { containersPrune } from './delete.ts';
import { parseFilters } from './filters.ts';
import { decodeStruct, encodeStruct, f, type GoStruct } from './gostruct.ts';
import { containerEffect, containerLogWrite } from './index.ts';
import { containerLogs } from './logs.ts';
import { placeOf } from './monitor.ts';
import { netMode } from './netmode.ts';
import { createNetwork } from './network.ts';
import { validateEndpointIPAM } from './network-validate.ts';
import { mainProgram, parseSignal, signalOutcome } from './signals.ts';
import { containerStart } from './start.ts';
import { type FakeController, newTestDaemon } from './testkit.ts';

const S: GoStruct = {
  fields: [
    f('Name', 'string'),
    f('Count', 'int'),
    f('Tags', 'slice'),
    f('Extra', 'map', true),
    f('On', 'bool'),
  ],
};

test('decodeStruct is case-insensitive and fills zero values in field order', () => {
  assert.equal(
    JSON.stringify(decodeStruct({ name: 'x', TAGS: ['a'] }, S)),
    '{"Name":"x","Count":0,"Tags":["a"],"Extra":null,"On":false}',
  );
});

test('encodeStruct drops empty omitempty fields and sorts maps', () => {
  assert.equal(
    JSON.stringify(encodeStruct({ Name: 'x', Count: 1, Tags: null, Extra: {}, On: true }, S)),
    '{"Name":"x","Count":1,"Tags":null,"On":true}',
  );
  assert.equal(
    JSON.stringify(encodeStruct({ Name: '', Count: 0, Tags: [], Extra: { b: 1, a: 2 }, On: false }, S)),
    '{"Name":"","Count":0,"Tags":[],"Extra":{"a":2,"b":1},"On":false}',
  );
});

test('parseSignal accepts names with or without SIG and numbers', () => {
  assert.deepEqual(['SIGTERM', 'term', 'KILL', '3'].map(parseSignal), [15, 15, 9, 3]);
  assert.throws(() => parseSignal('SIGNOPE'), { message: 'invalid signal: SIGNOPE' });
  assert.throws(() => parseSignal('0'), { message: 'invalid signal: 0' });
});

test('signalOutcome: PID 1 ignores unhandled signals; servers handle theirs', () => {
  assert.equal(mainProgram(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']), 'nginx');
  assert.equal(mainProgram(['httpd-foreground']), 'httpd');
  assert.deepEqual(signalOutcome(['sleep', '100'], 15, false), { exits: false, exitCode: 0 });
  assert.deepEqual(signalOutcome(['sleep', '100'], 15, true), { exits: true, exitCode: 143 });
  assert.deepEqual(signalOutcome(['/docker-entrypoint.sh', 'nginx'], 3, false), { exits: true, exitCode: 0 });
  assert.deepEqual(signalOutcome(['/docker-entrypoint.sh', 'nginx'], 1, false), {
    exits: false,
    exitCode: 0,
  });
  assert.deepEqual(signalOutcome(['redis-server'], 9, false), { exits: true, exitCode: 137 });
});

test('NetworkMode classifies predefined, container and user-defined modes', () => {
  assert.deepEqual(
    ['bridge', 'host', 'none', 'default', 'container:web', 'mynet'].map((m) => netMode(m).isUserDefined()),
    [false, false, false, false, false, true],
  );
  assert.equal(netMode('container:web').connectedContainer(), 'web');
  assert.equal(netMode('host').isPrivate(), false);
});

test('validateEndpointIPAM checks address syntax before ranges', () => {
  assert.deepEqual(validateEndpointIPAM('300.1.1.1', '', ['10.0.0.0/8']), [
    'invalid IPv4 address: 300.1.1.1',
  ]);
  assert.deepEqual(validateEndpointIPAM('10.1.2.3', '', ['10.0.0.0/8']), []);
  assert.deepEqual(validateEndpointIPAM('10.1.2.3', '', undefined), []);
});

test('--add-host name:host-gateway resolves to the default bridge gateway', () => {
  const { d, ctl } = newTestDaemon({ pull: ['alpine'] });
  containerCreate(d, 'gw', {
    Image: 'alpine',
    Cmd: ['sleep', '9'],
    HostConfig: { ExtraHosts: ['host.docker.internal:host-gateway'] },
  });
  containerStart(d, 'gw');
  const sb = (ctl as FakeController).sbs[0];
  assert.deepEqual(sb.opts.extraHosts, ['host.docker.internal:172.17.0.1']);
});

test("--network container:x shares the other container's namespace and needs it running", () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  containerCreate(d, 'main', { Image: 'alpine', Cmd: ['sleep', '9'] });
  containerCreate(d, 'side', {
    Image: 'alpine',
    Cmd: ['sleep', '9'],
    HostConfig: { NetworkMode: 'container:main' },
  });
  assert.throws(() => containerStart(d, 'side'), {
    message: 'cannot join network namespace of a non running container: container main is created',
  });
  containerStart(d, 'main');
  containerStart(d, 'side');
  assert.equal(placeOf(d, d.getContainer('side')).ns, placeOf(d, d.getContainer('main')).ns);
  assert.equal(placeOf(d, d.getContainer('side')).hostname, d.getContainer('main').id.slice(0, 12));
});

test('the place of a container carries its image tools and output flavour', () => {
  const { d } = newTestDaemon({ pull: ['alpine', 'nginx'] });
  containerCreate(d, 'a1', { Image: 'alpine', Cmd: ['sleep', '9'] });
  containerCreate(d, 'n1', { Image: 'nginx' });
  containerStart(d, 'a1');
  const p = placeOf(d, d.getContainer('a1'));
  assert.equal(p.flavour, 'busybox');
  assert.ok(p.tools !== 'all' && p.tools.has('ping') && !p.tools.has('curl'));
  assert.equal(p.fs.readFile('/etc/alpine-release'), '3.22.1\n');
  const n = placeOf(d, d.getContainer('n1'));
  assert.ok(n.tools !== 'all' && !n.tools.has('ping') && n.tools.has('nginx'));
  assert.deepEqual(p.container, {
    id: d.getContainer('a1').id,
    name: 'a1',
    image: 'alpine',
    capAdd: [],
    privileged: false,
  });
});

test('OomKillDisable is dropped on cgroup v2 hosts, with a warning when it was set', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  assert.deepEqual(
    containerCreate(d, 'o1', { Image: 'alpine', HostConfig: { OomKillDisable: true } }).Warnings,
    ['Your kernel does not support OomKillDisable. OomKillDisable discarded.'],
  );
  assert.equal(d.getContainer('o1').hostConfig.OomKillDisable, null);
});

test('container prune removes stopped containers only', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  const done = containerCreate(d, 'done', { Image: 'alpine', Cmd: ['true'] }).Id;
  containerStart(d, 'done');
  containerCreate(d, 'up', { Image: 'alpine', Cmd: ['sleep', '9'] });
  containerStart(d, 'up');
  assert.deepEqual(containersPrune(d, parseFilters('')), { ContainersDeleted: [done], SpaceReclaimed: 0 });
  assert.deepEqual(
    [...d.containers.values()].map((c) => c.name),
    ['/up'],
  );
});

test('runtime hooks: later output is logged, the start effect is kept', () => {
  const { d, rt } = newTestDaemon({ pull: ['alpine'] });
  rt.script = () => ({
    stdout: '',
    stderr: '',
    exitCode: 0,
    running: true,
    effect: { enter: { containerId: 'x' } },
  });
  const { Id } = containerCreate(d, 'sh1', { Image: 'alpine', Tty: true, OpenStdin: true, Cmd: ['ash'] });
  containerStart(d, 'sh1');
  assert.deepEqual(containerEffect(d, Id), { enter: { containerId: 'x' } });
  containerLogWrite(d, Id, 'stderr', 'late line\n');
  assert.deepEqual(containerLogs(d, 'sh1', { stdout: true, stderr: true }), {
    stdout: 'late line\n',
    stderr: '',
  });
});

test('driver options enable_ipv4/enable_ipv6 must be booleans', () => {
  const { d } = newTestDaemon();
  assert.throws(
    () => createNetwork(d, { Name: 'v6', Options: { 'com.docker.network.enable_ipv6': 'maybe' } }),
    {
      message: 'driver-opt "com.docker.network.enable_ipv6" is not a valid bool',
    },
  );
});
