import assert from 'node:assert/strict';
import { test } from 'node:test';
import { iptablesOk } from '../../../kernel/iptables.ts';
import { createNetns } from '../../../kernel/netns.ts';
import { iputilsTime, ping } from './ping.ts';
import { containerPlace, lab, run } from './toolbench.ts';

/** times replaces measured times so whole outputs can be compared. */
const times = (s: string): string =>
  s
    .replace(/time=[\d.]+ ms/g, 'time=T ms')
    .replace(/= [\d./]+ ms/g, '= T ms')
    .replace(/time \d+ms/g, 'time Nms');

test('busybox ping between containers: whole output', () => {
  const L = lab();
  const r = run(L.world, L.client, ping, 'ping -c 2 172.17.0.2');
  assert.equal(r.exitCode, 0);
  assert.equal(
    times(r.stdout),
    `PING 172.17.0.2 (172.17.0.2): 56 data bytes
64 bytes from 172.17.0.2: seq=0 ttl=64 time=T ms
64 bytes from 172.17.0.2: seq=1 ttl=64 time=T ms

--- 172.17.0.2 ping statistics ---
2 packets transmitted, 2 packets received, 0% packet loss
round-trip min/avg/max = T ms
`,
  );
  assert.match(r.stdout, /time=0\.0\d\d ms/);
});

test('busybox ping to the internet by name: ttl 115 and ~15 ms', () => {
  const L = lab();
  const r = run(L.world, L.client, ping, 'ping -c 1 google.com');
  assert.equal(
    times(r.stdout),
    'PING google.com (142.250.185.78): 56 data bytes\n64 bytes from 142.250.185.78: seq=0 ttl=115 time=T ms\n\n--- google.com ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\nround-trip min/avg/max = T ms\n',
  );
  const ms = Number(/time=([\d.]+)/.exec(r.stdout)?.[1]);
  assert.ok(ms > 10 && ms < 25, String(ms));
});

test('busybox ping: bad address, exit 1, nothing on stdout', () => {
  const L = lab();
  assert.deepEqual(Object.values(run(L.world, L.client, ping, 'ping -c 2 alpine2')), [
    '',
    "ping: bad address 'alpine2'\n",
    1,
  ]);
});

test('busybox ping with no route: sendto: Network unreachable (musl) / Network is unreachable (glibc)', () => {
  const L = lab();
  const lonely = createNetns('host1/none', 'host1', L.host.ns.counter);
  L.world.register(lonely);
  const alpine = containerPlace(L.world, lonely, 'none', '127.0.0.1');
  const r = run(L.world, alpine, ping, 'ping -c 1 -W 1 8.8.8.8');
  assert.deepEqual(
    [r.stdout, r.stderr, r.exitCode],
    ['PING 8.8.8.8 (8.8.8.8): 56 data bytes\n', 'ping: sendto: Network unreachable\n', 1],
  );
  const bb = containerPlace(L.world, lonely, 'none', '127.0.0.1', 'busybox');
  assert.equal(run(L.world, bb, ping, 'ping -c 1 8.8.8.8').stderr, 'ping: sendto: Network is unreachable\n');
});

test('busybox ping 100% loss when the firewall drops: exit 1, no round-trip line', () => {
  const L = lab();
  iptablesOk(L.host.ns, ['-I', 'DOCKER-USER', '-j', 'DROP']);
  const r = run(L.world, L.client, ping, 'ping -c 2 -W 1 8.8.8.8');
  assert.equal(r.exitCode, 1);
  assert.equal(
    r.stdout,
    'PING 8.8.8.8 (8.8.8.8): 56 data bytes\n\n--- 8.8.8.8 ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n',
  );
});

test('busybox ping -q only prints the header and statistics', () => {
  const L = lab();
  const r = run(L.world, L.client, ping, 'ping -q -c 3 172.17.0.1');
  assert.equal(
    times(r.stdout),
    'PING 172.17.0.1 (172.17.0.1): 56 data bytes\n\n--- 172.17.0.1 ping statistics ---\n3 packets transmitted, 3 packets received, 0% packet loss\nround-trip min/avg/max = T ms\n',
  );
});

test('iputils ping on the host: reverse names, icmp_seq from 1, rtt/mdev line', () => {
  const L = lab();
  const r = run(L.world, L.host, ping, 'ping -c 2 google.com');
  assert.equal(
    times(r.stdout),
    `PING google.com (142.250.185.78) 56(84) bytes of data.
64 bytes from fra16s48-in-f14.1e100.net (142.250.185.78): icmp_seq=1 ttl=116 time=T ms
64 bytes from fra16s48-in-f14.1e100.net (142.250.185.78): icmp_seq=2 ttl=116 time=T ms

--- google.com ping statistics ---
2 packets transmitted, 2 received, 0% packet loss, time Nms
rtt min/avg/max/mdev = T ms
`,
  );
});

test('iputils ping of a numeric address never resolves names', () => {
  const L = lab();
  const r = run(L.world, L.host, ping, 'ping -c 1 172.17.0.2');
  assert.match(
    r.stdout,
    /^PING 172\.17\.0\.2 \(172\.17\.0\.2\) 56\(84\) bytes of data\.\n64 bytes from 172\.17\.0\.2: icmp_seq=1 ttl=64 time=0\.\d{3} ms\n/,
  );
});

test('iputils: Destination Host Unreachable with +errors, blank last line, exit 1', () => {
  const L = lab();
  const r = run(L.world, L.host, ping, 'ping -c 2 192.168.1.77');
  assert.equal(
    times(r.stdout),
    `PING 192.168.1.77 (192.168.1.77) 56(84) bytes of data.
From 192.168.1.11 icmp_seq=1 Destination Host Unreachable
From 192.168.1.11 icmp_seq=2 Destination Host Unreachable

--- 192.168.1.77 ping statistics ---
2 packets transmitted, 0 received, +2 errors, 100% packet loss, time Nms

`,
  );
  assert.equal(r.exitCode, 1);
});

test('iputils: unknown name and no route errors exit 2', () => {
  const L = lab();
  assert.deepEqual(Object.values(run(L.world, L.host, ping, 'ping -c 1 nope.invalid')), [
    '',
    'ping: nope.invalid: Name or service not known\n',
    2,
  ]);
  const lonely = createNetns('host1/x', 'host1', L.host.ns.counter);
  const place = { ...L.host, ns: lonely };
  assert.deepEqual(Object.values(run(L.world, place, ping, 'ping -c 1 8.8.8.8')), [
    '',
    'ping: connect: Network is unreachable\n',
    2,
  ]);
});

test('ping advances the clock by about a second per extra packet', () => {
  const L = lab();
  const t0 = L.world.clock.now();
  run(L.world, L.client, ping, 'ping -c 3 172.17.0.2');
  const dt = L.world.clock.now() - t0;
  assert.ok(dt >= 2000 && dt < 2100, String(dt));
});

test('iputilsTime uses 3, 2, 1 and 0 decimals as the value grows', () => {
  assert.deepEqual(
    [iputilsTime(85), iputilsTime(1234), iputilsTime(12345), iputilsTime(123456)],
    ['0.085', '1.23', '12.3', '123'],
  );
});

test('same seed, same commands: same output', () => {
  const L1 = lab(9);
  const L2 = lab(9);
  const a = run(L1.world, L1.client, ping, 'ping -c 2 google.com').stdout;
  assert.equal(a, run(L2.world, L2.client, ping, 'ping -c 2 google.com').stdout);
  assert.ok(a.includes('2 packets received'));
});

test('iputils: an OUTPUT DROP makes sendmsg fail with EPERM for every packet', () => {
  const L = lab();
  iptablesOk(L.host.ns, ['-A', 'OUTPUT', '-d', '8.8.8.8', '-j', 'DROP']);
  const r = run(L.world, L.host, ping, 'ping -c 2 8.8.8.8');
  assert.equal(r.stderr, 'ping: sendmsg: Operation not permitted\nping: sendmsg: Operation not permitted\n');
  assert.equal(
    times(r.stdout),
    'PING 8.8.8.8 (8.8.8.8) 56(84) bytes of data.\n\n--- 8.8.8.8 ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time Nms\n\n',
  );
  assert.equal(r.exitCode, 1);
});
