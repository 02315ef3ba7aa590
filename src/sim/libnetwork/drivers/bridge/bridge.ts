// Mirrors moby/moby libnetwork/drivers/bridge/bridge_linux.go (driver, Register, configure, the
// network and endpoint types). The lifecycle phases live in bridge_network.ts (Create/DeleteNetwork),
// bridge_endpoint.ts (Create/DeleteEndpoint, Join, Leave) and port_mapping.ts (external connectivity).

import { invalidParameter, notFound, notImplemented } from '../../../errdefs.ts';
import type { Socket } from '../../../kernel/types.ts';
import type {
  Driver,
  DriverContext,
  GwAllocChecker,
  InterfaceInfo,
  IPAMData,
  JoinInfo,
  Registerer,
} from '../../driverapi/driverapi.ts';
import { ExposedPorts, MacAddress, PortMap } from '../../netlabel/labels.ts';
import type { PortBinding, TransportPort } from '../../types/types.ts';
import { type NetworkConfiguration, parseNetworkOptions } from './bridge_config.ts';
import * as epl from './bridge_endpoint.ts';
import * as nwl from './bridge_network.ts';
import { Iptabler } from './internal/iptabler/iptabler.ts';
import type { FirewallerNetwork } from './internal/iptabler/network.ts';
import * as pm from './port_mapping.ts';
import type { BridgeInterface } from './setup.ts';

/** NetworkType is the bridge driver's name. */
export const NetworkType = 'bridge';
/** vethPrefix starts the names of both veth ends ("veth" + 7 hex). */
export const vethPrefix = 'veth';
/** vethLen is the length of a generated veth name. */
export const vethLen = vethPrefix.length + 7;
/** defaultContainerVethPrefix names the container side ("eth0", "eth1" …). */
export const defaultContainerVethPrefix = 'eth';

/** PortBindingState is an operational binding plus the docker-proxy sockets serving it. */
export interface PortBindingState extends PortBinding {
  sockets: Socket[];
}

/** BridgeEndpoint is the driver's view of an endpoint (bridgeEndpoint). */
export interface BridgeEndpoint {
  id: string;
  nid: string;
  srcName: string;
  hostIfName: string;
  addr: string;
  macAddress: string;
  extConnConfig:
    | { portBindings?: PortBinding[]; exposedPorts?: TransportPort[]; noProxy6To4: boolean }
    | undefined;
  portMapping: PortBindingState[];
}

/** BridgeNetwork is the driver's view of a network (bridgeNetwork). */
export interface BridgeNetwork {
  id: string;
  config: NetworkConfiguration;
  bridge: BridgeInterface;
  endpoints: Map<string, BridgeEndpoint>;
  fw: FirewallerNetwork | undefined;
}

/** BridgeDriver is the bridge network driver. */
export class BridgeDriver implements Driver, GwAllocChecker {
  readonly ctx: DriverContext;
  readonly networks = new Map<string, BridgeNetwork>();
  readonly fw: Iptabler;

  /** constructor configures the driver; with --iptables it creates Docker's chains right away. */
  constructor(ctx: DriverContext) {
    this.ctx = ctx;
    this.fw = new Iptabler(ctx.ipt, {
      ipv4: ctx.config.iptables,
      hairpin: !ctx.config.userlandProxy,
      allowDirectRouting: false,
    });
  }

  /** userlandProxyPath is docker-proxy's path, or '' when --userland-proxy=false. */
  userlandProxyPath(): string {
    return this.ctx.config.userlandProxy ? '/usr/bin/docker-proxy' : '';
  }

  /** getNetwork finds a network or fails as moby does. */
  getNetwork(id: string): BridgeNetwork {
    if (id === '') throw invalidParameter(`invalid network id: ${id}`);
    const n = this.networks.get(id);
    if (!n) throw notFound(`network not found: ${id}`);
    return n;
  }

  /** getEndpoint finds an endpoint of a network. */
  getEndpoint(n: BridgeNetwork, eid: string): BridgeEndpoint {
    if (eid === '') throw invalidParameter(`invalid endpoint id: ${eid}`);
    const ep = n.endpoints.get(eid);
    if (!ep) throw notFound(`endpoint not found: ${eid}`);
    return ep;
  }

  networkAllocate(): Record<string, string> {
    throw notImplemented('not implemented');
  }
  networkFree(): void {
    throw notImplemented('not implemented');
  }

  /** getSkipGwAlloc skips the gateway for isolated networks and inhibited internal ones. */
  getSkipGwAlloc(options: Record<string, unknown>): { ipv4: boolean; ipv6: boolean } {
    const c = parseNetworkOptions('dummyNetworkId', options, this.ctx.host.ns);
    return {
      ipv4: c.gwModeIPv4 === 'isolated' || (c.inhibitIPv4 && c.internal),
      ipv6: c.gwModeIPv6 === 'isolated',
    };
  }

  /** createNetwork creates the bridge and its firewall rules (see bridge_network.ts). */
  createNetwork(
    nid: string,
    options: Record<string, unknown>,
    ipV4Data: IPAMData[],
    ipV6Data: IPAMData[],
  ): void {
    nwl.createNetwork(this, nid, options, ipV4Data, ipV6Data);
  }

  /** deleteNetwork removes the bridge (unless it is docker0 or user-made) and its rules. */
  deleteNetwork(nid: string): void {
    nwl.deleteNetwork(this, nid);
  }

  /** createEndpoint creates the veth pair (see bridge_endpoint.ts). */
  createEndpoint(nid: string, eid: string, ifInfo: InterfaceInfo): void {
    epl.createEndpoint(this, nid, eid, ifInfo);
  }

  /** deleteEndpoint deletes the veth pair. */
  deleteEndpoint(nid: string, eid: string): void {
    epl.deleteEndpoint(this, nid, eid);
  }

  /** endpointOperInfo returns the exposed ports, the programmed port map and the MAC. */
  endpointOperInfo(nid: string, eid: string): Record<string, unknown> {
    const ep = this.getEndpoint(this.getNetwork(nid), eid);
    const m: Record<string, unknown> = {};
    if (ep.extConnConfig?.exposedPorts)
      m[ExposedPorts] = ep.extConnConfig.exposedPorts.map((p) => ({ ...p }));
    if (ep.portMapping.length) m[PortMap] = ep.portMapping.map(({ sockets: _s, ...b }) => ({ ...b }));
    if (ep.macAddress) m[MacAddress] = ep.macAddress;
    return m;
  }

  /** join names the interface and sets the gateway (see bridge_endpoint.ts). */
  join(
    nid: string,
    eid: string,
    _sboxKey: string,
    jinfo: JoinInfo,
    epOptions: Record<string, unknown>,
  ): void {
    epl.join(this, nid, eid, jinfo, epOptions);
  }

  /** leave has nothing to undo unless legacy links were set up. */
  leave(nid: string, eid: string): void {
    this.getEndpoint(this.getNetwork(nid), eid);
  }

  /** programExternalConnectivity publishes the endpoint's ports (see port_mapping.ts). */
  programExternalConnectivity(nid: string, eid: string, options: Record<string, unknown>): void {
    pm.programExternalConnectivity(this, nid, eid, options);
  }

  /** revokeExternalConnectivity unpublishes them. */
  revokeExternalConnectivity(nid: string, eid: string): void {
    pm.revokeExternalConnectivity(this, nid, eid);
  }

  type(): string {
    return NetworkType;
  }
  isBuiltIn(): boolean {
    return true;
  }
}

/** register adds the bridge driver (local data and connectivity scope). */
export function register(r: Registerer, ctx: DriverContext): void {
  r.registerDriver(NetworkType, new BridgeDriver(ctx), { dataScope: 'local', connectivityScope: 'local' });
}
