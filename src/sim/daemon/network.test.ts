import assert from 'node:assert/strict';
import test from 'node:test';
import { containerCreate } from './create.ts';
import { parseFilters } from './filters.ts';
import {
  createNetwork,
  deleteNetwork,
  findNetwork,
  inspectNetwork,
  listNetworks,
  networkResource,
  pruneNetworks,
} from './network.ts';
import { containerStart } from './start.ts';
import { newTestDaemon } from './testkit.ts';

const names = (list: Array<Record<string, unknown>>): unknown[] => list.map((n) => n.Name);
const req = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  Name: name,
  Driver: 'bridge',
  Scope: '',
  IPAM: { Driver: 'default', Options: {}, Config: [] },
  Options: {},
  Labels: {},
  ...extra,
});
const errOf = (fn: () => unknown): { kind: string; message: string } => {
  try {
    fn();
  } catch (e) {
    return { kind: (e as { kind: string }).kind, message: (e as Error).message };
  }
  throw new Error('no error');
};

test('a fresh daemon has none, host and bridge (docker0 on 172.17.0.0/16)', () => {
  const { d } = newTestDaemon();
  assert.deepEqual(
    d.networks().map((n) => [n.name, n.type]),
    [
      ['none', 'null'],
      ['host', 'host'],
      ['bridge', 'bridge'],
    ],
  );
  const bridge = inspectNetwork(d, 'bridge');
  assert.deepEqual(bridge.IPAM, {
    Driver: 'default',
    Options: null,
    Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }],
  });
  assert.deepEqual(bridge.Options, {
    'com.docker.network.bridge.default_bridge': 'true',
    'com.docker.network.bridge.enable_icc': 'true',
    'com.docker.network.bridge.enable_ip_masquerade': 'true',
    'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
    'com.docker.network.bridge.name': 'docker0',
    'com.docker.network.driver.mtu': '1500',
  });
  assert.deepEqual(inspectNetwork(d, 'host').IPAM, { Driver: 'default', Options: null, Config: null });
});

test('network inspect keeps moby v28 key order', () => {
  const { d } = newTestDaemon();
  const { Id } = createNetwork(d, req('alpine-net'));
  const doc = inspectNetwork(d, 'alpine-net');
  assert.deepEqual(Object.keys(doc), [
    'Name',
    'Id',
    'Created',
    'Scope',
    'Driver',
    'EnableIPv4',
    'EnableIPv6',
    'IPAM',
    'Internal',
    'Attachable',
    'Ingress',
    'ConfigFrom',
    'ConfigOnly',
    'Containers',
    'Options',
    'Labels',
  ]);
  assert.equal(
    JSON.stringify({ ...doc, Created: 'T' }),
    JSON.stringify({
      Name: 'alpine-net',
      Id,
      Created: 'T',
      Scope: 'local',
      Driver: 'bridge',
      EnableIPv4: true,
      EnableIPv6: false,
      IPAM: { Driver: 'default', Options: {}, Config: [{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }] },
      Internal: false,
      Attachable: false,
      Ingress: false,
      ConfigFrom: { Network: '' },
      ConfigOnly: false,
      Containers: {},
      Options: {},
      Labels: {},
    }),
  );
  assert.match(doc.Created as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/);
});

test('inspect lists attached containers by ID', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  createNetwork(d, req('mynet'));
  const { Id } = containerCreate(d, 'c1', {
    Image: 'alpine',
    Cmd: ['sleep', '100'],
    HostConfig: { NetworkMode: 'mynet' },
  });
  containerStart(d, 'c1');
  const c = inspectNetwork(d, 'mynet').Containers as Record<string, Record<string, string>>;
  assert.deepEqual(Object.keys(c), [Id]);
  assert.deepEqual(Object.keys(c[Id]), ['Name', 'EndpointID', 'MacAddress', 'IPv4Address', 'IPv6Address']);
  assert.equal(c[Id].Name, 'c1');
  assert.equal(c[Id].IPv4Address, '172.18.0.2/16');
  assert.equal(c[Id].IPv6Address, '');
});

test('predefined names cannot be created or removed', () => {
  const { d } = newTestDaemon();
  for (const name of ['bridge', 'host', 'none', 'default']) {
    assert.deepEqual(
      errOf(() => createNetwork(d, req(name))),
      { kind: 'forbidden', message: `operation is not permitted on predefined ${name} network ` },
    );
  }
  for (const name of ['bridge', 'host', 'none']) {
    assert.deepEqual(
      errOf(() => deleteNetwork(d, name)),
      { kind: 'forbidden', message: `${name} is a pre-defined network and cannot be removed` },
    );
  }
});

test('create errors: overlay without swarm, swarm scope, duplicate name, bad driver', () => {
  const { d } = newTestDaemon();
  assert.deepEqual(
    errOf(() => createNetwork(d, req('o', { Driver: 'overlay' }))),
    {
      kind: 'forbidden',
      message:
        'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
    },
  );
  assert.equal(
    errOf(() => createNetwork(d, req('s', { Scope: 'swarm' }))).message,
    'cannot create a swarm scoped network when swarm is not active',
  );
  createNetwork(d, req('mynet'));
  assert.deepEqual(
    errOf(() => createNetwork(d, req('mynet'))),
    { kind: 'conflict', message: 'network with name mynet already exists' },
  );
  assert.deepEqual(
    errOf(() => createNetwork(d, req('x', { Driver: 'foo' }))),
    { kind: 'notFound', message: 'plugin "foo" not found' },
  );
});

test('IPAM validation reports every bad field like ValidateIPAM', () => {
  const { d } = newTestDaemon();
  const ipam = (cfg: Record<string, unknown>): Record<string, unknown> =>
    req('n', { IPAM: { Driver: 'default', Options: {}, Config: [cfg] } });
  assert.deepEqual(
    errOf(() => createNetwork(d, ipam({ Subnet: '172.20.0.1/16' }))),
    {
      kind: 'invalidParameter',
      message: 'invalid network config:\ninvalid subnet 172.20.0.1/16: it should be 172.20.0.0/16',
    },
  );
  assert.equal(
    errOf(() => createNetwork(d, ipam({ Subnet: 'nope' }))).message,
    'invalid network config:\ninvalid subnet nope: invalid CIDR block notation',
  );
  assert.equal(
    errOf(() => createNetwork(d, ipam({ Subnet: '10.1.0.0/16', Gateway: '10.2.0.1', IPRange: '10.1.0.0/8' })))
      .message,
    "invalid network config:\n* invalid ip-range 10.1.0.0/8: CIDR block is bigger than its parent subnet 10.1.0.0/16\n* invalid ip-range 10.1.0.0/8: it should be 10.0.0.0/8\n* invalid gateway 10.2.0.1: parent subnet 10.1.0.0/16 doesn't contain this address",
  );
  assert.equal(
    errOf(() => createNetwork(d, ipam({ Subnet: '10.1.0.0/16', AuxiliaryAddresses: { h: '10.9.0.1' } })))
      .message,
    "invalid network config:\ninvalid auxiliary address h: parent subnet 10.1.0.0/16 doesn't contain this address",
  );
});

test('FindNetwork: ID, then name, then ID prefix, with ambiguity errors', () => {
  const { d } = newTestDaemon();
  const a = createNetwork(d, req('alpha')).Id;
  createNetwork(d, req('beta'));
  assert.equal(findNetwork(d, a).name, 'alpha');
  assert.equal(findNetwork(d, a.slice(0, 6)).name, 'alpha');
  assert.equal(findNetwork(d, 'beta').name, 'beta');
  assert.deepEqual(
    errOf(() => findNetwork(d, '')),
    { kind: 'invalidParameter', message: 'network  is ambiguous (5 matches found based on ID prefix)' },
  );
  assert.deepEqual(
    errOf(() => findNetwork(d, 'nope')),
    { kind: 'notFound', message: 'network nope not found' },
  );
  assert.equal(
    errOf(() => inspectNetwork(d, '')).message,
    '5 matches found based on ID prefix: network  is ambiguous',
  );
});

test('removing a network with endpoints lists them; it goes once the container is gone', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  createNetwork(d, req('mynet'));
  containerCreate(d, 'web', { Image: 'alpine', Cmd: ['sleep', '100'], HostConfig: { NetworkMode: 'mynet' } });
  containerStart(d, 'web');
  const epId = (inspectNetwork(d, 'mynet').Containers as Record<string, { EndpointID: string }>)[
    d.getContainer('web').id
  ].EndpointID;
  assert.deepEqual(
    errOf(() => deleteNetwork(d, 'mynet')),
    {
      kind: 'forbidden',
      message: `error while removing network: network mynet has active endpoints (name:"web" id:"${epId.slice(0, 12)}")`,
    },
  );
  assert.deepEqual(
    errOf(() => deleteNetwork(d, 'nosuchnet')),
    { kind: 'notFound', message: 'network nosuchnet not found' },
  );
});

test('network ls filters: driver, name (regexp), id, type, scope', () => {
  const { d } = newTestDaemon();
  createNetwork(d, req('front'));
  createNetwork(d, req('back', { Labels: { tier: 'db' } }));
  const ls = (f: string): unknown[] => names(listNetworks(d, parseFilters(f)));
  assert.deepEqual(ls(''), ['none', 'host', 'bridge', 'front', 'back']);
  assert.deepEqual(ls('{"driver":{"bridge":true}}'), ['bridge', 'front', 'back']);
  assert.deepEqual(ls('{"name":{"^b":true}}'), ['bridge', 'back']);
  assert.deepEqual(ls('{"type":{"custom":true}}'), ['front', 'back']);
  assert.deepEqual(ls('{"type":{"builtin":true}}'), ['none', 'host', 'bridge']);
  assert.deepEqual(ls('{"label":{"tier=db":true}}'), ['back']);
  assert.deepEqual(ls('{"scope":{"swarm":true}}'), []);
});

test('network ls rejects unknown filters and bad values', () => {
  const { d } = newTestDaemon();
  assert.deepEqual(
    errOf(() => listNetworks(d, parseFilters('{"colour":{"x":true}}'))),
    { kind: 'invalidParameter', message: "invalid filter 'colour'" },
  );
  assert.deepEqual(
    errOf(() => listNetworks(d, parseFilters('{"type":{"odd":true}}'))),
    { kind: 'system', message: "invalid filter: 'type'='odd'" },
  );
  assert.equal(
    errOf(() => listNetworks(d, parseFilters('{"dangling":{"maybe":true}}'))).message,
    'invalid value for filter \'dangling\', must be "true" (or "1"), or "false" (or "0")',
  );
});

test('list resources have an empty Containers map (API >= 1.28)', () => {
  const { d } = newTestDaemon();
  const bridge = d.networks().find((n) => n.name === 'bridge');
  assert.ok(bridge);
  assert.deepEqual(networkResource(d, bridge, false).Containers, {});
});

test('prune removes only unused custom networks and reports their names', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  createNetwork(d, req('unused1'));
  createNetwork(d, req('used'));
  createNetwork(d, req('unused2'));
  containerCreate(d, 'c1', { Image: 'alpine', Cmd: ['sleep', '9'], HostConfig: { NetworkMode: 'used' } });
  containerStart(d, 'c1');
  assert.deepEqual(pruneNetworks(d, parseFilters('')), { NetworksDeleted: ['unused1', 'unused2'] });
  assert.deepEqual(pruneNetworks(d, parseFilters('')), { NetworksDeleted: null });
  assert.deepEqual(names(listNetworks(d, parseFilters(''))), ['none', 'host', 'bridge', 'used']);
});
