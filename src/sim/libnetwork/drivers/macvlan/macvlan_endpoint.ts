// Mirrors moby/moby libnetwork/drivers/macvlan/macvlan_endpoint.go: an endpoint is only an address
// and a MAC until Join creates its macvlan link. Port mappings are not supported (ignored).

import { delLink, findLink } from '../../../kernel/netns.ts';
import type { InterfaceInfo } from '../../driverapi/driverapi.ts';
import type { MacvlanDriver } from './macvlan.ts';
import { deleteRecord, storeEndpoint } from './macvlan_store.ts';

/** createEndpoint records the endpoint and gives it a random MAC unless one was requested. */
export function createEndpoint(
  d: MacvlanDriver,
  nid: string,
  eid: string,
  ifInfo: InterfaceInfo,
  _options: Record<string, unknown>,
): void {
  const n = d.networks.get(nid);
  if (!n) throw new Error(`network id "${nid}" not found`);
  let mac = ifInfo.macAddress();
  if (!mac) {
    mac = d.ctx.rng.mac();
    ifInfo.setMacAddress(mac);
  }
  const ep = { id: eid, nid, mac, addr: ifInfo.address() ?? '', srcName: '' };
  storeEndpoint(d.ctx.store, 'macvlan', ep);
  n.endpoints.set(eid, ep);
}

/** deleteEndpoint deletes the endpoint's macvlan link, if it is back on the host. */
export function deleteEndpoint(d: MacvlanDriver, nid: string, eid: string): void {
  const n = d.networks.get(nid);
  if (!n) throw new Error(`network id "${nid}" not found`);
  const ep = n.endpoints.get(eid);
  if (!ep) throw new Error(`endpoint id "${eid}" not found`);
  const link = ep.srcName ? findLink(d.ctx.host.ns, ep.srcName) : undefined;
  if (link) delLink(d.ctx.host.ns, link);
  deleteRecord(d.ctx.store, 'macvlan', 'endpoint', eid);
  n.endpoints.delete(eid);
}
