// Mirrors moby/moby libnetwork/portallocator/portallocator.go (+ _linux.go): host ports handed to
// port bindings. A port taken on 0.0.0.0 (or ::) is taken on every address of that family;
// ephemeral ports come from /proc/sys/net/ipv4/ip_local_port_range and continue after the last one.
// Simplified: map iteration is deterministic (requested addresses first), so a clash on
// "0.0.0.0 and ::" always reports 0.0.0.0.

import { invalidParameter, system } from '../../errdefs.ts';
import type { Vfs } from '../../kernel/vfs.ts';
import { isIPv6 } from '../types/types.ts';

const portRangeKernelParam = '/proc/sys/net/ipv4/ip_local_port_range';
/** defaultPortRangeStart is the fallback start of the ephemeral range (portallocator_unix.go). */
export const defaultPortRangeStart = 49153;
/** defaultPortRangeEnd is the fallback end of the ephemeral range. */
export const defaultPortRangeEnd = 65535;
/** linuxDefaultPortRange is what a stock kernel's ip_local_port_range holds. */
export const linuxDefaultPortRange: [number, number] = [32768, 60999];

interface PortRange {
  begin: number;
  end: number;
  last: number;
}

class PortMap {
  readonly p = new Set<number>();
  readonly ranges = new Map<string, PortRange>();
  readonly defaultRange: string;

  constructor(begin: number, end: number) {
    this.defaultRange = `${begin}-${end}`;
    this.ranges.set(this.defaultRange, { begin, end, last: end });
  }

  getPortRange(start: number, end: number): PortRange {
    const k = start === 0 && end === 0 ? this.defaultRange : `${start}-${end}`;
    let r = this.ranges.get(k);
    if (!r) {
      r = { begin: start, end, last: end };
      this.ranges.set(k, r);
    }
    return r;
  }
}

const unspecified = (ip: string): boolean => ip === '0.0.0.0' || ip === '::';

/** dynamicPortRange reads the ephemeral range from a host's /proc (getDynamicPortRange). */
export function dynamicPortRange(fs?: Vfs): [number, number] {
  const txt = fs?.readFile(portRangeKernelParam);
  if (txt === undefined) return linuxDefaultPortRange;
  const m = /^(\d+)\s+(\d+)/.exec(txt);
  return m ? [Number(m[1]), Number(m[2])] : [defaultPortRangeStart, defaultPortRangeEnd];
}

/** PortAllocator is one daemon's host-port bookkeeping. */
export class PortAllocator {
  readonly begin: number;
  readonly end: number;
  private readonly ipMap = new Map<string, Map<string, PortMap>>();

  constructor(range: [number, number] = linuxDefaultPortRange) {
    [this.begin, this.end] = range;
    this.protoMap('0.0.0.0');
    this.protoMap('::');
  }

  private protoMap(ip: string): Map<string, PortMap> {
    let m = this.ipMap.get(ip);
    if (!m) {
      m = new Map(['tcp', 'udp', 'sctp'].map((p) => [p, new PortMap(this.begin, this.end)]));
      this.ipMap.set(ip, m);
    }
    return m;
  }

  /**
   * requestPortsInRange reserves one port, the same on every address in ips: portStart when
   * start === end, else any free port of the range (0-0 means the ephemeral range).
   */
  requestPortsInRange(ips: string[], proto: string, portStart: number, portEnd: number): number {
    if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') throw invalidParameter('unknown protocol');
    if ((portStart !== 0 || portEnd !== 0) && (portStart === 0 || portEnd === 0 || portEnd < portStart)) {
      throw invalidParameter(`invalid port range: ${portStart}-${portEnd}`);
    }
    if (ips.length === 0) throw invalidParameter('no IP addresses specified');
    const refs: Array<{ addr: string; pm: PortMap; allocate: boolean }> = [];
    const seen = new Set<string>();
    const add = (addr: string, allocate: boolean): void => {
      if (seen.has(addr)) return;
      seen.add(addr);
      const pm = this.protoMap(addr).get(proto);
      if (pm) refs.push({ addr, pm, allocate });
    };
    for (const ip of ips) add(ip, true);
    for (const u of ['0.0.0.0', '::']) {
      const fam6 = isIPv6(u);
      if (ips.includes(u)) {
        for (const addr of this.ipMap.keys()) if (isIPv6(addr) === fam6) add(addr, false);
      } else if (ips.some((ip) => isIPv6(ip) === fam6)) {
        add(u, false);
      }
    }
    if (portStart > 0 && portStart === portEnd) {
      for (const r of refs) {
        if (r.pm.p.has(portStart))
          throw system(`Bind for ${r.addr}:${portStart} failed: port is already allocated`);
      }
      for (const r of refs) if (r.allocate) r.pm.p.add(portStart);
      return portStart;
    }
    const ranges = new Map(refs.map((r) => [r.addr, r.pm.getPortRange(portStart, portEnd)]));
    const first = refs[0].pm.getPortRange(portStart, portEnd);
    let port = first.last;
    for (let i = first.begin; i <= first.end; i++) {
      port++;
      if (port > first.end) port = first.begin;
      if (refs.some((r) => r.pm.p.has(port))) continue;
      for (const r of refs) {
        const range = ranges.get(r.addr);
        if (r.allocate) r.pm.p.add(port);
        if (r.allocate && range) range.last = port;
      }
      return port;
    }
    throw system('all ports are allocated');
  }

  /** releasePort frees a port on one address. */
  releasePort(ip: string, proto: string, port: number): void {
    this.ipMap.get(ip)?.get(proto)?.p.delete(port);
  }

  /** isAllocated tells whether a port is taken on an address (or on its family's wildcard). */
  isAllocated(ip: string, proto: string, port: number): boolean {
    const wild = isIPv6(ip) ? '::' : '0.0.0.0';
    return Boolean(
      this.ipMap.get(ip)?.get(proto)?.p.has(port) ||
        (!unspecified(ip) && this.ipMap.get(wild)?.get(proto)?.p.has(port)),
    );
  }
}
