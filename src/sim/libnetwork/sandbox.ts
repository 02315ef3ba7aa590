// Mirrors moby/moby libnetwork/sandbox.go (and sandbox_store.go): a container's network sandbox —
// its namespace, its endpoints in gateway-preference order, its DNS files and resolver.
// Simplified: the sandbox is created together with its namespace (no SetKey / external key).

import { forbidden } from '../errdefs.ts';
import { goJSON, goMap } from '../gojson.ts';
import type { NetNs } from '../kernel/types.ts';
import type { Vfs } from '../kernel/vfs.ts';
import type { Controller } from './controller.ts';
import {
  clearDefaultGW,
  getEndpointInGWNetwork,
  needDefaultGW,
  selectGatewayEndpoint,
  setupDefaultGW,
} from './default_gateway.ts';
import { type Endpoint, type PortBindingRequest, toPortBinding } from './endpoint.ts';
import { ExposedPorts, NoProxy6To4, PortMap } from './netlabel/labels.ts';
import type { Namespace } from './osl/namespace.ts';
import type { ExtDNSEntry } from './resolvconf/resolvconf.ts';
import type { Resolver } from './resolver.ts';
import * as dns from './sandbox_dns.ts';
import * as sbl from './sandbox_linux.ts';

/** SandboxOptions are the Option* sandbox options the daemon passes to Controller.newSandbox. */
export interface SandboxOptions {
  hostname: string;
  domainname?: string;
  /** fs is the container's file system: /etc/hosts, /etc/resolv.conf and /etc/hostname go here. */
  fs: Vfs;
  /** useDefaultSandbox shares the host's root namespace (--network host). */
  useDefaultSandbox?: boolean;
  /** noNetwork marks a --network none container (it still joins the null network's endpoint). */
  noNetwork?: boolean;
  dns?: string[];
  dnsSearch?: string[];
  dnsOptions?: string[];
  /** extraHosts are --add-host values, "name:ip". */
  extraHosts?: string[];
  exposedPorts?: Array<{ proto: 'tcp' | 'udp'; port: number }>;
  /** portBindings are the container's -p bindings, used when an endpoint was created without any. */
  portBindings?: PortBindingRequest[];
}

/** Sandbox is a container's network stack (libnetwork.Sandbox). */
export class Sandbox {
  readonly id: string;
  readonly containerId: string;
  readonly controller: Controller;
  readonly config: SandboxOptions;
  osl!: Namespace;
  resolver: Resolver | undefined;
  readonly epPriority = new Map<string, number>();
  readonly populated = new Set<string>();
  inDelete = false;
  ndotsSet = false;
  extDNS: ExtDNSEntry[] = [];
  /** resolvConfHash is the content last written with a hash (UserModified compares against it). */
  resolvConfHash: string | undefined;
  private eps: Endpoint[] = [];

  constructor(c: Controller, containerId: string, id: string, options: SandboxOptions) {
    this.controller = c;
    this.containerId = containerId;
    this.id = id;
    this.config = options;
  }

  /** key is the sandbox key: /var/run/docker/netns/<12 hex> or .../default for the host network. */
  get key(): string {
    return this.osl.key;
  }

  /** ns is the sandbox's network namespace (the host's for --network host). */
  get ns(): NetNs {
    return this.osl.ns;
  }

  /** endpoints returns the joined endpoints, gateway candidates first. */
  endpoints(): Endpoint[] {
    return [...this.eps];
  }

  /** labels are the options handed to drivers at Join and ProgramExternalConnectivity. */
  labels(ep?: Endpoint): Record<string, unknown> {
    const pbs = ep?.portBindings ?? (this.config.portBindings ?? []).map(toPortBinding);
    return {
      [PortMap]: pbs,
      [ExposedPorts]: (this.config.exposedPorts ?? []).map((p) => ({ proto: p.proto, port: p.port })),
      [NoProxy6To4]: false,
    };
  }

  private less(a: Endpoint, b: Endpoint): boolean {
    const pa = this.epPriority.get(a.id) ?? 0;
    const pb = this.epPriority.get(b.id) ?? 0;
    if (pa !== pb) return pa > pb;
    const gwa = a.network.name === 'docker_gwbridge';
    const gwb = b.network.name === 'docker_gwbridge';
    if (gwa !== gwb) return gwb;
    if (a.network.internal !== b.network.internal) return b.network.internal;
    const ca = a.hasGatewayOrDefaultRoute() ? 1 : 0;
    const cb = b.hasGatewayOrDefaultRoute() ? 1 : 0;
    if (ca !== cb) return ca > cb;
    return a.network.name < b.network.name;
  }

  /** addEndpoint inserts ep keeping the order of Endpoint.Less. */
  addEndpoint(ep: Endpoint): void {
    let i = 0;
    while (i < this.eps.length && !this.less(ep, this.eps[i])) i++;
    this.eps.splice(i, 0, ep);
  }

  /** removeEndpoint drops ep from the list. */
  removeEndpoint(ep: Endpoint): void {
    this.eps = this.eps.filter((e) => e !== ep);
  }

  /** getGatewayEndpoint returns the endpoint providing the default route. */
  getGatewayEndpoint(): Endpoint | undefined {
    return selectGatewayEndpoint(this.eps);
  }

  /** hasExternalAccess tells whether a non-internal endpoint gives the sandbox a default route. */
  hasExternalAccess(): boolean {
    return this.eps.some(
      (ep) =>
        !ep.network.internal &&
        ep.network.type !== 'null' &&
        ep.network.type !== 'host' &&
        ep.hasGatewayOrDefaultRoute(),
    );
  }

  /** needDefaultGW, getEndpointInGWNetwork, setupDefaultGW and clearDefaultGW: see default_gateway.ts. */
  needDefaultGW(): boolean {
    return needDefaultGW(this);
  }
  getEndpointInGWNetwork(): Endpoint | undefined {
    return getEndpointInGWNetwork(this);
  }
  setupDefaultGW(): void {
    setupDefaultGW(this);
  }
  clearDefaultGW(): void {
    clearDefaultGW(this);
  }

  /** populateNetworkResources, clearNetworkResources: see sandbox_linux.ts. */
  populateNetworkResources(ep: Endpoint): void {
    sbl.populateNetworkResources(this, ep);
  }
  clearNetworkResources(ep: Endpoint): void {
    sbl.clearNetworkResources(this, ep);
  }

  /** addHostsEntries, deleteHostsEntries, updateDNS: see sandbox_dns.ts. */
  addHostsEntries(addrs: string[]): void {
    dns.addHostsEntries(this, addrs);
  }
  deleteHostsEntries(addrs: string[]): void {
    dns.deleteHostsEntries(this, addrs);
  }
  updateDNS(ipv6: boolean): void {
    dns.updateDNS(this, ipv6);
  }

  /** resolveName answers an A/AAAA query from the networks this sandbox is on (Sandbox.ResolveName). */
  resolveName(name: string, ipType: 4 | 6): { ips: string[]; found: boolean } {
    const trimmed = name.replace(/\.$/, '');
    const reqName = [trimmed];
    const networkName = [''];
    let dup = trimmed;
    for (let i = dup.lastIndexOf('.'); i !== -1; i = dup.lastIndexOf('.')) {
      networkName.push(trimmed.slice(i + 1));
      reqName.push(trimmed.slice(0, i));
      dup = dup.slice(0, i);
    }
    for (let i = 0; i < reqName.length; i++) {
      for (const ep of this.eps) {
        const nw = ep.network;
        if (networkName[i] !== '' && networkName[i] !== nw.name) continue;
        const r = nw.resolveName(reqName[i], ipType);
        if (r.found) return r;
      }
    }
    return { ips: [], found: false };
  }

  /** resolveIP answers a PTR query ("2.0.18.172" → "web.mynet"). */
  resolveIP(reversed: string): string {
    for (const ep of this.eps) {
      const s = ep.network.resolveIP(reversed);
      if (s) return s;
    }
    return '';
  }

  /** storeUpdate writes the sandbox state under docker/network/v1.0/sandbox/<id>/. */
  storeUpdate(): void {
    const eps = this.eps.filter((e) => e.network.persist).map((e) => ({ Eid: e.id, Nid: e.network.id }));
    const value = goJSON({
      ID: this.id,
      Cid: this.containerId,
      Eps: eps.length ? eps : null,
      EpPriority: goMap(Object.fromEntries(this.epPriority)),
      ExtDNS2: this.extDNS.length
        ? this.extDNS.map((e) => ({ IPStr: e.addr, HostLoopback: e.hostLoopback }))
        : null,
    });
    this.controller.store.putObject({ key: () => ['sandbox', this.id], value: () => value });
  }

  /** delete leaves and deletes every endpoint, stops the resolver and destroys the namespace. */
  delete(): void {
    if (this.inDelete) throw forbidden('another sandbox delete in progress');
    this.inDelete = true;
    for (const ep of this.endpoints()) {
      if (ep.network.name === 'docker_gwbridge' && ep.name.startsWith('gateway_')) continue;
      try {
        ep.leave(this);
      } catch {
        // moby: "Failed detaching sandbox %s from endpoint %s"
      }
      try {
        ep.delete({ force: false });
      } catch {
        // moby: "Failed deleting endpoint %s"
      }
    }
    this.resolver?.stop();
    this.osl.destroy(this.controller.world);
    this.controller.store.deleteObject({ key: () => ['sandbox', this.id] });
    this.controller.forgetSandbox(this);
  }
}
