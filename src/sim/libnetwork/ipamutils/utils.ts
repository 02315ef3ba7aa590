// Mirrors moby/moby libnetwork/ipamutils/utils.go: the predefined address pools the default IPAM
// carves networks from. Simplified: IPv4 only.

import { type Prefix, parsePrefix } from '../internal/netiputil.ts';

/** NetworkToSplit is a base prefix to be split into subnets of a given size. */
export interface NetworkToSplit {
  base: Prefix;
  size: number;
}

function pool(cidr: string, size: number): NetworkToSplit {
  const base = parsePrefix(cidr);
  if (!base) throw new Error(`bad predefined pool ${cidr}`);
  return { base, size };
}

/** getLocalScopeDefaultNetworks returns 172.17–172.31 as /16s and 192.168.0.0/16 as /20s. */
export function getLocalScopeDefaultNetworks(): NetworkToSplit[] {
  return [
    pool('172.17.0.0/16', 16),
    pool('172.18.0.0/16', 16),
    pool('172.19.0.0/16', 16),
    pool('172.20.0.0/14', 16),
    pool('172.24.0.0/14', 16),
    pool('172.28.0.0/14', 16),
    pool('192.168.0.0/16', 20),
  ];
}

/** getGlobalScopeDefaultNetworks returns 10.0.0.0/8 split into /24s (swarm networks). */
export function getGlobalScopeDefaultNetworks(): NetworkToSplit[] {
  return [pool('10.0.0.0/8', 24)];
}
