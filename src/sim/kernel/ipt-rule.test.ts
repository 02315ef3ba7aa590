import assert from 'node:assert/strict';
import { test } from 'node:test';
import { printNum } from './ipt-format.ts';
import { parseRuleTokens, ruleTokens, saveString, specText } from './ipt-rule.ts';
import { iptables } from './iptables.ts';
import { createNetns } from './netns.ts';
import { BindError, bindConflict, bindSocket, findListener, unbindOwner } from './socket.ts';

const canon = (line: string): string => specText(ruleTokens(parseRuleTokens(line.split(' '))));

test('canonical order: -s -d -i -o -p, matches, target', () => {
  assert.equal(
    canon('-j ACCEPT -p tcp --dport 80 -o br0 -i eth0 -d 10.0.0.1 -s 192.168.0.0/16'),
    '-s 192.168.0.0/16 -d 10.0.0.1/32 -i eth0 -o br0 -p tcp -m tcp --dport 80 -j ACCEPT',
  );
});

test('host bits are masked and /32 added', () => {
  assert.equal(canon('-s 10.1.2.3/8 -j DROP'), '-s 10.0.0.0/8 -j DROP');
  assert.equal(canon('-d 1.2.3.4 -j DROP'), '-d 1.2.3.4/32 -j DROP');
});

test('protocol numbers and case are canonicalised; -p all disappears', () => {
  assert.equal(canon('-p 6 --dport 22 -j ACCEPT'), '-p tcp -m tcp --dport 22 -j ACCEPT');
  assert.equal(canon('-p UDP --sport 53 -j ACCEPT'), '-p udp -m udp --sport 53 -j ACCEPT');
  assert.equal(canon('-p all -j ACCEPT'), '-j ACCEPT');
});

test('sport is printed before dport; ranges and service names', () => {
  assert.equal(
    canon('-p tcp --dport 8000:8080 --sport http -j ACCEPT'),
    '-p tcp -m tcp --sport 80 --dport 8000:8080 -j ACCEPT',
  );
});

test('negations stay in front of their option', () => {
  assert.equal(
    canon('! -i docker0 -p tcp ! --dport 80 -j DROP'),
    '! -i docker0 -p tcp -m tcp ! --dport 80 -j DROP',
  );
});

test('conntrack states are printed in kernel order; state match keeps its name', () => {
  assert.equal(
    canon('-m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT'),
    '-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
  );
  assert.equal(canon('-m state --state NEW -j ACCEPT'), '-m state --state NEW -j ACCEPT');
});

test('NAT and REJECT targets keep their options', () => {
  assert.equal(
    canon('-p tcp --dport 8080 -j DNAT --to-destination 172.18.0.2:80'),
    '-p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.18.0.2:80',
  );
  assert.equal(canon('-j SNAT --to-source 1.2.3.4'), '-j SNAT --to-source 1.2.3.4');
  assert.equal(canon('-p tcp -j REJECT --reject-with tcp-rst'), '-p tcp -j REJECT --reject-with tcp-reset');
  assert.equal(canon('-j MASQUERADE --to-ports 1024-65535'), '-j MASQUERADE --to-ports 1024-65535');
});

test('icmp type names become numbers', () => {
  assert.equal(
    canon('-p icmp --icmp-type echo-request -j ACCEPT'),
    '-p icmp -m icmp --icmp-type 8 -j ACCEPT',
  );
});

test('saveString quotes like xtables_save_string', () => {
  assert.equal(saveString('plain_word-1'), 'plain_word-1');
  assert.equal(saveString('two words'), '"two words"');
  assert.equal(saveString('say "hi"'), '"say \\"hi\\""');
});

test('printNum uses K/M units unless exact', () => {
  assert.equal(printNum(99999, false), '99999 ');
  assert.equal(printNum(123456, false), ' 123K ');
  assert.equal(printNum(123456789, false), ' 123M ');
  assert.equal(printNum(123456, true), '  123456 ');
});

test('-I without a number inserts first; -L with a rule number prints one row', () => {
  const ns = createNetns('x', 'x', { nextIndex: 2 });
  iptables(ns, ['-A', 'INPUT', '-s', '1.1.1.1', '-j', 'DROP']);
  iptables(ns, ['-I', 'INPUT', '-s', '2.2.2.2', '-j', 'ACCEPT']);
  assert.equal(
    iptables(ns, ['-L', 'INPUT', '2', '-n']).stdout,
    'DROP       0    --  1.1.1.1              0.0.0.0/0           \n',
  );
  assert.equal(
    iptables(ns, ['-S', 'INPUT']).stdout,
    '-P INPUT ACCEPT\n-A INPUT -s 2.2.2.2/32 -j ACCEPT\n-A INPUT -s 1.1.1.1/32 -j DROP\n',
  );
});

test('-E renames a chain and its jumps; -Z zeroes counters', () => {
  const ns = createNetns('x', 'x', { nextIndex: 2 });
  iptables(ns, ['-N', 'OLD']);
  iptables(ns, ['-A', 'FORWARD', '-j', 'OLD']);
  assert.equal(iptables(ns, ['-E', 'OLD', 'NEW']).exitCode, 0);
  assert.equal(
    iptables(ns, ['-S']).stdout,
    '-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n-N NEW\n-A FORWARD -j NEW\n',
  );
  ns.iptables.filter.chains.get('FORWARD')!.rules[0].pkts = 5;
  iptables(ns, ['-Z']);
  assert.equal(ns.iptables.filter.chains.get('FORWARD')!.rules[0].pkts, 0);
});

test('option errors: unknown option, missing argument, -o in INPUT, illegal option', () => {
  const ns = createNetns('x', 'x', { nextIndex: 2 });
  const e = (argv: string[]) => iptables(ns, argv);
  assert.equal(
    e(['-A', 'INPUT', '--bogus']).stderr,
    "iptables v1.8.9 (nf_tables): unknown option \"--bogus\"\nTry `iptables -h' or 'iptables --help' for more information.\n",
  );
  assert.equal(
    e(['-A']).stderr,
    "iptables v1.8.9 (nf_tables): option \"-A\" requires an argument\nTry `iptables -h' or 'iptables --help' for more information.\n",
  );
  assert.equal(
    e(['-A', 'INPUT', '-o', 'eth0', '-j', 'DROP']).stderr,
    "iptables v1.8.9 (nf_tables): Can't use -o with INPUT\n\nTry `iptables -h' or 'iptables --help' for more information.\n",
  );
  assert.equal(e(['-L', '-s', '1.2.3.4']).exitCode, 2);
  assert.equal(
    e([]).stderr,
    "iptables v1.8.9 (nf_tables): no command specified\nTry `iptables -h' or 'iptables --help' for more information.\n",
  );
  assert.equal(
    e(['-m', 'nosuch', '-A', 'INPUT']).stderr,
    "iptables v1.8.9 (nf_tables): Couldn't load match `nosuch':No such file or directory\n\nTry `iptables -h' or 'iptables --help' for more information.\n",
  );
});

test('DNAT outside the nat table fails at commit as in iptables-nft', () => {
  const ns = createNetns('x', 'x', { nextIndex: 2 });
  const r = iptables(ns, ['-A', 'INPUT', '-j', 'DNAT', '--to-destination', '1.2.3.4']);
  assert.deepEqual(
    [r.exitCode, r.stderr],
    [4, 'iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT\n'],
  );
});

test('sockets: wildcard and exact binds conflict per family; listeners prefer exact addresses', () => {
  const ns = createNetns('x', 'x', { nextIndex: 2 });
  const app = { kind: 'tcp' as const };
  bindSocket(ns, { proto: 'tcp', ip: '0.0.0.0', port: 80, owner: 'a', ownerId: 'c1', app });
  bindSocket(ns, { proto: 'tcp', ip: '::', port: 80, owner: 'a', ownerId: 'c1', app });
  assert.throws(
    () => bindSocket(ns, { proto: 'tcp', ip: '127.0.0.1', port: 80, owner: 'b', app }),
    BindError,
  );
  assert.equal(bindConflict(ns, 'udp', '0.0.0.0', 80), undefined);
  bindSocket(ns, { proto: 'tcp', ip: '127.0.0.1', port: 81, owner: 'b', app });
  assert.equal(findListener(ns, 'tcp', '127.0.0.1', 81)?.owner, 'b');
  assert.equal(findListener(ns, 'tcp', '10.0.0.1', 81), undefined);
  unbindOwner(ns, 'c1');
  assert.equal(findListener(ns, 'tcp', '10.0.0.1', 80), undefined);
});
