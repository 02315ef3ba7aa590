// pcap-filter(7) expressions against packets, and libpcap 1.10's refusals word for word.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileFilter, type FilterPacket } from './filter.ts';

const udp = (src: string, sport: number, dst: string, dport: number): FilterPacket => ({
  ip: { proto: 'udp', src, dst, sport, dport },
});
const tcp = (src: string, sport: number, dst: string, dport: number): FilterPacket => ({
  ip: { proto: 'tcp', src, dst, sport, dport },
});
const icmp: FilterPacket = { ip: { proto: 'icmp', src: '10.0.1.2', dst: '10.0.1.3', sport: 7, dport: 7 } };
const arp: FilterPacket = { arp: { senderIp: '10.0.1.2', targetIp: '10.0.1.3' } };
const vxlan = udp('192.168.1.11', 40000, '192.168.1.12', 4789);
const web = tcp('172.17.0.1', 40000, '172.17.0.2', 80);
const ALL = { icmp, arp, vxlan, web, dns: udp('10.0.1.2', 33000, '127.0.0.11', 53) };

function matches(expr: string): string[] {
  const f = compileFilter(expr, (name) => (name === 'web' ? '172.17.0.2' : undefined));
  return Object.entries(ALL)
    .filter(([, p]) => f(p))
    .map(([k]) => k);
}

test('protocols, hosts, nets and ports', () => {
  assert.deepEqual(matches(''), ['icmp', 'arp', 'vxlan', 'web', 'dns']);
  assert.deepEqual(matches('icmp'), ['icmp']);
  assert.deepEqual(matches('arp'), ['arp']);
  assert.deepEqual(matches('ip'), ['icmp', 'vxlan', 'web', 'dns']);
  assert.deepEqual(matches('udp port 4789'), ['vxlan']);
  assert.deepEqual(matches('port 80 or port 53'), ['web', 'dns']);
  assert.deepEqual(matches('tcp dst port http'), ['web']);
  assert.deepEqual(matches('src port 80'), []);
  assert.deepEqual(matches('host 10.0.1.3'), ['icmp', 'arp']);
  assert.deepEqual(matches('ip host 10.0.1.3'), ['icmp']);
  assert.deepEqual(matches('src host 10.0.1.2'), ['icmp', 'arp', 'dns']);
  assert.deepEqual(matches('dst 127.0.0.11'), ['dns']);
  assert.deepEqual(matches('net 192.168.0.0/16'), ['vxlan']);
  assert.deepEqual(matches('net 10.0.1'), ['icmp', 'arp', 'dns']);
  assert.deepEqual(matches('host web'), ['web']);
  assert.deepEqual(matches('portrange 50-100'), ['web', 'dns']);
});

test('not, and, or, ! && || and parentheses; and/or bind equally, left to right', () => {
  assert.deepEqual(matches('not arp and not icmp'), ['vxlan', 'web', 'dns']);
  assert.deepEqual(matches('!arp && !(icmp || udp)'), ['web']);
  assert.deepEqual(matches('icmp or arp and host 10.0.1.3'), ['icmp', 'arp']);
  assert.deepEqual(matches('udp or tcp and port 53'), ['dns']);
  assert.deepEqual(matches('host 10.0.1.3 or 172.17.0.2'), ['icmp', 'arp', 'web']);
  assert.deepEqual(matches('tcp port 80 or 53'), ['web']);
});

test("libpcap's errors", () => {
  const err = (expr: string): string => {
    try {
      compileFilter(expr, () => undefined);
      return 'compiled';
    } catch (e) {
      return (e as Error).message;
    }
  };
  assert.equal(err('host'), "can't parse filter expression: syntax error");
  assert.equal(err('host 1.2.3.4 and'), "can't parse filter expression: syntax error");
  assert.equal(err('(icmp'), "can't parse filter expression: syntax error");
  assert.equal(err('icmp)'), "can't parse filter expression: syntax error");
  assert.equal(err('port 70000'), 'illegal port number 70000 > 65535');
  assert.equal(err('port gopher2'), "unknown port 'gopher2'");
  assert.equal(err('host nosuchhost'), "unknown host 'nosuchhost'");
  assert.equal(err('net 10.0.1.5/24'), 'non-network bits set in "10.0.1.5/24"');
  assert.equal(err('tcp host 1.2.3.4'), "'tcp' modifier applied to host");
  assert.equal(err('icmp port 80'), "illegal qualifier of 'port'");
});
