// Mirrors moby/moby libnetwork's exported API as daemon/ uses it; simplified: structural types only.
// The part of libnetwork's API the daemon calls (moby/moby libnetwork/controller.go, network.go,
// endpoint.go, sandbox.go), written as structural types so the daemon builds and tests against the
// agreed contract whether or not src/sim/libnetwork is present: the real Controller satisfies them.

import type { NetNs } from '../kernel/types.ts';
import type { Vfs } from '../kernel/vfs.ts';

/** NetworkCreateOptions is what the daemon passes to Controller.newNetwork (libnetwork NetworkOption…). */
export interface NetworkCreateOptions {
  enableIPv4?: boolean;
  enableIPv6?: boolean;
  internal?: boolean;
  attachable?: boolean;
  ingress?: boolean;
  configOnly?: boolean;
  configFrom?: string;
  driverOpts?: Record<string, string>;
  labels?: Record<string, string>;
  ipam?: {
    driver?: string;
    options?: Record<string, string>;
    config?: Array<{
      subnet?: string;
      ipRange?: string;
      gateway?: string;
      auxAddresses?: Record<string, string>;
    }>;
  };
  /** created is the creation time in ms since the epoch (from the clock). */
  created: number;
  persist?: boolean;
  /** dynamic marks a swarm network instantiated on this node by the cluster (NetworkOptionDynamic). */
  dynamic?: boolean;
}

/** PortBindingSpec is one requested port publication (libnetwork types.PortBinding). */
export interface PortBindingSpec {
  proto: 'tcp' | 'udp';
  containerPort: number;
  hostIp: string;
  /** hostPort is '' for an ephemeral port, '8080' or a range '8080-8090'. */
  hostPort: string;
}

/** EndpointOptions are libnetwork's EndpointOption values the daemon builds (daemon/network.go buildCreateEndpointOptions). */
export interface EndpointOptions {
  ipv4Address?: string;
  ipv6Address?: string;
  macAddress?: string;
  aliases?: string[];
  dnsNames?: string[];
  exposedPorts?: Array<{ proto: 'tcp' | 'udp'; port: number }>;
  portBindings?: PortBindingSpec[];
  disableResolution?: boolean;
  gwPriority?: number;
}

/** SandboxOptions are libnetwork's SandboxOption values (daemon/container_operations.go buildSandboxOptions). */
export interface SandboxOptions {
  hostname: string;
  domainname?: string;
  fs: Vfs;
  useDefaultSandbox?: boolean;
  noNetwork?: boolean;
  dns?: string[];
  dnsSearch?: string[];
  dnsOptions?: string[];
  extraHosts?: string[];
  exposedPorts?: Array<{ proto: 'tcp' | 'udp'; port: number }>;
}

/** NetEndpoint is libnetwork's Endpoint as the daemon sees it. */
export interface NetEndpoint {
  id: string;
  name: string;
  network: NetNetwork;
  aliases: string[];
  dnsNames: string[];
  iface(): {
    address?: string;
    addressIPv6?: string;
    mac: string;
    gateway?: string;
    srcName?: string;
    dstName?: string;
  };
  portMapping(): Array<{ proto: 'tcp' | 'udp'; containerPort: number; hostIp: string; hostPort: number }>;
  sandbox(): NetSandbox | undefined;
  join(sb: NetSandbox, options?: { gwPriority?: number }): void;
  leave(sb: NetSandbox): void;
  delete(options?: { force?: boolean }): void;
}

/** NetNetwork is libnetwork's Network as the daemon sees it. */
export interface NetNetwork {
  id: string;
  name: string;
  type: string;
  scope: 'local' | 'swarm' | 'global';
  created: number;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  enableIPv4: boolean;
  enableIPv6: boolean;
  configOnly: boolean;
  configFrom: string;
  driverOpts: Record<string, string>;
  labels: Record<string, string>;
  ipamDriver: string;
  ipamOptions: Record<string, string> | null;
  ipamConfig(): Array<{
    subnet: string;
    ipRange?: string;
    gateway?: string;
    auxAddresses?: Record<string, string>;
  }>;
  endpoints(): NetEndpoint[];
  createEndpoint(name: string, options?: EndpointOptions): NetEndpoint;
  delete(options?: { force?: boolean }): void;
}

/** NetSandbox is libnetwork's Sandbox as the daemon sees it. */
export interface NetSandbox {
  id: string;
  containerId: string;
  key: string;
  ns: NetNs;
  endpoints(): NetEndpoint[];
  delete(): void;
}

/** NetController is libnetwork's Controller as the daemon sees it. */
export interface NetController {
  /** clusterProvider is set while the node is in a swarm (libnetwork's cluster.Provider). */
  clusterProvider?:
    | {
        isManager(): boolean;
        isAgent(): boolean;
        peers?(nid: string): Array<{ ip: string; mac: string; vtep: string; names: string[] }>;
        serviceRecords?(nid: string, name: string): string[] | undefined;
      }
    | undefined;
  newNetwork(networkType: string, name: string, id: string, options: NetworkCreateOptions): NetNetwork;
  /** peersChanged, when present, refreshes the overlay driver's peer table of a network. */
  peersChanged?(nid: string): void;
  networks(): NetNetwork[];
  networkByName(name: string): NetNetwork | undefined;
  networkById(id: string): NetNetwork | undefined;
  newSandbox(containerId: string, options: SandboxOptions): NetSandbox;
  sandboxes(): NetSandbox[];
  sandboxByContainerId(containerId: string): NetSandbox | undefined;
  /** defaultBridgeOptions gives initBridgeDriver's options for the "bridge" network. */
  defaultBridgeOptions(created: number): NetworkCreateOptions;
}
