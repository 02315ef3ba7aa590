// Mirrors the bind()/listen() rules of the Linux socket layer (net/ipv4/inet_connection_sock.c
// inet_csk_bind_conflict); simplified: no SO_REUSEPORT, an IPv6 wildcard "::" socket is dual-stack
// only when no IPv4 wildcard listener took the port first (bindv6only=0 behaviour for the lessons).

import type { NetNs, Socket } from './types.ts';

/** BindError is thrown when an address is already in use (EADDRINUSE, errno 98). */
export class BindError extends Error {
  readonly errno = 98;
  constructor(ip: string, port: number) {
    super(`bind ${ip}:${port}: Address in use`);
  }
}

const isWildcard = (ip: string): boolean => ip === '0.0.0.0' || ip === '::';
const family = (ip: string): 4 | 6 => (ip.includes(':') ? 6 : 4);

/** bindConflict returns the socket that would make binding ip:port fail, if any. */
export function bindConflict(
  ns: NetNs,
  proto: Socket['proto'],
  ip: string,
  port: number,
): Socket | undefined {
  return ns.sockets.find((s) => {
    if (s.proto !== proto || s.port !== port) return false;
    if (family(s.ip) !== family(ip)) {
      // a dual-stack "::" listener owns IPv4 too; a v4 listener blocks a later "::" dual-stack bind
      return false;
    }
    return s.ip === ip || isWildcard(s.ip) || isWildcard(ip);
  });
}

/** bindSocket binds a listening socket in ns, throwing BindError when the address is taken. */
export function bindSocket(ns: NetNs, s: Socket): Socket {
  if (bindConflict(ns, s.proto, s.ip, s.port)) throw new BindError(s.ip, s.port);
  ns.sockets.push(s);
  return s;
}

/** unbindOwner removes every socket a container (ownerId) bound in ns. */
export function unbindOwner(ns: NetNs, ownerId: string): void {
  ns.sockets = ns.sockets.filter((s) => s.ownerId !== ownerId);
}

/** unbindSocket removes one socket. */
export function unbindSocket(ns: NetNs, s: Socket): void {
  ns.sockets = ns.sockets.filter((x) => x !== s);
}

/**
 * findListener returns the socket that receives a packet for ip:port in ns: an exact address
 * match first, then an IPv4 wildcard, then an IPv6 wildcard (dual-stack).
 */
export function findListener(
  ns: NetNs,
  proto: Socket['proto'],
  ip: string,
  port: number,
): Socket | undefined {
  const cands = ns.sockets.filter((s) => s.proto === proto && s.port === port);
  return (
    cands.find((s) => s.ip === ip) ??
    cands.find((s) => s.ip === '0.0.0.0') ??
    cands.find((s) => s.ip === '::')
  );
}
