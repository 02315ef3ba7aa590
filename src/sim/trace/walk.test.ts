import assert from 'node:assert/strict';
import { test } from 'node:test';
import { iptables } from '../kernel/iptables.ts';
import { addAddr, addLink, addRoute, createNetns, findLink, setUp } from '../kernel/netns.ts';
import { bindSocket } from '../kernel/socket.ts';
import { dnsQuery, pingExchange, tcpConnect } from './exchange.ts';
import { httpOverConnection } from './http.ts';
import { addBridge, addContainer, bench, dockerFirewall, publish } from './testbench.ts';

const ping = (w: ReturnType<typeof bench>['world'], ns: Parameters<typeof pingExchange>[1], dst: string) =>
  pingExchange(w, ns, dst, { tool: 'ping', id: 77, seq: 0 });

test('two containers on one bridge reach each other; ttl 64, sub-ms', () => {
  const { world, host } = bench();
  addBridge(host, 'docker0', '172.17.0.1/16');
  dockerFirewall(host, 'docker0', '172.17.0.0/16');
  const a = addContainer(world, host, 'docker0', '172.17.0.2/16', '172.17.0.1');
  addContainer(world, host, 'docker0', '172.17.0.3/16', '172.17.0.1');
  const t = ping(world, a, '172.17.0.3');
  assert.equal(t.verdict, 'delivered', t.reason);
  assert.equal(t.reply?.ttl, 64);
  assert.ok(t.rttMs > 0.02 && t.rttMs < 0.2, String(t.rttMs));
  assert.ok(t.hops.some((h) => h.what === 'bridge' && /forwards the frame/.test(h.reason)));
  assert.ok(host.fdb.length >= 2);
  assert.deepEqual(
    a.neigh.map((n) => [n.ip, n.state]),
    [['172.17.0.3', 'REACHABLE']],
  );
});

test('ICC off drops bridged traffic in FORWARD (br_netfilter)', () => {
  const { world, host } = bench();
  addBridge(host, 'br-x', '172.18.0.1/16');
  dockerFirewall(host, 'br-x', '172.18.0.0/16', false);
  const a = addContainer(world, host, 'br-x', '172.18.0.2/16', '172.18.0.1');
  addContainer(world, host, 'br-x', '172.18.0.3/16', '172.18.0.1');
  const t = ping(world, a, '172.18.0.3');
  assert.equal(t.verdict, 'dropped');
  const drop = t.hops.find((h) => h.verdict === 'drop');
  assert.equal(drop?.rule, '-A DOCKER-FORWARD -i br-x -o br-x -j DROP');
});

test('container reaches the internet through host MASQUERADE and the router; replies un-NATed', () => {
  const { world, host } = bench();
  addBridge(host, 'docker0', '172.17.0.1/16');
  dockerFirewall(host, 'docker0', '172.17.0.0/16');
  const a = addContainer(world, host, 'docker0', '172.17.0.2/16', '172.17.0.1');
  const t = ping(world, a, '142.250.185.78');
  assert.equal(t.verdict, 'delivered', t.reason);
  assert.equal(t.reply?.ttl, 128 - 10 - 3);
  assert.ok(t.rttMs > 10 && t.rttMs < 25, String(t.rttMs));
  const nats = t.hops.filter((h) => h.what === 'nat').map((h) => `${h.ns}: ${h.src}`);
  assert.deepEqual(nats, ['host1: 192.168.1.11', 'router: 203.0.113.2']);
  assert.equal(host.conntrack.length, 0);
});

test('different user-defined bridges are isolated by DOCKER-ISOLATION-STAGE-2', () => {
  const { world, host } = bench();
  addBridge(host, 'docker0', '172.17.0.1/16');
  addBridge(host, 'br-a', '172.18.0.1/16');
  dockerFirewall(host, 'docker0', '172.17.0.0/16');
  dockerFirewall(host, 'br-a', '172.18.0.0/16');
  const a = addContainer(world, host, 'br-a', '172.18.0.2/16', '172.18.0.1');
  addContainer(world, host, 'docker0', '172.17.0.2/16', '172.17.0.1');
  const t = ping(world, a, '172.17.0.2');
  assert.equal(t.verdict, 'dropped');
  const drop = t.hops.find((h) => h.verdict === 'drop');
  assert.equal(drop?.rule, '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP');
  assert.match(drop?.reason ?? '', /different Docker networks are isolated/);
});

test('published port: DNAT from another LAN host, RST when nothing listens, refused from host', () => {
  const { world, host } = bench(['host1', 'host2']);
  const host2 = world.hosts.get('host2')!.ns;
  addBridge(host, 'docker0', '172.17.0.1/16');
  dockerFirewall(host, 'docker0', '172.17.0.0/16');
  const web = addContainer(world, host, 'docker0', '172.17.0.2/16', '172.17.0.1');
  publish(host, 'docker0', '172.17.0.2', 8080, 80);
  const miss = tcpConnect(world, host2, '192.168.1.11', 8080, { tool: 'curl' });
  assert.equal(miss.verdict, 'refused');
  bindSocket(web, {
    proto: 'tcp',
    ip: '0.0.0.0',
    port: 80,
    owner: 'nginx',
    app: { kind: 'http', serve: (r) => ({ status: 200, headers: {}, body: `hi ${r.client}` }) },
  });
  const c = tcpConnect(world, host2, '192.168.1.11', 8080, { tool: 'curl' });
  assert.equal(c.verdict, 'delivered', c.reason);
  assert.equal(c.server?.client, '192.168.1.12');
  assert.equal(
    httpOverConnection(world, c, { method: 'GET', path: '/', host: 'x', headers: {} }).response?.body,
    'hi 192.168.1.12',
  );
  assert.ok(c.hops.some((h) => h.what === 'nat' && /DNAT/.test(h.reason)));
  const local = tcpConnect(world, host, '192.168.1.11', 8080, { tool: 'curl' });
  assert.equal(local.verdict, 'delivered', local.reason);
  const lo = tcpConnect(world, host, '127.0.0.1', 8080, { tool: 'curl' });
  assert.equal(lo.verdict, 'refused');
});

test('docker-proxy answers on localhost and connects to the container from the host', () => {
  const { world, host } = bench();
  addBridge(host, 'docker0', '172.17.0.1/16');
  dockerFirewall(host, 'docker0', '172.17.0.0/16');
  const web = addContainer(world, host, 'docker0', '172.17.0.2/16', '172.17.0.1');
  publish(host, 'docker0', '172.17.0.2', 8080, 80);
  bindSocket(host, {
    proto: 'tcp',
    ip: '0.0.0.0',
    port: 8080,
    owner: 'docker-proxy',
    app: { kind: 'proxy', targetIp: '172.17.0.2', targetPort: 80 },
  });
  bindSocket(web, {
    proto: 'tcp',
    ip: '0.0.0.0',
    port: 80,
    owner: 'nginx',
    app: { kind: 'http', serve: (r) => ({ status: 200, headers: {}, body: r.client }) },
  });
  const c = tcpConnect(world, host, '127.0.0.1', 8080, { tool: 'curl' });
  assert.equal(c.verdict, 'delivered');
  const r = httpOverConnection(world, c, { method: 'GET', path: '/', host: 'localhost:8080', headers: {} });
  assert.equal(r.response?.body, '172.17.0.1');
});

test('ip_forward off drops forwarded packets; no route gives ENETUNREACH', () => {
  const { world, host } = bench();
  addBridge(host, 'docker0', '172.17.0.1/16');
  const a = addContainer(world, host, 'docker0', '172.17.0.2/16', '172.17.0.1');
  const t = ping(world, a, '8.8.8.8');
  assert.equal(t.verdict, 'dropped');
  assert.match(t.reason, /IP forwarding is off/);
  const lonely = createNetns('lonely', 'host1', { nextIndex: 2 });
  const u = ping(world, lonely, '8.8.8.8');
  assert.deepEqual([u.verdict, u.errno], ['unreachable', 'ENETUNREACH']);
});

test('macvlan: siblings talk, parent and child cannot, the LAN is reachable through the parent', () => {
  const { world, host } = bench(['host1', 'host2']);
  const mk = (name: string, ip: string) => {
    const ns = createNetns(`host1/${name}`, 'host1', host.counter);
    world.register(ns);
    const l = addLink(ns, {
      name: 'eth0',
      kind: 'macvlan',
      mac: `02:11:00:00:00:${ip.split('.')[3]}`,
      mode: 'bridge',
      parent: { ns: host, index: findLink(host, 'eth0')!.index },
    });
    setUp(l);
    addAddr(ns, 'eth0', `${ip}/24`);
    addRoute(ns, { dst: 'default', via: '192.168.1.1', dev: l.index });
    return ns;
  };
  const m1 = mk('m1', '192.168.1.100');
  mk('m2', '192.168.1.101');
  assert.equal(ping(world, m1, '192.168.1.101').verdict, 'delivered');
  assert.equal(ping(world, m1, '192.168.1.11').verdict, 'unreachable');
  assert.equal(ping(world, host, '192.168.1.100').verdict, 'unreachable');
  assert.equal(ping(world, m1, '192.168.1.12').verdict, 'delivered');
  assert.equal(ping(world, world.hosts.get('host2')!.ns, '192.168.1.100').verdict, 'delivered');
  assert.equal(ping(world, m1, '142.250.185.78').verdict, 'delivered');
});

test('DNS through the router forwarder and public resolver; NXDOMAIN for unknown names', () => {
  const { world, host } = bench();
  const r = dnsQuery(world, host, '192.168.1.1', { name: 'google.com', type: 'A' }, { tool: 'nslookup' });
  assert.equal(r.trace.verdict, 'delivered', r.trace.reason);
  assert.deepEqual(
    r.answer?.answers.map((a) => a.data),
    ['142.250.185.78'],
  );
  assert.equal(r.answer?.authoritative, false);
  const nx = dnsQuery(world, host, '8.8.8.8', { name: 'nope.invalid', type: 'A' }, { tool: 'nslookup' });
  assert.equal(nx.answer?.rcode, 'NXDOMAIN');
  const none = dnsQuery(world, host, '192.168.1.11', { name: 'x', type: 'A' }, { tool: 'nslookup' });
  assert.equal(none.trace.verdict, 'refused');
});

test('iptables counters move with traffic', () => {
  const { world, host } = bench();
  addBridge(host, 'docker0', '172.17.0.1/16');
  dockerFirewall(host, 'docker0', '172.17.0.0/16');
  const a = addContainer(world, host, 'docker0', '172.17.0.2/16', '172.17.0.1');
  ping(world, a, '142.250.185.78');
  const out = iptables(host, ['-t', 'nat', '-L', 'POSTROUTING', '-n', '-v']).stdout;
  assert.match(out, /\n {4}1 {4}84 MASQUERADE/);
});
