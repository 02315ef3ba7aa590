// Mirrors moby/moby libnetwork/drivers/macvlan/macvlan_store.go (and ipvlan_store.go): the
// driver records under macvlan/network/<id>/ and macvlan/endpoint/<id>/ (ipvlan/... likewise).

import { goJSON } from '../../../gojson.ts';
import type { Datastore } from '../../datastore/datastore.ts';

/** IPSubnet is a subnet and its gateway ("<nil>" when none was allocated). */
export interface IPSubnet {
  SubnetIP: string;
  GwIP: string;
}

/** VlanConfiguration is a macvlan or ipvlan network's configuration. */
export interface VlanConfiguration {
  id: string;
  mtu: number;
  parent: string;
  /** mode is macvlan_mode or ipvlan_mode; flag is ipvlan_flag. */
  mode: string;
  flag: string;
  internal: boolean;
  createdSlaveLink: boolean;
  ipv4Subnets: IPSubnet[];
  ipv6Subnets: IPSubnet[];
}

/** VlanEndpoint is a macvlan or ipvlan endpoint. */
export interface VlanEndpoint {
  id: string;
  nid: string;
  mac: string;
  addr: string;
  srcName: string;
}

/** storeNetwork writes configuration.MarshalJSON's map for driver "macvlan" or "ipvlan". */
export function storeNetwork(store: Datastore, driver: 'macvlan' | 'ipvlan', c: VlanConfiguration): void {
  const m: Record<string, unknown> = { CreatedSubIface: c.createdSlaveLink, ID: c.id, Internal: c.internal };
  if (driver === 'ipvlan') m.IpvlanFlag = c.flag;
  if (driver === 'ipvlan') m.IpvlanMode = c.mode;
  if (c.ipv4Subnets.length) m.Ipv4Subnets = goJSON(c.ipv4Subnets);
  if (c.ipv6Subnets.length) m.Ipv6Subnets = goJSON(c.ipv6Subnets);
  if (driver === 'macvlan') m.MacvlanMode = c.mode;
  m.Mtu = c.mtu;
  m.Parent = c.parent;
  store.putObject({ key: () => [driver, 'network', c.id], value: () => goJSON(m) });
}

/** storeEndpoint writes endpoint.MarshalJSON's map. */
export function storeEndpoint(store: Datastore, driver: 'macvlan' | 'ipvlan', ep: VlanEndpoint): void {
  const m: Record<string, unknown> = {};
  if (ep.addr) m.Addr = ep.addr;
  if (ep.mac) m.MacAddress = ep.mac;
  m.SrcName = ep.srcName;
  m.id = ep.id;
  m.nid = ep.nid;
  store.putObject({ key: () => [driver, 'endpoint', ep.id], value: () => goJSON(m) });
}

/** deleteRecord removes a network or endpoint record. */
export function deleteRecord(
  store: Datastore,
  driver: 'macvlan' | 'ipvlan',
  kind: 'network' | 'endpoint',
  id: string,
): void {
  store.deleteObject({ key: () => [driver, kind, id] });
}
