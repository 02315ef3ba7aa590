import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bindSocket } from '../../../kernel/socket.ts';
import { bridge, ctime, iptables, iptablesSaveProgram } from './fw.ts';
import { netPrograms } from './index.ts';
import { nc } from './nc.ts';
import { nginx } from './servers.ts';
import { netstat, ss } from './ss.ts';
import { lab, run } from './toolbench.ts';
import { traceroute } from './traceroute.ts';

const ms = (s: string): string => s.replace(/\d+\.\d{3} ms/g, 'T ms');

test('busybox nc -zv: open, refused only with -vv, bad address', () => {
  const L = lab();
  run(L.world, L.web, nginx, ['nginx']);
  assert.deepEqual(Object.values(run(L.world, L.client, nc, 'nc -zv 172.17.0.2 80')), [
    '',
    '172.17.0.2 (172.17.0.2:80) open\n',
    0,
  ]);
  assert.deepEqual(Object.values(run(L.world, L.client, nc, 'nc -zv 172.17.0.2 81')), ['', '', 1]);
  assert.deepEqual(Object.values(run(L.world, L.client, nc, 'nc -zvv 172.17.0.2 81')), [
    '',
    'nc: 172.17.0.2 (172.17.0.2:81): Connection refused\n',
    1,
  ]);
  assert.deepEqual(Object.values(run(L.world, L.client, nc, 'nc -z nope 80')), [
    '',
    "nc: bad address 'nope'\n",
    1,
  ]);
});

test('OpenBSD nc on the host: succeeded / connect failed', () => {
  const L = lab();
  run(L.world, L.web, nginx, ['nginx']);
  assert.equal(
    run(L.world, L.host, nc, 'nc -zv 172.17.0.2 80').stderr,
    'Connection to 172.17.0.2 80 port [tcp/http] succeeded!\n',
  );
  assert.deepEqual(Object.values(run(L.world, L.host, nc, 'nc -zv 172.17.0.2 81')), [
    '',
    'nc: connect to 172.17.0.2 port 81 (tcp) failed: Connection refused\n',
    1,
  ]);
});

test('nc sends an HTTP request from stdin and prints the raw response; nc -l listens', () => {
  const L = lab();
  run(L.world, L.web, nginx, ['nginx']);
  const r = run(L.world, L.client, nc, 'nc 172.17.0.2 80', 'HEAD / HTTP/1.0\r\n\r\n');
  assert.match(r.stdout, /^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.29\.4\r\n/);
  const l = run(L.world, L.web, nc, 'nc -lk -p 9000', 'hello\n');
  assert.equal(l.running, true);
  assert.equal(run(L.world, L.client, nc, 'nc 172.17.0.2 9000').stdout, 'hello\n');
});

test('busybox traceroute to the internet: gateway, router, ISP, then silent routers', () => {
  const L = lab();
  const r = run(L.world, L.client, traceroute, 'traceroute -m 4 google.com');
  assert.equal(
    ms(r.stdout),
    'traceroute to google.com (142.250.185.78), 4 hops max, 46 byte packets\n 1  172.17.0.1 (172.17.0.1)  T ms  T ms  T ms\n 2  192.168.1.1 (192.168.1.1)  T ms  T ms  T ms\n 3  203.0.113.1 (203.0.113.1)  T ms  T ms  T ms\n 4  *  *  *\n',
  );
});

test('traceroute stops at the destination (port unreachable); Linux format on hosts', () => {
  const L = lab();
  const r = run(L.world, L.host, traceroute, 'traceroute -n 172.17.0.2');
  assert.equal(
    ms(r.stdout),
    'traceroute to 172.17.0.2 (172.17.0.2), 30 hops max, 60 byte packets\n 1  172.17.0.2  T ms  T ms  T ms\n',
  );
  const r2 = run(L.world, L.client, traceroute, 'traceroute 192.168.1.12');
  assert.equal(
    ms(r2.stdout),
    'traceroute to 192.168.1.12 (192.168.1.12), 30 hops max, 46 byte packets\n 1  172.17.0.1 (172.17.0.1)  T ms  T ms  T ms\n 2  192.168.1.12 (192.168.1.12)  T ms  T ms  T ms\n',
  );
});

test('ss -tlnp on the host lists docker-proxy; netstat in the container lists nginx', () => {
  const L = lab();
  run(L.world, L.web, nginx, ['nginx']);
  bindSocket(L.host.ns, {
    proto: 'tcp',
    ip: '0.0.0.0',
    port: 8080,
    owner: 'docker-proxy',
    app: { kind: 'proxy', targetIp: '172.17.0.2', targetPort: 80 },
  });
  const out = run(L.world, L.host, ss, 'ss -tln').stdout;
  assert.equal(
    out,
    'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\nLISTEN 0      4096         0.0.0.0:8080      0.0.0.0:*   \n',
  );
  assert.match(run(L.world, L.host, ss, 'ss -tlnp').stdout, /users:\(\("docker-proxy",pid=\d+,fd=3\)\)\n$/);
  assert.equal(
    run(L.world, L.web, netstat, 'netstat -tln').stdout,
    'Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       \ntcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      \ntcp        0      0 :::80                   :::*                    LISTEN      \n',
  );
});

test('iptables in a container without NET_ADMIN is denied; on the host it works', () => {
  const L = lab();
  assert.deepEqual(Object.values(run(L.world, L.client, iptables, 'iptables -S')), [
    '',
    'iptables v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n\n',
    4,
  ]);
  assert.match(
    run(L.world, L.host, iptables, 'iptables -S FORWARD').stdout,
    /^-P FORWARD DROP\n-A FORWARD -j DOCKER-USER\n/,
  );
});

test('iptables-save prints the used tables with counters in brackets', () => {
  const L = lab();
  const out = run(L.world, L.host, iptablesSaveProgram, 'iptables-save -t nat').stdout;
  assert.equal(
    out,
    `# Generated by iptables-save v1.8.9 (nf_tables) on Mon Jan  5 09:00:00 2026
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:DOCKER - [0:0]
-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
-A DOCKER -i docker0 -j RETURN
COMMIT
# Completed on Mon Jan  5 09:00:00 2026
`,
  );
  assert.equal(ctime(Date.UTC(2026, 0, 15, 1, 2, 3)), 'Thu Jan 15 01:02:03 2026');
});

test('bridge link and bridge fdb', () => {
  const L = lab();
  const links = run(L.world, L.host, bridge, 'bridge link').stdout;
  assert.equal(
    links,
    '4: vethweb0000@if5: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master docker0 state forwarding priority 32 cost 2 \n6: vethclient0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master docker0 state forwarding priority 32 cost 2 \n',
  );
  run(L.world, L.client, nc, 'nc -z 172.17.0.2 80');
  const fdb = run(L.world, L.host, bridge, 'bridge fdb show').stdout;
  assert.match(fdb, /^02:42:ac:11:00:[0-9a-f]{2} dev vethclient0 master docker0 \n/m);
});

test('netPrograms registers every tool and server', () => {
  const names = Object.keys(netPrograms());
  for (const n of [
    'ip',
    'ping',
    'curl',
    'wget',
    'nslookup',
    'dig',
    'nc',
    'traceroute',
    'ss',
    'iptables',
    'bridge',
    'nginx',
    'httpd',
    'whoami',
    'python3',
    'redis-server',
    'top',
  ])
    assert.ok(names.includes(n), n);
});
