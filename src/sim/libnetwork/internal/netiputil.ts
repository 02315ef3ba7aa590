// Mirrors moby/moby libnetwork/internal/netiputil/netiputil.go and libnetwork/ipbits; simplified:
// IPv4 only (the kernel model has no IPv6 addresses), prefixes are {addr, bits} with a uint32 address.

import { intToIp, ipToInt, maskOf } from '../../kernel/inet.ts';

/** Prefix is an IPv4 prefix like Go's netip.Prefix: addr is the 32-bit address, bits the length. */
export interface Prefix {
  addr: number;
  bits: number;
}

/** parsePrefix parses "a.b.c.d/n" keeping host bits (as netip.ParsePrefix); undefined when invalid. */
export function parsePrefix(s: string): Prefix | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(s);
  if (!m) return undefined;
  const addr = ipToInt(m[1]);
  const bits = Number(m[2]);
  if (addr === undefined || bits > 32 || String(bits) !== m[2]) return undefined;
  return { addr, bits };
}

/** masked returns p with its host bits cleared (netip.Prefix.Masked). */
export const masked = (p: Prefix): Prefix => ({ addr: (p.addr & maskOf(p.bits)) >>> 0, bits: p.bits });

/** prefixString formats p as "a.b.c.d/n". */
export const prefixString = (p: Prefix): string => `${intToIp(p.addr)}/${p.bits}`;

/** prefixEqual tells whether two prefixes are identical (address and length). */
export const prefixEqual = (a: Prefix, b: Prefix): boolean => a.addr === b.addr && a.bits === b.bits;

/** prefixCompare orders by address, then by length (netiputil.PrefixCompare). */
export function prefixCompare(a: Prefix, b: Prefix): number {
  if (a.addr !== b.addr) return a.addr < b.addr ? -1 : 1;
  return a.bits - b.bits;
}

/** overlaps tells whether two prefixes share an address (netip.Prefix.Overlaps). */
export function overlaps(a: Prefix, b: Prefix): boolean {
  const bits = Math.min(a.bits, b.bits);
  const m = maskOf(bits);
  return (a.addr & m) >>> 0 === (b.addr & m) >>> 0;
}

/** contains tells whether the address lies in p. */
export const contains = (p: Prefix, addr: number): boolean =>
  (addr & maskOf(p.bits)) >>> 0 === (p.addr & maskOf(p.bits)) >>> 0;

/** lastAddr returns the last address of p (its IPv4 broadcast address). */
export const lastAddr = (p: Prefix): number => (p.addr | ~maskOf(p.bits)) >>> 0;

/** prefixSize returns how many addresses p holds. */
export const prefixSize = (p: Prefix): number => 2 ** (32 - p.bits);

/**
 * prefixAfter returns the prefix of length sz that follows prev (netiputil.PrefixAfter), or
 * undefined when it would wrap around the address space.
 */
export function prefixAfter(prev: Prefix, sz: number): Prefix | undefined {
  const s = Math.min(prev.bits, sz);
  const next = prev.addr + 2 ** (32 - s);
  if (next > 0xffffffff) return undefined;
  return masked({ addr: next >>> 0, bits: sz });
}

/** subnetsBetween counts the /sz subnets from a1 up to (not including) a2 (ipbits.SubnetsBetween). */
export function subnetsBetween(a1: number, a2: number, sz: number): number {
  if (a2 < a1) return 0;
  const m = maskOf(sz);
  return Math.floor((((a2 & m) >>> 0) - ((a1 & m) >>> 0)) / 2 ** (32 - sz));
}

/** firstPrefix returns the first /size prefix of base. */
export const firstPrefix = (base: Prefix, size: number): Prefix => masked({ addr: base.addr, bits: size });
