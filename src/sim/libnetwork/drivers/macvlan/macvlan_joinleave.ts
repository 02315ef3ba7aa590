// Mirrors moby/moby libnetwork/drivers/macvlan/macvlan_joinleave.go: Join creates the macvlan link
// on the parent and sets the subnet's gateway (none on internal networks).

import { inCidr } from '../../../kernel/inet.ts';
import type { JoinInfo } from '../../driverapi/driverapi.ts';
import { Ifname } from '../../netlabel/labels.ts';
import { generateIfaceName } from '../../netutils/utils.ts';
import type { MacvlanDriver } from './macvlan.ts';
import { createMacVlan } from './macvlan_setup.ts';
import type { IPSubnet } from './macvlan_store.ts';
import { storeEndpoint } from './macvlan_store.ts';

/** getSubnetForIP finds the subnet (same prefix length) containing "ip/len". */
export function getSubnetForIP(addr: string, subnets: IPSubnet[]): IPSubnet | undefined {
  const [ip, len] = addr.split('/');
  return subnets.find((s) => s.SubnetIP.split('/')[1] === len && inCidr(ip, s.SubnetIP));
}

/** gatewayOf parses an IPSubnet's gateway the way moby does (net.ParseCIDR). */
export function gatewayOf(s: IPSubnet): string {
  if (!s.GwIP.includes('/'))
    throw new Error(`gateway ${s.GwIP} is not a valid ipv4 address: invalid CIDR address: ${s.GwIP}`);
  return s.GwIP.split('/')[0];
}

/** join creates the link and tells libnetwork the gateway and interface names. */
export function join(
  d: MacvlanDriver,
  nid: string,
  eid: string,
  jinfo: JoinInfo,
  epOptions: Record<string, unknown>,
): void {
  const n = d.getNetwork(nid);
  const ep = n.endpoints.get(eid);
  if (!ep) throw new Error(`could not find endpoint with id ${eid}`);
  const containerIfName = generateIfaceName(d.ctx.host.ns, d.ctx.rng, 'veth', 11);
  ep.srcName = createMacVlan(d.ctx, containerIfName, n.config.parent, n.config.mode, ep.mac);
  if (!n.config.internal) {
    if (n.config.ipv4Subnets.length > 0) {
      const s = getSubnetForIP(ep.addr, n.config.ipv4Subnets);
      if (!s) throw new Error(`could not find a valid ipv4 subnet for endpoint ${eid}`);
      jinfo.setGateway(gatewayOf(s));
    }
    if (n.config.ipv4Subnets.length === 0 && n.config.ipv6Subnets.length === 0) jinfo.disableGatewayService();
  } else {
    jinfo.disableGatewayService();
  }
  jinfo
    .interfaceName()
    .setNames(ep.srcName, 'eth', typeof epOptions[Ifname] === 'string' ? (epOptions[Ifname] as string) : '');
  storeEndpoint(d.ctx.store, 'macvlan', ep);
}

/** leave checks the endpoint exists; the link is removed at DeleteEndpoint. */
export function leave(d: MacvlanDriver, nid: string, eid: string): void {
  const n = d.getNetwork(nid);
  if (!n.endpoints.has(eid)) throw new Error(`could not find endpoint with id ${eid}`);
}
