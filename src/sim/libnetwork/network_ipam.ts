// Mirrors moby/moby libnetwork/network.go ipamAllocate / ipamAllocateVersion / ipamRelease: a
// network's pools, gateway and auxiliary addresses. Simplified: IPv4 only (an IPv6-enabled network
// fails in the default IPAM with a notImplemented error).

import { forbidden, invalidParameter, SimError, system } from '../errdefs.ts';
import { inCidr, isIPv4 } from '../kernel/inet.ts';
import type { IPAMData } from './driverapi/driverapi.ts';
import { prefixString } from './internal/netiputil.ts';
import type { Ipam } from './ipamapi/contract.ts';
import { RequestAddressType } from './ipamapi/contract.ts';
import { Gateway } from './netlabel/labels.ts';
import { inferReservedNetworks } from './netutils/utils.ts';
import type { Network } from './network.ts';

/** IpamConf is one user-requested pool (libnetwork.IpamConf). */
export interface IpamConf {
  preferredPool: string;
  subPool: string;
  gateway: string;
  auxAddresses: Record<string, string> | null;
}

/** IpamInfo is one allocated pool (libnetwork.IpamInfo): the pool ID, meta and the driver's view. */
export interface IpamInfo {
  poolID: string;
  meta: Record<string, string> | null;
  data: IPAMData;
}

/** ipamAllocate requests the network's pools and gateways from its IPAM driver. */
export function ipamAllocate(n: Network, ipam: Ipam): void {
  if (n.hasSpecialDriver()) return;
  if (n.addrSpace === '') {
    const spaces = ipam.getDefaultAddressSpaces();
    n.addrSpace = n.scope === 'global' ? spaces.global : spaces.local;
  }
  if (n.enableIPv4) ipamAllocateVersion(n, 4, ipam);
  if (n.enableIPv6) {
    try {
      ipamAllocateVersion(n, 6, ipam);
    } catch (e) {
      ipamReleaseVersion(n, 4, ipam);
      throw e;
    }
  }
}

function ipamAllocateVersion(n: Network, ipVer: 4 | 6, ipam: Ipam): void {
  const cfgList = ipVer === 4 ? n.ipamV4Config : n.ipamV6Config;
  const skipGwAlloc = ipVer === 4 ? n.skipGwAllocIPv4 : n.skipGwAllocIPv6;
  if (cfgList.length === 0) cfgList.push({ preferredPool: '', subPool: '', gateway: '', auxAddresses: null });
  const infoList: IpamInfo[] = [];
  if (ipVer === 4) n.ipamV4Info = infoList;
  else n.ipamV6Info = infoList;
  for (const cfg of cfgList) {
    if (cfg.gateway !== '' && !isIPv4(cfg.gateway) && !cfg.gateway.includes(':')) {
      throw invalidParameter(`invalid gateway address ${cfg.gateway} in Ipam configuration`);
    }
    const reserved = n.scope !== 'global' ? inferReservedNetworks(n.controller.host) : [];
    const alloc = ipam.requestPool({
      addressSpace: n.addrSpace,
      pool: cfg.preferredPool,
      subPool: cfg.subPool,
      options: n.ipamOptions,
      exclude: reserved,
      v6: ipVer === 6,
    });
    const d: IpamInfo = {
      poolID: alloc.poolID,
      meta: alloc.meta,
      data: { addressSpace: n.addrSpace, pool: prefixString(alloc.pool), auxAddresses: null },
    };
    infoList.push(d);
    try {
      if (cfg.gateway === '' && d.meta?.[Gateway]) d.data.gateway = d.meta[Gateway];
      if (d.data.gateway === undefined && (cfg.gateway !== '' || !skipGwAlloc)) {
        try {
          d.data.gateway = ipam.requestAddress(d.poolID, cfg.gateway, { [RequestAddressType]: Gateway });
        } catch (e) {
          throw system(`failed to allocate gateway (${cfg.gateway}): ${(e as Error).message}`);
        }
      }
      if (cfg.auxAddresses !== null) {
        d.data.auxAddresses = {};
        for (const k of Object.keys(cfg.auxAddresses).sort()) {
          const v = cfg.auxAddresses[k];
          if (!isIPv4(v))
            throw invalidParameter(
              `non parsable secondary ip address (${k}:${v}) passed for network ${n.name}`,
            );
          if (!inCidr(v, d.data.pool))
            throw forbidden(`auxiliary address: (${k}:${v}) must belong to the master pool: ${d.data.pool}`);
          try {
            d.data.auxAddresses[k] = ipam.requestAddress(d.poolID, v, null);
          } catch (e) {
            if (e instanceof SimError && e.message === 'requested address is out of range') continue;
            throw system(`failed to allocate secondary ip address (${k}:${v}): ${(e as Error).message}`);
          }
        }
      }
    } catch (e) {
      ipam.releasePool(d.poolID);
      infoList.pop();
      throw e;
    }
  }
}

/** ipamRelease frees the network's gateways, auxiliary addresses and pools. */
export function ipamRelease(n: Network, ipam: Ipam): void {
  if (n.hasSpecialDriver()) return;
  ipamReleaseVersion(n, 4, ipam);
  ipamReleaseVersion(n, 6, ipam);
}

function ipamReleaseVersion(n: Network, ipVer: 4 | 6, ipam: Ipam): void {
  const infoList = ipVer === 4 ? n.ipamV4Info : n.ipamV6Info;
  for (const d of infoList) {
    const quiet = (f: () => void): void => {
      try {
        f();
      } catch {
        // moby logs and continues
      }
    };
    const gw = d.data.gateway;
    if (gw) quiet(() => ipam.releaseAddress(d.poolID, gw.split('/')[0]));
    for (const v of Object.values(d.data.auxAddresses ?? {}))
      quiet(() => ipam.releaseAddress(d.poolID, v.split('/')[0]));
    quiet(() => ipam.releasePool(d.poolID));
  }
  if (ipVer === 4) n.ipamV4Info = [];
  else n.ipamV6Info = [];
}
