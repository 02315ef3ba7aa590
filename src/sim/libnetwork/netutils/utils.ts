// Mirrors moby/moby libnetwork/netutils/utils.go and utils_linux.go: reserved networks the IPAM must
// avoid (host nameservers and on-link routes), random interface names, IPv6 listenability.

import { cidrString, isIPv4 } from '../../kernel/inet.ts';
import { findLink } from '../../kernel/netns.ts';
import type { NetNs } from '../../kernel/types.ts';
import type { Rng } from '../../world/rng.ts';
import type { HostMachine } from '../../world/world.ts';
import { type Prefix, parsePrefix, prefixCompare } from '../internal/netiputil.ts';
import * as resolvconf from '../resolvconf/resolvconf.ts';

/**
 * inferReservedNetworks returns the host's IPv4 nameservers (as /32s) and on-link routes, which a
 * dynamically allocated pool must not overlap (netutils.InferReservedNetworks).
 */
export function inferReservedNetworks(host: HostMachine): Prefix[] {
  const reserved: Prefix[] = [];
  const rc = resolvconf.load(host.fs, resolvconf.path(host.fs));
  for (const ns of rc?.nameServers ?? []) {
    const p = isIPv4(ns) ? parsePrefix(`${ns}/32`) : undefined;
    if (p) reserved.push(p);
  }
  for (const r of host.ns.routes) {
    if (r.table !== 'main' || r.scope !== 'link' || r.dst === 'default') continue;
    const p = parsePrefix(r.dst);
    if (p && p.addr !== 0) reserved.push(p);
  }
  return reserved.sort(prefixCompare);
}

/** generateRandomName returns prefix + n random hex characters (netutils.GenerateRandomName). */
export const generateRandomName = (rng: Rng, prefix: string, n: number): string => prefix + rng.hex(n);

/** generateIfaceName returns a random name not used by a link in ns (netutils.GenerateIfaceName). */
export function generateIfaceName(ns: NetNs, rng: Rng, prefix: string, length: number): string {
  for (let i = 0; i < 3; i++) {
    const name = generateRandomName(rng, prefix, length - prefix.length);
    if (!findLink(ns, name)) return name;
  }
  throw new Error('could not generate interface name');
}

/** networkOfAddr turns "ip/len" into "network/len". */
export function networkOfAddr(addr: string): string {
  const [ip, len] = addr.split('/');
  return cidrString(ip, Number(len));
}

/** reverseIP turns "172.18.0.2" into "2.0.18.172" (netutils.ReverseIP). */
export const reverseIP = (ip: string): string => ip.split('.').reverse().join('.');
