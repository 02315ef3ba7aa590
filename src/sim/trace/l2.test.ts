import assert from 'node:assert/strict';
import { test } from 'node:test';
import { iptablesOk } from '../kernel/iptables.ts';
import { addAddr, addLink, addRoute, createNetns, findLink, setUp } from '../kernel/netns.ts';
import type { NetNs } from '../kernel/types.ts';
import type { World } from '../world/world.ts';
import { pingExchange, tcpConnect } from './exchange.ts';
import { l2Endpoints } from './l2.ts';
import { addBridge, addContainer, bench } from './testbench.ts';

const ping = (w: World, ns: NetNs, dst: string) => pingExchange(w, ns, dst, { tool: 'ping', id: 9, seq: 0 });

function vlanOn(world: World, host: NetNs, id: number, cidr: string) {
  const eth0 = findLink(host, 'eth0')!;
  const v = addLink(host, {
    name: `eth0.${id}`,
    kind: 'vlan',
    mac: eth0.mac,
    vlanId: id,
    parent: { ns: host, index: eth0.index },
  });
  setUp(v);
  addAddr(host, v.name, cidr);
  void world;
  return v;
}

test('802.1q: eth0.50 reaches VLAN 50 of another host, not the untagged LAN', () => {
  const { world } = bench(['host1', 'host2', 'host3']);
  const h1 = world.hosts.get('host1')!.ns;
  const h2 = world.hosts.get('host2')!.ns;
  const h3 = world.hosts.get('host3')!.ns;
  vlanOn(world, h1, 50, '10.50.0.1/24');
  vlanOn(world, h2, 50, '10.50.0.2/24');
  vlanOn(world, h3, 60, '10.50.0.3/24');
  assert.equal(ping(world, h1, '10.50.0.2').verdict, 'delivered');
  assert.equal(ping(world, h1, '10.50.0.3').verdict, 'unreachable');
  assert.equal(ping(world, h1, '192.168.1.12').verdict, 'delivered');
});

test('a veth whose peer is down has no carrier; the route is skipped', () => {
  const { world, host } = bench();
  addBridge(host, 'docker0', '172.17.0.1/16');
  const c = addContainer(world, host, 'docker0', '172.17.0.2/16', '172.17.0.1');
  findLink(host, host.links.find((l) => l.kind === 'veth')!.name)!.up = false;
  const t = ping(world, c, '172.17.0.1');
  assert.deepEqual([t.verdict, t.errno], ['unreachable', 'ENETUNREACH']);
});

test('isolated bridge ports do not reach each other but reach the bridge', () => {
  const { world, host } = bench();
  addBridge(host, 'br0', '10.9.0.1/24');
  const a = addContainer(world, host, 'br0', '10.9.0.2/24', '10.9.0.1');
  addContainer(world, host, 'br0', '10.9.0.3/24', '10.9.0.1');
  for (const l of host.links) if (l.master !== undefined) l.isolated = true;
  assert.equal(ping(world, a, '10.9.0.3').verdict, 'unreachable');
  assert.equal(ping(world, a, '10.9.0.1').verdict, 'delivered');
});

test('without br_netfilter bridged traffic skips iptables FORWARD', () => {
  const { world, host } = bench();
  addBridge(host, 'br0', '10.9.0.1/24');
  const a = addContainer(world, host, 'br0', '10.9.0.2/24', '10.9.0.1');
  addContainer(world, host, 'br0', '10.9.0.3/24', '10.9.0.1');
  iptablesOk(host, ['-P', 'FORWARD', 'DROP']);
  assert.equal(ping(world, a, '10.9.0.3').verdict, 'dropped');
  host.sysctl.brNetfilter = false;
  assert.equal(ping(world, a, '10.9.0.3').verdict, 'delivered');
});

test('macvlan private mode: siblings cannot talk; ipvlan l2 siblings can', () => {
  const { world, host } = bench();
  const eth0 = findLink(host, 'eth0')!;
  const mk = (kind: 'macvlan' | 'ipvlan', mode: string, ip: string) => {
    const n = createNetns(`host1/${kind}${ip}`, 'host1', host.counter);
    world.register(n);
    const l = addLink(n, {
      name: 'eth0',
      kind,
      mac: kind === 'ipvlan' ? eth0.mac : `02:33:00:00:00:${ip.split('.')[3]}`,
      mode,
      parent: { ns: host, index: eth0.index },
    });
    setUp(l);
    addAddr(n, 'eth0', `${ip}/24`);
    addRoute(n, { dst: 'default', via: '192.168.1.1', dev: l.index });
    return n;
  };
  const p1 = mk('macvlan', 'private', '192.168.1.120');
  mk('macvlan', 'private', '192.168.1.121');
  assert.equal(ping(world, p1, '192.168.1.121').verdict, 'unreachable');
  assert.equal(ping(world, p1, '192.168.1.1').verdict, 'delivered');
  const i1 = mk('ipvlan', 'l2', '192.168.1.130');
  mk('ipvlan', 'l2', '192.168.1.131');
  assert.equal(ping(world, i1, '192.168.1.131').verdict, 'delivered');
  assert.equal(ping(world, i1, '192.168.1.11').verdict, 'unreachable');
});

test('l2Endpoints from a container reaches the bridge and the other ports', () => {
  const { world, host } = bench();
  addBridge(host, 'docker0', '172.17.0.1/16');
  const a = addContainer(world, host, 'docker0', '172.17.0.2/16', '172.17.0.1');
  addContainer(world, host, 'docker0', '172.17.0.3/16', '172.17.0.1');
  const eps = l2Endpoints(world, a, findLink(a, 'eth0')!).map((e) => `${e.ns.id}:${e.link.name}`);
  assert.equal(eps.length, 2);
  assert.ok(eps.includes('host1:docker0'));
});

test('REJECT with tcp-reset gives a refused connection; icmp reject gives unreachable', () => {
  const { world, host } = bench(['host1', 'host2']);
  const h2 = world.hosts.get('host2')!.ns;
  iptablesOk(host, [
    '-A',
    'INPUT',
    '-p',
    'tcp',
    '--dport',
    '22',
    '-j',
    'REJECT',
    '--reject-with',
    'tcp-reset',
  ]);
  iptablesOk(host, ['-A', 'INPUT', '-p', 'icmp', '-j', 'REJECT', '--reject-with', 'icmp-host-prohibited']);
  assert.equal(tcpConnect(world, h2, '192.168.1.11', 22, { tool: 'nc' }).verdict, 'refused');
  const t = ping(world, h2, '192.168.1.11');
  assert.deepEqual([t.verdict, t.reply?.icmpCode], ['unreachable', 10]);
});

test('TTL 1 expires at the first router with an ICMP time exceeded from it', () => {
  const { world, host } = bench();
  const t = pingExchange(world, host, '142.250.185.78', { tool: 'traceroute', id: 1, seq: 1, ttl: 1 });
  assert.deepEqual([t.verdict, t.reply?.from, t.reply?.icmpType], ['unreachable', '192.168.1.1', 11]);
});

test('a trace event is emitted for every exchange', () => {
  const { world, host } = bench();
  const seen: string[] = [];
  world.traces.event((e) => seen.push(`${e.host}:${e.tool}`));
  ping(world, host, '192.168.1.1');
  assert.deepEqual(seen, ['host1:ping']);
});

test('ipvlan L3: children on different subnets talk; the outside needs a route back via the host', () => {
  const { world, host } = bench(['host1', 'host2']);
  const eth0 = findLink(host, 'eth0')!;
  const mk = (ip: string) => {
    const n = createNetns(`host1/l3-${ip}`, 'host1', host.counter);
    world.register(n);
    const l = addLink(n, {
      name: 'eth0',
      kind: 'ipvlan',
      mac: eth0.mac,
      mode: 'l3',
      parent: { ns: host, index: eth0.index },
    });
    setUp(l);
    addAddr(n, 'eth0', `${ip}/24`);
    addRoute(n, { dst: 'default', dev: l.index });
    return n;
  };
  const a = mk('172.30.1.10');
  mk('172.30.2.10');
  assert.equal(ping(world, a, '172.30.2.10').verdict, 'delivered');
  const h2 = world.hosts.get('host2')!.ns;
  assert.notEqual(ping(world, a, '192.168.1.12').verdict, 'delivered');
  addRoute(h2, { dst: '172.30.0.0/16', via: '192.168.1.11', dev: findLink(h2, 'eth0')!.index });
  assert.equal(ping(world, a, '192.168.1.12').verdict, 'delivered');
  assert.equal(ping(world, h2, '172.30.2.10').verdict, 'delivered');
});
