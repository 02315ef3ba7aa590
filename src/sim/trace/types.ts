// Mirrors nothing upstream; simplified: the tracer's data (a packet, the hops it took and the
// verdict), the simulator's stand-in for "what the kernel did with this skb", written for learners.

import type { NetNs, Socket } from '../kernel/types.ts';
import type { Tap } from './tap.ts';

/** PayloadKind says what a packet carries. */
export type PayloadKind =
  | 'echo-request'
  | 'echo-reply'
  | 'icmp-error'
  | 'syn'
  | 'syn-ack'
  | 'rst'
  | 'udp'
  | 'dns-query'
  | 'dns-reply'
  | 'vxlan';

/** Tuple is a connection's address tuple (ICMP uses the echo id as both ports). */
export interface Tuple {
  proto: 'tcp' | 'udp' | 'icmp';
  src: string;
  dst: string;
  sport: number;
  dport: number;
}

/** Packet is one IPv4 packet in flight. */
export interface Packet extends Tuple {
  ttl: number;
  kind: PayloadKind;
  /** length is the IP packet size in bytes (84 for a default ping). */
  length: number;
  icmpType?: number;
  icmpCode?: number;
  /** inner is the offending packet's tuple carried by an ICMP error. */
  inner?: Tuple;
  /** icmpSeq is an echo's sequence number (the echo id is sport). */
  icmpSeq?: number;
  /** dns is the DNS message a dns-query or dns-reply carries. */
  dns?: DnsWire;
}

/** DnsWire is what tcpdump prints of a DNS message: id, flags, question and answers. */
export interface DnsWire {
  id: number;
  name: string;
  qtype: string;
  /** rcode is set on answers (NOERROR, NXDOMAIN …); aa marks an authoritative answer. */
  rcode?: string;
  aa?: boolean;
  /** ra is false when the server offers no recursion (tcpdump prints `-`). */
  ra?: boolean;
  answers?: Array<{ type: string; data: string }>;
}

/** HopKind names what happened at one step. */
export type HopKind =
  | 'send'
  | 'route'
  | 'arp'
  | 'loopback'
  | 'veth'
  | 'bridge'
  | 'wire'
  | 'macvlan'
  | 'ipvlan'
  | 'vlan'
  | 'vxlan'
  | 'iptables'
  | 'nat'
  | 'forward'
  | 'deliver'
  | 'reply'
  | 'icmp';

/** Hop is one step of a trace, in plain words for learners. */
export interface Hop {
  /** ns is the namespace id where it happened; host the machine. */
  ns: string;
  host: string;
  in?: string;
  out?: string;
  what: HopKind;
  /** rule is the iptables -S text of the deciding rule (or the policy line). */
  rule?: string;
  verdict: 'pass' | 'drop' | 'reject' | 'nat' | 'deliver' | 'error';
  reason: string;
  /** src and dst are the packet's addresses after this step. */
  src: string;
  dst: string;
  /** dir tells whether the hop belongs to the request or to the answer. */
  dir: 'request' | 'reply';
}

/** Verdict is how an exchange ended, from the sender's point of view. */
export type Verdict = 'delivered' | 'dropped' | 'unreachable' | 'refused' | 'timeout';

/** Trace is the result of one exchange (a request and, when it got that far, its answer). */
export interface Trace {
  tool: string;
  /** from is the sending namespace id. */
  from: string;
  request: Tuple;
  hops: Hop[];
  verdict: Verdict;
  reason: string;
  /** errno is set when the sender's own kernel refused to send (ENETUNREACH, EHOSTUNREACH, EPERM). */
  errno?: 'ENETUNREACH' | 'EHOSTUNREACH' | 'EPERM' | 'ECONNREFUSED';
  /** reply describes the packet that came back (an echo reply, SYN-ACK, RST or ICMP error). */
  reply?: { from: string; ttl: number; kind: PayloadKind; icmpType?: number; icmpCode?: number };
  /** rttMs is the round-trip time computed from the path. */
  rttMs: number;
  /** server is where the request was delivered (for TCP/UDP: the socket that took it). */
  server?: {
    ns: NetNs;
    socket?: Socket;
    client: string;
    clientPort: number;
    local: string;
    localPort: number;
  };
  /** local is the sender's source address and port. */
  local: { ip: string; port: number };
  /** at is the simulated time (ms since the epoch) the exchange started. */
  at?: number;
  /** taps lists every interface copy of the request and the answer (for tcpdump). */
  taps?: Tap[];
  /** payload gives the bytes sent each way once a TCP connection is up (HTTP request, response). */
  payload?: { request: number; response: number; requestText?: string; responseText?: string };
}

/** ICMP type numbers used by the walker. */
export const ICMP = { ECHO_REPLY: 0, UNREACH: 3, ECHO: 8, TIME_EXCEEDED: 11 } as const;
/** ICMP unreachable codes used by the walker. */
export const UNREACH = {
  NET: 0,
  HOST: 1,
  PROTO: 2,
  PORT: 3,
  NET_PROHIB: 9,
  HOST_PROHIB: 10,
  ADMIN_PROHIB: 13,
} as const;
