// Mirrors moby/moby libnetwork/endpoint_info.go: the endpoint's interface (addresses, MAC, names)
// as filled in by IPAM and the driver, and the join information a driver sets (gateway, routes).

import type { InterfaceInfo, RouteType } from './driverapi/driverapi.ts';

/** StaticRoute is a route a driver asks for at Join. */
export interface StaticRoute {
  destination: string;
  routeType: RouteType;
  nextHop: string;
}

/** EndpointInterface is an endpoint's interface (EndpointInterface in moby). */
export class EndpointInterface implements InterfaceInfo {
  mac: string | undefined;
  /** addr is "ip/len". */
  addr: string | undefined;
  addrv6: string | undefined;
  srcName = '';
  dstPrefix = '';
  dstName = '';
  /** routes are connected routes bound to this interface ("0.0.0.0/0" for ipvlan l3). */
  routes: string[] = [];
  v4PoolID = '';
  v6PoolID = '';
  createdInContainer = false;
  netnsPathValue = '';

  /** setMacAddress records the MAC a driver chose. */
  setMacAddress(mac: string): void {
    this.mac = mac;
  }

  /** macAddress returns the interface's MAC. */
  macAddress(): string | undefined {
    return this.mac;
  }

  /** address returns the IPv4 address as "ip/len". */
  address(): string | undefined {
    return this.addr;
  }

  /** addressIPv6 returns the IPv6 address, if any. */
  addressIPv6(): string | undefined {
    return this.addrv6;
  }

  /** netnsPath returns the sandbox key when known when the endpoint is created. */
  netnsPath(): string {
    return this.netnsPathValue;
  }

  /** setCreatedInContainer notes that the driver created the interface inside the sandbox. */
  setCreatedInContainer(created: boolean): void {
    this.createdInContainer = created;
  }

  /** setNames records the interface names (InterfaceNameInfo.SetNames). */
  setNames(srcName: string, dstPrefix: string, dstName: string): void {
    this.srcName = srcName;
    this.dstPrefix = dstPrefix;
    this.dstName = dstName;
  }

  /** toJSON is EndpointInterface.MarshalJSON's map, keys sorted as Go marshals maps. */
  toJSON(): Record<string, unknown> {
    const m: Record<string, unknown> = {};
    if (this.addr) m.addr = this.addr;
    if (this.addrv6) m.addrv6 = this.addrv6;
    m.createdInContainer = this.createdInContainer;
    m.dstName = this.dstName;
    m.dstPrefix = this.dstPrefix;
    if (this.mac) m.mac = this.mac;
    m.routes = this.routes.length ? [...this.routes] : null;
    m.srcName = this.srcName;
    m.v4PoolID = this.v4PoolID;
    m.v6PoolID = this.v6PoolID;
    return m;
  }
}

/** EndpointJoinInfo is what the driver set during Join (endpointJoinInfo). */
export class EndpointJoinInfo {
  gw: string | undefined;
  gw6: string | undefined;
  staticRoutes: StaticRoute[] = [];
  disableGatewayService = false;

  /** toJSON is endpointJoinInfo.MarshalJSON's map, keys sorted. */
  toJSON(): Record<string, unknown> {
    const m: Record<string, unknown> = {};
    m.StaticRoutes = this.staticRoutes.length
      ? this.staticRoutes.map((r) => ({
          Destination: r.destination,
          RouteType: r.routeType === 'nexthop' ? 0 : 1,
          NextHop: r.nextHop,
        }))
      : null;
    m.disableGatewayService = this.disableGatewayService;
    if (this.gw) m.gw = this.gw;
    if (this.gw6) m.gw6 = this.gw6;
    return m;
  }
}
