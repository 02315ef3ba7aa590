// Mirrors moby/moby libnetwork/drivers/bridge/bridge_linux.go CreateEndpoint / DeleteEndpoint /
// Join: a veth pair per endpoint, its host end enslaved to the bridge; the container end is moved
// into the sandbox later by the sandbox (osl). Simplified: the pair is always created in the host
// namespace (as when no netns path is known yet).

import { forbidden } from '../../../errdefs.ts';
import { addVethPair, delLink, findLink, setMaster, setUp } from '../../../kernel/netns.ts';
import type { InterfaceInfo, JoinInfo } from '../../driverapi/driverapi.ts';
import { Ifname } from '../../netlabel/labels.ts';
import { generateIfaceName } from '../../netutils/utils.ts';
import {
  type BridgeDriver,
  type BridgeEndpoint,
  defaultContainerVethPrefix,
  vethLen,
  vethPrefix,
} from './bridge.ts';
import { deleteEndpointRecord, storeEndpoint } from './bridge_store.ts';
import { ipOf } from './bridge_util.ts';

/** createEndpoint creates the veth pair and the direct-access drop rule. */
export function createEndpoint(d: BridgeDriver, nid: string, eid: string, ifInfo: InterfaceInfo): void {
  const n = d.getNetwork(nid);
  if (n.endpoints.has(eid)) throw forbidden(`Endpoint (${eid}) already exists (Only one endpoint allowed)`);
  const host = d.ctx.host;
  const hostIfName = generateIfaceName(host.ns, d.ctx.rng, vethPrefix, vethLen);
  let containerIfName = generateIfaceName(host.ns, d.ctx.rng, vethPrefix, vethLen);
  while (containerIfName === hostIfName)
    containerIfName = generateIfaceName(host.ns, d.ctx.rng, vethPrefix, vethLen);
  const mac = ifInfo.macAddress() ?? d.ctx.rng.mac();
  // The kernel registers a veth's peer first, so the container end gets the lower ifindex.
  const [ctrLink, hostLink] = addVethPair(
    host.ns,
    containerIfName,
    mac,
    host.ns,
    hostIfName,
    d.ctx.rng.mac(),
  );
  d.ctx.explain.record(
    `create veth pair ${hostIfName} <-> ${containerIfName}`,
    `ip link add ${hostIfName} type veth peer name ${containerIfName}`,
    'bridge.CreateEndpoint',
  );
  if (n.config.mtu !== 0) {
    hostLink.mtu = n.config.mtu;
    ctrLink.mtu = n.config.mtu;
  }
  setMaster(hostLink, n.bridge.link);
  d.ctx.explain.record(
    `plug ${hostIfName} into ${n.config.bridgeName}`,
    `ip link set ${hostIfName} master ${n.config.bridgeName}`,
    'bridge.addToBridge',
  );
  if (!d.ctx.config.userlandProxy) {
    d.ctx.explain.record(
      `enable hairpin mode on ${hostIfName}`,
      `bridge link set dev ${hostIfName} hairpin on`,
      'bridge.setHairpinMode',
    );
  }
  if (!ifInfo.macAddress()) ifInfo.setMacAddress(mac);
  const ep: BridgeEndpoint = {
    id: eid,
    nid,
    srcName: containerIfName,
    hostIfName,
    addr: ifInfo.address() ?? '',
    macAddress: mac,
    extConnConfig: undefined,
    portMapping: [],
  };
  n.endpoints.set(eid, ep);
  n.fw?.addEndpoint(ipOf(ep.addr));
  setUp(hostLink, true);
  d.ctx.explain.record(`bring ${hostIfName} up`, `ip link set ${hostIfName} up`, 'bridge.linkUp');
  storeEndpoint(d, ep);
}

/** deleteEndpoint deletes the veth pair (both ends go together). */
export function deleteEndpoint(d: BridgeDriver, nid: string, eid: string): void {
  const n = d.getNetwork(nid);
  const ep = d.getEndpoint(n, eid);
  n.fw?.delEndpoint(ipOf(ep.addr));
  n.endpoints.delete(eid);
  const host = d.ctx.host;
  const link = findLink(host.ns, ep.srcName) ?? findLink(host.ns, ep.hostIfName);
  if (link) {
    delLink(host.ns, link);
    d.ctx.explain.record(
      `delete veth pair ${ep.hostIfName}`,
      `ip link delete ${link.name}`,
      'bridge.DeleteEndpoint',
    );
  }
  deleteEndpointRecord(d, eid);
}

/** join names the container interface (eth0, eth1 …) and hands the bridge address as gateway. */
export function join(
  d: BridgeDriver,
  nid: string,
  eid: string,
  jinfo: JoinInfo,
  epOptions: Record<string, unknown>,
): void {
  const n = d.getNetwork(nid);
  const ep = d.getEndpoint(n, eid);
  const prefix = n.config.containerIfacePrefix || defaultContainerVethPrefix;
  jinfo
    .interfaceName()
    .setNames(ep.srcName, prefix, typeof epOptions[Ifname] === 'string' ? (epOptions[Ifname] as string) : '');
  if (!n.config.internal && n.bridge.gatewayIPv4) jinfo.setGateway(n.bridge.gatewayIPv4);
}
