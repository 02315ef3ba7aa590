import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createNetns } from '../kernel/netns.ts';
import { createWorld, hostAddress, linkLocal, namespaceById } from './build.ts';
import { createManualClock } from './clock.ts';
import { httpDate, publicResolve } from './internet.ts';

test('default world has host1 at 192.168.1.11 with eth0 on the lan and a default route', () => {
  const w = createWorld({ seed: 1 });
  const h = w.hosts.get('host1')!;
  const eth0 = h.ns.links.find((l) => l.name === 'eth0')!;
  assert.deepEqual([eth0.index, eth0.kind, eth0.segment, eth0.mtu, eth0.up], [2, 'ether', 'lan', 1500, true]);
  assert.equal(eth0.addrs[0].ip, '192.168.1.11');
  assert.deepEqual(h.ns.routes.find((r) => r.dst === 'default')?.via, '192.168.1.1');
  assert.equal(h.ns.sysctl.ipForward, false);
  assert.match(eth0.mac, /^52:54:00(:[0-9a-f]{2}){3}$/);
});

test('host files: hosts, resolv.conf, hostname, /root', () => {
  const w = createWorld({ seed: 1, hosts: ['host1', 'host2'] });
  const fs = w.hosts.get('host2')!.fs;
  assert.equal(fs.readFile('/etc/hostname'), 'host2\n');
  assert.equal(fs.readFile('/etc/resolv.conf'), 'nameserver 192.168.1.1\n');
  assert.match(fs.readFile('/etc/hosts') ?? '', /^127\.0\.0\.1 localhost\n192\.168\.1\.12 host2\n/);
  assert.ok(fs.isDir('/root'));
  assert.equal(hostAddress(1), '192.168.1.12');
});

test('same seed gives the same MACs; different seeds differ', () => {
  const mac = (seed: number) => createWorld({ seed }).hosts.get('host1')!.ns.links[1].mac;
  assert.equal(mac(5), mac(5));
  assert.notEqual(mac(5), mac(6));
});

test('the world lists hosts, registered sandboxes, the router and the internet', () => {
  const w = createWorld({ seed: 1 });
  const c = createNetns('host1/abc', 'host1', w.hosts.get('host1')!.ns.counter);
  w.register(c);
  const ids = w.namespaces().map((n) => n.id);
  assert.deepEqual(ids, [
    'host1',
    'host1/abc',
    'router',
    'isp',
    'google.com',
    'example.com',
    'dns.google',
    'one.one.one.one',
  ]);
  w.unregister(c);
  assert.equal(w.namespaces().length, 7);
  assert.deepEqual(
    w.segmentMembers('lan').map((r) => r.ns.id),
    ['host1', 'router'],
  );
});

test('the router forwards, masquerades out of eth1 and forwards DNS to 8.8.8.8', () => {
  const w = createWorld({ seed: 1 });
  const r = namespaceById(w, 'router')!;
  assert.equal(r.sysctl.ipForward, true);
  assert.equal(r.iptables.nat.chains.get('POSTROUTING')!.rules[0].spec.join(' '), '-o eth1 -j MASQUERADE');
  const dns = r.sockets.find((s) => s.port === 53)!;
  assert.equal(
    dns.app.kind === 'dns' && dns.app.resolve({ name: 'x', type: 'A', client: '1.2.3.4' }).forward?.[0],
    '8.8.8.8',
  );
});

test('public DNS answers known names, NXDOMAIN otherwise, PTR for resolvers', () => {
  assert.deepEqual(
    publicResolve({ name: 'google.com', type: 'A', client: '' }).answers.map((a) => a.data),
    ['142.250.185.78'],
  );
  assert.equal(publicResolve({ name: 'no.such.name', type: 'A', client: '' }).rcode, 'NXDOMAIN');
  assert.deepEqual(publicResolve({ name: 'google.com', type: 'AAAA', client: '' }), {
    rcode: 'NOERROR',
    answers: [],
  });
  assert.equal(
    publicResolve({ name: '8.8.8.8.in-addr.arpa', type: 'PTR', client: '' }).answers[0].data,
    'dns.google',
  );
});

test('segment info: the internet stands for ten silent routers', () => {
  const w = createWorld({ seed: 1 });
  assert.deepEqual(w.segmentInfo?.('internet'), { latencyMs: 5.5, hops: 10 });
  assert.equal(w.segmentInfo?.('lan').latencyMs, 0.15);
});

test('httpDate and linkLocal helpers', () => {
  assert.equal(httpDate(createManualClock().now()), 'Mon, 05 Jan 2026 09:00:00 GMT');
  assert.equal(linkLocal('52:54:00:12:34:56'), 'fe80::5054:ff:fe12:3456');
});
