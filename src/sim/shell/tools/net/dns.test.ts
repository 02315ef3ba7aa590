import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bindSocket } from '../../../kernel/socket.ts';
import type { DnsAnswer, DnsQuestion } from '../../../kernel/types.ts';
import { dig, host, tabTo } from './dig.ts';
import { nslookup } from './nslookup.ts';
import { hostsLookup, libcOf, parseResolvConf, resolveName } from './resolve.ts';
import type { Lab } from './toolbench.ts';
import { lab, run } from './toolbench.ts';

/** embedded installs a Docker-like embedded DNS on 127.0.0.11 in the client container. */
function embedded(L: Lab): void {
  const names: Record<string, string> = { web: '172.17.0.2' };
  const resolve = (q: DnsQuestion): DnsAnswer => {
    const ip = names[q.name];
    if (ip)
      return q.type === 'A'
        ? {
            rcode: 'NOERROR',
            authoritative: true,
            answers: [{ name: q.name, type: 'A', ttl: 600, data: ip }],
          }
        : { rcode: 'NOERROR', authoritative: true, answers: [] };
    return { rcode: 'NOERROR', answers: [], forward: ['192.168.1.1'] };
  };
  bindSocket(L.client.ns, {
    proto: 'udp',
    ip: '127.0.0.11',
    port: 53,
    owner: 'dockerd',
    app: { kind: 'dns', resolve },
  });
  L.client.fs.writeFile('/etc/resolv.conf', 'nameserver 127.0.0.11\noptions ndots:0\n');
}

test('busybox nslookup through the router: A then empty AAAA', () => {
  const L = lab();
  assert.equal(
    run(L.world, L.client, nslookup, 'nslookup google.com').stdout,
    'Server:\t\t192.168.1.1\nAddress:\t192.168.1.1:53\n\nNon-authoritative answer:\nName:\tgoogle.com\nAddress: 142.250.185.78\n\nNon-authoritative answer:\n\n',
  );
});

test('busybox nslookup NXDOMAIN prints both queries and exits 1', () => {
  const L = lab();
  const r = run(L.world, L.client, nslookup, 'nslookup nope');
  assert.deepEqual(
    [r.stdout, r.exitCode],
    [
      "Server:\t\t192.168.1.1\nAddress:\t192.168.1.1:53\n\n** server can't find nope: NXDOMAIN\n\n** server can't find nope: NXDOMAIN\n\n",
      1,
    ],
  );
});

test('busybox nslookup against the embedded DNS: authoritative container names, forwarded others', () => {
  const L = lab();
  embedded(L);
  assert.equal(
    run(L.world, L.client, nslookup, 'nslookup web').stdout,
    'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nName:\tweb\nAddress: 172.17.0.2\n\n\n',
  );
  assert.match(
    run(L.world, L.client, nslookup, 'nslookup example.com').stdout,
    /^Server:\t\t127\.0\.0\.11\nAddress:\t127\.0\.0\.11:53\n\nNon-authoritative answer:\nName:\texample\.com\nAddress: 104\.20\.23\.154\nName:\texample\.com\nAddress: 172\.66\.147\.243\n/,
  );
});

test('nslookup with no reachable server times out', () => {
  const L = lab();
  L.client.fs.writeFile('/etc/resolv.conf', 'nameserver 10.255.255.1\n');
  assert.deepEqual(Object.values(run(L.world, L.client, nslookup, 'nslookup google.com')), [
    ';; connection timed out; no servers could be reached\n\n',
    '',
    1,
  ]);
});

test('BIND nslookup on the host, and a reverse lookup', () => {
  const L = lab();
  assert.equal(
    run(L.world, L.host, nslookup, 'nslookup google.com').stdout,
    'Server:\t\t192.168.1.1\nAddress:\t192.168.1.1#53\n\nNon-authoritative answer:\nName:\tgoogle.com\nAddress: 142.250.185.78\n\n',
  );
  assert.equal(
    run(L.world, L.host, nslookup, 'nslookup 8.8.8.8').stdout,
    'Server:\t\t192.168.1.1\nAddress:\t192.168.1.1#53\n\nNon-authoritative answer:\n8.8.8.8.in-addr.arpa\tname = dns.google.\n\nAuthoritative answers can be found from:\n\n',
  );
  assert.equal(
    run(L.world, L.host, nslookup, 'nslookup nope.invalid').stdout,
    "Server:\t\t192.168.1.1\nAddress:\t192.168.1.1#53\n\n** server can't find nope.invalid: NXDOMAIN\n\n",
  );
});

test('dig: full output with tabs, +short, @server', () => {
  const L = lab();
  const out = run(L.world, L.host, dig, 'dig google.com')
    .stdout.replace(/id: \d+/, 'id: N')
    .replace(/Query time: \d+/, 'Query time: Q');
  assert.equal(
    out,
    `
; <<>> DiG 9.18.39-0ubuntu0.24.04.2-Ubuntu <<>> google.com
;; global options: +cmd
;; Got answer:
;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: N
;; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1

;; OPT PSEUDOSECTION:
; EDNS: version: 0, flags:; udp: 1232
;; QUESTION SECTION:
;google.com.\t\t\tIN\tA

;; ANSWER SECTION:
google.com.\t\t300\tIN\tA\t142.250.185.78

;; Query time: Q msec
;; SERVER: 192.168.1.1#53(192.168.1.1) (UDP)
;; WHEN: Mon Jan 05 09:00:00 UTC 2026
;; MSG SIZE  rcvd: 55

`,
  );
  assert.equal(
    run(L.world, L.host, dig, 'dig +short @1.1.1.1 example.com').stdout,
    '104.20.23.154\n172.66.147.243\n',
  );
  assert.equal(run(L.world, L.host, dig, 'dig +short -x 1.1.1.1').stdout, 'one.one.one.one.\n');
  assert.equal(tabTo(';a-much-longer-name.example.', 24), ';a-much-longer-name.example.\t');
});

test('host: has address / not found', () => {
  const L = lab();
  assert.deepEqual(Object.values(run(L.world, L.host, host, 'host example.com')), [
    'example.com has address 104.20.23.154\nexample.com has address 172.66.147.243\n',
    '',
    0,
  ]);
  assert.deepEqual(Object.values(run(L.world, L.host, host, 'host nope.invalid')), [
    'Host nope.invalid not found: 3(NXDOMAIN)\n',
    '',
    1,
  ]);
});

test('resolver: /etc/hosts first, then DNS; literals need no lookup', () => {
  const L = lab();
  L.client.fs.writeFile('/etc/hosts', '127.0.0.1\tlocalhost\n10.1.2.3\tdb db.local\n');
  assert.deepEqual(resolveName(L.world, L.client, 'db.local', 't').addrs, ['10.1.2.3']);
  assert.deepEqual(resolveName(L.world, L.client, '9.9.9.9', 't').traces.length, 0);
  assert.deepEqual(resolveName(L.world, L.client, 'google.com', 't').addrs, ['142.250.185.78']);
  assert.equal(resolveName(L.world, L.client, 'nope', 't').error, 'notfound');
});

test('resolver: search domains and ndots (glibc tries the name first when it has enough dots)', () => {
  const L = lab();
  L.host.fs.writeFile('/etc/resolv.conf', 'nameserver 192.168.1.1\nsearch com\noptions ndots:1\n');
  const r = resolveName(L.world, L.host, 'google', 't');
  assert.deepEqual([r.addrs, r.canonical], [['142.250.185.78'], 'google.com']);
  assert.deepEqual(parseResolvConf('nameserver 1.1.1.1\nnameserver 8.8.8.8\noptions ndots:0 timeout:2'), {
    nameservers: ['1.1.1.1', '8.8.8.8'],
    search: [],
    ndots: 0,
    timeout: 2,
    attempts: 2,
  });
  assert.deepEqual(hostsLookup('# c\n10.0.0.1 a b\n10.0.0.2 b\n', 'B'), ['10.0.0.1', '10.0.0.2']);
});

test('libc: alpine is musl, busybox:latest is glibc, hosts are glibc', () => {
  const L = lab();
  assert.equal(libcOf(L.client), 'musl');
  assert.equal(libcOf({ ...L.client, container: { id: 'x', name: 'b', image: 'busybox' } }), 'glibc');
  assert.equal(libcOf({ ...L.client, container: { id: 'x', name: 'b', image: 'busybox:musl' } }), 'musl');
  assert.equal(libcOf(L.host), 'glibc');
});
