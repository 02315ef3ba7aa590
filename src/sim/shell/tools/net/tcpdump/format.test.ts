// The one-line printers against lines of tcpdump 4.99.4's own test suite (tests/*.out, run with
// -n by tests/TESTrun): each frame below holds the headers of the pcap packet behind the line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Frame, TcpSeg } from '../../../../trace/capture/frames.ts';
import type { Packet } from '../../../../trace/types.ts';
import { type FormatOptions, formatFrame, type TcpSeqTable, timestamp } from './format.ts';

const N: FormatOptions = { e: false, nn: true, any: false, q: false };
const at = (hms: string): number =>
  Date.UTC(2020, 0, 1) +
  (Date.parse(`2020-01-01T${hms.slice(0, 8)}Z`) - Date.UTC(2020, 0, 1)) +
  Number(`0.${hms.slice(9)}`) * 1000;

function frame(time: string, pkt: Partial<Packet>, extra: Partial<Frame> = {}): Frame {
  const p: Packet = {
    proto: 'udp',
    kind: 'udp',
    src: '',
    dst: '',
    sport: 0,
    dport: 0,
    ttl: 64,
    length: 0,
    ...pkt,
  };
  return {
    at: at(time),
    host: 'h',
    ns: 'h',
    ifname: 'eth0',
    ifindex: 2,
    dir: 'in',
    srcMac: '',
    dstMac: '',
    pkt: p,
    ...extra,
  };
}

test('timestamp prints HH:MM:SS.micro', () => {
  assert.equal(timestamp(at('03:57:35.938066')), '03:57:35.938066');
  assert.equal(timestamp(Date.UTC(2026, 0, 5, 9, 0, 0) + 0.5), '09:00:00.000500');
});

test('ICMP echo (tests/e1000g.out #1) and port unreachable (tests/mpls-traceroute.out #14)', () => {
  const echo = frame('17:27:26.701826', {
    proto: 'icmp',
    kind: 'echo-request',
    src: '129.146.106.55',
    dst: '10.5.233.117',
    sport: 6901,
    dport: 6901,
    icmpType: 8,
    icmpCode: 0,
    icmpSeq: 0,
    length: 84,
  });
  assert.equal(
    formatFrame(echo, N, new Map()),
    '17:27:26.701826 IP 129.146.106.55 > 10.5.233.117: ICMP echo request, id 6901, seq 0, length 64',
  );
  const unreach = frame('10:13:29.333151', {
    proto: 'icmp',
    kind: 'icmp-error',
    src: '12.1.1.1',
    dst: '12.4.4.4',
    icmpType: 3,
    icmpCode: 3,
    length: 56,
    inner: { proto: 'udp', src: '12.4.4.4', dst: '12.1.1.1', sport: 40000, dport: 33441 },
  });
  assert.equal(
    formatFrame(unreach, N, new Map()),
    '10:13:29.333151 IP 12.1.1.1 > 12.4.4.4: ICMP 12.1.1.1 udp port 33441 unreachable, length 36',
  );
});

test('DNS query and answer (tests/edns-opts.out #1, #2)', () => {
  const dns = { id: 13784, name: 'example.com', qtype: 'A' };
  const q = frame('20:58:40.639715', {
    src: '192.0.0.1',
    dst: '192.0.0.2',
    sport: 46225,
    dport: 53,
    length: 28 + 29,
    dns,
  });
  assert.equal(
    formatFrame(q, N, new Map()),
    '20:58:40.639715 IP 192.0.0.1.46225 > 192.0.0.2.53: 13784+ A? example.com. (29)',
  );
  const a = frame('20:58:40.661836', {
    src: '192.0.0.2',
    dst: '192.0.0.1',
    sport: 53,
    dport: 46225,
    length: 28 + 45,
    dns: { ...dns, rcode: 'NOERROR', aa: true, ra: false, answers: [{ type: 'A', data: '93.184.216.34' }] },
  });
  assert.equal(
    formatFrame(a, N, new Map()),
    '20:58:40.661836 IP 192.0.0.2.53 > 192.0.0.1.46225: 13784*- 1/0/0 A 93.184.216.34 (45)',
  );
});

test('a TCP conversation with relative sequence numbers and HTTP (tests/print-A.out #1-#10)', () => {
  const c = { src: '127.0.0.1', dst: '127.0.0.1', sport: 55920, dport: 80 };
  const s = { src: '127.0.0.1', dst: '127.0.0.1', sport: 80, dport: 55920 };
  const ci = 928549246;
  const si = 930778609;
  const opt = (v: number, e: number): string => `nop,nop,TS val ${v} ecr ${e}`;
  const segs: Array<[string, typeof c, TcpSeg]> = [
    [
      '03:57:35.938066',
      c,
      {
        flags: 'S',
        seq: ci,
        ack: 0,
        win: 32767,
        options: 'mss 16396,sackOK,TS val 1306300950 ecr 0,nop,wscale 2',
        len: 0,
      },
    ],
    [
      '03:57:35.938122',
      s,
      {
        flags: 'S.',
        seq: si,
        ack: ci + 1,
        win: 32767,
        options: 'mss 16396,sackOK,TS val 1306300950 ecr 1306300950,nop,wscale 2',
        len: 0,
      },
    ],
    [
      '03:57:35.938167',
      c,
      { flags: '.', seq: ci + 1, ack: si + 1, win: 8192, options: opt(1306300950, 1306300950), len: 0 },
    ],
    [
      '03:57:35.939423',
      c,
      {
        flags: 'P.',
        seq: ci + 1,
        ack: si + 1,
        win: 8192,
        options: opt(1306300951, 1306300950),
        len: 202,
        text: 'GET / HTTP/1.1\r\nHost: localhost\r\n',
      },
    ],
    [
      '03:57:35.940474',
      s,
      { flags: '.', seq: si + 1, ack: ci + 203, win: 8192, options: opt(1306300952, 1306300951), len: 0 },
    ],
    [
      '03:57:35.941232',
      s,
      {
        flags: 'P.',
        seq: si + 1,
        ack: ci + 203,
        win: 8192,
        options: opt(1306300953, 1306300951),
        len: 5559,
        text: 'HTTP/1.1 200 OK\r\n',
      },
    ],
    [
      '03:57:35.941260',
      c,
      { flags: '.', seq: ci + 203, ack: si + 5560, win: 12383, options: opt(1306300953, 1306300953), len: 0 },
    ],
    [
      '03:57:37.229575',
      c,
      {
        flags: 'F.',
        seq: ci + 203,
        ack: si + 5560,
        win: 12383,
        options: opt(1306302241, 1306300953),
        len: 0,
      },
    ],
    [
      '03:57:37.230839',
      s,
      { flags: 'F.', seq: si + 5560, ack: ci + 204, win: 8192, options: opt(1306302243, 1306302241), len: 0 },
    ],
    [
      '03:57:37.230900',
      c,
      { flags: '.', seq: ci + 204, ack: si + 5561, win: 12383, options: opt(1306302243, 1306302243), len: 0 },
    ],
  ];
  const seqs: TcpSeqTable = new Map();
  const lines = segs.map(([t, ends, tcp]) =>
    formatFrame(frame(t, { proto: 'tcp', kind: 'syn', ...ends, length: 52 + tcp.len }, { tcp }), N, seqs),
  );
  assert.deepEqual(lines, [
    '03:57:35.938066 IP 127.0.0.1.55920 > 127.0.0.1.80: Flags [S], seq 928549246, win 32767, options [mss 16396,sackOK,TS val 1306300950 ecr 0,nop,wscale 2], length 0',
    '03:57:35.938122 IP 127.0.0.1.80 > 127.0.0.1.55920: Flags [S.], seq 930778609, ack 928549247, win 32767, options [mss 16396,sackOK,TS val 1306300950 ecr 1306300950,nop,wscale 2], length 0',
    '03:57:35.938167 IP 127.0.0.1.55920 > 127.0.0.1.80: Flags [.], ack 1, win 8192, options [nop,nop,TS val 1306300950 ecr 1306300950], length 0',
    '03:57:35.939423 IP 127.0.0.1.55920 > 127.0.0.1.80: Flags [P.], seq 1:203, ack 1, win 8192, options [nop,nop,TS val 1306300951 ecr 1306300950], length 202: HTTP: GET / HTTP/1.1',
    '03:57:35.940474 IP 127.0.0.1.80 > 127.0.0.1.55920: Flags [.], ack 203, win 8192, options [nop,nop,TS val 1306300952 ecr 1306300951], length 0',
    '03:57:35.941232 IP 127.0.0.1.80 > 127.0.0.1.55920: Flags [P.], seq 1:5560, ack 203, win 8192, options [nop,nop,TS val 1306300953 ecr 1306300951], length 5559: HTTP: HTTP/1.1 200 OK',
    '03:57:35.941260 IP 127.0.0.1.55920 > 127.0.0.1.80: Flags [.], ack 5560, win 12383, options [nop,nop,TS val 1306300953 ecr 1306300953], length 0',
    '03:57:37.229575 IP 127.0.0.1.55920 > 127.0.0.1.80: Flags [F.], seq 203, ack 5560, win 12383, options [nop,nop,TS val 1306302241 ecr 1306300953], length 0',
    '03:57:37.230839 IP 127.0.0.1.80 > 127.0.0.1.55920: Flags [F.], seq 5560, ack 204, win 8192, options [nop,nop,TS val 1306302243 ecr 1306302241], length 0',
    '03:57:37.230900 IP 127.0.0.1.55920 > 127.0.0.1.80: Flags [.], ack 5561, win 12383, options [nop,nop,TS val 1306302243 ecr 1306302243], length 0',
  ]);
});

test('ARP request and reply (tests/eapon1.out #11, #12)', () => {
  const req = frame(
    '15:17:35.473290',
    {},
    { arp: { op: 'request', senderIp: '192.168.1.249', senderMac: '', targetIp: '192.168.1.1' } },
  );
  const rep = frame(
    '15:17:35.481559',
    {},
    {
      arp: {
        op: 'reply',
        senderIp: '192.168.1.1',
        senderMac: '00:0d:88:4f:25:91',
        targetIp: '192.168.1.249',
        length: 46,
      },
    },
  );
  assert.equal(
    formatFrame(req, N, new Map()),
    '15:17:35.473290 ARP, Request who-has 192.168.1.1 tell 192.168.1.249, length 28',
  );
  assert.equal(
    formatFrame(rep, N, new Map()),
    '15:17:35.481559 ARP, Reply 192.168.1.1 is-at 00:0d:88:4f:25:91, length 46',
  );
});

test('VXLAN with -e: outer header, then the inner frame on its own line (tests/vxlan.out #1, #2)', () => {
  const E = { ...N, e: true };
  const outer = (len: number, sport: number): Partial<Packet> => ({
    src: '192.168.203.1',
    dst: '192.168.202.1',
    sport,
    dport: 4789,
    length: len,
  });
  const echo = frame('20:21:44.837063', outer(134, 45149), {
    srcMac: '36:dc:85:1e:b3:40',
    dstMac: '00:16:3e:08:71:cf',
    vxlan: {
      vni: 100,
      srcMac: '00:16:3e:37:f6:04',
      dstMac: '00:30:88:01:00:02',
      pkt: {
        proto: 'icmp',
        kind: 'echo-request',
        src: '192.168.203.3',
        dst: '192.168.203.5',
        sport: 1292,
        dport: 1292,
        ttl: 64,
        length: 84,
        icmpType: 8,
        icmpSeq: 1,
      },
    },
  });
  assert.equal(
    formatFrame(echo, E, new Map()),
    '20:21:44.837063 36:dc:85:1e:b3:40 > 00:16:3e:08:71:cf, ethertype IPv4 (0x0800), length 148: 192.168.203.1.45149 > 192.168.202.1.4789: VXLAN, flags [I] (0x08), vni 100\n' +
      '00:16:3e:37:f6:04 > 00:30:88:01:00:02, ethertype IPv4 (0x0800), length 98: 192.168.203.3 > 192.168.203.5: ICMP echo request, id 1292, seq 1, length 64',
  );
  const arp = frame(
    '20:21:44.882198',
    { ...outer(78, 42710), src: '192.168.202.1', dst: '192.168.203.1' },
    {
      srcMac: '00:16:3e:08:71:cf',
      dstMac: '36:dc:85:1e:b3:40',
      vxlan: {
        vni: 100,
        srcMac: '00:30:88:01:00:02',
        dstMac: 'ff:ff:ff:ff:ff:ff',
        pkt: { proto: 'udp', kind: 'udp', src: '', dst: '', sport: 0, dport: 0, ttl: 0, length: 0 },
        arp: {
          op: 'request',
          senderIp: '192.168.203.5',
          senderMac: '00:30:88:01:00:02',
          targetIp: '192.168.203.3',
        },
      },
    },
  );
  assert.equal(
    formatFrame(arp, E, new Map()),
    '20:21:44.882198 00:16:3e:08:71:cf > 36:dc:85:1e:b3:40, ethertype IPv4 (0x0800), length 92: 192.168.202.1.42710 > 192.168.203.1.4789: VXLAN, flags [I] (0x08), vni 100\n' +
      '00:30:88:01:00:02 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 192.168.203.3 tell 192.168.203.5, length 28',
  );
});

test('without -e the inner frame starts with IP; UDP, port names without -n, LINUX_SLL2 for any', () => {
  const inner: Packet = {
    proto: 'icmp',
    kind: 'echo-reply',
    src: '10.0.1.3',
    dst: '10.0.1.2',
    sport: 7,
    dport: 7,
    ttl: 64,
    length: 84,
    icmpType: 0,
    icmpSeq: 2,
  };
  const f = frame(
    '09:00:01.000010',
    { src: '192.168.1.12', dst: '192.168.1.11', sport: 40000, dport: 4789, length: 134 },
    { vxlan: { vni: 4097, srcMac: '', dstMac: '', pkt: inner } },
  );
  assert.equal(
    formatFrame(f, N, new Map()),
    '09:00:01.000010 IP 192.168.1.12.40000 > 192.168.1.11.4789: VXLAN, flags [I] (0x08), vni 4097\nIP 10.0.1.3 > 10.0.1.2: ICMP echo reply, id 7, seq 2, length 64',
  );
  const udp = frame('09:00:02.000000', {
    src: '10.0.0.2',
    dst: '10.0.0.3',
    sport: 5000,
    dport: 53,
    length: 60,
  });
  assert.equal(
    formatFrame(udp, { ...N, nn: false }, new Map()),
    '09:00:02.000000 IP 10.0.0.2.5000 > 10.0.0.3.domain: UDP, length 32',
  );
  const any = frame(
    '09:00:03.000000',
    { src: '10.0.0.2', dst: '10.0.0.3', sport: 5000, dport: 9999, length: 60 },
    { ifname: 'veth1a2b3c4', dir: 'out' },
  );
  assert.equal(
    formatFrame(any, { ...N, any: true }, new Map()),
    '09:00:03.000000 veth1a2b3c4 Out IP 10.0.0.2.5000 > 10.0.0.3.9999: UDP, length 32',
  );
  assert.equal(
    formatFrame({ ...any, ifname: 'lo', dir: 'in' }, { ...N, any: true }, new Map()),
    '09:00:03.000000 lo    In  IP 10.0.0.2.5000 > 10.0.0.3.9999: UDP, length 32',
  );
});
