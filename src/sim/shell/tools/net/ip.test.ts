import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findLink } from '../../../kernel/netns.ts';
import { pingExchange } from '../../../trace/exchange.ts';
import { ip } from './ip.ts';
import { lab, run } from './toolbench.ts';

test('busybox ip addr in a container: M-DOWN, no group, qlen only on lo', () => {
  const L = lab();
  const eth0 = findLink(L.client.ns, 'eth0')!;
  assert.equal(
    run(L.world, L.client, ip, 'ip addr').stdout,
    `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
${eth0.index}: eth0@if${eth0.peer!.index}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP 
    link/ether ${eth0.mac} brd ff:ff:ff:ff:ff:ff
    inet 172.17.0.3/16 brd 172.17.255.255 scope global eth0
       valid_lft forever preferred_lft forever
`,
  );
});

test('iproute2 ip link on the host: mode DEFAULT, group default, veth@ifN link-netnsid', () => {
  const L = lab();
  const out = run(L.world, L.host, ip, 'ip link show').stdout.split('\n');
  assert.match(
    out[0],
    /^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000$/,
  );
  assert.match(
    out[2],
    /^2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000$/,
  );
  assert.equal(
    out[4],
    '3: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default ',
  );
  assert.match(
    out[6],
    /^4: vethweb0000@if5: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP mode DEFAULT group default $/,
  );
  assert.match(out[7], /^ {4}link\/ether 02:aa:00:00:00:[0-9a-f]{2} brd ff:ff:ff:ff:ff:ff link-netnsid 0$/);
  assert.match(out[9], /link-netnsid 1$/);
});

test('ip addr show eth0 on the host includes the IPv6 link-local address', () => {
  const L = lab();
  const eth0 = findLink(L.host.ns, 'eth0')!;
  assert.equal(
    run(L.world, L.host, ip, 'ip addr show eth0').stdout,
    `2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000
    link/ether ${eth0.mac} brd ff:ff:ff:ff:ff:ff
    inet 192.168.1.11/24 brd 192.168.1.255 scope global eth0
       valid_lft forever preferred_lft forever
    inet6 ${eth0.addrs[1].ip}/64 scope link 
       valid_lft forever preferred_lft forever
`,
  );
});

test('ip -4 addr drops link/ether lines; ip -br a is columnar', () => {
  const L = lab();
  assert.equal(
    run(L.world, L.host, ip, 'ip -4 a show dev docker0').stdout,
    '3: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\n       valid_lft forever preferred_lft forever\n',
  );
  assert.equal(
    run(L.world, L.host, ip, 'ip -br -4 a').stdout,
    'lo               UNKNOWN        127.0.0.1/8 \neth0             UP             192.168.1.11/24 \ndocker0          UP             172.17.0.1/16 \nvethweb0000@if5  UP             \nvethclient0@if7  UP             \n',
  );
});

test('ip route: iproute2 and busybox formats', () => {
  const L = lab();
  assert.equal(
    run(L.world, L.host, ip, 'ip route').stdout,
    'default via 192.168.1.1 dev eth0 proto static \n172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 \n192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.11 \n',
  );
  assert.equal(
    run(L.world, L.client, ip, 'ip r').stdout,
    'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.3 \n',
  );
});

test('a bridge with no ports has NO-CARRIER, state DOWN and a linkdown route', () => {
  const L = lab();
  run(L.world, L.host, ip, 'ip link add br9 type bridge');
  run(L.world, L.host, ip, 'ip link set br9 up');
  run(L.world, L.host, ip, 'ip addr add 10.9.0.1/24 dev br9');
  assert.match(
    run(L.world, L.host, ip, 'ip link show br9').stdout,
    /^\d+: br9: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default \n/,
  );
  assert.match(
    run(L.world, L.host, ip, 'ip route').stdout,
    /10\.9\.0\.0\/24 dev br9 proto kernel scope link src 10\.9\.0\.1 linkdown \n/,
  );
});

test('macvlan shim: link add/set/addr add/route add then route get', () => {
  const L = lab();
  const steps = [
    'ip link add mac0 link eth0 type macvlan mode bridge',
    'ip addr add 192.168.1.250/32 dev mac0',
    'ip link set mac0 up',
    'ip route add 192.168.1.128/25 dev mac0',
  ];
  for (const s of steps) assert.equal(run(L.world, L.host, ip, s).exitCode, 0, s);
  assert.equal(
    run(L.world, L.host, ip, 'ip route get 192.168.1.200').stdout,
    '192.168.1.200 dev mac0 src 192.168.1.250 uid 0 \n    cache \n',
  );
  assert.match(run(L.world, L.host, ip, 'ip -d link show mac0').stdout, /\n {4}macvlan mode bridge \n$/);
});

test('errors: unknown device, duplicate link, bad gateway, unknown object', () => {
  const L = lab();
  assert.deepEqual(Object.values(run(L.world, L.host, ip, 'ip link set eth9 up')), [
    '',
    'Cannot find device "eth9"\n',
    1,
  ]);
  assert.deepEqual(Object.values(run(L.world, L.host, ip, 'ip addr show dev eth9')), [
    '',
    'Device "eth9" does not exist.\n',
    1,
  ]);
  assert.deepEqual(Object.values(run(L.world, L.client, ip, 'ip addr show dev eth9')), [
    '',
    "ip: can't find device 'eth9'\n",
    1,
  ]);
  assert.deepEqual(Object.values(run(L.world, L.host, ip, 'ip link add docker0 type bridge')), [
    '',
    'RTNETLINK answers: File exists\n',
    2,
  ]);
  assert.deepEqual(Object.values(run(L.world, L.host, ip, 'ip route add 10.5.0.0/16 via 10.99.0.1')), [
    '',
    'Error: Nexthop has invalid gateway.\n',
    2,
  ]);
  assert.deepEqual(Object.values(run(L.world, L.host, ip, 'ip foo')), [
    '',
    'Object "foo" is unknown, try "ip help".\n',
    1,
  ]);
});

test('containers lack NET_ADMIN: mutations are refused', () => {
  const L = lab();
  assert.deepEqual(Object.values(run(L.world, L.client, ip, 'ip link set eth0 down')), [
    '',
    'ip: RTNETLINK answers: Operation not permitted\n',
    2,
  ]);
  (L.client.container as { capAdd?: string[] }).capAdd = ['NET_ADMIN'];
  assert.equal(run(L.world, L.client, ip, 'ip link set eth0 down').exitCode, 0);
  assert.match(
    run(L.world, L.client, ip, 'ip link show eth0').stdout,
    /<BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noqueue state DOWN/,
  );
});

test('ip neigh shows ARP entries learned by traffic', () => {
  const L = lab();
  assert.equal(run(L.world, L.client, ip, 'ip neigh').stdout, '');
  pingExchange(L.world, L.client.ns, '172.17.0.2', { tool: 'ping', id: 1, seq: 0 });
  pingExchange(L.world, L.client.ns, '172.17.0.9', { tool: 'ping', id: 1, seq: 0 });
  const web = findLink(L.web.ns, 'eth0')!;
  assert.equal(
    run(L.world, L.client, ip, 'ip neigh').stdout,
    `172.17.0.2 dev eth0 lladdr ${web.mac} REACHABLE\n172.17.0.9 dev eth0  FAILED\n`,
  );
  pingExchange(L.world, L.host.ns, '172.17.0.2', { tool: 'ping', id: 1, seq: 0 });
  assert.equal(
    run(L.world, L.host, ip, 'ip n').stdout,
    `172.17.0.2 dev docker0 lladdr ${web.mac} REACHABLE \n`,
  );
});

test('iproute2 link selectors: type KIND and master DEV', () => {
  const L = lab();
  const names = (cmd: string): string[] =>
    run(L.world, L.host, ip, cmd)
      .stdout.split('\n')
      .filter(Boolean)
      .map((line) => line.split(/\s+/)[0]);
  const veths = names('ip -br link show type veth');
  assert.ok(veths.length > 0 && veths.every((n) => n.startsWith('veth')));
  assert.deepEqual(names('ip -br link show type bridge'), ['docker0']);
  assert.deepEqual(names('ip -br link show master docker0'), veths);
  assert.deepEqual(names('ip -br link show type ether'), []);
  assert.deepEqual(run(L.world, L.host, ip, 'ip link show master nope'), {
    stdout: '',
    stderr: 'Device "nope" does not exist.\n',
    exitCode: 1,
  });
});
