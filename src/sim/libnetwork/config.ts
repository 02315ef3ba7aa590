// Mirrors moby/moby libnetwork/config/config.go and the daemon flags that reach libnetwork
// (--bip, --default-address-pool, --iptables, --userland-proxy, --mtu, --ip).

/** DaemonConfig is the part of dockerd's configuration libnetwork uses. */
export interface DaemonConfig {
  /** bip is --bip: docker0's address and subnet ("172.26.0.1/16"). */
  bip?: string;
  /** defaultAddressPools is --default-address-pool (base CIDR and subnet size). */
  defaultAddressPools?: Array<{ base: string; size: number }>;
  /** iptables is --iptables (default true). */
  iptables?: boolean;
  /** userlandProxy is --userland-proxy (default true: docker-proxy runs for each binding). */
  userlandProxy?: boolean;
  /** mtu is --mtu for the default bridge (default 1500). */
  mtu?: number;
  /** ipForward is --ip-forward (default true). */
  ipForward?: boolean;
  /** ipForwardNoDrop is --ip-forward-no-drop (default false: FORWARD policy becomes DROP). */
  ipForwardNoDrop?: boolean;
}

/** withDefaults fills in dockerd's defaults. */
export function withDefaults(c: DaemonConfig = {}): Required<DaemonConfig> {
  return {
    bip: c.bip ?? '',
    defaultAddressPools: c.defaultAddressPools ?? [],
    iptables: c.iptables ?? true,
    userlandProxy: c.userlandProxy ?? true,
    mtu: c.mtu ?? 1500,
    ipForward: c.ipForward ?? true,
    ipForwardNoDrop: c.ipForwardNoDrop ?? false,
  };
}
