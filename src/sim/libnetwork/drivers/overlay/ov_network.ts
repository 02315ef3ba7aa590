// Mirrors moby/moby libnetwork/drivers/overlay/ov_network.go (sandboxInit, initSubnetSandbox,
// setupSubnetSandbox) and ov_utils.go (createVxlan): each overlay network gets, on every node that
// uses it, a namespace "1-<id[:10]>" holding a bridge br0 with the subnet's gateway address and a
// vxlan link (VNI, UDP 4789) enslaved to it; container veths are plugged into br0.

import { addAddr, addLink, createNetns, delLink, findLink, setMaster, setUp } from '../../../kernel/netns.ts';
import type { Link, NetNs } from '../../../kernel/types.ts';
import type { DriverContext, PeerRecord } from '../../driverapi/driverapi.ts';

/** VXLAN_PORT is the IANA VXLAN port the overlay driver uses by default (data path port). */
export const VXLAN_PORT = 4789;
/** OVERLAY_MTU is the default overlay MTU: 1500 minus the 50-byte VXLAN encapsulation. */
export const OVERLAY_MTU = 1450;

/** OverlayEndpoint is one endpoint of an overlay network on this node. */
export interface OverlayEndpoint {
  id: string;
  /** addr is "ip/len". */
  addr: string;
  mac: string;
  /** ifName is the name of the veth end inside the overlay namespace ("veth0" …). */
  ifName: string;
}

/** OverlayNetwork is the driver's state for one network on this node. */
export interface OverlayNetwork {
  id: string;
  vni: number;
  /** subnet is "10.0.1.0/24"; gateway is "10.0.1.1/24". */
  subnet: string;
  gateway: string;
  secure: boolean;
  endpoints: Map<string, OverlayEndpoint>;
  /** sbox is the network's namespace, created at the first join (sandboxInit). */
  sbox?: NetNs;
}

/** sandboxName is the overlay namespace's file name under /var/run/docker/netns ("1-" + 10 chars). */
export const sandboxName = (nid: string): string => `1-${nid.slice(0, 10)}`;

/** ensureSandbox creates the network's namespace with br0 and vxlan0 unless it exists. */
export function ensureSandbox(ctx: DriverContext, n: OverlayNetwork): NetNs {
  if (n.sbox) return n.sbox;
  const host = ctx.host;
  const ns = createNetns(`${host.name}/${sandboxName(n.id)}`, host.name, host.ns.counter);
  ctx.world?.register(ns);
  const br = addLink(ns, { name: 'br0', kind: 'bridge', mac: ctx.rng.mac(), mtu: OVERLAY_MTU });
  addAddr(ns, 'br0', n.gateway);
  const vx = addLink(ns, {
    name: 'vxlan0',
    kind: 'vxlan',
    mac: ctx.rng.mac(),
    mtu: OVERLAY_MTU,
    vxlan: { vni: n.vni, port: VXLAN_PORT },
  });
  setMaster(vx, br);
  setUp(vx);
  setUp(br);
  ctx.explain.record(
    `create the overlay namespace ${sandboxName(n.id)} with br0 (${n.gateway}) and vxlan0 (VNI ${n.vni}, UDP ${VXLAN_PORT})`,
    `ip netns add ${sandboxName(n.id)}; ip link add vxlan0 type vxlan id ${n.vni} dstport ${VXLAN_PORT}; ip link set vxlan0 master br0`,
    'overlay.sandboxInit',
  );
  n.sbox = ns;
  return ns;
}

/** programPeers writes the remote endpoints into the overlay namespace: ARP entries and vxlan FDB (peerAdd). */
export function programPeers(n: OverlayNetwork, peers: PeerRecord[]): void {
  const ns = n.sbox;
  const vx = ns ? findLink(ns, 'vxlan0') : undefined;
  if (!ns || !vx) return;
  ns.neigh = ns.neigh.filter((e) => e.dev !== vx.index);
  ns.fdb = ns.fdb.filter((e) => e.port !== vx.index);
  for (const p of peers) {
    ns.neigh.push({ ip: p.ip, mac: p.mac, dev: vx.index, state: 'PERMANENT' });
    ns.fdb.push({ mac: p.mac, port: vx.index, dst: p.vtep, permanent: true });
  }
}

/** plugVeth moves the overlay end of a veth pair into the namespace and enslaves it to br0. */
export function plugVeth(ns: NetNs, link: Link): void {
  const br = findLink(ns, 'br0');
  setMaster(link, br);
  setUp(link);
}

/** destroySandbox deletes the network's namespace (when the network leaves this node). */
export function destroySandbox(ctx: DriverContext, n: OverlayNetwork): void {
  if (!n.sbox) return;
  for (const l of [...n.sbox.links]) if (l.kind === 'veth') delLink(n.sbox, l);
  ctx.world?.unregister(n.sbox);
  n.sbox = undefined;
}

/** nextVethName is the lowest free "vethN" in the overlay namespace. */
export function nextVethName(ns: NetNs): string {
  let i = 0;
  while (findLink(ns, `veth${i}`)) i++;
  return `veth${i}`;
}
