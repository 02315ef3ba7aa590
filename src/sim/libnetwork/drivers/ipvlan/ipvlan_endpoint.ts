// Mirrors moby/moby libnetwork/drivers/ipvlan/ipvlan_endpoint.go and ipvlan_joinleave.go: endpoints
// (no custom MACs: ipvlan links use the parent's) and Join — l2 uses the subnet's gateway, l3/l3s
// a connected default route out of the interface.

import { delLink, findLink } from '../../../kernel/netns.ts';
import type { InterfaceInfo, JoinInfo } from '../../driverapi/driverapi.ts';
import { Ifname } from '../../netlabel/labels.ts';
import { generateIfaceName } from '../../netutils/utils.ts';
import { gatewayOf, getSubnetForIP } from '../macvlan/macvlan_joinleave.ts';
import { deleteRecord, storeEndpoint } from '../macvlan/macvlan_store.ts';
import type { IpvlanDriver } from './ipvlan.ts';
import { createIPVlan } from './ipvlan_setup.ts';

/** createEndpoint records the endpoint; a requested MAC is refused. */
export function createEndpoint(d: IpvlanDriver, nid: string, eid: string, ifInfo: InterfaceInfo): void {
  const n = d.networks.get(nid);
  if (!n) throw new Error(`network id "${nid}" not found`);
  if (ifInfo.macAddress()) throw new Error('ipvlan interfaces do not support custom mac address assignment');
  const ep = { id: eid, nid, mac: '', addr: ifInfo.address() ?? '', srcName: '' };
  storeEndpoint(d.ctx.store, 'ipvlan', ep);
  n.endpoints.set(eid, ep);
}

/** deleteEndpoint deletes the ipvlan link if it is back on the host. */
export function deleteEndpoint(d: IpvlanDriver, nid: string, eid: string): void {
  const n = d.networks.get(nid);
  if (!n) throw new Error(`network id "${nid}" not found`);
  const ep = n.endpoints.get(eid);
  if (!ep) throw new Error(`endpoint id "${eid}" not found`);
  const link = ep.srcName ? findLink(d.ctx.host.ns, ep.srcName) : undefined;
  if (link) delLink(d.ctx.host.ns, link);
  deleteRecord(d.ctx.store, 'ipvlan', 'endpoint', eid);
  n.endpoints.delete(eid);
}

/** join creates the ipvlan link and sets the gateway or the connected default route. */
export function join(
  d: IpvlanDriver,
  nid: string,
  eid: string,
  jinfo: JoinInfo,
  epOptions: Record<string, unknown>,
): void {
  const n = d.getNetwork(nid);
  const ep = n.endpoints.get(eid);
  if (!ep) throw new Error(`could not find endpoint with id ${eid}`);
  const containerIfName = generateIfaceName(d.ctx.host.ns, d.ctx.rng, 'veth', 11);
  ep.srcName = createIPVlan(d.ctx, containerIfName, n.config.parent, n.config.mode, n.config.flag);
  if (n.config.internal) {
    jinfo.disableGatewayService();
  } else if (n.config.mode === 'l3' || n.config.mode === 'l3s') {
    jinfo.disableGatewayService();
    if (ep.addr) jinfo.addStaticRoute('0.0.0.0/0', 'connected', '0.0.0.0');
  } else {
    if (n.config.ipv4Subnets.length > 0) {
      const s = getSubnetForIP(ep.addr, n.config.ipv4Subnets);
      if (!s) throw new Error(`could not find a valid ipv4 subnet for endpoint ${eid}`);
      jinfo.setGateway(gatewayOf(s));
    }
    if (n.config.ipv4Subnets.length === 0 && n.config.ipv6Subnets.length === 0) jinfo.disableGatewayService();
  }
  jinfo
    .interfaceName()
    .setNames(ep.srcName, 'eth', typeof epOptions[Ifname] === 'string' ? (epOptions[Ifname] as string) : '');
  storeEndpoint(d.ctx.store, 'ipvlan', ep);
}
