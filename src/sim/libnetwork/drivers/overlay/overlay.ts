// Mirrors moby/moby libnetwork/drivers/overlay/overlay.go, ov_network.go (CreateNetwork,
// DeleteNetwork), ov_endpoint.go (CreateEndpoint: the MAC derived from the IP) and joinleave.go
// (Join: a veth pair, one end on br0 in the overlay namespace, the other handed to the container;
// no gateway, so libnetwork adds docker_gwbridge for egress). Encryption (IPsec) is only recorded.

import { forbidden, invalidParameter, notImplemented } from '../../../errdefs.ts';
import { addVethPair, delLink, findLink } from '../../../kernel/netns.ts';
import type { Link } from '../../../kernel/types.ts';
import type {
  Driver,
  DriverContext,
  InterfaceInfo,
  IPAMData,
  JoinInfo,
  Registerer,
} from '../../driverapi/driverapi.ts';
import { GenericData, Ifname, OverlayVxlanIDList } from '../../netlabel/labels.ts';
import { generateIfaceName } from '../../netutils/utils.ts';
import {
  destroySandbox,
  ensureSandbox,
  nextVethName,
  OVERLAY_MTU,
  type OverlayNetwork,
  plugVeth,
  programPeers,
} from './ov_network.ts';

/** NetworkType is the overlay driver's name. */
export const NetworkType = 'overlay';

/** macFromIP is netutils.GenerateMACFromIP: 02:42 followed by the four bytes of the IPv4 address. */
export function macFromIP(ip: string): string {
  return ['02', '42', ...ip.split('.').map((b) => Number(b).toString(16).padStart(2, '0'))].join(':');
}

/** parseVni reads the first VXLAN ID of com.docker.network.driver.overlay.vxlanid_list. */
export function parseVni(list: string | undefined): number {
  const v = Number((list ?? '').split(',')[0]);
  if (!Number.isInteger(v) || v <= 0 || v >= 1 << 24)
    throw invalidParameter(`failed to parse VNI: invalid vxlanid_list "${list ?? ''}"`);
  return v;
}

/** OverlayDriver is the overlay network driver of one node. */
export class OverlayDriver implements Driver {
  readonly ctx: DriverContext;
  readonly networks = new Map<string, OverlayNetwork>();

  constructor(ctx: DriverContext) {
    this.ctx = ctx;
  }

  networkAllocate(): Record<string, string> {
    throw notImplemented('not implemented');
  }
  networkFree(): void {
    throw notImplemented('not implemented');
  }

  /** createNetwork records the network; its namespace is created at the first join. */
  createNetwork(nid: string, options: Record<string, unknown>, v4: IPAMData[]): void {
    if (nid === '') throw invalidParameter('invalid network id');
    if (v4.length === 0) throw forbidden('ipv4 pool is empty');
    const generic = (options[GenericData] as Record<string, string> | undefined) ?? {};
    this.networks.set(nid, {
      id: nid,
      vni: parseVni(generic[OverlayVxlanIDList]),
      subnet: v4[0].pool,
      gateway: v4[0].gateway ?? `${v4[0].pool.split('/')[0]}/${v4[0].pool.split('/')[1]}`,
      secure: 'encrypted' in generic,
      endpoints: new Map(),
    });
  }

  /** deleteNetwork removes the network's namespace from this node. */
  deleteNetwork(nid: string): void {
    const n = this.networks.get(nid);
    if (!n) throw invalidParameter(`could not find network with id ${nid}`);
    destroySandbox(this.ctx, n);
    this.networks.delete(nid);
  }

  /** createEndpoint needs an address; the MAC is derived from it unless one was given. */
  createEndpoint(nid: string, eid: string, ifInfo: InterfaceInfo): void {
    const n = this.networks.get(nid);
    if (!n) throw invalidParameter(`network id "${nid}" not found`);
    const addr = ifInfo.address();
    if (!addr) throw invalidParameter('create endpoint was not passed interface IP address');
    let mac = ifInfo.macAddress();
    if (!mac) {
      mac = macFromIP(addr.split('/')[0]);
      ifInfo.setMacAddress(mac);
    }
    n.endpoints.set(eid, { id: eid, addr, mac, ifName: '' });
  }

  /** deleteEndpoint deletes the endpoint's veth pair. */
  deleteEndpoint(nid: string, eid: string): void {
    const n = this.networks.get(nid);
    const ep = n?.endpoints.get(eid);
    if (!n || !ep) throw invalidParameter(`endpoint id "${eid}" not found`);
    const link = n.sbox && ep.ifName ? findLink(n.sbox, ep.ifName) : undefined;
    if (n.sbox && link) delLink(n.sbox, link);
    n.endpoints.delete(eid);
  }

  endpointOperInfo(): Record<string, unknown> {
    return {};
  }

  /** join plugs a veth into br0 of the overlay namespace and hands its peer to the container. */
  join(
    nid: string,
    eid: string,
    _sboxKey: string,
    jinfo: JoinInfo,
    epOptions: Record<string, unknown>,
  ): void {
    const n = this.networks.get(nid);
    const ep = n?.endpoints.get(eid);
    if (!n || !ep) throw invalidParameter(`could not find endpoint with id ${eid}`);
    const sbox = ensureSandbox(this.ctx, n);
    const host = this.ctx.host;
    const hostEnd = generateIfaceName(host.ns, this.ctx.rng, 'veth', 7);
    ep.ifName = nextVethName(sbox);
    const [inner, outer] = addVethPair(sbox, ep.ifName, this.ctx.rng.mac(), host.ns, hostEnd, ep.mac);
    inner.mtu = OVERLAY_MTU;
    outer.mtu = OVERLAY_MTU;
    plugVeth(sbox, inner);
    programPeers(n, this.ctx.peers?.(nid) ?? []);
    this.ctx.explain.record(
      `plug ${ep.ifName} into br0 of the overlay namespace; its peer ${hostEnd} becomes the container's interface`,
      `ip link add ${ep.ifName} type veth peer name ${hostEnd}; ip link set ${ep.ifName} master br0`,
      'overlay.Join',
    );
    const name = typeof epOptions[Ifname] === 'string' ? (epOptions[Ifname] as string) : '';
    jinfo.interfaceName().setNames(hostEnd, 'eth', name);
  }

  /** leave keeps the veth until deleteEndpoint, as the bridge driver does. */
  leave(nid: string, eid: string): void {
    if (!this.networks.get(nid)?.endpoints.has(eid))
      throw invalidParameter(`could not find endpoint with id ${eid}`);
  }

  programExternalConnectivity(): void {}
  revokeExternalConnectivity(): void {}

  /** eventNotify refreshes the peer table when the network DB changes. */
  eventNotify(_type: 'create' | 'update' | 'delete', nid: string): void {
    const n = this.networks.get(nid);
    if (n) programPeers(n, this.ctx.peers?.(nid) ?? []);
  }

  type(): string {
    return NetworkType;
  }
  isBuiltIn(): boolean {
    return true;
  }

  /** vxlanLink returns the network's vxlan0 on this node, if its namespace exists. */
  vxlanLink(nid: string): Link | undefined {
    const n = this.networks.get(nid);
    return n?.sbox ? findLink(n.sbox, 'vxlan0') : undefined;
  }
}

/** register adds the overlay driver with global data and connectivity scope. */
export function register(r: Registerer, ctx: DriverContext): void {
  r.registerDriver(NetworkType, new OverlayDriver(ctx), { dataScope: 'global', connectivityScope: 'global' });
}
