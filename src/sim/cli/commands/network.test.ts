import assert from 'node:assert/strict';
import { test } from 'node:test';
import { err, FakeApi, ok } from '../testdata/fake_api.ts';
import { docker } from '../testdata/run.ts';

const BRIDGE_ID = '7b369448dccb5d8e8c3d8e1f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d';
const SUMMARIES = [
  {
    Name: 'none',
    Id: '18a2866682b8' + '0'.repeat(52),
    Created: '2026-01-05T08:00:00.123456789Z',
    Scope: 'local',
    Driver: 'null',
    EnableIPv4: true,
    EnableIPv6: false,
    Internal: false,
    Labels: {},
  },
  {
    Name: 'network-10',
    Id: 'aa' + '1'.repeat(62),
    Created: '2026-01-05T08:00:00Z',
    Scope: 'local',
    Driver: 'bridge',
    EnableIPv4: true,
    EnableIPv6: true,
    Internal: true,
    Labels: { env: 'prod', team: 'a' },
  },
  {
    Name: 'bridge',
    Id: BRIDGE_ID,
    Created: '2026-01-05T08:00:00Z',
    Scope: 'local',
    Driver: 'bridge',
    EnableIPv4: true,
    EnableIPv6: false,
    Internal: false,
    Labels: {},
  },
  {
    Name: 'network-2',
    Id: 'bb' + '2'.repeat(62),
    Created: '2026-01-05T08:00:00Z',
    Scope: 'local',
    Driver: 'bridge',
    EnableIPv4: true,
    EnableIPv6: false,
    Internal: false,
    Labels: {},
  },
];

function api(): FakeApi {
  const a = new FakeApi();
  a.on('GET', '/networks', ok(SUMMARIES));
  a.on(
    'GET',
    '/networks/bridge',
    ok({
      Name: 'bridge',
      Id: BRIDGE_ID,
      Created: '2026-01-05T08:00:00Z',
      Scope: 'local',
      Driver: 'bridge',
      EnableIPv4: true,
      EnableIPv6: false,
      IPAM: {
        Driver: 'default',
        Options: null,
        Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }],
      },
      Internal: false,
      Attachable: false,
      Ingress: false,
      ConfigFrom: { Network: '' },
      ConfigOnly: false,
      Containers: {},
      Options: { 'com.docker.network.bridge.name': 'docker0' },
      Labels: {},
    }),
  );
  a.on('GET', /^\/networks\/(nope|ghost)$/, (_r, m) => err(404, `network ${m[1]} not found`));
  return a;
}

test('network ls: natural sort by name, truncated IDs, table layout', () => {
  const r = docker(api(), 'network ls');
  assert.equal(
    r.stdout,
    'NETWORK ID     NAME         DRIVER    SCOPE\n' +
      '7b369448dccb   bridge       bridge    local\n' +
      'bbbbbbbbbbbb   network-2    bridge    local\n'.replace('bbbbbbbbbbbb', 'bb2222222222') +
      'aa1111111111   network-10   bridge    local\n' +
      '18a2866682b8   none         null      local\n',
  );
  assert.equal(r.exitCode, 0);
});

test('network ls -q and --no-trunc', () => {
  assert.equal(
    docker(api(), 'network ls -q').stdout,
    '7b369448dccb\nbb2222222222\naa1111111111\n18a2866682b8\n',
  );
  assert.equal(docker(api(), 'network ls -q --no-trunc').stdout.split('\n')[0], BRIDGE_ID);
});

test('network ls --filter is sent as dockerd JSON filters', () => {
  const a = api();
  docker(a, ['network', 'ls', '-f', 'driver=bridge', '--filter', 'name=net']);
  assert.equal(a.requests[0].query?.filters, '{"driver":{"bridge":true},"name":{"net":true}}');
});

test('network ls --format fields IPv4 IPv6 Internal Labels Label CreatedAt', () => {
  const r = docker(api(), [
    'network',
    'ls',
    '--format',
    '{{.Name}} {{.IPv4}} {{.IPv6}} {{.Internal}} [{{.Labels}}] [{{.Label "env"}}]',
  ]);
  assert.equal(r.stdout.split('\n')[2], 'network-10 true true true [env=prod,team=a] [prod]');
  const c = docker(api(), ['network', 'ls', '--format', '{{.CreatedAt}}']);
  assert.equal(c.stdout.split('\n')[3], '2026-01-05 08:00:00.123456789 +0000 UTC');
});

test('network ls --format table and json', () => {
  const t = docker(api(), ['network', 'ls', '--format', 'table {{.Name}}\t{{.Driver}}']);
  assert.equal(t.stdout.split('\n')[0], 'NAME         DRIVER');
  const j = docker(api(), ['network', 'ls', '--format', 'json']);
  assert.equal(
    j.stdout.split('\n')[0],
    '{"CreatedAt":"2026-01-05 08:00:00 +0000 UTC","Driver":"bridge","ID":"7b369448dccb","IPv4":"true","IPv6":"false","Internal":"false","Labels":"","Name":"bridge","Scope":"local"}',
  );
});

test('network ls with a bad template', () => {
  const r = docker(api(), ['network', 'ls', '--format', '{{.Foo}}']);
  assert.equal(
    r.stderr,
    'template parsing error: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *network.networkContext\n',
  );
  assert.equal(r.exitCode, 1);
  const p = docker(api(), ['network', 'ls', '--format', '{{foo}}']);
  assert.equal(p.stderr, 'template parsing error: template: :1: function "foo" not defined\n');
});

test('network inspect: 4-space indented array; missing ones on stderr, exit 1', () => {
  const r = docker(api(), 'network inspect bridge nope');
  assert.ok(r.stdout.startsWith('[\n    {\n        "Name": "bridge",\n        "Id": "7b369448'));
  assert.ok(r.stdout.endsWith('        "Labels": {}\n    }\n]\n'));
  assert.equal(r.stderr, 'Error response from daemon: network nope not found\n');
  assert.equal(r.exitCode, 1);
  const none = docker(api(), 'network inspect nope ghost');
  assert.equal(none.stdout, '[]\n');
  assert.equal(
    none.stderr,
    'Error response from daemon: network nope not found\nError response from daemon: network ghost not found\n',
  );
});

test('network inspect -f templates, ID alias and raw-map errors', () => {
  assert.equal(
    docker(api(), ['network', 'inspect', '-f', '{{.Name}} {{.ID}}', 'bridge']).stdout,
    `bridge ${BRIDGE_ID}\n`,
  );
  assert.equal(
    docker(api(), ['network', 'inspect', '-f', '{{range .IPAM.Config}}{{.Subnet}}{{end}}', 'bridge']).stdout,
    '172.17.0.0/16\n',
  );
  assert.equal(
    docker(api(), ['network', 'inspect', '--format', '{{json .Options}}', 'bridge']).stdout,
    '{"com.docker.network.bridge.name":"docker0"}\n',
  );
  assert.equal(
    docker(api(), [
      'network',
      'inspect',
      '-f',
      '{{.Created}} {{.IPAM.Options}} {{json .IPAM.Options}}',
      'bridge',
    ]).stdout,
    '2026-01-05 08:00:00 +0000 UTC map[] null\n',
  );
  const bad = docker(api(), ['network', 'inspect', '-f', '{{.Foo}}', 'bridge']);
  assert.equal(bad.stdout, '\n');
  assert.equal(
    bad.stderr,
    'template parsing error: template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"\n',
  );
  const parse = docker(api(), ['network', 'inspect', '-f', '{{.Foo', 'bridge']);
  assert.equal(parse.stderr, 'template parsing error: template: :1: unclosed action\n');
  assert.equal(parse.exitCode, 64);
});

test('network create builds the POST /networks/create body and prints the ID', () => {
  const a = new FakeApi();
  a.on('POST', '/networks/create', { status: 201, json: { Id: 'c'.repeat(64), Warning: '' } });
  const r = docker(a, [
    'network',
    'create',
    '-d',
    'bridge',
    '--subnet',
    '172.20.0.0/16',
    '--ip-range',
    '172.20.10.0/24',
    '--gateway',
    '172.20.0.254',
    '--aux-address',
    'host1=172.20.1.5',
    '-o',
    'com.docker.network.bridge.name=br-x',
    '--label',
    'env=dev',
    '--internal',
    '--attachable',
    'my-net',
  ]);
  assert.equal(r.stdout, `${'c'.repeat(64)}\n`);
  assert.deepEqual(a.requests[0].body, {
    Name: 'my-net',
    Driver: 'bridge',
    Scope: '',
    IPAM: {
      Driver: 'default',
      Config: [
        {
          Subnet: '172.20.0.0/16',
          IPRange: '172.20.10.0/24',
          Gateway: '172.20.0.254',
          AuxiliaryAddresses: { host1: '172.20.1.5' },
        },
      ],
      Options: {},
    },
    Internal: true,
    Attachable: true,
    Ingress: false,
    ConfigOnly: false,
    Options: { 'com.docker.network.bridge.name': 'br-x' },
    Labels: { env: 'dev' },
  });
});

test('network create sends EnableIPv6 only when --ipv6 was given', () => {
  const a = new FakeApi();
  a.on('POST', '/networks/create', { status: 201, json: { Id: 'x' } });
  docker(a, 'network create --ipv6 v6net');
  assert.equal((a.requests[0].body as Record<string, unknown>).EnableIPv6, true);
  assert.equal('EnableIPv4' in (a.requests[0].body as object), false);
});

test('network create client-side IPAM validation', () => {
  const a = new FakeApi();
  assert.equal(
    docker(a, 'network create --gateway 10.0.0.1 n').stderr,
    'every ip-range or gateway must have a corresponding subnet\n',
  );
  assert.equal(
    docker(a, 'network create --subnet 10.0.0.0/16 --subnet 10.0.1.0/24 n').stderr,
    'multiple overlapping subnet configuration is not supported\n',
  );
  assert.equal(
    docker(a, 'network create --subnet 10.0.0.0/16 --gateway 10.1.0.1 n').stderr,
    'no matching subnet for gateway 10.1.0.1\n',
  );
  assert.equal(
    docker(a, 'network create --subnet 10.0.0.0/16 --subnet bogus n').stderr,
    'invalid subnet: invalid CIDR address: bogus\n',
  );
  assert.equal(a.requests.length, 0);
});

test('network create daemon error and arg count error', () => {
  const a = new FakeApi();
  a.on('POST', '/networks/create', err(409, 'network with name mynet already exists'));
  const r = docker(a, 'network create mynet');
  assert.equal(r.stderr, 'Error response from daemon: network with name mynet already exists\n');
  assert.equal(r.exitCode, 1);
  const u = docker(a, 'network create a b');
  assert.equal(
    u.stderr,
    "docker: 'docker network create' requires 1 argument\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information\n",
  );
  assert.equal(u.exitCode, 1);
});

test('network rm: names as typed, partial failure exit 1 with "exit status 1", -f ignores missing', () => {
  const a = api();
  a.on('DELETE', /^\/networks\/(network-2|bridge|nope|7b369448dccb)$/, (_r, m) =>
    m[1] === 'bridge'
      ? err(403, 'bridge is a pre-defined network and cannot be removed')
      : m[1] === 'nope'
        ? err(404, 'network nope not found')
        : { status: 204 },
  );
  const r = docker(a, 'network rm network-2 bridge nope 7b369448dccb');
  assert.equal(r.stdout, 'network-2\n7b369448dccb\n');
  assert.equal(
    r.stderr,
    'Error response from daemon: bridge is a pre-defined network and cannot be removed\nError response from daemon: network nope not found\nexit status 1\n',
  );
  assert.equal(r.exitCode, 1);
  const f = docker(a, 'network rm -f nope network-2');
  assert.deepEqual([f.stdout, f.stderr, f.exitCode], ['network-2\n', '', 0]);
});

test('network connect / disconnect bodies', () => {
  const a = new FakeApi();
  a.on('POST', '/networks/n1/connect', { status: 200 });
  a.on('POST', '/networks/n1/disconnect', { status: 200 });
  const r = docker(a, 'network connect --alias db --alias pg --ip 172.20.0.9 n1 web');
  assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['', '', 0]);
  const body = a.requests[0].body as { Container: string; EndpointConfig: Record<string, unknown> };
  assert.equal(body.Container, 'web');
  assert.deepEqual(body.EndpointConfig.Aliases, ['db', 'pg']);
  assert.deepEqual(body.EndpointConfig.IPAMConfig, {
    IPv4Address: '172.20.0.9',
    IPv6Address: undefined,
    LinkLocalIPs: undefined,
  });
  docker(a, 'network disconnect -f n1 web');
  assert.deepEqual(a.requests[1].body, { Container: 'web', Force: true });
});

test('network connect error from the daemon', () => {
  const a = new FakeApi();
  a.on(
    'POST',
    '/networks/host/connect',
    err(403, 'cannot connect container to host network - container must be created in host network mode'),
  );
  const r = docker(a, 'network connect host web');
  assert.equal(
    r.stderr,
    'Error response from daemon: cannot connect container to host network - container must be created in host network mode\n',
  );
});

test('network prune: -f output, prompt with empty stdin cancels silently', () => {
  const a = new FakeApi();
  a.on('POST', '/networks/prune', ok({ NetworksDeleted: ['n1', 'n2'] }));
  assert.equal(docker(a, 'network prune -f').stdout, 'Deleted Networks:\nn1\nn2\n\n');
  const c = docker(a, 'network prune');
  assert.equal(
    c.stdout,
    'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ',
  );
  assert.deepEqual([c.stderr, c.exitCode], ['', 0]);
  assert.equal(a.requests.length, 1);
  const y = docker(a, 'network prune', 'y\n');
  assert.ok(y.stdout.endsWith('[y/N] Deleted Networks:\nn1\nn2\n\n'));
  const empty = new FakeApi();
  empty.on('POST', '/networks/prune', ok({ NetworksDeleted: null }));
  assert.equal(docker(empty, 'network prune -f').stdout, '');
});
