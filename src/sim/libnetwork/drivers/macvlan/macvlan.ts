// Mirrors moby/moby libnetwork/drivers/macvlan/macvlan.go: the macvlan driver — containers get a
// macvlan link on a host parent interface, each with its own MAC, on the parent's L2 segment.
// Lifecycle phases: macvlan_network.ts, macvlan_endpoint.ts, macvlan_joinleave.ts.

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
import * as ep from './macvlan_endpoint.ts';
import * as jl from './macvlan_joinleave.ts';
import * as nw from './macvlan_network.ts';
import type { VlanConfiguration, VlanEndpoint } from './macvlan_store.ts';

/** NetworkType is the macvlan driver's name. */
export const NetworkType = 'macvlan';

/** MacvlanNetwork is one macvlan network. */
export interface MacvlanNetwork {
  id: string;
  config: VlanConfiguration;
  endpoints: Map<string, VlanEndpoint>;
}

/** MacvlanDriver is the macvlan network driver. */
export class MacvlanDriver implements Driver, GwAllocChecker {
  readonly ctx: DriverContext;
  readonly networks = new Map<string, MacvlanNetwork>();

  constructor(ctx: DriverContext) {
    this.ctx = ctx;
  }

  networkAllocate(): Record<string, string> {
    throw notImplemented('not implemented');
  }
  networkFree(): void {
    throw notImplemented('not implemented');
  }
  /** getSkipGwAlloc skips the gateway on internal (and parent-less) networks. */
  getSkipGwAlloc(options: Record<string, unknown>): { ipv4: boolean; ipv6: boolean } {
    const c = nw.parseNetworkOptions('dummy', options);
    return { ipv4: c.internal, ipv6: c.internal };
  }
  createNetwork(nid: string, options: Record<string, unknown>, v4: IPAMData[], v6: IPAMData[]): void {
    nw.createNetwork(this, nid, options, v4, v6);
  }
  deleteNetwork(nid: string): void {
    nw.deleteNetwork(this, nid);
  }
  createEndpoint(nid: string, eid: string, ifInfo: InterfaceInfo, options: Record<string, unknown>): void {
    ep.createEndpoint(this, nid, eid, ifInfo, options);
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
    jl.join(this, nid, eid, jinfo, epOptions);
  }
  leave(nid: string, eid: string): void {
    jl.leave(this, nid, eid);
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
  getNetwork(id: string): MacvlanNetwork {
    const n = this.networks.get(id);
    if (!n) throw new Error(`network id ${id} not found`);
    return n;
  }
}

/** register adds the macvlan driver (local data scope, global connectivity scope). */
export function register(r: Registerer, ctx: DriverContext): void {
  r.registerDriver(NetworkType, new MacvlanDriver(ctx), { dataScope: 'local', connectivityScope: 'global' });
}
