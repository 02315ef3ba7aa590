// Mirrors moby/moby libnetwork/ipams/defaultipam/allocator.go (and structures.go's PoolID):
// the built-in "default" IPAM driver. Simplified: IPv4 only; an IPv6 request is refused.

import { invalidParameter, notImplemented, SimError, system } from '../../../errdefs.ts';
import { intToIp, ipToInt } from '../../../kernel/inet.ts';
import { masked, type Prefix, parsePrefix, prefixString } from '../../internal/netiputil.ts';
import * as ipamapi from '../../ipamapi/contract.ts';
import { getGlobalScopeDefaultNetworks, type NetworkToSplit } from '../../ipamutils/utils.ts';
import { AddrSpace } from './address_space.ts';

/** DriverName is the name of the default IPAM driver. */
export const DriverName = 'default';
const localAddressSpace = 'LocalDefault';
const globalAddressSpace = 'GlobalDefault';

/** PoolID identifies an allocated pool: "LocalDefault/172.18.0.0/16[/172.18.5.0/24]". */
export interface PoolID {
  addressSpace: string;
  subnet: Prefix;
  childSubnet?: Prefix;
}

/** poolIDString formats a PoolID as moby's PoolID.String does. */
export function poolIDString(k: PoolID): string {
  const base = `${k.addressSpace}/${prefixString(k.subnet)}`;
  return k.childSubnet ? `${base}/${prefixString(k.childSubnet)}` : base;
}

/** poolIDFromString parses a PoolID string. */
export function poolIDFromString(str: string): PoolID {
  const p = str.split('/');
  const bad = (): SimError => invalidParameter(`invalid string form for subnetkey: ${str}`);
  if (p.length !== 3 && p.length !== 5) throw bad();
  const subnet = parsePrefix(`${p[1]}/${p[2]}`);
  if (!subnet) throw bad();
  const k: PoolID = { addressSpace: p[0], subnet };
  if (p.length === 5) {
    const child = parsePrefix(`${p[3]}/${p[4]}`);
    if (!child) throw bad();
    k.childSubnet = child;
  }
  return k;
}

function must<T>(v: T | SimError): T {
  if (v instanceof SimError) throw v;
  return v;
}

/** Allocator is the default IPAM driver: a local and a global IPv4 address space. */
export class Allocator implements ipamapi.Ipam {
  readonly local4: AddrSpace;
  readonly global4: AddrSpace;

  constructor(localPools: NetworkToSplit[], globalPools: NetworkToSplit[] = getGlobalScopeDefaultNetworks()) {
    this.local4 = new AddrSpace(localPools);
    this.global4 = new AddrSpace(globalPools.length ? globalPools : getGlobalScopeDefaultNetworks());
  }

  /** getDefaultAddressSpaces returns the names of the local and global address spaces. */
  getDefaultAddressSpaces(): { local: string; global: string } {
    return { local: localAddressSpace, global: globalAddressSpace };
  }

  private addrSpace(as: string, v6: boolean): AddrSpace {
    if (v6) throw notImplemented('IPv6 address pools are not supported by this simulator');
    if (as === localAddressSpace) return this.local4;
    if (as === globalAddressSpace) return this.global4;
    throw invalidParameter(`cannot find address space ${as}`);
  }

  /** requestPool allocates a user subnet or, when req.pool is '', the lowest free predefined one. */
  requestPool(req: ipamapi.PoolRequest): ipamapi.AllocatedPool {
    const parseErr = (e: SimError): SimError =>
      system(
        `failed to parse pool request for address space "${req.addressSpace}" pool "${req.pool}" subpool "${req.subPool}": ${e.message}`,
      );
    if (req.addressSpace === '') throw parseErr(ipamapi.ErrInvalidAddressSpace());
    const aSpace = this.addrSpace(req.addressSpace, req.v6);
    if (req.pool === '' && req.subPool !== '') throw parseErr(ipamapi.ErrInvalidSubPool());
    if (req.pool === '') {
      const subnet = must(aSpace.allocatePredefinedPool(req.exclude));
      return { poolID: poolIDString({ addressSpace: req.addressSpace, subnet }), pool: subnet, meta: null };
    }
    const parsed = parsePrefix(req.pool);
    if (!parsed) throw parseErr(ipamapi.ErrInvalidPool());
    let child: Prefix | undefined;
    if (req.subPool !== '') {
      child = parsePrefix(req.subPool);
      if (!child) throw system(`invalid pool request: ${ipamapi.ErrInvalidSubPool().message}`);
    }
    const subnet = masked(parsed);
    let childSubnet = child ? masked(child) : undefined;
    if (childSubnet && childSubnet.bits < subnet.bits) childSubnet = subnet;
    const err = aSpace.allocateSubnet(subnet, childSubnet);
    if (err) throw new SimError('forbidden', `invalid pool request: ${err.message}`);
    return {
      poolID: poolIDString({ addressSpace: req.addressSpace, subnet, childSubnet }),
      pool: subnet,
      meta: null,
    };
  }

  /** releasePool frees a pool allocated by requestPool. */
  releasePool(poolID: string): void {
    const k = poolIDFromString(poolID);
    const err = this.addrSpace(k.addressSpace, false).releaseSubnet(k.subnet, k.childSubnet);
    if (err) throw err;
  }

  /** requestAddress allocates prefAddress (when not '') or the lowest free address; returns "ip/len". */
  requestAddress(poolID: string, prefAddress: string, opts: Record<string, string> | null): string {
    const k = poolIDFromString(poolID);
    const aSpace = this.addrSpace(k.addressSpace, false);
    let pref: number | undefined;
    if (prefAddress !== '') {
      pref = ipToInt(prefAddress);
      if (pref === undefined) throw invalidParameter(`invalid preferred address: ${prefAddress}`);
    }
    const serial = opts?.[ipamapi.AllocSerialPrefix] === 'true';
    const ip = must(aSpace.requestAddress(k.subnet, k.childSubnet, pref, serial));
    return `${intToIp(ip)}/${k.subnet.bits}`;
  }

  /** releaseAddress frees an address. */
  releaseAddress(poolID: string, address: string): void {
    const k = poolIDFromString(poolID);
    const ip = ipToInt(address);
    if (ip === undefined) throw invalidParameter(`invalid address: ${address}`);
    const err = this.addrSpace(k.addressSpace, false).releaseAddress(k.subnet, ip);
    if (err) throw err;
  }

  /** isBuiltIn is true for the default driver. */
  isBuiltIn(): boolean {
    return true;
  }
}

/** register adds the default IPAM driver (defaultipam.Register). */
export function register(
  r: ipamapi.Registerer,
  localPools: NetworkToSplit[],
  globalPools: NetworkToSplit[] = [],
): void {
  r.registerIpamDriver(DriverName, new Allocator(localPools, globalPools), {
    requiresMACAddress: false,
    requiresRequestReplay: true,
  });
}
