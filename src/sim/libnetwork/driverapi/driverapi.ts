// Mirrors moby/moby libnetwork/driverapi/driverapi.go (and ipamdata.go): the contract between
// libnetwork and its network drivers. Method and parameter names are Go's, in camelCase; calls are
// synchronous and errors are thrown SimErrors.

import type { Rng } from '../../world/rng.ts';
import type { HostMachine, World } from '../../world/world.ts';
import type { DaemonConfig } from '../config.ts';
import type { Datastore } from '../datastore/datastore.ts';
import type { ExplainLog } from '../explain.ts';
import type { Iptables } from '../iptables/iptables.ts';
import type { PortAllocator } from '../portallocator/portallocator.ts';
import type { Scope } from '../scope/scope.ts';

/** NetworkPluginEndpointType is the plugin capability network drivers register under. */
export const NetworkPluginEndpointType = 'NetworkDriver';

/** IPAMData is one pool handed to a driver: subnet, gateway ("ip/len") and auxiliary addresses. */
export interface IPAMData {
  addressSpace: string;
  /** pool is the subnet as "172.18.0.0/16". */
  pool: string;
  /** gateway is "172.18.0.1/16", or undefined when none was allocated. */
  gateway?: string;
  /** auxAddresses maps a name to "ip/len"; null when none were given. */
  auxAddresses: Record<string, string> | null;
}

/** Capability says where a driver's data and connectivity live. */
export interface Capability {
  dataScope: Scope;
  connectivityScope: Scope | '';
}

/** NetworkOptions are a network's generic options: driver opts under GenericData, plus flags. */
export type NetworkOptions = Record<string, unknown>;

/** InterfaceInfo is the endpoint interface a driver fills in at CreateEndpoint. */
export interface InterfaceInfo {
  setMacAddress(mac: string): void;
  macAddress(): string | undefined;
  /** address is the IPv4 address as "ip/len". */
  address(): string | undefined;
  addressIPv6(): string | undefined;
  /** netnsPath is the sandbox key when the sandbox exists already, else ''. */
  netnsPath(): string;
  setCreatedInContainer(created: boolean): void;
}

/** InterfaceNameInfo lets a driver name the interface it created. */
export interface InterfaceNameInfo {
  /** setNames records the host-side name and the container-side prefix or exact name. */
  setNames(srcName: string, dstPrefix: string, dstName: string): void;
}

/** RouteType is whether a static route goes via a next hop or is directly connected. */
export type RouteType = 'nexthop' | 'connected';

/** JoinInfo is what a driver sets during Join. */
export interface JoinInfo {
  interfaceName(): InterfaceNameInfo;
  setGateway(ip: string): void;
  setGatewayIPv6(ip: string): void;
  addStaticRoute(destination: string, routeType: RouteType, nextHop: string): void;
  disableGatewayService(): void;
}

/** Driver is a network driver (driverapi.Driver). */
export interface Driver {
  networkAllocate(
    id: string,
    options: Record<string, string>,
    ipV4Data: IPAMData[],
    ipV6Data: IPAMData[],
  ): Record<string, string>;
  networkFree(id: string): void;
  createNetwork(nid: string, options: NetworkOptions, ipV4Data: IPAMData[], ipV6Data: IPAMData[]): void;
  deleteNetwork(nid: string): void;
  createEndpoint(nid: string, eid: string, ifInfo: InterfaceInfo, options: Record<string, unknown>): void;
  deleteEndpoint(nid: string, eid: string): void;
  endpointOperInfo(nid: string, eid: string): Record<string, unknown>;
  join(
    nid: string,
    eid: string,
    sboxKey: string,
    jinfo: JoinInfo,
    epOptions: Record<string, unknown>,
    sbOptions: Record<string, unknown>,
  ): void;
  leave(nid: string, eid: string): void;
  programExternalConnectivity(nid: string, eid: string, options: Record<string, unknown>): void;
  revokeExternalConnectivity(nid: string, eid: string): void;
  /** eventNotify receives cluster table events (overlay). */
  eventNotify?(
    eventType: 'create' | 'update' | 'delete',
    nid: string,
    tableName: string,
    key: string,
    value: string,
  ): void;
  type(): string;
  isBuiltIn(): boolean;
}

/** GwAllocChecker is implemented by drivers that may not want a gateway address allocated. */
export interface GwAllocChecker {
  getSkipGwAlloc(options: NetworkOptions): { ipv4: boolean; ipv6: boolean };
}

/** isGwAllocChecker tells whether a driver implements GwAllocChecker. */
export const isGwAllocChecker = (d: Driver): d is Driver & GwAllocChecker =>
  typeof (d as Partial<GwAllocChecker>).getSkipGwAlloc === 'function';

/** Registerer is what drivers register themselves with (driverapi.Registerer). */
export interface Registerer {
  registerDriver(name: string, driver: Driver, capability: Capability): void;
}

/**
 * DriverContext is what a built-in driver is given when it registers: the host it programs, the
 * daemon configuration and the shared services (moby passes these as package globals and config).
 */
export interface DriverContext {
  host: HostMachine;
  rng: Rng;
  explain: ExplainLog;
  store: Datastore;
  /** ipt edits the host's root-namespace iptables. */
  ipt: Iptables;
  config: Required<DaemonConfig>;
  portAllocator: PortAllocator;
  /** isV6Listenable is netutils.IsV6Listenable: whether the host kernel has IPv6 (bind on ::). */
  isV6Listenable(): boolean;
  /** world lets the overlay driver register its per-network namespaces (absent in driver unit tests). */
  world?: World;
  /** peers lists a network's endpoints on other nodes, from the cluster's network DB (overlay). */
  peers?(nid: string): PeerRecord[];
}

/** PeerRecord is one remote endpoint of an overlay network (the overlay driver's peerDB entry). */
export interface PeerRecord {
  /** ip is the endpoint's overlay address, mac its MAC, vtep the remote host's underlay IP. */
  ip: string;
  mac: string;
  vtep: string;
  /** names are the endpoint's DNS names (container name, aliases, short ID). */
  names: string[];
}
