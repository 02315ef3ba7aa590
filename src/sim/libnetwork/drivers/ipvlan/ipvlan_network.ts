// Mirrors moby/moby libnetwork/drivers/ipvlan/ipvlan_network.go: option parsing (parent,
// ipvlan_mode l2|l3|l3s, ipvlan_flag bridge|private|vepa), one network per parent, the parent link.

import { invalidParameter } from '../../../errdefs.ts';
import { delLink, findLink } from '../../../kernel/netns.ts';
import type { IPAMData } from '../../driverapi/driverapi.ts';
import { EnableIPv4, EnableIPv6, GenericData, Internal } from '../../netlabel/labels.ts';
import {
  createDummyLink,
  createVlanLink,
  delDummyLink,
  delVlanLink,
  getDummyName,
  parentExists,
} from '../macvlan/macvlan_setup.ts';
import { deleteRecord, storeNetwork, type VlanConfiguration } from '../macvlan/macvlan_store.ts';
import type { IpvlanDriver } from './ipvlan.ts';
import { dummyPrefix } from './ipvlan_setup.ts';

/** parseNetworkOptions reads parent, ipvlan_mode (l2) and ipvlan_flag (bridge). */
export function parseNetworkOptions(id: string, option: Record<string, unknown>): VlanConfiguration {
  const labels = (option[GenericData] as Record<string, string> | undefined) ?? {};
  const c: VlanConfiguration = {
    id,
    mtu: 0,
    parent: labels.parent ?? '',
    mode: labels.ipvlan_mode ?? '',
    flag: labels.ipvlan_flag ?? '',
    internal: option[Internal] === true,
    createdSlaveLink: false,
    ipv4Subnets: [],
    ipv6Subnets: [],
  };
  if (c.mode === '') c.mode = 'l2';
  else if (!['l2', 'l3', 'l3s'].includes(c.mode))
    throw new Error(`requested ipvlan mode '${c.mode}' is not valid, 'l2' mode is the ipvlan driver default`);
  if (c.flag === '') c.flag = 'bridge';
  else if (!['bridge', 'private', 'vepa'].includes(c.flag))
    throw new Error(`requested ipvlan flag '${c.flag}' is not valid, 'bridge' is the ipvlan driver default`);
  if (c.parent === 'lo') throw new Error('loopback interface is not a valid ipvlan parent link');
  if (c.parent === '') c.internal = true;
  return c;
}

/** createNetwork creates the network and its parent link if needed (driver.CreateNetwork). */
export function createNetwork(
  d: IpvlanDriver,
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
    if (n.config.parent === c.parent && n.id !== c.id) {
      throw new Error(
        `network ${getDummyName(dummyPrefix, n.id)} is already using parent interface ${c.parent}`,
      );
    }
  }
  if (!parentExists(d.ctx.host.ns, c.parent)) {
    if (c.parent === getDummyName(dummyPrefix, c.id)) createDummyLink(d.ctx, c.parent, 'ipvlan');
    else createVlanLink(d.ctx, c.parent, 'ipvlan');
    c.createdSlaveLink = true;
  }
  d.networks.set(c.id, { id: c.id, config: c, endpoints: new Map() });
  storeNetwork(d.ctx.store, 'ipvlan', c);
}

/** deleteNetwork removes a parent link the network created, its endpoints' links and records. */
export function deleteNetwork(d: IpvlanDriver, nid: string): void {
  const n = d.getNetwork(nid);
  const ns = d.ctx.host.ns;
  if (n.config.createdSlaveLink && parentExists(ns, n.config.parent)) {
    if (n.config.parent === getDummyName(dummyPrefix, nid)) delDummyLink(d.ctx, n.config.parent, 'ipvlan');
    else delVlanLink(d.ctx, n.config.parent, 'ipvlan');
  }
  for (const ep of n.endpoints.values()) {
    const link = findLink(ns, ep.srcName);
    if (link) delLink(ns, link);
    deleteRecord(d.ctx.store, 'ipvlan', 'endpoint', ep.id);
  }
  d.networks.delete(nid);
  deleteRecord(d.ctx.store, 'ipvlan', 'network', nid);
}
