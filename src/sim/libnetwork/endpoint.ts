// Mirrors moby/moby libnetwork/endpoint.go: an endpoint (the CNM "Endpoint") — a network attachment
// with its addresses, options and driver state. Join and Leave live in endpoint_join.ts.
// Simplified: IPv4 addressing only, no swarm service/VIP fields.

import { invalidParameter, SimError, system } from '../errdefs.ts';
import { inCidr } from '../kernel/inet.ts';
import type { InterfaceNameInfo, JoinInfo, RouteType } from './driverapi/driverapi.ts';
import { EndpointInterface, type EndpointJoinInfo } from './endpoint_info.ts';
import { sbJoin, sbLeave } from './endpoint_join.ts';
import { ActiveContainerError, asSimError } from './error.ts';
import type { Ipam } from './ipamapi/contract.ts';
import { ExposedPorts, Ifname, MacAddress, PortMap } from './netlabel/labels.ts';
import type { Network } from './network.ts';
import type { Sandbox } from './sandbox.ts';
import type { PortBinding, TransportPort } from './types/types.ts';

/** PortBindingRequest is a -p/--publish request: hostPort '' is ephemeral, '8080-8090' a range. */
export interface PortBindingRequest {
  proto: 'tcp' | 'udp';
  containerPort: number;
  hostIp: string;
  hostPort: string;
}

/** EndpointOptions are the CreateOption* options the daemon passes to Network.createEndpoint. */
export interface EndpointOptions {
  /** ipv4Address is a static --ip. */
  ipv4Address?: string;
  ipv6Address?: string;
  macAddress?: string;
  /** aliases are the --network-alias values (the daemon folds them into dnsNames too). */
  aliases?: string[];
  /**
   * dnsNames are the names the embedded DNS answers for this endpoint (container name, aliases,
   * short ID, hostname). When omitted, [name, ...aliases] is used unless resolution is disabled.
   */
  dnsNames?: string[];
  exposedPorts?: Array<{ proto: 'tcp' | 'udp'; port: number }>;
  portBindings?: PortBindingRequest[];
  /** disableResolution is set by the daemon for endpoints on the default bridge, host and none. */
  disableResolution?: boolean;
  gwPriority?: number;
  /** ifname is com.docker.network.endpoint.ifname: an exact container interface name (v28). */
  ifname?: string;
}

/** IfaceView is what Endpoint.iface() reports. */
export interface IfaceView {
  address?: string;
  addressIPv6?: string;
  mac: string;
  gateway?: string;
  srcName?: string;
  dstName?: string;
}

/** PortMappingView is one binding as programmed. */
export interface PortMappingView {
  proto: 'tcp' | 'udp';
  containerPort: number;
  hostIp: string;
  hostPort: number;
}

/** toPortBinding converts a publish request into a types.PortBinding (daemon buildSandboxOptions). */
export function toPortBinding(r: PortBindingRequest): PortBinding {
  const m = /^(\d*)(?:-(\d+))?$/.exec(r.hostPort);
  if (!m) throw invalidParameter(`Error parsing HostPort value(${r.hostPort}):invalid port range`);
  const start = m[1] === '' ? 0 : Number(m[1]);
  const end = m[2] !== undefined ? Number(m[2]) : start;
  return {
    proto: r.proto,
    ip: '',
    port: r.containerPort,
    hostIP: r.hostIp,
    hostPort: start,
    hostPortEnd: end,
  };
}

/** Endpoint is one CNM endpoint (libnetwork.Endpoint); it also serves as the driver's JoinInfo. */
export class Endpoint implements JoinInfo {
  readonly id: string;
  readonly name: string;
  readonly network: Network;
  readonly ifaceInfo = new EndpointInterface();
  joinInfo: EndpointJoinInfo | undefined;
  sandboxID = '';
  readonly aliases: string[];
  dnsNames: string[];
  readonly disableResolution: boolean;
  readonly exposedPorts: TransportPort[];
  readonly generic: Record<string, unknown> = {};
  readonly prefAddress: string;
  readonly gwPriority: number | undefined;
  /** portBindings are the bindings given at creation, if any (else the sandbox's are used). */
  readonly portBindings: PortBinding[] | undefined;
  /** oslDstName is the name the interface got inside the sandbox (eth0 …). */
  oslDstName = '';

  constructor(n: Network, name: string, id: string, o: EndpointOptions) {
    this.network = n;
    this.name = name;
    this.id = id;
    this.aliases = [...(o.aliases ?? [])];
    this.disableResolution = o.disableResolution ?? false;
    this.dnsNames = o.dnsNames ? [...o.dnsNames] : this.disableResolution ? [] : [name, ...this.aliases];
    this.exposedPorts = (o.exposedPorts ?? []).map((p) => ({ proto: p.proto, port: p.port }));
    this.prefAddress = o.ipv4Address ?? '';
    this.gwPriority = o.gwPriority;
    if (o.exposedPorts) this.generic[ExposedPorts] = this.exposedPorts;
    if (o.portBindings) {
      this.portBindings = o.portBindings.map(toPortBinding);
      this.generic[PortMap] = this.portBindings;
    }
    if (o.macAddress) {
      this.generic[MacAddress] = o.macAddress;
      this.ifaceInfo.mac = o.macAddress;
    }
    if (o.ifname) this.generic[Ifname] = o.ifname;
  }

  /** iface returns the endpoint's addresses, MAC, gateway and interface names. */
  iface(): IfaceView {
    const v: IfaceView = { mac: this.ifaceInfo.mac ?? '' };
    if (this.ifaceInfo.addr) v.address = this.ifaceInfo.addr;
    if (this.ifaceInfo.addrv6) v.addressIPv6 = this.ifaceInfo.addrv6;
    if (this.joinInfo?.gw) v.gateway = this.joinInfo.gw;
    if (this.ifaceInfo.srcName) v.srcName = this.ifaceInfo.srcName;
    if (this.oslDstName) v.dstName = this.oslDstName;
    return v;
  }

  /** portMapping returns the bindings the driver programmed (EndpointOperInfo's PortMap). */
  portMapping(): PortMappingView[] {
    const info = this.network.driver().endpointOperInfo(this.network.id, this.id);
    const pbs = (info[PortMap] as PortBinding[] | undefined) ?? [];
    return pbs.map((b) => ({
      proto: b.proto,
      containerPort: b.port,
      hostIp: b.hostIP,
      hostPort: b.hostPort,
    }));
  }

  /** sandbox returns the sandbox the endpoint is joined to. */
  sandbox(): Sandbox | undefined {
    return this.sandboxID ? this.network.controller.sandboxById(this.sandboxID) : undefined;
  }

  /** join attaches the endpoint to a sandbox (Endpoint.Join). */
  join(sb: Sandbox, options: { gwPriority?: number } = {}): void {
    sbJoin(this, sb, options.gwPriority ?? this.gwPriority);
  }

  /** leave detaches the endpoint from its sandbox (Endpoint.Leave). */
  leave(sb: Sandbox): void {
    sbLeave(this, sb, false);
  }

  /** delete removes the endpoint, leaving its sandbox first when force is set (Endpoint.Delete). */
  delete(options: { force?: boolean } = {}): void {
    const force = options.force ?? false;
    const sb = this.sandbox();
    if (sb && !force) throw ActiveContainerError(this.name, this.id);
    if (sb) {
      try {
        sbLeave(this, sb, force);
      } catch {
        // moby logs "failed to leave sandbox for endpoint" and continues
      }
    }
    const c = this.network.controller;
    c.deleteStoredEndpoint(this);
    try {
      this.network.driver().deleteEndpoint(this.network.id, this.id);
    } catch (e) {
      if (e instanceof SimError && e.kind === 'forbidden' && !force) throw e;
    }
    this.releaseAddress();
    this.network.removeEndpoint(this);
  }

  /** needResolver tells whether the sandbox needs the embedded DNS for this endpoint. */
  needResolver(): boolean {
    return !this.disableResolution;
  }

  /** getEtcHostsAddrs returns the addresses to list in /etc/hosts (none for docker_gwbridge/ingress). */
  getEtcHostsAddrs(): string[] {
    if (this.network.ingress || this.network.name === 'docker_gwbridge') return [];
    const out: string[] = [];
    if (this.ifaceInfo.addr) out.push(this.ifaceInfo.addr.split('/')[0]);
    if (this.ifaceInfo.addrv6) out.push(this.ifaceInfo.addrv6.split('/')[0]);
    return out;
  }

  /** hasGatewayOrDefaultRoute tells whether the endpoint can be the sandbox's IPv4 gateway. */
  hasGatewayOrDefaultRoute(): boolean {
    if (this.joinInfo?.gw) return true;
    if (this.joinInfo?.staticRoutes.some((r) => r.destination === '0.0.0.0/0')) return true;
    return this.ifaceInfo.routes.includes('0.0.0.0/0');
  }

  /** assignAddress takes the endpoint's addresses from IPAM (Endpoint.assignAddress). */
  assignAddress(ipam: Ipam, assignIPv4: boolean, _assignIPv6: boolean): void {
    const n = this.network;
    if (n.hasSpecialDriver() || !assignIPv4) return;
    if (n.ipamV4Info.length === 0) throw system(`no IPv4 information available for endpoint ${this.name}`);
    const prog = this.prefAddress !== '' ? this.prefAddress : (this.ifaceInfo.addr?.split('/')[0] ?? '');
    for (const d of n.ipamV4Info) {
      if (prog !== '' && !inCidr(prog, d.data.pool)) continue;
      try {
        this.ifaceInfo.addr = ipam.requestAddress(d.poolID, prog, null);
        this.ifaceInfo.v4PoolID = d.poolID;
        return;
      } catch (e) {
        if (!(e instanceof SimError && e.message === 'no available addresses on this pool') || prog !== '')
          throw e;
      }
    }
    if (prog !== '')
      throw invalidParameter(
        `invalid address ${this.prefAddress}: It does not belong to any of this network's subnets`,
      );
    throw system(`no available IPv4 addresses on this network's address pools: ${n.name} (${n.id})`);
  }

  /** releaseAddress gives the endpoint's addresses back to IPAM. */
  releaseAddress(): void {
    const n = this.network;
    if (n.hasSpecialDriver() || !this.ifaceInfo.addr) return;
    try {
      n.controller
        .getIPAMDriver(n.ipamDriver)
        .releaseAddress(this.ifaceInfo.v4PoolID, this.ifaceInfo.addr.split('/')[0]);
    } catch (e) {
      asSimError(e); // moby logs a warning
    }
  }

  // JoinInfo, implemented by the endpoint as in moby.

  /** interfaceName gives the driver the interface naming hook. */
  interfaceName(): InterfaceNameInfo {
    return this.ifaceInfo;
  }

  /** setGateway records the IPv4 gateway the driver chose. */
  setGateway(ip: string): void {
    if (this.joinInfo) this.joinInfo.gw = ip;
  }

  /** setGatewayIPv6 records the IPv6 gateway the driver chose. */
  setGatewayIPv6(ip: string): void {
    if (this.joinInfo) this.joinInfo.gw6 = ip;
  }

  /** addStaticRoute records a route: next-hop routes in the join info, connected ones on the interface. */
  addStaticRoute(destination: string, routeType: RouteType, nextHop: string): void {
    if (routeType === 'nexthop') this.joinInfo?.staticRoutes.push({ destination, routeType, nextHop });
    else this.ifaceInfo.routes.push(destination);
  }

  /** disableGatewayService tells libnetwork not to give the sandbox a gateway network. */
  disableGatewayService(): void {
    if (this.joinInfo) this.joinInfo.disableGatewayService = true;
  }
}
