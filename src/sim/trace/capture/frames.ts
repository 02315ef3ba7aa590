// Turns a traced exchange into the frames each interface saw, in time order: the taps of the
// request and the answer as they are, and for a TCP connection the whole conversation Linux would
// put on the wire (SYN, SYN-ACK, ACK, the request and response segments, FIN/ACK) replayed along
// the same path. Mirrors tcp_connect / tcp_rcv_state_process (net/ipv4/tcp*.c) in outline;
// simplified: no delayed ACKs, no retransmissions, data is one segment per direction (as GSO
// hands a capture on a veth one large segment), initial sequence numbers and TCP timestamps are
// hashed from the connection so that no random draw is spent.

import type { Tap } from '../tap.ts';
import type { Packet, Trace } from '../types.ts';

/** TcpSeg is a TCP header as tcpdump prints it (absolute sequence numbers). */
export interface TcpSeg {
  /** flags in tcpdump's notation: S, S., ., P., F., R. */
  flags: string;
  seq: number;
  ack: number;
  win: number;
  /** options is tcpdump's `options [...]` body, or "" for none. */
  options: string;
  len: number;
  /** text is the payload's first bytes (for the HTTP line), if any. */
  text?: string;
}

/** Frame is one captured frame on one interface. */
export interface Frame {
  /** at is the capture time in ms since the epoch. */
  at: number;
  host: string;
  ns: string;
  ifname: string;
  ifindex: number;
  dir: 'in' | 'out';
  promisc?: boolean;
  srcMac: string;
  dstMac: string;
  pkt: Packet;
  tcp?: TcpSeg;
  arp?: Tap['arp'];
  /** vxlan is the encapsulated frame when pkt is the outer UDP packet. */
  vxlan?: { vni: number; srcMac: string; dstMac: string; pkt: Packet; tcp?: TcpSeg; arp?: Tap['arp'] };
}

const hash32 = (s: string): number => {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h >>> 0;
};

/** SHORT_LIVED lists the tools whose connections close right after the answer. */
const SHORT_LIVED = new Set(['curl', 'wget', 'nc', 'docker-proxy', 'http']);

/** framesOf lists every frame of a trace, sorted by time. */
export function framesOf(t: Trace): Frame[] {
  const taps = t.taps ?? [];
  const at = t.at ?? 0;
  if (t.request.proto === 'tcp') return tcpFrames(t, taps, at);
  return taps.map((tap) => frameOf(tap, at + tap.ms)).sort((a, b) => a.at - b.at);
}

function frameOf(tap: Tap, at: number, tcp?: TcpSeg): Frame {
  const f: Frame = {
    at,
    host: tap.host,
    ns: tap.ns,
    ifname: tap.ifname,
    ifindex: tap.ifindex,
    dir: tap.dir,
    promisc: tap.promisc,
    srcMac: tap.srcMac,
    dstMac: tap.dstMac,
    pkt: tap.pkt,
    arp: tap.arp,
  };
  if (tap.vxlan) {
    const v = tap.vxlan;
    const inner = tcp ? { ...v.inner, length: 52 + tcp.len + (tcp.flags.includes('S') ? 8 : 0) } : v.inner;
    f.vxlan = { vni: v.vni, srcMac: v.innerSrcMac, dstMac: v.innerDstMac, pkt: inner, tcp };
    if (tcp) f.pkt = { ...tap.pkt, length: inner.length + 50 };
  } else if (tcp) {
    f.tcp = tcp;
    f.pkt = {
      ...tap.pkt,
      length: (tcp.flags === 'R.' ? 40 : 52) + tcp.len + (tcp.flags.includes('S') ? 8 : 0),
    };
  }
  return f;
}

interface Seg {
  phase: 'request' | 'reply';
  /** start is when the segment leaves its sender, in ms since the exchange began. */
  start: number;
  tcp: TcpSeg;
}

function tcpFrames(t: Trace, taps: Tap[], at: number): Frame[] {
  const arp = taps.filter((x) => x.arp);
  const req = taps.filter((x) => !x.arp && x.phase === 'request');
  const rep = taps.filter((x) => !x.arp && x.phase === 'reply');
  const out: Frame[] = arp.map((x) => frameOf(x, at + x.ms));
  const first = (xs: Tap[]): number => xs[0]?.ms ?? 0;
  const segs = conversation(t, req, rep);
  for (const s of segs) {
    const xs = s.phase === 'request' ? req : rep;
    for (const x of xs) out.push(frameOf(x, at + s.start + (x.ms - first(xs)), s.tcp));
  }
  return out.sort((a, b) => a.at - b.at);
}

function conversation(t: Trace, req: Tap[], rep: Tap[]): Seg[] {
  const key = `${t.request.src}:${t.request.sport}>${t.request.dst}:${t.request.dport}@${t.at ?? 0}`;
  const cisn = hash32(`c${key}`);
  const sisn = hash32(`s${key}`);
  const cts = hash32(`tc${key}`);
  const sts = hash32(`ts${key}`);
  const mss = (xs: Tap[]): number => Math.max(536, (xs[0]?.mtu ?? 1500) - 40);
  const reqStart = req[0]?.ms ?? 0;
  const repStart = rep[0]?.ms ?? 0;
  const oneWay = (req.length ? req[req.length - 1].ms - reqStart : 0) + 0.01;
  const ts = (base: number, ms: number): number => (base + Math.floor(ms)) >>> 0;
  const syn: TcpSeg = {
    flags: 'S',
    seq: cisn,
    ack: 0,
    win: 64240,
    options: `mss ${mss(req)},sackOK,TS val ${ts(cts, reqStart)} ecr 0,nop,wscale 7`,
    len: 0,
  };
  const segs: Seg[] = [{ phase: 'request', start: reqStart, tcp: syn }];
  const answer = rep.find((x) => x.pkt.proto === 'tcp')?.pkt.kind;
  if (!rep.length || !answer) return segs;
  if (answer === 'rst') {
    segs.push({
      phase: 'reply',
      start: repStart,
      tcp: { flags: 'R.', seq: 0, ack: cisn + 1, win: 0, options: '', len: 0 },
    });
    return segs;
  }
  if (answer !== 'syn-ack') return segs;
  const synAckTs = ts(sts, repStart);
  segs.push({
    phase: 'reply',
    start: repStart,
    tcp: {
      flags: 'S.',
      seq: sisn,
      ack: cisn + 1,
      win: 65160,
      options: `mss ${mss(rep)},sackOK,TS val ${synAckTs} ecr ${ts(cts, reqStart)},nop,wscale 7`,
      len: 0,
    },
  });
  const rtt = (rep[rep.length - 1]?.ms ?? repStart) + 0.01;
  let c = { seq: cisn + 1, ack: sisn + 1, ts: 0 };
  const s = { seq: sisn + 1, ack: cisn + 1, ts: synAckTs };
  const send = (phase: Seg['phase'], start: number, flags: string, len = 0, text?: string): void => {
    const me = phase === 'request' ? c : s;
    const peer = phase === 'request' ? s : c;
    me.ts = ts(phase === 'request' ? cts : sts, start);
    const tcp: TcpSeg = {
      flags,
      seq: me.seq,
      ack: me.ack,
      win: phase === 'request' ? 502 : 509,
      options: `nop,nop,TS val ${me.ts} ecr ${peer.ts}`,
      len,
      text,
    };
    segs.push({ phase, start, tcp });
    me.seq = (me.seq + len + (flags.includes('F') ? 1 : 0)) >>> 0;
    peer.ack = (peer.ack + len + (flags.includes('F') ? 1 : 0)) >>> 0;
  };
  c = { ...c, ts: ts(cts, reqStart) };
  let now = rtt;
  send('request', now, '.');
  const p = t.payload;
  if (!p && !SHORT_LIVED.has(t.tool)) return segs;
  if (p) {
    now += 0.02;
    send('request', now, 'P.', p.request, p.requestText);
    now += oneWay;
    send('reply', now, '.');
    now += 0.15;
    send('reply', now, 'P.', p.response, p.responseText);
    now += oneWay;
    send('request', now, '.');
  }
  now += 0.08;
  send('request', now, 'F.');
  now += oneWay;
  send('reply', now, 'F.');
  now += oneWay;
  send('request', now, '.');
  return segs;
}
