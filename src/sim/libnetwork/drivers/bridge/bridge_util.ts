// Small address helpers for the bridge driver (net.IPNet.Contains on "ip/len" strings).

import { inCidr } from '../../../kernel/inet.ts';

/** cidrsOverlapAddr is a.Contains(b.IP) || b.Contains(a.IP) for "ip/len" values. */
export function cidrsOverlapAddr(a: string, b: string): boolean {
  return inCidr(b.split('/')[0], a) || inCidr(a.split('/')[0], b);
}

/** ipOf returns the address part of "ip/len". */
export const ipOf = (cidr: string | undefined): string => (cidr ? cidr.split('/')[0] : '');
