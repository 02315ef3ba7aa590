// Mirrors moby/moby api/types/network/ipam.go ValidateIPAM: the daemon's check of --subnet,
// --ip-range, --gateway and --aux-address before a network is created. Simplified: IPv6 subnets
// are only checked to be parsable.

import { invalidParameter } from '../../errdefs.ts';
import { ipToInt } from '../../kernel/inet.ts';
import {
  contains,
  masked,
  overlaps,
  type Prefix,
  parsePrefix,
  prefixEqual,
  prefixString,
} from '../internal/netiputil.ts';

/** IPAMRequest is the IPAM part of a network-create request. */
export interface IPAMRequest {
  config?: Array<{
    subnet?: string;
    ipRange?: string;
    gateway?: string;
    auxAddresses?: Record<string, string>;
  }>;
}

const isV6 = (s: string): boolean => s.includes(':');

function validateAddress(address: string, subnet: Prefix): string | undefined {
  if (address === '') return undefined;
  if (isV6(address)) return 'parent subnet is an IPv4 block';
  const a = ipToInt(address);
  if (a === undefined) return 'invalid address';
  if (!contains(subnet, a)) return `parent subnet ${prefixString(subnet)} doesn't contain this address`;
  return undefined;
}

function validateIPRange(ipRange: string, subnet: Prefix): string[] {
  if (ipRange === '') return [];
  if (isV6(ipRange)) return [`invalid ip-range ${ipRange}: parent subnet is an IPv4 block`];
  const p = parsePrefix(ipRange);
  if (!p) return [`invalid ip-range ${ipRange}: invalid CIDR block notation`];
  const errs: string[] = [];
  if (p.bits < subnet.bits)
    errs.push(
      `invalid ip-range ${ipRange}: CIDR block is bigger than its parent subnet ${prefixString(subnet)}`,
    );
  if (!prefixEqual(p, masked(p)))
    errs.push(`invalid ip-range ${prefixString(p)}: it should be ${prefixString(masked(p))}`);
  if (!overlaps(subnet, p))
    errs.push(`invalid ip-range ${ipRange}: parent subnet ${prefixString(subnet)} doesn't contain ip-range`);
  return errs;
}

/** validateIPAM throws "invalid network config:\n…" listing every problem, as dockerd does. */
export function validateIPAM(ipam: IPAMRequest | undefined, enableIPv6: boolean): void {
  if (!ipam) return;
  const errs: string[] = [];
  for (const cfg of ipam.config ?? []) {
    const s = cfg.subnet ?? '';
    if (s === '' && !cfg.ipRange && !cfg.gateway) continue; // dockerd's own default-bridge config
    if (isV6(s)) {
      if (!/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(s)) errs.push(`invalid subnet ${s}: invalid CIDR block notation`);
      if (!enableIPv6) continue;
      continue;
    }
    const subnet = parsePrefix(s);
    if (!subnet) {
      errs.push(`invalid subnet ${s}: invalid CIDR block notation`);
      continue;
    }
    if (!prefixEqual(subnet, masked(subnet)))
      errs.push(`invalid subnet ${prefixString(subnet)}: it should be ${prefixString(masked(subnet))}`);
    errs.push(...validateIPRange(cfg.ipRange ?? '', subnet));
    const gwErr = validateAddress(cfg.gateway ?? '', subnet);
    if (gwErr) errs.push(`invalid gateway ${cfg.gateway}: ${gwErr}`);
    for (const [name, aux] of Object.entries(cfg.auxAddresses ?? {})) {
      const e = validateAddress(aux, subnet);
      if (e) errs.push(`invalid auxiliary address ${name}: ${e}`);
    }
  }
  if (errs.length === 0) return;
  const joined =
    errs.length === 1 ? errs[0].trim() : `* ${errs.map((e) => e.replaceAll('\n', '\n\t')).join('\n* ')}`;
  throw invalidParameter(`invalid network config:\n${joined}`);
}
