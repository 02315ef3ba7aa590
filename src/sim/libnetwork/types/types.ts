// Mirrors moby/moby libnetwork/types/types.go: TransportPort and PortBinding with their String forms.

/** Protocol is a transport protocol. */
export type Protocol = 'tcp' | 'udp';

/** TransportPort is an exposed container port. */
export interface TransportPort {
  proto: Protocol;
  port: number;
}

/**
 * PortBinding maps a container port to a host address and port. hostPortEnd equals hostPort for a
 * single port; hostPort 0 asks for an ephemeral port. ip is the container address.
 */
export interface PortBinding {
  proto: Protocol;
  ip: string;
  port: number;
  hostIP: string;
  hostPort: number;
  hostPortEnd: number;
}

/** isIPv6 tells whether an address string is IPv6. */
export const isIPv6 = (ip: string): boolean => ip.includes(':');

/** portBindingString formats a binding as types.PortBinding.String ("0.0.0.0:8080:172.17.0.2:80/tcp"). */
export function portBindingString(p: PortBinding): string {
  let s = '';
  if (p.hostIP !== '') s += `${isIPv6(p.hostIP) ? `[${p.hostIP}]` : p.hostIP}:`;
  if (p.hostPort !== 0) {
    s += String(p.hostPort);
    if (p.hostPortEnd !== 0 && p.hostPortEnd !== p.hostPort) s += `-${p.hostPortEnd}`;
  }
  if (s.length > 0) s += ':';
  if (p.ip !== '') s += `${isIPv6(p.ip) ? `[${p.ip}]` : p.ip}:`;
  return `${s}${p.port}/${p.proto}`;
}
