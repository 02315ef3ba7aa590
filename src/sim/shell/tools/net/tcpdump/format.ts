// Mirrors tcpdump 4.99's one-line printers: print-ether.c (-e), print-sll.c (LINUX_SLL2 for
// `-i any`), print-arp.c, print-ip.c, print-icmp.c, print-udp.c, print-domain.c (DNS), print-tcp.c
// (flags, relative sequence numbers from tcp_seq_hash, options), print-http.c (txtproto_print's
// first line) and print-vxlan.c; simplified: no -v decode, addresses are always numeric.

import type { Frame, TcpSeg } from '../../../../trace/capture/frames.ts';
import type { DnsWire, Packet } from '../../../../trace/types.ts';

/** FormatOptions are the tcpdump flags that change a line. */
export interface FormatOptions {
  /** e prints the link-level header; nn keeps port numbers; any is the LINUX_SLL2 link type. */
  e: boolean;
  nn: boolean;
  any: boolean;
  q: boolean;
}

/** TcpSeqTable is tcpdump's tcp_seq_hash: per conversation, the base of relative sequence numbers. */
export type TcpSeqTable = Map<string, { seq: number; ack: number }>;

const TCP_PORTS: Record<number, string> = {
  22: 'ssh',
  25: 'smtp',
  53: 'domain',
  80: 'http',
  443: 'https',
  3306: 'mysql',
  5432: 'postgresql',
  8080: 'http-alt',
};
const UDP_PORTS: Record<number, string> = { 53: 'domain', 67: 'bootps', 68: 'bootpc', 123: 'ntp' };

/** timestamp formats a capture time like tcpdump's default -t: HH:MM:SS.microseconds (UTC). */
export function timestamp(ms: number): string {
  const us = Math.round(ms * 1000);
  const day = ((us % 86_400_000_000) + 86_400_000_000) % 86_400_000_000;
  const two = (n: number): string => String(n).padStart(2, '0');
  const h = Math.floor(day / 3_600_000_000);
  const m = Math.floor((day / 60_000_000) % 60);
  const s = Math.floor((day / 1_000_000) % 60);
  return `${two(h)}:${two(m)}:${two(s)}.${String(day % 1_000_000).padStart(6, '0')}`;
}

function port(p: number, proto: 'tcp' | 'udp', o: FormatOptions): string {
  if (o.nn) return String(p);
  return (proto === 'tcp' ? TCP_PORTS : UDP_PORTS)[p] ?? String(p);
}

function dnsText(d: DnsWire, len: number): string {
  const name = d.name.endsWith('.') ? d.name : `${d.name}.`;
  if (d.rcode === undefined) return `${d.id}+ ${d.qtype}? ${name} (${len})`;
  const rcode: Record<string, string> = { NXDOMAIN: ' NXDomain', SERVFAIL: ' ServFail', REFUSED: ' Refused' };
  const rrs = (d.answers ?? []).map((a) => {
    const data = a.type === 'A' || a.type === 'AAAA' || a.data.endsWith('.') ? a.data : `${a.data}.`;
    return ` ${a.type} ${data}`;
  });
  const flags = `${rcode[d.rcode] ?? ''}${d.aa ? '*' : ''}${d.ra === false ? '-' : ''}`;
  return `${d.id}${flags} ${rrs.length}/0/0${rrs.join(',')} (${len})`;
}

function icmpText(p: Packet, o: FormatOptions): string {
  const len = p.length - 20;
  if (p.icmpType === 8 || p.icmpType === 0)
    return `ICMP echo ${p.icmpType === 8 ? 'request' : 'reply'}, id ${p.sport}, seq ${p.icmpSeq ?? 0}, length ${len}`;
  if (p.icmpType === 11) return `ICMP time exceeded in-transit, length ${len}`;
  const dst = p.inner?.dst ?? p.dst;
  const byCode: Record<number, string> = {
    0: `net ${dst} unreachable`,
    1: `host ${dst} unreachable`,
    2: `${dst} protocol ${p.inner?.proto === 'tcp' ? 6 : p.inner?.proto === 'udp' ? 17 : 1} unreachable`,
    3:
      p.inner?.proto === 'tcp' || p.inner?.proto === 'udp'
        ? `${dst} ${p.inner.proto} port ${port(p.inner.dport, p.inner.proto, o)} unreachable`
        : `${dst} protocol 1 port 0 unreachable`,
    9: `net ${dst} unreachable - admin prohibited`,
    10: `host ${dst} unreachable - admin prohibited`,
    13: `host ${dst} unreachable - admin prohibited filter`,
  };
  return `ICMP ${byCode[p.icmpCode ?? 0] ?? `type-#${p.icmpType}`}, length ${len}`;
}

function tcpText(p: Packet, t: TcpSeg, seqs: TcpSeqTable): string {
  // tcp_seq_hash: one entry per conversation (ordered by port), reset by every SYN
  const rev = p.sport > p.dport || (p.sport === p.dport && p.src > p.dst);
  const key = rev ? `${p.dst}.${p.dport}>${p.src}.${p.sport}` : `${p.src}.${p.sport}>${p.dst}.${p.dport}`;
  let seq = t.seq;
  let ack = t.ack;
  const th = seqs.get(key);
  if (!th || t.flags.includes('S')) {
    seqs.set(key, rev ? { ack: t.seq, seq: (t.ack - 1) >>> 0 } : { seq: t.seq, ack: (t.ack - 1) >>> 0 });
  } else if (rev) {
    seq = (seq - th.ack) >>> 0;
    ack = (ack - th.seq) >>> 0;
  } else {
    seq = (seq - th.seq) >>> 0;
    ack = (ack - th.ack) >>> 0;
  }
  let s = `Flags [${t.flags}]`;
  if (t.len > 0 || /[SFR]/.test(t.flags)) s += `, seq ${seq}${t.len > 0 ? `:${(seq + t.len) >>> 0}` : ''}`;
  if (t.flags.includes('.')) s += `, ack ${ack}`;
  s += `, win ${t.win}`;
  if (t.options) s += `, options [${t.options}]`;
  s += `, length ${t.len}`;
  if (t.len > 0 && [80, 8080].some((x) => x === p.sport || x === p.dport)) {
    const line = (t.text ?? '').split('\r\n')[0];
    const http = /^(GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH|CONNECT|TRACE) |^HTTP\/\d\.\d \d{3}\b/.test(line);
    s += http ? `: HTTP: ${line}` : ': HTTP';
  }
  return s;
}

/** ipText prints an IPv4 packet the way ip_print does after "IP " (or after the -e header). */
export function ipText(
  p: Packet,
  tcp: TcpSeg | undefined,
  o: FormatOptions,
  seqs: TcpSeqTable,
  vni?: number,
): string {
  if (p.proto === 'icmp') return `${p.src} > ${p.dst}: ${icmpText(p, o)}`;
  const ends = `${p.src}.${port(p.sport, p.proto, o)} > ${p.dst}.${port(p.dport, p.proto, o)}`;
  if (p.proto === 'tcp') {
    if (o.q) return `${ends}: tcp ${tcp?.len ?? 0}`;
    return `${ends}: ${tcp ? tcpText(p, tcp, seqs) : 'Flags [S], length 0'}`;
  }
  const udpLen = p.length - 28;
  if (vni !== undefined && (p.dport === 4789 || p.sport === 4789))
    return `${ends}: VXLAN, flags [I] (0x08), vni ${vni}`;
  if (o.q) return `${ends}: UDP, length ${udpLen}`;
  if (p.dns && (p.sport === 53 || p.dport === 53)) return `${ends}: ${dnsText(p.dns, udpLen)}`;
  return `${ends}: UDP, length ${udpLen}`;
}

const ZERO = '00:00:00:00:00:00';

function arpText(a: NonNullable<Frame['arp']>): string {
  return a.op === 'request'
    ? `Request who-has ${a.targetIp} tell ${a.senderIp}, length ${a.length ?? 28}`
    : `Reply ${a.senderIp} is-at ${a.senderMac}, length ${a.length ?? 28}`;
}

function etherLine(
  srcMac: string,
  dstMac: string,
  body: { pkt: Packet; tcp?: TcpSeg; arp?: Frame['arp']; vni?: number },
  o: FormatOptions,
  seqs: TcpSeqTable,
): string {
  const arp = body.arp;
  const ip = (): string => ipText(body.pkt, body.tcp, o, seqs, body.vni);
  if (!o.e) return arp ? `ARP, ${arpText(arp)}` : `IP ${ip()}`;
  const head = `${srcMac || ZERO} > ${dstMac || ZERO}, ethertype`;
  if (arp) return `${head} ARP (0x0806), length ${(arp.length ?? 28) + 14}: ${arpText(arp)}`;
  return `${head} IPv4 (0x0800), length ${body.pkt.length + 14}: ${ip()}`;
}

function sllDir(f: Frame): string {
  if (f.dir === 'out') return 'Out';
  if (f.arp?.op === 'request' || f.dstMac === 'ff:ff:ff:ff:ff:ff') return 'B';
  return 'In';
}

/** formatFrame renders one captured frame as tcpdump prints it (the VXLAN inner frame on a second line). */
export function formatFrame(f: Frame, o: FormatOptions, seqs: TcpSeqTable): string {
  const body = { pkt: f.pkt, tcp: f.tcp, arp: f.arp, vni: f.vxlan?.vni };
  let line = `${timestamp(f.at)} `;
  if (!o.any) line += etherLine(f.srcMac, f.dstMac, body, o, seqs);
  else {
    line += `${f.ifname.padEnd(5)} ${sllDir(f).padEnd(3)} `;
    const ip = (): string => ipText(f.pkt, f.tcp, o, seqs, body.vni);
    if (!o.e) line += f.arp ? `ARP, ${arpText(f.arp)}` : `IP ${ip()}`;
    else {
      const type = f.arp ? 'ARP (0x0806)' : 'IPv4 (0x0800)';
      const len = f.arp ? 28 : f.pkt.length;
      line += `ifindex ${f.ifindex} ${f.srcMac || ZERO} ethertype ${type}, length ${len + 20}: ${f.arp ? arpText(f.arp) : ip()}`;
    }
  }
  if (f.vxlan) {
    const v = f.vxlan;
    line += `\n${etherLine(v.srcMac, v.dstMac, { pkt: v.pkt, tcp: v.tcp, arp: v.arp }, o, seqs)}`;
  }
  return line;
}
