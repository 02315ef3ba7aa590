// Mirrors moby/moby api/types/network/ipam.go (ValidateIPAM) and endpoint.go (EndpointIPAMConfig
// Validate, IsInRange), v28.2.2, with internal/multierror's formatting. Simplified: IPv4 only; IPv6
// subnets are accepted as written.

import { cidrString, inCidr, ipToInt, parseCidr } from '../kernel/inet.ts';

/** IpamConfigRequest is one entry of a network create request's IPAM.Config. */
export interface IpamConfigRequest {
  Subnet: string;
  IPRange: string;
  Gateway: string;
  AuxiliaryAddresses: Record<string, string> | null;
}

/** joinErrors is internal/multierror.Join's formatting: one error as is, several as a "* " list. */
export function joinErrors(errs: string[]): string {
  if (errs.length === 1) return errs[0].trim();
  return `* ${errs.map((e) => e.replaceAll('\n', '\n\t')).join('\n* ')}`;
}

const isV6 = (s: string): boolean => s.includes(':');

function validateAddress(address: string, subnet: string): string | undefined {
  if (address === '') return undefined;
  if (isV6(address)) return 'parent subnet is an IPv4 block';
  if (ipToInt(address) === undefined) return 'invalid address';
  if (!inCidr(address, subnet)) return `parent subnet ${subnet} doesn't contain this address`;
  return undefined;
}

function validateIPRange(ipRange: string, subnet: string): string[] {
  if (ipRange === '') return [];
  const prefix = parseCidr(ipRange);
  if (!prefix) return [`invalid ip-range ${ipRange}: invalid CIDR block notation`];
  const sub = parseCidr(subnet);
  if (!sub) return [];
  const errs: string[] = [];
  if (prefix.prefixLen < sub.prefixLen)
    errs.push(`invalid ip-range ${ipRange}: CIDR block is bigger than its parent subnet ${subnet}`);
  const masked = cidrString(prefix.ip, prefix.prefixLen);
  if (masked !== ipRange) errs.push(`invalid ip-range ${ipRange}: it should be ${masked}`);
  const len = Math.min(prefix.prefixLen, sub.prefixLen);
  if (cidrString(prefix.ip, len) !== cidrString(sub.ip, len))
    errs.push(`invalid ip-range ${ipRange}: parent subnet ${subnet} doesn't contain ip-range`);
  return errs;
}

/** validateIPAM is network.ValidateIPAM; it returns dockerd's message or undefined. */
export function validateIPAM(configs: IpamConfigRequest[], enableIPv6: boolean): string | undefined {
  const errs: string[] = [];
  for (const cfg of configs) {
    if (isV6(cfg.Subnet)) {
      if (!/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(cfg.Subnet))
        errs.push(`invalid subnet ${cfg.Subnet}: invalid CIDR block notation`);
      if (!enableIPv6) continue;
      continue;
    }
    const subnet = parseCidr(cfg.Subnet);
    if (!subnet) {
      errs.push(`invalid subnet ${cfg.Subnet}: invalid CIDR block notation`);
      continue;
    }
    const masked = cidrString(subnet.ip, subnet.prefixLen);
    if (masked !== cfg.Subnet) errs.push(`invalid subnet ${cfg.Subnet}: it should be ${masked}`);
    errs.push(...validateIPRange(cfg.IPRange, cfg.Subnet));
    const gwErr = validateAddress(cfg.Gateway, masked);
    if (gwErr) errs.push(`invalid gateway ${cfg.Gateway}: ${gwErr}`);
    for (const [name, aux] of Object.entries(cfg.AuxiliaryAddresses ?? {})) {
      const auxErr = validateAddress(aux, masked);
      if (auxErr) errs.push(`invalid auxiliary address ${name}: ${auxErr}`);
    }
  }
  return errs.length ? `invalid network config:\n${joinErrors(errs)}` : undefined;
}

/**
 * validateEndpointIPAM is EndpointIPAMConfig.Validate + IsInRange: static addresses must be valid
 * and inside a user-configured subnet. userSubnets (ip-range or subnet of each configured pool) undefined means "network unknown yet".
 */
export function validateEndpointIPAM(
  ipv4: string,
  ipv6: string,
  userSubnets: string[] | undefined,
): string[] {
  const errs: string[] = [];
  if (ipv4 !== '' && (ipToInt(ipv4) === undefined || ipv4 === '0.0.0.0'))
    errs.push(`invalid IPv4 address: ${ipv4}`);
  if (ipv6 !== '' && (!isV6(ipv6) || ipv6 === '::')) errs.push(`invalid IPv6 address: ${ipv6}`);
  if (errs.length || userSubnets === undefined) return errs;
  if (ipv4 !== '') {
    const v4 = userSubnets.filter((s) => !isV6(s));
    if (v4.length === 0)
      errs.push(
        'user specified IP address is supported only when connecting to networks with user configured subnets',
      );
    else if (!v4.some((s) => inCidr(ipv4, s)))
      errs.push(`no configured subnet or ip-range contain the IP address ${ipv4}`);
  }
  if (ipv6 !== '' && !userSubnets.some(isV6))
    errs.push(
      'user specified IP address is supported only when connecting to networks with user configured subnets',
    );
  return errs;
}
