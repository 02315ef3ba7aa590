// Mirrors moby/moby libnetwork/drivers/ipvlan/ipvlan.go: the ipvlan driver — containers get an
// ipvlan link on a host parent interface and share its MAC; l2 mode bridges on the parent's
// segment, l3/l3s route through it. Lifecycle phases: ipvlan_network.ts, ipvlan_endpoint.ts.

import { notImplemented } from '../../../errdefs.ts';
import type {
  Driver,
  DriverContext,
  GwAllocChecker,
  InterfaceInfo,
  IPAMData,
  JoinInfo,
  Registerer,
} from '../../driverapi/driverapi.ts';
import type { VlanConfiguration, VlanEndpoint } from '../macvlan/macvlan_store.ts';
import * as ep from './ipvlan_endpoint.ts';
import * as nw from './ipvlan_network.ts';

/** NetworkType is the ipvlan driver's name. */
export const NetworkType = 'ipvlan';

/** IpvlanNetwork is one ipvlan network. */
export interface IpvlanNetwork {
  id: string;
  config: VlanConfiguration;
  endpoints: Map<string, VlanEndpoint>;
}

/** IpvlanDriver is the ipvlan network driver. */
export class IpvlanDriver implements Driver, GwAllocChecker {
  readonly ctx: DriverContext;
  readonly networks = new Map<string, IpvlanNetwork>();

  constructor(ctx: DriverContext) {
    this.ctx = ctx;
  }

  networkAllocate(): Record<string, string> {
    throw notImplemented('not implemented');
  }
  networkFree(): void {
    throw notImplemented('not implemented');
  }
  /** getSkipGwAlloc skips the gateway in l3/l3s mode and on internal networks. */
  getSkipGwAlloc(options: Record<string, unknown>): { ipv4: boolean; ipv6: boolean } {
    const c = nw.parseNetworkOptions('dummy', options);
    const skip = c.mode === 'l3' || c.mode === 'l3s' || c.internal;
    return { ipv4: skip, ipv6: skip };
  }
  createNetwork(nid: string, options: Record<string, unknown>, v4: IPAMData[], v6: IPAMData[]): void {
    nw.createNetwork(this, nid, options, v4, v6);
  }
  deleteNetwork(nid: string): void {
    nw.deleteNetwork(this, nid);
  }
  createEndpoint(nid: string, eid: string, ifInfo: InterfaceInfo): void {
    ep.createEndpoint(this, nid, eid, ifInfo);
  }
  deleteEndpoint(nid: string, eid: string): void {
    ep.deleteEndpoint(this, nid, eid);
  }
  endpointOperInfo(): Record<string, unknown> {
    return {};
  }
  join(
    nid: string,
    eid: string,
    _sboxKey: string,
    jinfo: JoinInfo,
    epOptions: Record<string, unknown>,
  ): void {
    ep.join(this, nid, eid, jinfo, epOptions);
  }
  leave(nid: string, eid: string): void {
    if (!this.getNetwork(nid).endpoints.has(eid)) throw new Error(`could not find endpoint with id ${eid}`);
  }
  programExternalConnectivity(): void {}
  revokeExternalConnectivity(): void {}
  type(): string {
    return NetworkType;
  }
  isBuiltIn(): boolean {
    return true;
  }

  /** getNetwork finds a network. */
  getNetwork(id: string): IpvlanNetwork {
    const n = this.networks.get(id);
    if (!n) throw new Error(`network id ${id} not found`);
    return n;
  }
}

/** register adds the ipvlan driver (local data scope, global connectivity scope). */
export function register(r: Registerer, ctx: DriverContext): void {
  r.registerDriver(NetworkType, new IpvlanDriver(ctx), { dataScope: 'local', connectivityScope: 'global' });
}
