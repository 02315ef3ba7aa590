// Tests for controller.go NewNetwork: predefined networks, subnet choice, dockerd error messages, the datastore.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSimError } from '../errdefs.ts';
import { newTestBed } from './testutil.ts';

const opts = (o: Record<string, unknown> = {}) => ({
  created: 0,
  driverOpts: {},
  labels: {},
  ipam: { driver: 'default', options: {}, config: [] },
  ...o,
});

function throwsSim(fn: () => unknown, kind: string, message: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(isSimError(e), `not a SimError: ${String(e)}`);
    assert.equal(e.message, message);
    assert.equal(e.kind, kind);
    return true;
  });
}

describe('Controller predefined networks', () => {
  it('creates none, host and bridge with the right drivers, scopes and IPAM', () => {
    const { c } = newTestBed();
    assert.deepEqual(
      c.networks().map((n) => [n.name, n.type, n.scope]),
      [
        ['none', 'null', 'local'],
        ['host', 'host', 'local'],
        ['bridge', 'bridge', 'local'],
      ],
    );
    assert.deepEqual(c.networkByName('bridge')!.ipamConfig(), [
      { subnet: '172.17.0.0/16', gateway: '172.17.0.1' },
    ]);
    assert.deepEqual(c.networkByName('host')!.ipamConfig(), []);
    assert.equal(c.networkByName('bridge')!.ipamOptions, null);
  });

  it('honours --bip for docker0', () => {
    const { c, host } = newTestBed({ bip: '10.99.0.1/24' });
    assert.deepEqual(c.networkByName('bridge')!.ipamConfig(), [
      { subnet: '10.99.0.0/24', gateway: '10.99.0.1' },
    ]);
    assert.deepEqual(
      host.ns.links.find((l) => l.name === 'docker0')!.addrs.map((a) => `${a.ip}/${a.prefixLen}`),
      ['10.99.0.1/24'],
    );
  });

  it('refuses a second null or host network', () => {
    const { c } = newTestBed();
    throwsSim(
      () => c.newNetwork('null', 'none2', '', opts()),
      'forbidden',
      'only one instance of "null" network is allowed',
    );
  });
});

describe('Controller.newNetwork subnets (linear allocator)', () => {
  it('gives user networks 172.18…172.31, then skips 192.168.0.0/20 (host LAN) for 192.168.16.0/20', () => {
    const { c } = newTestBed();
    const subnets = Array.from(
      { length: 15 },
      (_, i) => c.newNetwork('bridge', `n${i}`, '', opts()).ipamConfig()[0].subnet,
    );
    assert.deepEqual(subnets, [
      ...Array.from({ length: 14 }, (_, i) => `172.${18 + i}.0.0/16`),
      '192.168.16.0/20',
    ]);
  });

  it('reuses a deleted network subnet for the next network', () => {
    const { c } = newTestBed();
    c.newNetwork('bridge', 'a', '', opts());
    const b = c.newNetwork('bridge', 'b', '', opts());
    c.newNetwork('bridge', 'c', '', opts());
    b.delete();
    assert.deepEqual(c.newNetwork('bridge', 'd', '', opts()).ipamConfig(), [
      { subnet: '172.19.0.0/16', gateway: '172.19.0.1' },
    ]);
  });

  it('shows user config as given: subnet only, no gateway, when --gateway is not passed', () => {
    const { c } = newTestBed();
    const n = c.newNetwork(
      'bridge',
      'u',
      '',
      opts({
        ipam: {
          driver: 'default',
          options: {},
          config: [{ subnet: '10.10.0.0/16', ipRange: '10.10.5.0/24', auxAddresses: { r: '10.10.0.5' } }],
        },
      }),
    );
    assert.deepEqual(n.ipamConfig(), [
      { subnet: '10.10.0.0/16', ipRange: '10.10.5.0/24', auxAddresses: { r: '10.10.0.5' } },
    ]);
    assert.equal(n.ipamV4Info[0].data.gateway, '10.10.5.0/16');
  });
});

describe('Controller.newNetwork errors', () => {
  it('rejects duplicate and empty names', () => {
    const { c } = newTestBed();
    c.newNetwork('bridge', 'mynet', '', opts());
    throwsSim(
      () => c.newNetwork('bridge', 'mynet', '', opts()),
      'conflict',
      'network with name mynet already exists',
    );
    throwsSim(
      () => c.newNetwork('bridge', '  ', '', opts()),
      'invalidParameter',
      'invalid name: name is empty',
    );
  });

  it('reports an unknown driver as a missing plugin', () => {
    const { c } = newTestBed();
    throwsSim(() => c.newNetwork('weave', 'w', '', opts()), 'notFound', 'plugin "weave" not found');
  });

  it('reports an overlapping subnet and an aux address outside the pool', () => {
    const { c } = newTestBed();
    throwsSim(
      () => c.newNetwork('bridge', 'x', '', opts({ ipam: { config: [{ subnet: '172.17.5.0/24' }] } })),
      'forbidden',
      'invalid pool request: Pool overlaps with other one on this address space',
    );
    throwsSim(
      () =>
        c.newNetwork(
          'bridge',
          'x',
          '',
          opts({
            ipam: { config: [{ subnet: '10.5.0.0/24', auxAddresses: { a: '10.5.0.9', b: '10.6.0.1' } }] },
          }),
        ),
      'invalidParameter',
      "invalid network config:\ninvalid auxiliary address b: parent subnet 10.5.0.0/24 doesn't contain this address",
    );
  });

  it('validates IPAM config like dockerd (all problems listed)', () => {
    const { c } = newTestBed();
    throwsSim(
      () => c.newNetwork('bridge', 'x', '', opts({ ipam: { config: [{ subnet: '172.20.0.1/16' }] } })),
      'invalidParameter',
      'invalid network config:\ninvalid subnet 172.20.0.1/16: it should be 172.20.0.0/16',
    );
    throwsSim(
      () =>
        c.newNetwork(
          'bridge',
          'x',
          '',
          opts({ ipam: { config: [{ subnet: '10.1.0.0/16', gateway: '10.2.0.1', ipRange: '10.1.0.0/8' }] } }),
        ),
      'invalidParameter',
      "invalid network config:\n* invalid ip-range 10.1.0.0/8: CIDR block is bigger than its parent subnet 10.1.0.0/16\n* invalid ip-range 10.1.0.0/8: it should be 10.0.0.0/8\n* invalid gateway 10.2.0.1: parent subnet 10.1.0.0/16 doesn't contain this address",
    );
  });

  it('fails gateway allocation on the network address', () => {
    const { c } = newTestBed();
    throwsSim(
      () =>
        c.newNetwork(
          'bridge',
          'x',
          '',
          opts({ ipam: { config: [{ subnet: '10.3.0.0/24', gateway: '10.3.0.0' }] } }),
        ),
      'system',
      'failed to allocate gateway (10.3.0.0): Address already in use',
    );
    assert.equal(c.networkByName('x'), undefined);
    assert.equal(
      c.newNetwork('bridge', 'y', '', opts({ ipam: { config: [{ subnet: '10.3.0.0/24' }] } })).ipamV4Info[0]
        .data.gateway,
      '10.3.0.1/24',
    );
  });

  it('needs a swarm for --scope swarm', () => {
    const { c } = newTestBed();
    throwsSim(
      () => c.newNetwork('bridge', 's', '', opts({ scope: 'swarm' })),
      'forbidden',
      'cannot create a swarm scoped network when swarm is not active',
    );
  });

  it('applies the config-only / config-from rules', () => {
    const { c } = newTestBed();
    throwsSim(
      () => c.newNetwork('bridge', 'cfg', '', opts({ configOnly: true, internal: true })),
      'forbidden',
      'configuration network can only contain network specific fields. Network operator fields like [ ingress | internal | attachable | scope ] are not supported.',
    );
    const cfg = c.newNetwork(
      'macvlan',
      'cfg',
      '',
      opts({
        configOnly: true,
        driverOpts: { parent: 'eth0' },
        ipam: { config: [{ subnet: '192.168.1.0/24', gateway: '192.168.1.1' }] },
      }),
    );
    assert.equal(cfg.type, 'null');
    throwsSim(
      () => c.newNetwork('macvlan', 'm', '', opts({ configFrom: 'cfg', driverOpts: { parent: 'eth0' } })),
      'forbidden',
      'network driver options are not supported if the network depends on a configuration network',
    );
    const m = c.newNetwork('macvlan', 'm', '', { created: 0, configFrom: 'cfg' });
    assert.deepEqual(m.ipamConfig(), [{ subnet: '192.168.1.0/24', gateway: '192.168.1.1' }]);
    throwsSim(
      () => cfg.delete(),
      'forbidden',
      'error while removing network: configuration network "cfg" is in use',
    );
  });
});

describe('Network.delete', () => {
  it("lists active endpoints with dockerd's prefix", () => {
    const { c } = newTestBed();
    const n = c.newNetwork('bridge', 'mynet', '', opts());
    const ep = n.createEndpoint('web');
    throwsSim(
      () => n.delete(),
      'forbidden',
      `error while removing network: network mynet has active endpoints (name:"web" id:"${ep.id.slice(0, 12)}")`,
    );
    ep.delete();
    n.delete();
    assert.equal(c.networkByName('mynet'), undefined);
  });

  it('refuses to delete host and none (driver)', () => {
    const { c } = newTestBed();
    throwsSim(
      () => c.networkByName('host')!.delete(),
      'forbidden',
      'error while removing network: network of type "host" cannot be deleted',
    );
    assert.ok(c.networkByName('host'));
  });
});
