// Table-style tests for the default IPAM (allocator.go, address_space.go): pool order, reuse, ranges, errors.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSimError } from '../../../errdefs.ts';
import { parsePrefix, prefixString } from '../../internal/netiputil.ts';
import { getLocalScopeDefaultNetworks } from '../../ipamutils/utils.ts';
import { Allocator } from './allocator.ts';

const req = (pool = '', subPool = '', exclude: string[] = []) => ({
  addressSpace: 'LocalDefault',
  pool,
  subPool,
  options: null,
  exclude: exclude.map((e) => parsePrefix(e)!),
  v6: false,
});

describe('default IPAM pools', () => {
  it('hands out 172.17–172.31 then 192.168.x.0/20 in order', () => {
    const a = new Allocator(getLocalScopeDefaultNetworks());
    const got = Array.from({ length: 17 }, () => prefixString(a.requestPool(req()).pool));
    assert.deepEqual(got, [
      ...Array.from({ length: 15 }, (_, i) => `172.${17 + i}.0.0/16`),
      '192.168.0.0/20',
      '192.168.16.0/20',
    ]);
  });

  it('skips reserved prefixes such as the host LAN and its nameserver', () => {
    const a = new Allocator(getLocalScopeDefaultNetworks());
    for (let i = 0; i < 15; i++) a.requestPool(req('', '', ['192.168.1.0/24', '192.168.1.1/32']));
    assert.equal(
      prefixString(a.requestPool(req('', '', ['192.168.1.0/24', '192.168.1.1/32'])).pool),
      '192.168.16.0/20',
    );
  });

  it('skips a predefined /16 partially covered by a reserved route', () => {
    const a = new Allocator(getLocalScopeDefaultNetworks());
    assert.equal(prefixString(a.requestPool(req('', '', ['172.17.5.0/24'])).pool), '172.18.0.0/16');
  });

  it('reuses a released subnet immediately (linear allocator)', () => {
    const a = new Allocator(getLocalScopeDefaultNetworks());
    a.requestPool(req());
    const second = a.requestPool(req());
    a.requestPool(req());
    a.releasePool(second.poolID);
    assert.equal(prefixString(a.requestPool(req()).pool), '172.18.0.0/16');
  });

  it('refuses a user subnet overlapping an allocated one', () => {
    const a = new Allocator(getLocalScopeDefaultNetworks());
    a.requestPool(req());
    assert.throws(() => a.requestPool(req('172.17.1.0/24')), {
      message: 'invalid pool request: Pool overlaps with other one on this address space',
    });
  });

  it('reports exhaustion of the predefined pools', () => {
    const a = new Allocator([{ base: parsePrefix('10.1.0.0/23')!, size: 24 }]);
    a.requestPool(req());
    a.requestPool(req());
    assert.throws(
      () => a.requestPool(req()),
      (e: unknown) =>
        isSimError(e, 'invalidParameter') &&
        e.message === 'all predefined address pools have been fully subnetted',
    );
  });

  it('uses pool IDs of the form LocalDefault/subnet[/range]', () => {
    const a = new Allocator(getLocalScopeDefaultNetworks());
    assert.equal(
      a.requestPool(req('10.10.0.0/16', '10.10.5.0/24')).poolID,
      'LocalDefault/10.10.0.0/16/10.10.5.0/24',
    );
  });
});

describe('default IPAM addresses', () => {
  it('gives the lowest free address and reuses released ones', () => {
    const a = new Allocator(getLocalScopeDefaultNetworks());
    const p = a.requestPool(req());
    const got = [
      a.requestAddress(p.poolID, '', null),
      a.requestAddress(p.poolID, '', null),
      a.requestAddress(p.poolID, '', null),
    ];
    assert.deepEqual(got, ['172.17.0.1/16', '172.17.0.2/16', '172.17.0.3/16']);
    a.releaseAddress(p.poolID, '172.17.0.2');
    assert.equal(a.requestAddress(p.poolID, '', null), '172.17.0.2/16');
  });

  it('allocates inside an ip-range (the gateway too, when not given)', () => {
    const a = new Allocator(getLocalScopeDefaultNetworks());
    const p = a.requestPool(req('172.28.0.0/16', '172.28.5.0/24'));
    assert.equal(a.requestAddress(p.poolID, '', null), '172.28.5.0/16');
    assert.equal(a.requestAddress(p.poolID, '', null), '172.28.5.1/16');
  });

  it('refuses a static address that is taken or out of range', () => {
    const a = new Allocator(getLocalScopeDefaultNetworks());
    const p = a.requestPool(req('10.20.0.0/24'));
    a.requestAddress(p.poolID, '10.20.0.5', null);
    assert.throws(() => a.requestAddress(p.poolID, '10.20.0.5', null), { message: 'Address already in use' });
    assert.throws(() => a.requestAddress(p.poolID, '10.21.0.5', null), {
      message: 'requested address is out of range',
    });
  });

  it('reserves network and broadcast addresses except in /31 and /32', () => {
    const a = new Allocator(getLocalScopeDefaultNetworks());
    const p30 = a.requestPool(req('10.30.0.0/30'));
    assert.deepEqual(
      [a.requestAddress(p30.poolID, '', null), a.requestAddress(p30.poolID, '', null)],
      ['10.30.0.1/30', '10.30.0.2/30'],
    );
    assert.throws(
      () => a.requestAddress(p30.poolID, '', null),
      (e: unknown) => isSimError(e, 'unavailable') && e.message === 'no available addresses on this pool',
    );
    const p31 = a.requestPool(req('10.31.0.0/31'));
    assert.deepEqual(
      [a.requestAddress(p31.poolID, '', null), a.requestAddress(p31.poolID, '', null)],
      ['10.31.0.0/31', '10.31.0.1/31'],
    );
  });

  it('allocates serially when com.docker.network.ipam.serial is true', () => {
    const a = new Allocator(getLocalScopeDefaultNetworks());
    const p = a.requestPool(req('10.40.0.0/24'));
    const serial = { 'com.docker.network.ipam.serial': 'true' };
    a.requestAddress(p.poolID, '', serial);
    a.requestAddress(p.poolID, '', serial);
    a.releaseAddress(p.poolID, '10.40.0.1');
    assert.equal(a.requestAddress(p.poolID, '', serial), '10.40.0.3/24');
  });
});
