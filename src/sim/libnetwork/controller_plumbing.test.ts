// Tests for the controller's plumbing: the datastore view, the driver table, the explain log, daemon pools.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newTestBed } from './testutil.ts';

const opts = (o: Record<string, unknown> = {}) => ({
  created: 0,
  driverOpts: {},
  labels: {},
  ipam: { driver: 'default', options: {}, config: [] },
  ...o,
});

describe('datastore', () => {
  it('keeps networks, endpoint counts and driver records under libnetwork keys', () => {
    const { c } = newTestBed();
    const n = c.newNetwork('bridge', 'kv', '', opts());
    const keys = c.datastore
      .list(`docker/network/v1.0/`)
      .map((kv) => kv.key)
      .filter((k) => k.includes(n.id));
    assert.deepEqual(keys, [
      `docker/network/v1.0/bridge/${n.id}/`,
      `docker/network/v1.0/endpoint_count/${n.id}/`,
      `docker/network/v1.0/network/${n.id}/`,
    ]);
    const v = JSON.parse(c.datastore.get(`docker/network/v1.0/network/${n.id}/`)!);
    assert.equal(v.name, 'kv');
    assert.equal(
      v.ipamV4Info,
      `[{"IPAMData":"{\\"AddressSpace\\":\\"LocalDefault\\",\\"Gateway\\":\\"172.18.0.1/16\\",\\"Pool\\":\\"172.18.0.0/16\\"}","PoolID":"LocalDefault/172.18.0.0/16"}]`,
    );
    n.delete();
    assert.deepEqual(
      c.datastore.list('docker/network/v1.0/').filter((kv) => kv.key.includes(n.id)),
      [],
    );
  });
});

describe('Controller plumbing', () => {
  it('registers the built-in drivers in drivers_linux.go order', () => {
    const { c } = newTestBed();
    assert.deepEqual(c.builtinDrivers(), ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay']);
  });

  it('fires each explain step to subscribers as it happens', () => {
    const { c } = newTestBed();
    const seen: string[] = [];
    const sub = c.explain.event((s) => seen.push(s.detail));
    const n = c.newNetwork('bridge', 'ex', '', opts());
    sub.dispose();
    assert.equal(seen[0], `ip link add br-${n.id.slice(0, 12)} type bridge`);
    assert.ok(
      seen.includes(
        `iptables -t nat -I POSTROUTING -s 172.18.0.0/16 ! -o br-${n.id.slice(0, 12)} -j MASQUERADE`,
      ),
    );
  });

  it('carves networks from --default-address-pool', () => {
    const { c } = newTestBed({ defaultAddressPools: [{ base: '10.10.0.0/16', size: 24 }] });
    assert.deepEqual(c.networkByName('bridge')!.ipamConfig(), [
      { subnet: '10.10.0.0/24', gateway: '10.10.0.1' },
    ]);
    assert.equal(c.newNetwork('bridge', 'p', '', opts()).ipamConfig()[0].subnet, '10.10.1.0/24');
  });

  it('returns labels as a copy, {} when none were given', () => {
    const { c } = newTestBed();
    assert.deepEqual(c.networkByName('host')!.labels, {});
    const n = c.newNetwork('bridge', 'l', '', opts({ labels: { team: 'net' } }));
    n.labels.team = 'changed';
    assert.deepEqual(n.labels, { team: 'net' });
  });
});
