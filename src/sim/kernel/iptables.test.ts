import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IptPacket } from './ipt-eval.ts';
import { evaluateChain, iptables } from './iptables.ts';
import { createNetns } from './netns.ts';

const ns = () => createNetns('h', 'h', { nextIndex: 2 });
const ok = (n: ReturnType<typeof ns>, line: string) => {
  const r = iptables(n, line.split(' '));
  assert.equal(r.stderr, '', line);
  assert.equal(r.exitCode, 0);
  return r.stdout;
};

function dockerLike() {
  const n = ns();
  for (const c of [
    'DOCKER',
    'DOCKER-USER',
    'DOCKER-FORWARD',
    'DOCKER-CT',
    'DOCKER-BRIDGE',
    'DOCKER-ISOLATION-STAGE-1',
    'DOCKER-ISOLATION-STAGE-2',
  ])
    ok(n, `-N ${c}`);
  ok(n, '-P FORWARD DROP');
  ok(n, '-A FORWARD -j DOCKER-USER');
  ok(n, '-A FORWARD -j DOCKER-FORWARD');
  ok(n, '-A DOCKER-FORWARD -j DOCKER-CT');
  ok(n, '-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1');
  ok(n, '-A DOCKER-FORWARD -j DOCKER-BRIDGE');
  ok(n, '-A DOCKER-FORWARD -i docker0 -j ACCEPT');
  ok(n, '-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
  ok(n, '-A DOCKER-BRIDGE -o docker0 -j DOCKER');
  ok(n, '-A DOCKER -d 172.17.0.2 ! -i docker0 -o docker0 -p tcp --dport 80 -j ACCEPT');
  ok(n, '-A DOCKER ! -i docker0 -o docker0 -j DROP');
  ok(n, '-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2');
  ok(n, '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP');
  ok(n, '-t nat -N DOCKER');
  ok(n, '-t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER');
  ok(n, '-t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER');
  ok(n, '-t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
  ok(n, '-t nat -A DOCKER -i docker0 -j RETURN');
  ok(n, '-t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80');
  return n;
}

test('-S prints policies, sorted user chains, then rules in canonical form', () => {
  const n = dockerLike();
  assert.equal(
    ok(n, '-S'),
    `-P INPUT ACCEPT
-P FORWARD DROP
-P OUTPUT ACCEPT
-N DOCKER
-N DOCKER-BRIDGE
-N DOCKER-CT
-N DOCKER-FORWARD
-N DOCKER-ISOLATION-STAGE-1
-N DOCKER-ISOLATION-STAGE-2
-N DOCKER-USER
-A FORWARD -j DOCKER-USER
-A FORWARD -j DOCKER-FORWARD
-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
-A DOCKER ! -i docker0 -o docker0 -j DROP
-A DOCKER-BRIDGE -o docker0 -j DOCKER
-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A DOCKER-FORWARD -j DOCKER-CT
-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1
-A DOCKER-FORWARD -j DOCKER-BRIDGE
-A DOCKER-FORWARD -i docker0 -j ACCEPT
-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
`,
  );
  assert.equal(
    ok(n, '-t nat -S'),
    `-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
-N DOCKER
-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
-A DOCKER -i docker0 -j RETURN
-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
`,
  );
  assert.equal(
    ok(n, '-S DOCKER-CT'),
    `-N DOCKER-CT
-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
`,
  );
  assert.equal(ok(n, '-S FORWARD 2'), '-A FORWARD -j DOCKER-FORWARD\n');
});

test('-L -n -v prints the nft 1.8.9 table layout with numeric protocols', () => {
  const n = dockerLike();
  const pkt: IptPacket = {
    proto: 'tcp',
    src: '192.168.1.20',
    dst: '172.17.0.2',
    sport: 40000,
    dport: 80,
    in: 'eth0',
    out: 'docker0',
    ctstate: ['NEW'],
    length: 60,
  };
  const v = evaluateChain(n, 'filter', 'FORWARD', pkt);
  assert.equal(v.verdict, 'ACCEPT');
  assert.equal(
    v.rule,
    '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
  );
  assert.equal(
    ok(n, '-t nat -L -n -v'),
    `Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 DOCKER     0    --  *      *       0.0.0.0/0            0.0.0.0/0            ADDRTYPE match dst-type LOCAL

Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         

Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 DOCKER     0    --  *      *       0.0.0.0/0           !127.0.0.0/8          ADDRTYPE match dst-type LOCAL

Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 MASQUERADE  0    --  *      !docker0  172.17.0.0/16        0.0.0.0/0           

Chain DOCKER (2 references)
 pkts bytes target     prot opt in     out     source               destination         
    0     0 RETURN     0    --  docker0 *       0.0.0.0/0            0.0.0.0/0           
    0     0 DNAT       6    --  !docker0 *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:172.17.0.2:80
`,
  );
  assert.equal(
    ok(n, '-L DOCKER -n -v --line-numbers'),
    `Chain DOCKER (1 references)
num   pkts bytes target     prot opt in     out     source               destination         
1        1    60 ACCEPT     6    --  !docker0 docker0  0.0.0.0/0            172.17.0.2           tcp dpt:80
2        0     0 DROP       0    --  !docker0 docker0  0.0.0.0/0            0.0.0.0/0           
`,
  );
});

test('-L without -n names things; -x shows exact counters', () => {
  const n = ns();
  ok(n, '-A INPUT -p tcp --dport 22 -m comment --comment ssh_in -j ACCEPT');
  ok(n, '-A INPUT -s 10.0.0.0/8 -j REJECT');
  assert.equal(
    ok(n, '-L INPUT'),
    `Chain INPUT (policy ACCEPT)
target     prot opt source               destination         
ACCEPT     tcp  --  anywhere             anywhere             tcp dpt:ssh /* ssh_in */
REJECT     all  --  10.0.0.0/8           anywhere             reject-with icmp-port-unreachable
`,
  );
  assert.equal(
    ok(n, '-S INPUT'),
    `-P INPUT ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -m comment --comment ssh_in -j ACCEPT
-A INPUT -s 10.0.0.0/8 -j REJECT --reject-with icmp-port-unreachable
`,
  );
  assert.equal(
    ok(n, '-L OUTPUT -v -x -n'),
    `Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)
    pkts      bytes target     prot opt in     out     source               destination         
`,
  );
});

test('comments with spaces are quoted; comment moves last as in iptables-nft', () => {
  const n = ns();
  const r = iptables(n, [
    '-A',
    'INPUT',
    '-m',
    'comment',
    '--comment',
    'allow web',
    '-p',
    'tcp',
    '--dport',
    '80',
    '-j',
    'ACCEPT',
  ]);
  assert.equal(r.exitCode, 0);
  assert.equal(
    ok(n, '-S INPUT 1'),
    '-A INPUT -p tcp -m tcp --dport 80 -m comment --comment "allow web" -j ACCEPT\n',
  );
});

test('-D by spec and by number, -C, -I position, -R', () => {
  const n = ns();
  ok(n, '-A INPUT -s 1.2.3.4 -j DROP');
  ok(n, '-A INPUT -s 1.2.3.5/32 -j DROP');
  ok(n, '-I INPUT 2 -s 9.9.9.9 -j ACCEPT');
  ok(n, '-C INPUT -s 1.2.3.5 -j DROP');
  ok(n, '-D INPUT -s 1.2.3.4/32 -j DROP');
  ok(n, '-R INPUT 1 -s 8.8.8.8 -j ACCEPT');
  assert.equal(
    ok(n, '-S INPUT'),
    '-P INPUT ACCEPT\n-A INPUT -s 8.8.8.8/32 -j ACCEPT\n-A INPUT -s 1.2.3.5/32 -j DROP\n',
  );
  ok(n, '-D INPUT 1');
  assert.equal(ok(n, '-S INPUT'), '-P INPUT ACCEPT\n-A INPUT -s 1.2.3.5/32 -j DROP\n');
});

test('errors use iptables-nft wording and exit codes', () => {
  const n = ns();
  const e = (line: string) => {
    const r = iptables(n, line.split(' '));
    return [r.exitCode, r.stderr];
  };
  assert.deepEqual(e('-A NOPE -j ACCEPT'), [1, 'iptables: No chain/target/match by that name.\n']);
  assert.deepEqual(e('-A INPUT -j NOPE'), [
    2,
    "iptables v1.8.9 (nf_tables): Chain 'NOPE' does not exist\nTry `iptables -h' or 'iptables --help' for more information.\n",
  ]);
  assert.deepEqual(e('-D INPUT -s 1.1.1.1 -j DROP'), [
    1,
    'iptables: Bad rule (does a matching rule exist in that chain?).\n',
  ]);
  assert.deepEqual(e('-D INPUT 3'), [1, 'iptables: Index of deletion too big.\n']);
  assert.deepEqual(e('-L NOPE'), [1, 'iptables: No chain/target/match by that name.\n']);
  assert.deepEqual(e('-t foo -L'), [
    3,
    "iptables v1.8.9 (nf_tables): table 'foo' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n",
  ]);
  assert.deepEqual(e('-A INPUT --dport 80 -j ACCEPT'), [
    2,
    "iptables v1.8.9 (nf_tables): unknown option \"--dport\"\nTry `iptables -h' or 'iptables --help' for more information.\n",
  ]);
  assert.deepEqual(e('-A INPUT -s 1.2.3.x -j ACCEPT'), [
    2,
    "iptables v1.8.9 (nf_tables): host/network `1.2.3.x' not found\nTry `iptables -h' or 'iptables --help' for more information.\n",
  ]);
  ok(n, '-N X');
  assert.deepEqual(e('-N X'), [1, 'iptables: Chain already exists.\n']);
  ok(n, '-A INPUT -j X');
  assert.deepEqual(e('-X X'), [
    4,
    'iptables v1.8.9 (nf_tables):  CHAIN_DEL failed (Device or resource busy): chain X\n',
  ]);
  assert.deepEqual(e('-P X DROP'), [1, 'iptables: Bad built-in chain name.\n']);
  assert.deepEqual(e('-t nat -A POSTROUTING -j DROP'), [
    2,
    "iptables v1.8.9 (nf_tables): \nThe \"nat\" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n\nTry `iptables -h' or 'iptables --help' for more information.\n",
  ]);
  assert.deepEqual(e('-L -x foo'), [
    2,
    "Bad argument `foo'\nTry `iptables -h' or 'iptables --help' for more information.\n",
  ]);
});

test('bundled flags and -F/-X/-Z', () => {
  const n = ns();
  ok(n, '-N A');
  ok(n, '-A A -j RETURN');
  assert.match(ok(n, '-nvL A'), /^Chain A \(0 references\)\n/);
  ok(n, '-F A');
  ok(n, '-X A');
  assert.equal(ok(n, '-S'), '-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n');
});

test('evaluateChain follows jumps, RETURN and policy, and counts', () => {
  const n = dockerLike();
  const pkt: IptPacket = {
    proto: 'icmp',
    src: '172.17.0.2',
    dst: '172.17.0.3',
    sport: 0,
    dport: 0,
    in: 'docker0',
    out: 'docker0',
    ctstate: ['NEW'],
    length: 84,
    icmpType: 8,
  };
  const v = evaluateChain(n, 'filter', 'FORWARD', pkt);
  assert.equal(v.verdict, 'ACCEPT');
  assert.equal(v.rule, '-A DOCKER-FORWARD -i docker0 -j ACCEPT');
  const other: IptPacket = { ...pkt, in: 'br-x', out: 'docker0', src: '172.18.0.2' };
  const d = evaluateChain(n, 'filter', 'FORWARD', other);
  assert.equal(d.verdict, 'DROP');
  assert.equal(d.rule, '-A DOCKER ! -i docker0 -o docker0 -j DROP');
  const nat = evaluateChain(n, 'nat', 'POSTROUTING', { ...pkt, out: 'eth0', dst: '8.8.8.8' });
  assert.equal(nat.verdict, 'MASQUERADE');
  const pol = evaluateChain(n, 'filter', 'FORWARD', { ...pkt, in: 'eth0', out: 'eth1' });
  assert.deepEqual([pol.verdict, pol.byPolicy, pol.rule], ['DROP', true, '-P FORWARD DROP']);
  assert.match(ok(n, '-L FORWARD -v -n'), /^Chain FORWARD \(policy DROP 1 packets, 84 bytes\)/);
});
