import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIRST_VNI, NetworkAllocator, type OverlaySpec } from './allocator.ts';

const spec = (id: string, subnet: string): OverlaySpec => ({
  id,
  name: id,
  subnet,
  gateway: subnet.replace(/\.0\/24$/, '.1'),
  vni: FIRST_VNI,
  attachable: true,
  internal: false,
  ingress: false,
  options: {},
  labels: {},
  created: 0,
});

test('subnets are /24s of 10.0.0.0/8, lowest first, reused after release', () => {
  const a = new NetworkAllocator();
  assert.deepEqual(a.allocateSubnet(), { subnet: '10.0.0.0/24', gateway: '10.0.0.1' });
  assert.deepEqual(a.allocateSubnet(), { subnet: '10.0.1.0/24', gateway: '10.0.1.1' });
  assert.deepEqual(a.allocateSubnet(), { subnet: '10.0.2.0/24', gateway: '10.0.2.1' });
  a.releaseSubnet('10.0.1.0/24');
  assert.equal(a.allocateSubnet().subnet, '10.0.1.0/24');
  for (let i = 3; i < 256; i++) a.allocateSubnet();
  assert.equal(a.allocateSubnet().subnet, '10.1.0.0/24');
});

test('VNIs start at 4096 and are reused after release', () => {
  const a = new NetworkAllocator();
  assert.equal(a.allocateVni(), 4096);
  assert.equal(a.allocateVni(), 4097);
  a.releaseVni(4096);
  assert.equal(a.allocateVni(), 4096);
  assert.equal(a.allocateVni(), 4098);
});

test('addresses skip the gateway, are per network, and come back on release', () => {
  const a = new NetworkAllocator();
  const n1 = spec('n1', '10.0.1.0/24');
  const n2 = spec('n2', '10.0.2.0/24');
  assert.equal(a.allocateIp(n1), '10.0.1.2');
  assert.equal(a.allocateIp(n1), '10.0.1.3');
  assert.equal(a.allocateIp(n2), '10.0.2.2');
  a.releaseIp('n1', '10.0.1.2');
  assert.equal(a.allocateIp(n1), '10.0.1.2');
  for (let i = 4; i < 255; i++) a.allocateIp(n1);
  assert.throws(() => a.allocateIp(n1), /no available IPv4 addresses/);
});
