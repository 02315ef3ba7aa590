// Mirrors moby/moby libnetwork/resolver.go (+ resolver_unix.go): the embedded DNS server at
// 127.0.0.11 that answers container names, aliases, short IDs and hostnames on the networks the
// asking container shares, answers PTR queries, and forwards the rest to the host's nameservers.
// Simplified: it listens on 127.0.0.11:53 itself (no DNAT to a random port inside the sandbox);
// forwarding is requested from the tracer through DnsAnswer.forward.

import type { DnsAnswer, DnsQuestion, NetNs, Socket } from '../kernel/types.ts';
import type { Rng } from '../world/rng.ts';
import type { ExtDNSEntry } from './resolvconf/resolvconf.ts';

/** resolverIPSandbox is the embedded DNS server's address inside every sandbox. */
export const resolverIPSandbox = '127.0.0.11';
/** respTTL is the TTL of locally answered records (600 s). */
export const respTTL = 600;
const ptrIPv4domain = '.in-addr.arpa.';

/** ResolverBackend is what the resolver asks (the sandbox). */
export interface ResolverBackend {
  resolveName(name: string, ipType: 4 | 6): { ips: string[]; found: boolean };
  resolveIP(reversed: string): string;
  readonly ndotsSet: boolean;
}

/** Resolver is one sandbox's embedded DNS server. */
export class Resolver {
  readonly listenAddress: string;
  private proxyDNS: boolean;
  private extDNSList: ExtDNSEntry[] = [];
  private readonly backend: ResolverBackend;
  private readonly rng: Rng;
  private sockets: Socket[] = [];
  private ns: NetNs | undefined;

  constructor(address: string, proxyDNS: boolean, backend: ResolverBackend, rng: Rng) {
    this.listenAddress = address;
    this.proxyDNS = proxyDNS;
    this.backend = backend;
    this.rng = rng;
  }

  /** nameServer is the address written into resolv.conf. */
  nameServer(): string {
    return this.listenAddress;
  }

  /** resolverOptions are the resolv.conf options the resolver needs ("ndots:0"). */
  resolverOptions(): string[] {
    return ['ndots:0'];
  }

  /** setExtServers sets the upstream servers (from the host's resolv.conf or --dns). */
  setExtServers(list: ExtDNSEntry[]): void {
    this.extDNSList = list.filter((e) => e.hostLoopback || e.addr !== this.listenAddress).slice(0, 3);
  }

  /** setForwardingPolicy allows forwarding to host-namespace servers only with external access. */
  setForwardingPolicy(policy: boolean): void {
    this.proxyDNS = policy;
  }

  /** forwarding tells whether host-resolv.conf servers may be used now. */
  get forwarding(): boolean {
    return this.proxyDNS;
  }

  /** start binds the DNS sockets (udp and tcp 53) in the sandbox namespace. */
  start(ns: NetNs): void {
    this.stop();
    this.ns = ns;
    const app = { kind: 'dns' as const, resolve: (q: DnsQuestion): DnsAnswer => this.serveDNS(q) };
    this.sockets = (['udp', 'tcp'] as const).map((proto) => ({
      proto,
      ip: this.listenAddress,
      port: 53,
      owner: 'dockerd',
      app,
    }));
    ns.sockets.push(...this.sockets);
  }

  /** stop closes the sockets. */
  stop(): void {
    if (this.ns) this.ns.sockets = this.ns.sockets.filter((s) => !this.sockets.includes(s));
    this.sockets = [];
    this.ns = undefined;
  }

  private shuffle(ips: string[]): string[] {
    const a = [...ips];
    for (let i = a.length - 1; i > 0; i--) {
      const r = this.rng.int(i + 1);
      [a[i], a[r]] = [a[r], a[i]];
    }
    return a;
  }

  /**
   * serveDNS answers one question. Names it does not own are forwarded: the answer then carries
   * `forward` (the upstream servers to try, in order) and rcode SERVFAIL, which is what the client
   * gets if no upstream answers.
   */
  serveDNS(q: DnsQuestion): DnsAnswer {
    const name = q.name;
    if (q.type === 'A' || q.type === 'AAAA') {
      const r = this.backend.resolveName(name, q.type === 'A' ? 4 : 6);
      if (r.found) {
        const ips = r.ips.length > 1 ? this.shuffle(r.ips) : r.ips;
        return {
          rcode: 'NOERROR',
          authoritative: false,
          answers: ips.map((data) => ({ name, type: q.type as 'A' | 'AAAA', ttl: respTTL, data })),
        };
      }
    } else if (q.type === 'PTR') {
      const fqdn = name.endsWith('.') ? name : `${name}.`;
      if (fqdn.endsWith(ptrIPv4domain)) {
        const host = this.backend.resolveIP(fqdn.slice(0, -ptrIPv4domain.length));
        if (host)
          return {
            rcode: 'NOERROR',
            authoritative: false,
            answers: [{ name, type: 'PTR', ttl: respTTL, data: host }],
          };
      }
    }
    if (
      (q.type === 'A' || q.type === 'AAAA') &&
      this.backend.ndotsSet &&
      !name.replace(/\.$/, '').includes('.')
    ) {
      return { rcode: 'NOERROR', authoritative: false, answers: [] };
    }
    const servers = this.extDNSList.filter((e) => this.proxyDNS || !e.hostLoopback).map((e) => e.addr);
    if (servers.length === 0) return { rcode: 'SERVFAIL', answers: [] };
    return { rcode: 'SERVFAIL', answers: [], forward: servers };
  }
}
