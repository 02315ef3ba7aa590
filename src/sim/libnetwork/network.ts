// Mirrors moby/moby libnetwork/network.go: a network (the CNM "Network"), its IPAM state, its
// endpoints, and deletion. Simplified: no swarm service records, no load-balancer sandbox; name
// resolution data is derived from the endpoints' DNS names when asked.

import { forbidden, invalidParameter, SimError, system } from '../errdefs.ts';
import type { Controller } from './controller.ts';
import type { Driver } from './driverapi/driverapi.ts';
import { Endpoint, type EndpointOptions } from './endpoint.ts';
import { ActiveEndpointsError, asSimError, wrapError } from './error.ts';
import { EnableIPv4, EnableIPv6, GenericData, Internal } from './netlabel/labels.ts';
import { reverseIP } from './netutils/utils.ts';
import { type IpamConf, type IpamInfo, ipamRelease } from './network_ipam.ts';
import { endpointCntKey, networkJSON } from './network_store.ts';
import type { Scope } from './scope/scope.ts';

/** NetworkCreateOptions are what the daemon passes to Controller.newNetwork (the NetworkOptions). */
export interface NetworkCreateOptions {
  enableIPv4?: boolean;
  enableIPv6?: boolean;
  internal?: boolean;
  attachable?: boolean;
  ingress?: boolean;
  configOnly?: boolean;
  configFrom?: string;
  /** driverOpts are the -o options (com.docker.network.bridge.name, parent, macvlan_mode …). */
  driverOpts?: Record<string, string>;
  labels?: Record<string, string>;
  ipam?: {
    driver?: string;
    options?: Record<string, string>;
    config?: Array<{
      subnet?: string;
      ipRange?: string;
      gateway?: string;
      auxAddresses?: Record<string, string>;
    }>;
  };
  /** created is the creation time in ms since the epoch (from the world clock). */
  created: number;
  persist?: boolean;
  /** scope is --scope ('' lets the driver decide; 'swarm' needs an active swarm). */
  scope?: string;
  /** dynamic marks a network created by swarm on a worker/agent (NetworkOptionDynamic). */
  dynamic?: boolean;
}

/** IpamConfigView is one IPAM config entry as `docker network inspect` shows it. */
export interface IpamConfigView {
  subnet: string;
  ipRange?: string;
  gateway?: string;
  auxAddresses?: Record<string, string>;
}

/** Network is one CNM network (libnetwork.Network). */
export class Network {
  readonly controller: Controller;
  readonly id: string;
  readonly name: string;
  type: string;
  /** scope is where the network lives; set from --scope or the driver's data scope at creation. */
  scope: Scope = 'local';
  /** requestedScope is --scope as given ('' lets the driver decide). */
  readonly requestedScope: string;
  readonly created: number;
  internal: boolean;
  readonly attachable: boolean;
  readonly ingress: boolean;
  enableIPv4: boolean;
  enableIPv6: boolean;
  readonly configOnly: boolean;
  readonly configFrom: string;
  /** storedLabels are the labels as given (null when none were passed, as moby stores them). */
  storedLabels: Record<string, string> | null;
  ipamDriver: string;
  ipamOptions: Record<string, string> | null;
  /** generic holds the options given to the driver (GenericData and the enable/internal flags). */
  generic: Record<string, unknown>;
  ipamV4Config: IpamConf[] = [];
  ipamV6Config: IpamConf[] = [];
  ipamV4Info: IpamInfo[] = [];
  ipamV6Info: IpamInfo[] = [];
  addrSpace = '';
  readonly persist: boolean;
  readonly dynamic: boolean;
  skipGwAllocIPv4 = false;
  skipGwAllocIPv6 = false;
  inDelete = false;
  private readonly eps: Endpoint[] = [];

  constructor(c: Controller, networkType: string, name: string, id: string, o: NetworkCreateOptions) {
    this.controller = c;
    this.type = networkType;
    this.name = name;
    this.id = id;
    this.created = o.created;
    this.enableIPv4 = o.enableIPv4 ?? true;
    this.enableIPv6 = o.enableIPv6 ?? false;
    this.internal = o.internal ?? false;
    this.attachable = o.attachable ?? false;
    this.ingress = o.ingress ?? false;
    this.configOnly = o.configOnly ?? false;
    this.configFrom = o.configFrom ?? '';
    this.storedLabels = o.labels ?? null;
    this.persist = o.persist ?? true;
    this.dynamic = o.dynamic ?? false;
    this.requestedScope = o.scope ?? '';
    this.generic = {
      [EnableIPv4]: this.enableIPv4,
      [EnableIPv6]: this.enableIPv6,
      [GenericData]: { ...(o.driverOpts ?? {}) },
    };
    if (this.internal) this.generic[Internal] = true;
    this.ipamDriver = 'default';
    this.ipamOptions = null;
    if (o.ipam) {
      if (o.ipam.driver) this.ipamDriver = o.ipam.driver;
      this.ipamOptions = o.ipam.options ?? null;
      for (const c of o.ipam.config ?? []) {
        const conf: IpamConf = {
          preferredPool: c.subnet ?? '',
          subPool: c.ipRange ?? '',
          gateway: c.gateway ?? '',
          auxAddresses: c.auxAddresses ?? null,
        };
        if ((c.subnet ?? '').includes(':')) this.ipamV6Config.push(conf);
        else this.ipamV4Config.push(conf);
      }
    }
  }

  /** labels returns a copy of the network's labels, {} when none (Network.Labels). */
  get labels(): Record<string, string> {
    return { ...(this.storedLabels ?? {}) };
  }

  /** driverOpts returns the -o options (Network.DriverOptions). */
  get driverOpts(): Record<string, string> {
    return { ...((this.generic[GenericData] as Record<string, string> | undefined) ?? {}) };
  }

  /** hasSpecialDriver is true for host and null networks, which get no IPAM. */
  hasSpecialDriver(): boolean {
    return this.type === 'host' || this.type === 'null';
  }

  /** driver returns the network's driver. */
  driver(): Driver {
    return this.controller.resolveDriver(this.type).driver;
  }

  /** ipamConfig returns the IPAM config entries `network inspect` shows (daemon buildIPAMResources). */
  ipamConfig(): IpamConfigView[] {
    const out: IpamConfigView[] = [];
    const fromConf = (list: IpamConf[]): boolean => {
      let has = false;
      for (const c of list) {
        if (c.preferredPool === '') continue;
        has = true;
        const v: IpamConfigView = { subnet: c.preferredPool };
        if (c.subPool) v.ipRange = c.subPool;
        if (c.gateway) v.gateway = c.gateway;
        if (c.auxAddresses && Object.keys(c.auxAddresses).length) v.auxAddresses = { ...c.auxAddresses };
        out.push(v);
      }
      return has;
    };
    const fromInfo = (list: IpamInfo[]): void => {
      for (const i of list) {
        const v: IpamConfigView = { subnet: i.data.pool };
        if (i.data.gateway) v.gateway = i.data.gateway.split('/')[0];
        out.push(v);
      }
    };
    const has4 = fromConf(this.ipamV4Config);
    const has6 = fromConf(this.ipamV6Config);
    if (!has4) fromInfo(this.ipamV4Info);
    if (!has6) fromInfo(this.ipamV6Info);
    return out;
  }

  /** endpoints returns the network's endpoints in creation order. */
  endpoints(): Endpoint[] {
    return [...this.eps];
  }

  /** endpointByName finds an endpoint by name. */
  endpointByName(name: string): Endpoint | undefined {
    return this.eps.find((e) => e.name === name);
  }

  /** createEndpoint allocates addresses and asks the driver for an endpoint (Network.CreateEndpoint). */
  createEndpoint(name: string, options: EndpointOptions = {}): Endpoint {
    if (name.trim() === '') throw invalidParameter('invalid name: name is empty');
    if (this.configOnly) throw forbidden('cannot create endpoint on configuration-only network');
    if (this.endpointByName(name))
      throw forbidden(`endpoint with name ${name} already exists in network ${this.name}`);
    const ep = new Endpoint(this, name, this.controller.rng.dockerId(), options);
    const ipam = this.controller.getIPAMDriver(this.ipamDriver);
    ep.assignAddress(ipam, this.enableIPv4, this.enableIPv6);
    try {
      this.driver().createEndpoint(this.id, ep.id, ep.ifaceInfo, ep.generic);
    } catch (e) {
      ep.releaseAddress();
      throw system(`failed to create endpoint ${name} on network ${this.name}: ${asSimError(e).message}`);
    }
    this.eps.push(ep);
    this.controller.storeEndpoint(ep);
    return ep;
  }

  /** removeEndpoint forgets a deleted endpoint. */
  removeEndpoint(ep: Endpoint): void {
    const i = this.eps.indexOf(ep);
    if (i >= 0) this.eps.splice(i, 1);
  }

  /** delete removes the network; errors carry dockerd's "error while removing network: " prefix. */
  delete(options: { force?: boolean } = {}): void {
    try {
      this.deleteNetwork(options.force ?? false);
    } catch (e) {
      throw wrapError('error while removing network', e);
    }
  }

  private deleteNetwork(force: boolean): void {
    const c = this.controller;
    if (!c.networkById(this.id)) throw new SimError('notFound', `unknown network ${this.name} id ${this.id}`);
    if (this.ingress && !force) throw ActiveEndpointsError(this.name, []);
    if (!force && this.configOnly && c.networks().some((n) => n.configFrom === this.name)) {
      throw forbidden(`configuration network "${this.name}" is in use`);
    }
    if (!force && this.eps.length > 0) {
      throw ActiveEndpointsError(
        this.name,
        this.eps.map((ep) => `name:"${ep.name}" id:"${ep.id.slice(0, 12)}"`),
      );
    }
    this.inDelete = true;
    c.store.putObject({ key: () => ['network', this.id], value: () => networkJSON(this) });
    if (!this.configOnly) {
      ipamRelease(this, c.getIPAMDriver(this.ipamDriver));
      try {
        this.driver().deleteNetwork(this.id);
      } catch (e) {
        if (e instanceof SimError && e.kind === 'forbidden' && !force) {
          this.inDelete = false; // unlike moby, keep the network usable (the daemon guards this case)
          c.store.putObject({ key: () => ['network', this.id], value: () => networkJSON(this) });
          throw e;
        }
      }
    }
    c.store.deleteObject({ key: () => endpointCntKey(this) });
    c.store.deleteObject({ key: () => ['network', this.id] });
    c.forgetNetwork(this);
  }

  /** resolveName returns the addresses of endpoints on this network answering to name (Network.ResolveName). */
  resolveName(req: string, ipType: 4 | 6): { ips: string[]; found: boolean } {
    const name = req.replace(/\.$/, '').toLowerCase();
    let found = false;
    const ips: string[] = [];
    for (const ep of this.eps) {
      if (!ep.dnsNames.some((d) => d.toLowerCase() === name)) continue;
      const a4 = ep.ifaceInfo.addr?.split('/')[0];
      const a6 = ep.ifaceInfo.addrv6?.split('/')[0];
      if (a4 || a6) found = true;
      const ip = ipType === 4 ? a4 : a6;
      if (ip && !ips.includes(ip)) ips.push(ip);
    }
    // overlay: endpoints on other nodes come from the cluster's network DB (service records)
    const peers = this.type === 'overlay' ? (this.controller.clusterProvider?.peers?.(this.id) ?? []) : [];
    for (const peer of peers) {
      if (!peer.names.some((d) => d.toLowerCase() === name)) continue;
      found = true;
      if (ipType === 4 && !ips.includes(peer.ip)) ips.push(peer.ip);
    }
    const service =
      this.type === 'overlay' ? this.controller.clusterProvider?.serviceRecords?.(this.id, name) : undefined;
    if (service) {
      found = true;
      if (ipType === 4) for (const ip of service) if (!ips.includes(ip)) ips.push(ip);
    }
    return { ips, found };
  }

  /** resolveIP answers a reverse lookup with "<first DNS name>.<network>" (Network.ResolveIP). */
  resolveIP(reversed: string): string {
    for (const ep of this.eps) {
      const a4 = ep.ifaceInfo.addr?.split('/')[0];
      if (a4 && ep.dnsNames.length > 0 && reverseIP(a4) === reversed) return `${ep.dnsNames[0]}.${this.name}`;
    }
    return '';
  }
}
