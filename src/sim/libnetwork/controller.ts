// Mirrors moby/moby libnetwork/controller.go: the NetworkController — driver and IPAM registries,
// the datastore, NewNetwork, NewSandbox and lookups. Simplified: synchronous, one per host; swarm
// hooks are a ClusterProvider the overlay work will plug in.

import { forbidden, invalidParameter, notFound } from '../errdefs.ts';
import type { Emitter } from '../event.ts';
import { cidrString } from '../kernel/inet.ts';
import type { Rng } from '../world/rng.ts';
import type { HostMachine, World } from '../world/world.ts';
import { type DaemonConfig, withDefaults } from './config.ts';
import { Datastore } from './datastore/datastore.ts';
import type { Capability, Driver, DriverContext, PeerRecord, Registerer } from './driverapi/driverapi.ts';
import { isGwAllocChecker } from './driverapi/driverapi.ts';
import { registerNetworkDrivers } from './drivers_linux.ts';
import type { Endpoint } from './endpoint.ts';
import { endpointJSON } from './endpoint_store.ts';
import { asSimError, ErrNoSuchNetwork, NetworkNameError } from './error.ts';
import { ExplainLog, type ExplainStep } from './explain.ts';
import { setupUserChain } from './firewall_linux.ts';
import { parsePrefix } from './internal/netiputil.ts';
import type * as ipamapi from './ipamapi/contract.ts';
import { validateIPAM } from './ipamapi/validate.ts';
import { register as registerDefaultIpam } from './ipams/defaultipam/allocator.ts';
import { getLocalScopeDefaultNetworks } from './ipamutils/utils.ts';
import { Iptables } from './iptables/iptables.ts';
import { Network, type NetworkCreateOptions } from './network.ts';
import { applyConfigurationTo, validateConfiguration } from './network_config.ts';
import { ipamAllocate, ipamRelease } from './network_ipam.ts';
import { endpointCntJSON, endpointCntKey, networkJSON } from './network_store.ts';
import { generateKey, Namespace } from './osl/namespace.ts';
import { dynamicPortRange, PortAllocator } from './portallocator/portallocator.ts';
import { Sandbox, type SandboxOptions } from './sandbox.ts';
import { setupResolutionFiles } from './sandbox_dns.ts';

/** ClusterProvider tells libnetwork about swarm membership (cluster.Provider, reduced). */
export interface ClusterProvider {
  isManager(): boolean;
  isAgent(): boolean;
  /** peers lists a network's endpoints on other nodes (the network DB's endpoint table). */
  peers?(nid: string): PeerRecord[];
  /** serviceRecords answers a service name (VIP or task IPs) or tasks.<service> on a network. */
  serviceRecords?(nid: string, name: string): string[] | undefined;
}

/** ControllerOptions are what the daemon constructs the controller with. */
export interface ControllerOptions {
  host: HostMachine;
  world: World;
  daemonConfig?: DaemonConfig;
}

/** Controller is one host's libnetwork (libnetwork.Controller). */
export class Controller implements Registerer, ipamapi.Registerer {
  readonly host: HostMachine;
  readonly world: World;
  readonly rng: Rng;
  readonly config: Required<DaemonConfig>;
  /** datastore is the KV store view: list(prefix) → [{key, value}] with libnetwork's keys and JSON. */
  readonly datastore = new Datastore();
  /** explainLog holds every recorded setup step; explain fires each as it happens. */
  readonly explainLog = new ExplainLog();
  readonly portAllocator: PortAllocator;
  /**
   * ipv6Enabled is whether the host kernel has IPv6 — true when the host's lo has ::1 (netutils
   * IsV6Listenable): then containers get ::1 and default port bindings listen on :: too.
   */
  ipv6Enabled: boolean;
  clusterProvider: ClusterProvider | undefined;
  private readonly drivers = new Map<string, { driver: Driver; capability: Capability }>();
  private readonly ipams = new Map<string, { ipam: ipamapi.Ipam; capability: ipamapi.Capability }>();
  private readonly networksById = new Map<string, Network>();
  private readonly sandboxesById = new Map<string, Sandbox>();

  constructor(opts: ControllerOptions) {
    this.host = opts.host;
    this.world = opts.world;
    this.rng = opts.world.rng.fork(`libnetwork/${opts.host.name}`);
    this.config = withDefaults(opts.daemonConfig);
    this.ipv6Enabled = opts.host.ns.links.some(
      (l) => l.kind === 'loopback' && l.addrs.some((a) => a.family === 6),
    );
    this.portAllocator = new PortAllocator(dynamicPortRange(opts.host.fs));
    const ctx: DriverContext = {
      host: this.host,
      rng: this.rng,
      explain: this.explainLog,
      store: this.datastore,
      ipt: new Iptables(this.host.ns, this.explainLog),
      config: this.config,
      portAllocator: this.portAllocator,
      isV6Listenable: () => this.ipv6Enabled,
      world: this.world,
      peers: (nid) => this.clusterProvider?.peers?.(nid) ?? [],
    };
    registerNetworkDrivers(this, ctx);
    const pools = this.config.defaultAddressPools.flatMap((p) => {
      const base = parsePrefix(p.base);
      return base ? [{ base, size: p.size }] : [];
    });
    if (pools.length === 0) pools.push(...getLocalScopeDefaultNetworks());
    registerDefaultIpam(this, pools);
    if (this.config.iptables) setupUserChain(ctx.ipt);
  }

  /** explain fires every step libnetwork records: subscribe with controller.explain.event(fn). */
  get explain(): Emitter<ExplainStep> {
    return this.explainLog.emitter;
  }

  /** store is the datastore (moby's c.store). */
  get store(): Datastore {
    return this.datastore;
  }

  /** registerDriver adds a network driver (driverapi.Registerer). */
  registerDriver(name: string, driver: Driver, capability: Capability): void {
    this.drivers.set(name, { driver, capability });
  }

  /** registerIpamDriver adds an IPAM driver (ipamapi.Registerer). */
  registerIpamDriver(name: string, ipam: ipamapi.Ipam, capability: ipamapi.Capability): void {
    this.ipams.set(name, { ipam, capability });
  }

  /** builtinDrivers lists the registered network driver names. */
  builtinDrivers(): string[] {
    return [...this.drivers.keys()];
  }

  /** resolveDriver returns a registered driver or fails as a missing plugin does. */
  resolveDriver(name: string): { driver: Driver; capability: Capability } {
    const d = this.drivers.get(name);
    if (!d) throw notFound(`plugin "${name}" not found`);
    return d;
  }

  /** getIPAMDriver returns a registered IPAM driver. */
  getIPAMDriver(name: string): ipamapi.Ipam {
    const i = this.ipams.get(name);
    if (!i) throw notFound(`plugin "${name}" not found`);
    return i.ipam;
  }

  /** isSwarmNode tells whether this host is in a swarm. */
  isSwarmNode(): boolean {
    return Boolean(
      this.clusterProvider && (this.clusterProvider.isManager() || this.clusterProvider.isAgent()),
    );
  }

  /** peersChanged tells the overlay driver that a network's endpoint table changed (networkDB event). */
  peersChanged(nid: string): void {
    this.drivers.get('overlay')?.driver.eventNotify?.('update', nid, 'endpoint_table', '', '');
  }

  /** newNetwork creates a network (Controller.NewNetwork); errors are dockerd's. */
  newNetwork(networkType: string, name: string, id: string, options: NetworkCreateOptions): Network {
    if (id !== '' && this.networksById.has(id)) throw NetworkNameError(id);
    if (name.trim() === '') throw invalidParameter('invalid name: name is empty');
    if (this.networkByName(name)) throw NetworkNameError(name);
    validateIPAM(options.ipam, options.enableIPv6 ?? false);
    const nw = new Network(this, networkType, name, id !== '' ? id : this.rng.dockerId(), options);
    validateConfiguration(nw);
    if (nw.configOnly) {
      nw.scope = 'local';
      nw.type = 'null';
      return this.addToStore(nw);
    }
    const { driver, capability } = this.resolveDriver(networkType);
    const req = nw.requestedScope;
    if (req === 'local' && capability.dataScope === 'global')
      throw forbidden(`cannot downgrade network scope for ${networkType} networks`);
    if (nw.ingress && capability.dataScope !== 'global')
      throw forbidden('Ingress network can only be global scope network');
    if (nw.configFrom !== '') {
      const cfgNet = this.networks().find((n) => n.name === nw.configFrom && n.configOnly);
      if (!cfgNet) throw notFound(`configuration network "${nw.configFrom}" does not exist`);
      applyConfigurationTo(cfgNet, nw);
    }
    if ((capability.dataScope === 'global' || req === 'swarm') && this.isSwarmNode() && !nw.dynamic) {
      if (this.clusterProvider?.isManager()) {
        if (!nw.enableIPv4) throw invalidParameter('IPv4 cannot be disabled in a Swarm scoped network');
        throw forbidden('Redirect the request to the manager');
      }
      throw forbidden(
        'Cannot create a multi-host network from a worker node. Please create the network from a manager node.',
      );
    }
    if (req === 'swarm' && !this.isSwarmNode())
      throw forbidden('cannot create a swarm scoped network when swarm is not active');
    nw.scope = req === 'local' || req === 'global' || req === 'swarm' ? req : capability.dataScope;
    if (nw.dynamic) nw.scope = 'swarm';
    if (isGwAllocChecker(driver)) {
      const skip = driver.getSkipGwAlloc(nw.generic);
      nw.skipGwAllocIPv4 = skip.ipv4;
      nw.skipGwAllocIPv6 = skip.ipv6;
    }
    const ipam = this.getIPAMDriver(nw.ipamDriver);
    ipamAllocate(nw, ipam);
    try {
      driver.createNetwork(
        nw.id,
        nw.generic,
        nw.ipamV4Info.map((i) => i.data),
        nw.ipamV6Info.map((i) => i.data),
      );
    } catch (e) {
      ipamRelease(nw, ipam);
      throw asSimError(e);
    }
    return this.addToStore(nw);
  }

  private addToStore(nw: Network): Network {
    this.datastore.putObject({
      key: () => endpointCntKey(nw),
      value: endpointCntJSON,
      skip: () => !nw.persist,
    });
    this.datastore.putObject({
      key: () => ['network', nw.id],
      value: () => networkJSON(nw),
      skip: () => !nw.persist,
    });
    this.networksById.set(nw.id, nw);
    return nw;
  }

  /** defaultBridgeOptions are the options dockerd's initBridgeDriver creates the "bridge" network with. */
  defaultBridgeOptions(created: number): NetworkCreateOptions {
    return defaultBridgeOptions(this.config, created);
  }

  /** networks returns every network not being deleted, in creation order. */
  networks(): Network[] {
    return [...this.networksById.values()].filter((n) => !n.inDelete);
  }

  /** networkByName finds a network by exact name. */
  networkByName(name: string): Network | undefined {
    return this.networks().find((n) => n.name === name);
  }

  /** networkById finds a network by full ID. */
  networkById(id: string): Network | undefined {
    return this.networksById.get(id);
  }

  /** mustNetworkByName is networkByName that fails like moby ("network x not found"). */
  mustNetworkByName(name: string): Network {
    const n = this.networkByName(name);
    if (!n) throw ErrNoSuchNetwork(name);
    return n;
  }

  /** forgetNetwork drops a deleted network. */
  forgetNetwork(n: Network): void {
    this.networksById.delete(n.id);
  }

  /** storeEndpoint writes an endpoint under docker/network/v1.0/endpoint/<nid>/<eid>/. */
  storeEndpoint(ep: Endpoint): void {
    this.datastore.putObject({
      key: () => ['endpoint', ep.network.id, ep.id],
      value: () => endpointJSON(ep),
      skip: () => !ep.network.persist,
    });
  }

  /** deleteStoredEndpoint removes an endpoint from the store. */
  deleteStoredEndpoint(ep: Endpoint): void {
    this.datastore.deleteObject({ key: () => ['endpoint', ep.network.id, ep.id] });
  }

  /** newSandbox creates a container's sandbox: namespace, /etc/hosts and resolv.conf (Controller.NewSandbox). */
  newSandbox(containerId: string, options: SandboxOptions): Sandbox {
    if (containerId === '') throw invalidParameter('invalid container ID');
    const existing = this.sandboxByContainerId(containerId);
    if (existing) throw forbidden(`container ${containerId} is already present in sandbox ${existing.id}`);
    const sb = new Sandbox(this, containerId, this.rng.dockerId(), options);
    setupResolutionFiles(sb);
    sb.osl = options.useDefaultSandbox
      ? Namespace.hostDefault(this.host, this.explainLog)
      : Namespace.create(
          this.world,
          this.host,
          generateKey(sb.id),
          `${this.host.name}/${containerId.slice(0, 12)}`,
          this.explainLog,
          this.ipv6Enabled,
        );
    this.sandboxesById.set(sb.id, sb);
    sb.storeUpdate();
    return sb;
  }

  /** sandboxes returns every sandbox. */
  sandboxes(): Sandbox[] {
    return [...this.sandboxesById.values()];
  }

  /** sandboxByContainerId finds a container's sandbox. */
  sandboxByContainerId(containerId: string): Sandbox | undefined {
    return this.sandboxes().find((s) => s.containerId === containerId);
  }

  /** sandboxById finds a sandbox by its ID. */
  sandboxById(id: string): Sandbox | undefined {
    return this.sandboxesById.get(id);
  }

  /** forgetSandbox drops a deleted sandbox. */
  forgetSandbox(sb: Sandbox): void {
    this.sandboxesById.delete(sb.id);
  }
}

/**
 * defaultBridgeOptions are initBridgeDriver's options for the "bridge" network: docker0, ICC,
 * masquerade, the MTU, and --bip's subnet and gateway (without --bip, IPAM picks the pool).
 */
export function defaultBridgeOptions(
  c: { bip?: string; mtu: number },
  created: number,
): NetworkCreateOptions {
  const conf: { subnet?: string; gateway?: string; auxAddresses: Record<string, string> } = {
    auxAddresses: {},
  };
  if (c.bip) {
    const [ip, len] = c.bip.split('/');
    conf.subnet = cidrString(ip, Number(len));
    conf.gateway = ip;
  }
  return {
    created,
    enableIPv4: true,
    enableIPv6: false,
    driverOpts: {
      'com.docker.network.bridge.default_bridge': 'true',
      'com.docker.network.bridge.enable_icc': 'true',
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
      'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
      'com.docker.network.bridge.name': 'docker0',
      'com.docker.network.driver.mtu': String(c.mtu),
    },
    ipam: {
      driver: 'default',
      config: [
        conf.subnet
          ? { subnet: conf.subnet, gateway: conf.gateway, auxAddresses: conf.auxAddresses }
          : { auxAddresses: {} },
      ],
    },
  };
}
