// Mirrors moby/moby libnetwork/network.go MarshalJSON, IpamInfo.MarshalJSON, driverapi/ipamdata.go
// and endpoint_cnt.go: the JSON libnetwork keeps under docker/network/v1.0/network/<id>/ and
// docker/network/v1.0/endpoint_count/<id>/.

import { goJSON, goMap } from '../gojson.ts';
import { rfc3339Nano } from '../world/clock.ts';
import { GenericData } from './netlabel/labels.ts';
import type { Network } from './network.ts';
import type { IpamConf, IpamInfo } from './network_ipam.ts';

/** endpointCntKey is the key of a network's (unused since v28.1, still written) endpoint count. */
export const endpointCntKey = (n: Network): string[] => ['endpoint_count', n.id];

/** endpointCntJSON is what endpointCnt marshals to. */
export const endpointCntJSON = (): string => goJSON({ Count: 0 });

function ipamConfJSON(list: IpamConf[]): string {
  return goJSON(
    list.map((c) => ({
      PreferredPool: c.preferredPool,
      SubPool: c.subPool,
      Gateway: c.gateway,
      AuxAddresses: goMap(c.auxAddresses),
    })),
  );
}

function ipamInfoJSON(list: IpamInfo[]): string {
  return goJSON(
    list.map((i) => {
      const data: Record<string, unknown> = { AddressSpace: i.data.addressSpace };
      if (i.data.auxAddresses !== null) data.AuxAddresses = goMap(i.data.auxAddresses);
      if (i.data.gateway) data.Gateway = i.data.gateway;
      data.Pool = i.data.pool;
      const m: Record<string, unknown> = { IPAMData: goJSON(data) };
      if (i.meta !== null) m.Meta = goMap(i.meta);
      m.PoolID = i.poolID;
      return m;
    }),
  );
}

function genericJSON(g: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(g).sort())
    out[k] = k === GenericData ? goMap(g[k] as Record<string, string>) : g[k];
  return out;
}

/** networkJSON marshals a network as Network.MarshalJSON does (a map, so keys come out sorted). */
export function networkJSON(n: Network): string {
  const m: Record<string, unknown> = {
    addrSpace: n.addrSpace,
    attachable: n.attachable,
    configFrom: n.configFrom,
    configOnly: n.configOnly,
    created: rfc3339Nano(n.created),
    enableIPv4: n.enableIPv4,
    enableIPv6: n.enableIPv6,
    generic: genericJSON(n.generic),
    id: n.id,
    inDelete: n.inDelete,
    ingress: n.ingress,
    internal: n.internal,
    ipamOptions: goMap(n.ipamOptions),
    ipamType: n.ipamDriver,
  };
  if (n.ipamV4Config.length) m.ipamV4Config = ipamConfJSON(n.ipamV4Config);
  if (n.ipamV4Info.length) m.ipamV4Info = ipamInfoJSON(n.ipamV4Info);
  if (n.ipamV6Config.length) m.ipamV6Config = ipamConfJSON(n.ipamV6Config);
  if (n.ipamV6Info.length) m.ipamV6Info = ipamInfoJSON(n.ipamV6Info);
  Object.assign(m, {
    labels: goMap(n.storedLabels),
    loadBalancerIP: null,
    loadBalancerMode: 'NAT',
    name: n.name,
    networkType: n.type,
    persist: n.persist,
    scope: n.scope,
    skipGwAllocIPv4: n.skipGwAllocIPv4,
    skipGwAllocIPv6: n.skipGwAllocIPv6,
  });
  return goJSON(m);
}
