// Mirrors what the Linux sockets layer reports to a program (connect(): ECONNREFUSED on RST,
// EHOSTUNREACH, ENETUNREACH; recvfrom() timing out) for one request and its answer: an ICMP echo,
// a TCP handshake, a UDP datagram or a DNS query walked there and back; simplified: one packet per
// direction, TCP data is exchanged only once the handshake succeeded.

import { findListener } from '../kernel/socket.ts';
import type { DnsAnswer, DnsQuestion, NetNs, Socket } from '../kernel/types.ts';
import type { World } from '../world/world.ts';
import type { WalkCtx } from './ctx.ts';
import { forgetConns, hop, newCtx } from './ctx.ts';
import { lookupRoute } from './route.ts';
import type { DnsWire, Packet, Trace, Tuple } from './types.ts';
import { ICMP, UNREACH } from './types.ts';
import type { Outcome } from './walk.ts';
import { defaultTtl, icmpError, sendLocal } from './walk.ts';

/** Answer is what the receiving side sends back (nothing means the sender waits in vain). */
export interface Answer {
  reply?: Packet;
  /** from is where the reply is sent from (defaults to the namespace that received the request). */
  from?: NetNs;
  server?: Trace['server'];
  /** noReplyReason explains a missing answer. */
  noReplyReason?: string;
  /** extraMs is time spent by the server (for instance forwarding a DNS question). */
  extraMs?: number;
}

/** ExchangeOptions tune one exchange. */
export interface ExchangeOptions {
  tool: string;
  depth?: number;
  /** src forces the source address (ping -I, a bound socket). */
  src?: string;
  /** offsetMs says how long after the clock's now the exchange starts (ping's interval). */
  offsetMs?: number;
}

function rngOf(world: World) {
  return world.netRng ?? world.rng;
}

/** ephemeralPort picks a client port from the Linux default range 32768–60999. */
export const ephemeralPort = (world: World): number => 32768 + rngOf(world).int(60999 - 32768 + 1);

function jitter(world: World, ms: number): number {
  const r = rngOf(world).next();
  return ms * (0.9 + 0.25 * r) + 0.002 + 0.01 * r;
}

const errnoVerdict = { ENETUNREACH: 'unreachable', EHOSTUNREACH: 'unreachable', EPERM: 'dropped' } as const;

function walkBack(ctx: WalkCtx, from: NetNs, local: Tuple, start: NetNs, reply: Packet): Outcome {
  ctx.dir = 'reply';
  const back = sendLocal(ctx, start, reply);
  if (back.kind === 'arrived' && back.ns !== from)
    return {
      kind: 'lost',
      reason: `the answer was delivered to ${back.ns.id} instead of ${from.id}`,
      dropped: false,
    };
  if (back.kind === 'arrived' && back.pkt.dst !== local.src)
    return {
      kind: 'lost',
      reason: `the answer came back to ${back.pkt.dst}, not to ${local.src}`,
      dropped: false,
    };
  return back;
}

/** exchange sends req from a namespace, lets answer() play the receiver, and walks the answer back. */
export function exchange(
  world: World,
  from: NetNs,
  req: Packet,
  opts: ExchangeOptions,
  answer: (ctx: WalkCtx, ns: NetNs, p: Packet) => Answer,
): Trace {
  const ctx = newCtx(world, opts.depth ?? 0);
  const r = lookupRoute(from, req.dst, opts.src);
  if (r && !req.src) req.src = opts.src ?? r.src;
  const local: Tuple = { proto: req.proto, src: req.src, dst: req.dst, sport: req.sport, dport: req.dport };
  const trace: Trace = {
    tool: opts.tool,
    from: from.id,
    request: { ...local },
    hops: ctx.hops,
    verdict: 'timeout',
    reason: '',
    rttMs: 0,
    local: { ip: req.src, port: req.sport },
    at: world.clock.now() + (opts.offsetMs ?? 0),
    taps: ctx.taps,
  };
  const out = sendLocal(ctx, from, { ...req });
  trace.local.ip =
    local.src =
    trace.request.src =
      trace.request.src || ctx.hops.find((h) => h.what === 'send')?.src || '';
  finish(ctx, world, trace, from, local, out, answer);
  forgetConns(ctx);
  trace.rttMs = jitter(world, ctx.ms);
  world.traces.fire({ host: from.hostName, tool: opts.tool, trace });
  return trace;
}

function finish(
  ctx: WalkCtx,
  world: World,
  t: Trace,
  from: NetNs,
  local: Tuple,
  out: Outcome,
  answer: (ctx: WalkCtx, ns: NetNs, p: Packet) => Answer,
): void {
  void world;
  switch (out.kind) {
    case 'local-error':
      t.verdict = errnoVerdict[out.errno];
      t.errno = out.errno;
      t.reason = out.reason;
      return;
    case 'lost':
      t.verdict = out.dropped ? 'dropped' : 'timeout';
      t.reason = out.reason;
      return;
    case 'error-packet': {
      const back = walkBack(ctx, from, local, out.ns, out.pkt);
      settle(t, back, out.reason, out.pkt);
      return;
    }
    case 'arrived': {
      const a = answer(ctx, out.ns, out.pkt);
      t.server = a.server;
      ctx.ms += a.extraMs ?? 0;
      if (!a.reply) {
        t.verdict = 'timeout';
        t.reason = a.noReplyReason ?? `${out.ns.id} did not answer`;
        return;
      }
      const back = walkBack(ctx, from, local, a.from ?? out.ns, a.reply);
      settle(t, back, a.noReplyReason ?? '', a.reply);
    }
  }
}

function settle(t: Trace, back: Outcome, why: string, sent: Packet): void {
  if (back.kind !== 'arrived') {
    t.verdict = back.kind === 'lost' && !back.dropped ? 'timeout' : 'dropped';
    t.reason = `${why ? `${why}; ` : ''}the answer did not come back: ${back.kind === 'error-packet' || back.kind === 'lost' || back.kind === 'local-error' ? back.reason : ''}`;
    return;
  }
  const p = back.pkt;
  t.reply = { from: p.src, ttl: p.ttl, kind: p.kind, icmpType: p.icmpType, icmpCode: p.icmpCode };
  if (sent.kind === 'rst' || (sent.kind === 'icmp-error' && sent.icmpCode === UNREACH.PORT)) {
    t.verdict = 'refused';
    t.errno = 'ECONNREFUSED';
  } else if (sent.kind === 'icmp-error') {
    t.verdict = 'unreachable';
  } else {
    t.verdict = 'delivered';
  }
  t.reason = why || (t.verdict === 'delivered' ? 'the answer came back' : '');
}

/** pingExchange sends one ICMP echo request and waits for the echo reply. */
export function pingExchange(
  world: World,
  from: NetNs,
  dst: string,
  o: ExchangeOptions & { id: number; seq: number; size?: number; ttl?: number },
): Trace {
  const size = o.size ?? 56;
  const req: Packet = {
    proto: 'icmp',
    kind: 'echo-request',
    src: '',
    dst,
    sport: o.id,
    dport: o.id,
    ttl: o.ttl ?? defaultTtl(from),
    length: size + 28,
    icmpType: ICMP.ECHO,
    icmpCode: 0,
    icmpSeq: o.seq,
  };
  return exchange(world, from, req, o, (ctx, ns, p) => {
    hop(ctx, ns, p, {
      what: 'reply',
      verdict: 'deliver',
      reason: `${ns.id} answers the echo request with an echo reply`,
    });
    return {
      reply: {
        proto: 'icmp',
        kind: 'echo-reply',
        src: p.dst,
        dst: p.src,
        sport: p.sport,
        dport: p.dport,
        ttl: defaultTtl(ns),
        length: p.length,
        icmpType: ICMP.ECHO_REPLY,
        icmpCode: 0,
        icmpSeq: p.icmpSeq,
      },
    };
  });
}

/** tcpConnect performs a TCP handshake to dst:dport: a listening socket answers SYN-ACK, else RST. */
export function tcpConnect(
  world: World,
  from: NetNs,
  dst: string,
  dport: number,
  o: ExchangeOptions & { sport?: number; ttl?: number },
): Trace {
  const sport = o.sport ?? ephemeralPort(world);
  const req: Packet = {
    proto: 'tcp',
    kind: 'syn',
    src: '',
    dst,
    sport,
    dport,
    ttl: o.ttl ?? defaultTtl(from),
    length: 60,
  };
  return exchange(world, from, req, o, (ctx, ns, p) => {
    const s = findListener(ns, 'tcp', p.dst, p.dport);
    const back = (kind: 'syn-ack' | 'rst'): Packet => ({
      proto: 'tcp',
      kind,
      src: p.dst,
      dst: p.src,
      sport: p.dport,
      dport: p.sport,
      ttl: defaultTtl(ns),
      length: kind === 'rst' ? 40 : 60,
    });
    if (!s) {
      hop(ctx, ns, p, {
        what: 'reply',
        verdict: 'reject',
        reason: `no socket listening on ${p.dst}:${p.dport} in ${ns.id} → TCP RST ("Connection refused")`,
      });
      return { reply: back('rst'), noReplyReason: `nothing listens on ${p.dst}:${p.dport}` };
    }
    hop(ctx, ns, p, {
      what: 'reply',
      verdict: 'deliver',
      reason: `${s.owner} listens on ${s.ip.includes(':') ? `[${s.ip}]` : s.ip}:${s.port} in ${ns.id}: it accepts the connection (SYN-ACK)`,
    });
    return {
      reply: back('syn-ack'),
      server: { ns, socket: s, client: p.src, clientPort: p.sport, local: p.dst, localPort: p.dport },
    };
  });
}

/** udpExchange sends one UDP datagram; serve() answers for a listening socket, else ICMP port unreachable. */
export function udpExchange(
  world: World,
  from: NetNs,
  dst: string,
  dport: number,
  o: ExchangeOptions & { sport?: number; ttl?: number; kind?: Packet['kind']; dns?: DnsWire },
  serve: (ctx: WalkCtx, ns: NetNs, s: Socket, p: Packet) => Omit<Answer, 'server'>,
): Trace {
  const sport = o.sport ?? ephemeralPort(world);
  const req: Packet = {
    proto: 'udp',
    kind: o.kind ?? 'udp',
    src: '',
    dst,
    sport,
    dport,
    ttl: o.ttl ?? defaultTtl(from),
    length: o.dns ? 28 + dnsLength(o.dns) : 28 + 32,
    dns: o.dns,
  };
  return exchange(world, from, req, o, (ctx, ns, p) => {
    const s = findListener(ns, 'udp', p.dst, p.dport);
    if (!s) {
      hop(ctx, ns, p, {
        what: 'reply',
        verdict: 'reject',
        reason: `no socket listening on UDP ${p.dst}:${p.dport} in ${ns.id} → ICMP port unreachable`,
      });
      const err = icmpError(ns, p, ICMP.UNREACH, UNREACH.PORT, `nothing listens on UDP ${p.dst}:${p.dport}`);
      return err.kind === 'error-packet'
        ? { reply: err.pkt }
        : { noReplyReason: err.kind === 'lost' ? err.reason : '' };
    }
    const server = { ns, socket: s, client: p.src, clientPort: p.sport, local: p.dst, localPort: p.dport };
    return { ...serve(ctx, ns, s, p), server };
  });
}

/** DnsResult is a DNS exchange: the trace and, when an answer came back, the answer. */
export interface DnsResult {
  trace: Trace;
  answer?: DnsAnswer;
}

/**
 * dnsQuery asks server (UDP 53) one question from ns. A dns App answers; when it answers with
 * `forward`, the question is asked again from the server's namespace to each upstream in turn.
 */
export function dnsQuery(
  world: World,
  from: NetNs,
  server: string,
  q: Omit<DnsQuestion, 'client'>,
  o: ExchangeOptions & { port?: number },
): DnsResult {
  let answer: DnsAnswer | undefined;
  const sport = ephemeralPort(world);
  const dns: DnsWire = { id: dnsId(sport, q.name), name: q.name, qtype: q.type };
  const trace = udpExchange(
    world,
    from,
    server,
    o.port ?? 53,
    { ...o, kind: 'dns-query', sport, dns },
    (ctx, ns, s, p) => {
      if (s.app.kind !== 'dns') {
        hop(ctx, ns, p, {
          what: 'reply',
          verdict: 'deliver',
          reason: `${s.owner} on UDP ${s.port} is not a DNS server: no answer`,
        });
        return { noReplyReason: `${s.owner} does not speak DNS` };
      }
      let a = s.app.resolve({ ...q, client: p.src });
      let extraMs = 0;
      if (a.forward) {
        const ups = a.forward;
        a = { rcode: 'SERVFAIL', answers: [] };
        for (const up of ups) {
          hop(ctx, ns, p, {
            what: 'reply',
            verdict: 'pass',
            reason: `${s.owner} forwards the question for ${q.name} to ${up}`,
          });
          const r = dnsQuery(world, ns, up, q, { tool: 'dns-forward', depth: (o.depth ?? 0) + 1 });
          extraMs += r.trace.rttMs;
          if (r.answer) {
            a = { ...r.answer, authoritative: false, forward: undefined };
            break;
          }
        }
      }
      answer = a;
      hop(ctx, ns, p, {
        what: 'reply',
        verdict: 'deliver',
        reason: `${s.owner} answers ${q.type} ${q.name}: ${a.rcode}${a.answers.length ? ` (${a.answers.map((x) => x.data).join(', ')})` : ''}`,
      });
      const wire: DnsWire = {
        ...dns,
        rcode: a.rcode,
        aa: a.authoritative === true,
        answers: a.answers.map((x) => ({ type: x.type, data: x.data })),
      };
      return {
        reply: {
          proto: 'udp',
          kind: 'dns-reply',
          src: p.dst,
          dst: p.src,
          sport: p.dport,
          dport: p.sport,
          ttl: defaultTtl(ns),
          length: 28 + dnsLength(wire),
          dns: wire,
        },
        extraMs,
      };
    },
  );
  return { trace, answer: trace.verdict === 'delivered' ? answer : undefined };
}

/** dnsId is the query id a resolver picks, derived from the query so no random draw is spent. */
function dnsId(sport: number, name: string): number {
  let h = sport;
  for (const ch of name) h = (h * 33 + ch.charCodeAt(0)) >>> 0;
  return h % 65536;
}

/** dnsLength is a DNS message's size: header, question and answers (names uncompressed, answers pointing at the question). */
export function dnsLength(m: DnsWire): number {
  const nameLen = (n: string): number => (n.replace(/\.$/, '') === '' ? 1 : n.replace(/\.$/, '').length + 2);
  const rdata = (a: { type: string; data: string }): number =>
    a.type === 'A' ? 4 : a.type === 'AAAA' ? 16 : nameLen(a.data);
  return 12 + nameLen(m.name) + 4 + (m.answers ?? []).reduce((s, a) => s + 12 + rdata(a), 0);
}
