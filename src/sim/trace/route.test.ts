import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addAddr, addLink, addRoute, createNetns, setUp } from '../kernel/netns.ts';
import { formatRoute, lookupRoute, pickSource, prefixLenOf } from './route.ts';

function ns() {
  const n = createNetns('r', 'r', { nextIndex: 2 });
  const eth0 = addLink(n, { name: 'eth0', kind: 'ether', mac: '02:00:00:00:00:01', segment: 'lan' });
  const eth1 = addLink(n, { name: 'eth1', kind: 'ether', mac: '02:00:00:00:00:02', segment: 'x' });
  setUp(eth0);
  setUp(eth1);
  addAddr(n, 'eth0', '192.168.1.11/24');
  addAddr(n, 'eth1', '10.0.0.5/8');
  addRoute(n, { dst: 'default', via: '192.168.1.1', dev: eth0.index });
  return { n, eth0, eth1 };
}

test('longest prefix wins over the default route', () => {
  const { n } = ns();
  const r = lookupRoute(n, '10.1.2.3');
  assert.deepEqual([r?.link.name, r?.nexthop, r?.src], ['eth1', '10.1.2.3', '10.0.0.5']);
});

test('default route goes through the gateway with the interface address as source', () => {
  const { n } = ns();
  const r = lookupRoute(n, '8.8.8.8');
  assert.deepEqual(
    [r?.link.name, r?.nexthop, r?.src, r?.local],
    ['eth0', '192.168.1.1', '192.168.1.11', false],
  );
});

test('local addresses and 127/8 go over lo', () => {
  const { n } = ns();
  assert.deepEqual(
    [lookupRoute(n, '192.168.1.11')?.link.name, lookupRoute(n, '192.168.1.11')?.local],
    ['lo', true],
  );
  assert.equal(lookupRoute(n, '127.0.0.53')?.link.name, 'lo');
});

test('a more specific /32 host route beats the connected /24', () => {
  const { n, eth1 } = ns();
  addRoute(n, { dst: '192.168.1.50/32', via: '10.0.0.1', dev: eth1.index });
  assert.equal(lookupRoute(n, '192.168.1.50')?.nexthop, '10.0.0.1');
  assert.equal(lookupRoute(n, '192.168.1.51')?.link.name, 'eth0');
});

test('lower metric wins between equal prefixes', () => {
  const { n, eth0, eth1 } = ns();
  addRoute(n, { dst: '172.16.0.0/12', via: '192.168.1.2', dev: eth0.index, metric: 200 });
  addRoute(n, { dst: '172.16.0.0/12', via: '10.0.0.2', dev: eth1.index, metric: 100 });
  assert.equal(lookupRoute(n, '172.20.0.1')?.nexthop, '10.0.0.2');
});

test('routes on a link that is down are not used', () => {
  const { n, eth1 } = ns();
  eth1.up = false;
  assert.equal(lookupRoute(n, '10.1.2.3')?.link.name, 'eth0');
});

test('no route at all gives undefined (ENETUNREACH)', () => {
  const n = createNetns('e', 'e', { nextIndex: 2 });
  assert.equal(lookupRoute(n, '8.8.8.8'), undefined);
});

test('a preferred src on the route is used', () => {
  const { n, eth0 } = ns();
  addAddr(n, 'eth0', '192.168.1.99/24');
  addRoute(n, { dst: '203.0.113.0/24', via: '192.168.1.1', dev: eth0.index, src: '192.168.1.99' });
  assert.equal(lookupRoute(n, '203.0.113.7')?.src, '192.168.1.99');
});

test('pickSource prefers an address in the next hop subnet', () => {
  const { n, eth0 } = ns();
  addAddr(n, 'eth0', '172.30.0.2/16');
  assert.equal(pickSource(n, eth0, '172.30.5.5'), '172.30.0.2');
  assert.equal(pickSource(n, eth0, '192.168.1.1'), '192.168.1.11');
});

test('prefixLenOf and formatRoute', () => {
  const { n } = ns();
  assert.equal(prefixLenOf('default'), 0);
  assert.equal(prefixLenOf('10.0.0.0/8'), 8);
  assert.equal(
    formatRoute(n, n.routes[0]),
    '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.11',
  );
});
