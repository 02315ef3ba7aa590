// Mirrors moby/moby libnetwork/ipamapi/contract.go: the contract every IPAM driver fulfils.
// Simplified: synchronous, IPv4 addresses as strings, errors are SimErrors with moby's messages.

import { forbidden, invalidParameter, type SimError, unavailable } from '../../errdefs.ts';
import type { Prefix } from '../internal/netiputil.ts';

/** PluginEndpointType is the name plugins register IPAM drivers under. */
export const PluginEndpointType = 'IpamDriver';
/** RequestAddressType is the option key marking what an address request is for (e.g. a gateway). */
export const RequestAddressType = 'RequestAddressType';
/** AllocSerialPrefix is the IPAM option that makes address allocation sequential. */
export const AllocSerialPrefix = 'com.docker.network.ipam.serial';

/** ErrInvalidAddressSpace is returned for an empty or unknown address space. */
export const ErrInvalidAddressSpace = (): SimError => invalidParameter('invalid address space');
/** ErrInvalidPool is returned for an unparsable pool. */
export const ErrInvalidPool = (): SimError => invalidParameter('invalid address pool');
/** ErrInvalidSubPool is returned for an unparsable sub-pool (ip-range). */
export const ErrInvalidSubPool = (): SimError => invalidParameter('invalid address subpool');
/** ErrNoAvailableIPs is returned when a pool is full. */
export const ErrNoAvailableIPs = (): SimError => unavailable('no available addresses on this pool');
/** ErrIPAlreadyAllocated is returned when a requested address is taken. */
export const ErrIPAlreadyAllocated = (): SimError => forbidden('Address already in use');
/** ErrIPOutOfRange is returned when a requested address is outside the pool. */
export const ErrIPOutOfRange = (): SimError => invalidParameter('requested address is out of range');
/** ErrPoolOverlap is returned when a requested pool overlaps an allocated one. */
export const ErrPoolOverlap = (): SimError => forbidden('Pool overlaps with other one on this address space');
/** ErrBadPool is returned when releasing a pool that is not allocated. */
export const ErrBadPool = (): SimError =>
  invalidParameter('address space does not contain specified address pool');
/** ErrNoMoreSubnets is returned when every predefined pool is used up. */
export const ErrNoMoreSubnets = (): SimError =>
  invalidParameter('all predefined address pools have been fully subnetted');

/** PoolRequest is what a network asks its IPAM driver for (ipamapi.PoolRequest). */
export interface PoolRequest {
  addressSpace: string;
  /** pool is the user's --subnet, or '' for a predefined pool. */
  pool: string;
  /** subPool is the user's --ip-range, or ''. */
  subPool: string;
  options: Record<string, string> | null;
  /** exclude lists reserved prefixes (host nameservers, on-link routes) a dynamic pool must avoid. */
  exclude: Prefix[];
  v6: boolean;
}

/** AllocatedPool is the answer to a PoolRequest. */
export interface AllocatedPool {
  poolID: string;
  pool: Prefix;
  meta: Record<string, string> | null;
}

/** Capability describes an IPAM driver's needs. */
export interface Capability {
  requiresMACAddress: boolean;
  requiresRequestReplay: boolean;
}

/** Ipam is the interface of an IPAM driver (ipamapi.Ipam). Addresses are returned as "ip/len". */
export interface Ipam {
  getDefaultAddressSpaces(): { local: string; global: string };
  requestPool(req: PoolRequest): AllocatedPool;
  releasePool(poolID: string): void;
  /** requestAddress returns the address as CIDR ("172.18.0.2/16"). prefAddress '' means any. */
  requestAddress(poolID: string, prefAddress: string, opts: Record<string, string> | null): string;
  releaseAddress(poolID: string, address: string): void;
  isBuiltIn(): boolean;
}

/** Registerer is what IPAM drivers register themselves with. */
export interface Registerer {
  registerIpamDriver(name: string, driver: Ipam, capability: Capability): void;
}
