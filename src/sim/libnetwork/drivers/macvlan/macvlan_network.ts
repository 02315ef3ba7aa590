// Mirrors moby/moby libnetwork/drivers/macvlan/macvlan_network.go: creating a macvlan network —
// option parsing (parent, macvlan_mode), the parent link (existing NIC, new 802.1q sub-interface,
// or a dummy "dm-<id12>" for an isolated network) — and deleting it.

import { invalidParameter } from '../../../errdefs.ts';
import { delLink, findLink } from '../../../kernel/netns.ts';
import type { IPAMData } from '../../driverapi/driverapi.ts';
import { EnableIPv4, EnableIPv6, GenericData, Internal } from '../../netlabel/labels.ts';
import type { MacvlanDriver } from './macvlan.ts';
import {
  createDummyLink,
  createVlanLink,
  delDummyLink,
  delVlanLink,
  getDummyName,
  parentExists,
} from './macvlan_setup.ts';
import { deleteRecord, storeNetwork, type VlanConfiguration } from './macvlan_store.ts';

const dummyPrefix = 'dm-';
const modes = ['bridge', 'private', 'passthru', 'vepa'];

/** parseNetworkOptions reads parent and macvlan_mode (default bridge); no parent means internal. */
export function parseNetworkOptions(id: string, option: Record<string, unknown>): VlanConfiguration {
  const labels = (option[GenericData] as Record<string, string> | undefined) ?? {};
  const c: VlanConfiguration = {
    id,
    mtu: 0,
    parent: labels.parent ?? '',
    mode: labels.macvlan_mode ?? '',
    flag: '',
    internal: option[Internal] === true,
    createdSlaveLink: false,
    ipv4Subnets: [],
    ipv6Subnets: [],
  };
  if (c.mode === '') c.mode = 'bridge';
  else if (!modes.includes(c.mode))
    throw new Error(
      `requested macvlan mode '${c.mode}' is not valid, 'bridge' mode is the macvlan driver default`,
    );
  if (c.parent === 'lo') throw new Error('loopback interface is not a valid macvlan parent link');
  if (c.parent === '') c.internal = true;
  return c;
}

/** createNetwork creates the network and, when needed, its parent link (driver.CreateNetwork). */
export function createNetwork(
  d: MacvlanDriver,
  nid: string,
  option: Record<string, unknown>,
  v4: IPAMData[],
  v6: IPAMData[],
): void {
  if (option[EnableIPv4] === true && (v4.length === 0 || v4[0].pool === '0.0.0.0/0'))
    throw invalidParameter('ipv4 pool is empty');
  if (option[EnableIPv6] === true && v6.length === 0) throw invalidParameter('ipv6 pool is empty');
  const c = parseNetworkOptions(nid, option);
  c.ipv4Subnets = v4.map((i) => ({ SubnetIP: i.pool, GwIP: i.gateway ?? '<nil>' }));
  if (c.parent === '') c.parent = getDummyName(dummyPrefix, c.id);
  for (const n of d.networks.values()) {
    if (n.config.parent !== c.parent || n.id === c.id) continue;
    if (c.mode === 'passthru')
      throw new Error(
        `cannot use mode passthru, macvlan network ${n.id} is already using parent interface ${c.parent}`,
      );
    if (n.config.mode === 'passthru')
      throw new Error(
        `macvlan network ${n.id} is already using parent interface ${c.parent} in mode passthru`,
      );
  }
  const ns = d.ctx.host.ns;
  if (!parentExists(ns, c.parent)) {
    if (c.parent === getDummyName(dummyPrefix, c.id)) createDummyLink(d.ctx, c.parent, 'macvlan');
    else createVlanLink(d.ctx, c.parent, 'macvlan');
    c.createdSlaveLink = true;
  } else if (
    [...d.networks.values()].some((n) => n.config.parent === c.parent && n.config.createdSlaveLink)
  ) {
    c.createdSlaveLink = true;
  }
  d.networks.set(c.id, { id: c.id, config: c, endpoints: new Map() });
  storeNetwork(d.ctx.store, 'macvlan', c);
}

/** deleteNetwork deletes the parent link when this network created it and is its last user. */
export function deleteNetwork(d: MacvlanDriver, nid: string): void {
  const n = d.getNetwork(nid);
  const ns = d.ctx.host.ns;
  const users = [...d.networks.values()].filter((x) => x.config.parent === n.config.parent).length;
  if (n.config.createdSlaveLink && parentExists(ns, n.config.parent) && users === 1) {
    if (n.config.parent === getDummyName(dummyPrefix, nid)) delDummyLink(d.ctx, n.config.parent, 'macvlan');
    else delVlanLink(d.ctx, n.config.parent, 'macvlan');
  }
  for (const ep of n.endpoints.values()) {
    const link = findLink(ns, ep.srcName);
    if (link) delLink(ns, link);
    deleteRecord(d.ctx.store, 'macvlan', 'endpoint', ep.id);
  }
  d.networks.delete(nid);
  deleteRecord(d.ctx.store, 'macvlan', 'network', nid);
}
