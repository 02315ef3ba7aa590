import assert from 'node:assert/strict';
import test from 'node:test';
import { containerCreate } from './create.ts';
import { containerInspect } from './inspect.ts';
import { createNetwork, inspectNetwork } from './network.ts';
import { networkConnect, networkDisconnect } from './network-connect.ts';
import { containerStart } from './start.ts';
import { containerStop } from './stop.ts';
import { newTestDaemon } from './testkit.ts';

const errOf = (fn: () => unknown): { kind: string; message: string } => {
  try {
    fn();
  } catch (e) {
    return { kind: (e as { kind: string }).kind, message: (e as Error).message };
  }
  throw new Error('no error');
};

function setup(): ReturnType<typeof newTestDaemon> {
  const t = newTestDaemon({ pull: ['alpine'] });
  createNetwork(t.d, { Name: 'mynet' });
  createNetwork(t.d, { Name: 'subnet', IPAM: { Driver: 'default', Config: [{ Subnet: '10.5.0.0/24' }] } });
  containerCreate(t.d, 'web', { Image: 'alpine', Cmd: ['sleep', '100'] });
  containerStart(t.d, 'web');
  return t;
}
const networksOf = (d: ReturnType<typeof newTestDaemon>['d'], name: string): string[] =>
  Object.keys((containerInspect(d, name).NetworkSettings as { Networks: object }).Networks);

test('connect a running container: a second endpoint, with DNS names', () => {
  const { d } = setup();
  networkConnect(d, 'mynet', { Container: 'web', EndpointConfig: { Aliases: ['api'] } });
  assert.deepEqual(networksOf(d, 'web'), ['bridge', 'mynet']);
  const ep = (
    containerInspect(d, 'web').NetworkSettings as { Networks: Record<string, Record<string, unknown>> }
  ).Networks.mynet;
  assert.deepEqual(ep.Aliases, ['api']);
  assert.deepEqual(ep.DNSNames, ['web', 'api', d.getContainer('web').id.slice(0, 12)]);
  assert.equal(ep.IPAddress, '172.18.0.2');
});

test('connecting twice: endpoint with name … already exists', () => {
  const { d } = setup();
  networkConnect(d, 'mynet', { Container: 'web' });
  assert.deepEqual(
    errOf(() => networkConnect(d, 'mynet', { Container: 'web' })),
    { kind: 'forbidden', message: 'endpoint with name web already exists in network mynet' },
  );
});

test('unknown network or container', () => {
  const { d } = setup();
  assert.deepEqual(
    errOf(() => networkConnect(d, 'nosuchnet', { Container: 'web' })),
    { kind: 'notFound', message: 'network nosuchnet not found' },
  );
  assert.deepEqual(
    errOf(() => networkConnect(d, 'mynet', { Container: 'ghost' })),
    { kind: 'notFound', message: 'No such container: ghost' },
  );
});

test('host network rules of 28.1+', () => {
  const { d } = setup();
  assert.deepEqual(
    errOf(() => networkConnect(d, 'host', { Container: 'web' })),
    {
      kind: 'invalidParameter',
      message: 'cannot connect container to host network - container must be created in host network mode',
    },
  );
  containerCreate(d, 'hc', { Image: 'alpine', Cmd: ['sleep', '9'], HostConfig: { NetworkMode: 'host' } });
  containerStart(d, 'hc');
  assert.deepEqual(
    errOf(() => networkConnect(d, 'mynet', { Container: 'hc' })),
    {
      kind: 'invalidParameter',
      message:
        'container sharing network namespace with another container or host cannot be connected to any other network',
    },
  );
  assert.deepEqual(
    errOf(() => networkDisconnect(d, 'host', { Container: 'hc' })),
    {
      kind: 'invalidParameter',
      message: 'cannot disconnect container from host network - container was created in host network mode',
    },
  );
});

test('none cannot be combined with another network', () => {
  const { d } = setup();
  containerCreate(d, 'nn', { Image: 'alpine', Cmd: ['sleep', '9'], HostConfig: { NetworkMode: 'none' } });
  containerStart(d, 'nn');
  assert.deepEqual(
    errOf(() => networkConnect(d, 'mynet', { Container: 'nn' })),
    {
      kind: 'invalidParameter',
      message:
        'container cannot be connected to multiple networks with one of the networks in private (none) mode',
    },
  );
});

test('aliases and static IPs need a user-defined network', () => {
  const { d } = setup();
  assert.equal(
    errOf(() => networkConnect(d, 'bridge', { Container: 'web', EndpointConfig: { Aliases: ['x'] } }))
      .message,
    'invalid endpoint settings:\nnetwork-scoped alias is supported only for containers in user defined networks',
  );
  assert.equal(
    errOf(() =>
      containerCreate(d, 'ip1', {
        Image: 'alpine',
        NetworkingConfig: { EndpointsConfig: { default: { IPAMConfig: { IPv4Address: '172.17.0.9' } } } },
      }),
    ).message,
    'invalid config for network bridge: invalid endpoint settings:\nuser specified IP address is supported on user defined networks only',
  );
});

test('static IPs: only with a configured subnet, inside it', () => {
  const { d } = setup();
  assert.deepEqual(
    errOf(() =>
      networkConnect(d, 'mynet', {
        Container: 'web',
        EndpointConfig: { IPAMConfig: { IPv4Address: '172.18.0.9' } },
      }),
    ),
    {
      kind: 'invalidParameter',
      message:
        'invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets',
    },
  );
  assert.equal(
    errOf(() =>
      networkConnect(d, 'subnet', {
        Container: 'web',
        EndpointConfig: { IPAMConfig: { IPv4Address: '10.9.9.9' } },
      }),
    ).message,
    'invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.9.9.9',
  );
  networkConnect(d, 'subnet', {
    Container: 'web',
    EndpointConfig: { IPAMConfig: { IPv4Address: '10.5.0.50' } },
  });
  const ep = (
    containerInspect(d, 'web').NetworkSettings as { Networks: Record<string, Record<string, unknown>> }
  ).Networks.subnet;
  assert.deepEqual([ep.IPAddress, ep.IPAMConfig], ['10.5.0.50', { IPv4Address: '10.5.0.50' }]);
});

test('disconnect: running and stopped containers that are not members', () => {
  const { d } = setup();
  const id = d.getContainer('web').id;
  assert.deepEqual(
    errOf(() => networkDisconnect(d, 'mynet', { Container: 'web' })),
    { kind: 'system', message: `container ${id} is not connected to network mynet` },
  );
  containerStop(d, 'web');
  assert.deepEqual(
    errOf(() => networkDisconnect(d, 'mynet', { Container: 'web' })),
    { kind: 'system', message: `container ${id} is not connected to the network mynet` },
  );
});

test('disconnect removes the endpoint; a stopped container connects without an endpoint', () => {
  const { d } = setup();
  networkConnect(d, 'mynet', { Container: 'web' });
  networkDisconnect(d, 'mynet', { Container: 'web' });
  assert.deepEqual(inspectNetwork(d, 'mynet').Containers, {});
  assert.deepEqual(networksOf(d, 'web'), ['bridge']);
  containerStop(d, 'web');
  networkConnect(d, 'mynet', { Container: 'web' });
  assert.deepEqual(networksOf(d, 'web'), ['bridge', 'mynet']);
  assert.deepEqual(inspectNetwork(d, 'mynet').Containers, {});
  containerStart(d, 'web');
  assert.equal(Object.keys(inspectNetwork(d, 'mynet').Containers as object).length, 1);
});

test('a stopped container may be "connected" to a network that does not exist yet', () => {
  const { d } = setup();
  containerStop(d, 'web');
  networkConnect(d, 'later', { Container: 'web' });
  assert.deepEqual(networksOf(d, 'web'), ['bridge', 'later']);
  assert.equal(
    errOf(() => containerStart(d, 'web')).message,
    'failed to set up container networking: network later not found',
  );
});
