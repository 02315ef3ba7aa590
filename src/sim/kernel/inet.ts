// IPv4 arithmetic shared by the kernel, IPAM and the tracer (Go's net.ParseIP / net.ParseCIDR subset).

/** ipToInt parses a dotted IPv4 address, or returns undefined when it is not one. */
export function ipToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const b = Number(m[i]);
    if (b > 255 || (m[i].length > 1 && m[i].startsWith('0'))) return undefined;
    n = n * 256 + b;
  }
  return n;
}

/** intToIp formats a 32-bit number as a dotted IPv4 address. */
export function intToIp(n: number): string {
  n = n >>> 0;
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** isIPv4 tells whether s is a dotted IPv4 address. */
export const isIPv4 = (s: string): boolean => ipToInt(s) !== undefined;

/** Cidr is a parsed IPv4 prefix; ip keeps the address as written (it may have host bits). */
export interface Cidr {
  ip: string;
  prefixLen: number;
}

/** parseCidr parses "a.b.c.d/n"; undefined when malformed. */
export function parseCidr(s: string): Cidr | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(s);
  if (!m || ipToInt(m[1]) === undefined) return undefined;
  const prefixLen = Number(m[2]);
  if (prefixLen > 32) return undefined;
  return { ip: m[1], prefixLen };
}

/** maskOf returns the netmask of a prefix length as a number. */
export const maskOf = (prefixLen: number): number =>
  prefixLen === 0 ? 0 : (0xffffffff << (32 - prefixLen)) >>> 0;

/** networkOf returns the network address of ip/prefixLen. */
export function networkOf(ip: string, prefixLen: number): string {
  return intToIp(((ipToInt(ip) ?? 0) & maskOf(prefixLen)) >>> 0);
}

/** broadcastOf returns the broadcast address of ip/prefixLen. */
export function broadcastOf(ip: string, prefixLen: number): string {
  return intToIp(((ipToInt(ip) ?? 0) | ~maskOf(prefixLen)) >>> 0);
}

/** cidrString formats a network as "network/len" (the canonical form Docker prints). */
export const cidrString = (ip: string, prefixLen: number): string =>
  `${networkOf(ip, prefixLen)}/${prefixLen}`;

/** inCidr tells whether ip lies inside cidr ("a.b.c.d/n"). */
export function inCidr(ip: string, cidr: string): boolean {
  const c = parseCidr(cidr);
  const n = ipToInt(ip);
  if (!c || n === undefined) return false;
  const m = maskOf(c.prefixLen);
  return (n & m) >>> 0 === ((ipToInt(c.ip) ?? 0) & m) >>> 0;
}

/** cidrsOverlap tells whether two prefixes share any address. */
export function cidrsOverlap(a: string, b: string): boolean {
  const ca = parseCidr(a);
  const cb = parseCidr(b);
  if (!ca || !cb) return false;
  const len = Math.min(ca.prefixLen, cb.prefixLen);
  return networkOf(ca.ip, len) === networkOf(cb.ip, len);
}

/** isLoopback tells whether ip is in 127.0.0.0/8. */
export const isLoopback = (ip: string): boolean => inCidr(ip, '127.0.0.0/8');
