// Mirrors the strerror() texts of musl (src/errno/__strerror.h) and glibc (sysdeps/gnu/errlist.h)
// for the network errors the tools report; they differ ("Network unreachable" vs "Network is
// unreachable"), which is why alpine and debian containers print different messages.

/** NetErrno names the errors the tracer can hand back to a socket. */
export type NetErrno =
  | 'ENETUNREACH'
  | 'EHOSTUNREACH'
  | 'ECONNREFUSED'
  | 'ETIMEDOUT'
  | 'EPERM'
  | 'EADDRINUSE'
  | 'ECONNRESET';

const MUSL: Record<NetErrno, string> = {
  ENETUNREACH: 'Network unreachable',
  EHOSTUNREACH: 'Host is unreachable',
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Operation timed out',
  EPERM: 'Operation not permitted',
  EADDRINUSE: 'Address in use',
  ECONNRESET: 'Connection reset by peer',
};

const GLIBC: Record<NetErrno, string> = {
  ENETUNREACH: 'Network is unreachable',
  EHOSTUNREACH: 'No route to host',
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Connection timed out',
  EPERM: 'Operation not permitted',
  EADDRINUSE: 'Address already in use',
  ECONNRESET: 'Connection reset by peer',
};

/** strerror returns the C library's text for an errno. */
export function strerror(e: NetErrno, libc: 'musl' | 'glibc'): string {
  return (libc === 'musl' ? MUSL : GLIBC)[e];
}
