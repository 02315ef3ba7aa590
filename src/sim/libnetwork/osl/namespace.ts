// Mirrors moby/moby libnetwork/osl/namespace_linux.go, interface_linux.go and route_linux.go: the
// container's network namespace and the interfaces libnetwork moves into it. Simplified: IPv4 only;
// the namespace is a kernel NetNs registered with the world.

import { inCidr } from '../../kernel/inet.ts';
import {
  addAddr,
  addRoute,
  createNetns,
  delRoute,
  findLink,
  linkByIndex,
  moveLink,
  setUp,
} from '../../kernel/netns.ts';
import type { Link, NetNs } from '../../kernel/types.ts';
import type { HostMachine, World } from '../../world/world.ts';
import type { ExplainLog } from '../explain.ts';

/** basePath is where sandbox keys (netns bind mounts) live. */
export const basePath = '/var/run/docker/netns';

/** generateKey returns the sandbox key for an ID: basePath + first 12 characters (osl.GenerateKey). */
export const generateKey = (id: string): string => `${basePath}/${id.slice(0, 12)}`;

/** IfaceOptions configure an interface being added to a namespace. */
export interface IfaceOptions {
  /** address is "ip/len". */
  address?: string;
  mac?: string;
}

/** Iface is an interface libnetwork placed in a sandbox. */
export interface Iface {
  srcName: string;
  dstName: string;
  address?: string;
}

/** Namespace is a sandbox's OS namespace (osl.Namespace). */
export class Namespace {
  readonly ns: NetNs;
  readonly key: string;
  readonly isDefault: boolean;
  readonly ifaces: Iface[] = [];
  private readonly host: HostMachine;
  private readonly log: ExplainLog;

  constructor(host: HostMachine, ns: NetNs, key: string, isDefault: boolean, log: ExplainLog) {
    this.host = host;
    this.ns = ns;
    this.key = key;
    this.isDefault = isDefault;
    this.log = log;
  }

  /** newSandbox creates a namespace with lo up and registers it with the world (osl.NewSandbox). */
  static create(
    world: World,
    host: HostMachine,
    key: string,
    nsID: string,
    log: ExplainLog,
    ipv6: boolean,
  ): Namespace {
    const ns = createNetns(nsID, host.name, host.ns.counter);
    // IPv6 is on in the new namespace, so the kernel gives lo ::1 as well (moby ≥ 26 keeps it).
    if (ipv6 && !ns.links[0].addrs.some((a) => a.family === 6))
      ns.links[0].addrs.push({ family: 6, ip: '::1', prefixLen: 128, scope: 'host' });
    world.register(ns);
    log.record(`create network namespace ${key}`, `ip netns add ${key.split('/').pop()}`, 'osl.NewSandbox');
    return new Namespace(host, ns, key, false, log);
  }

  /** hostDefault wraps the host's own namespace, used by containers on the host network. */
  static hostDefault(host: HostMachine, log: ExplainLog): Namespace {
    return new Namespace(host, host.ns, generateKey('default'), true, log);
  }

  /** generateIfaceName returns prefix + the lowest unused number among this sandbox's interfaces. */
  generateIfaceName(prefix: string): string {
    const used = new Set<number>();
    for (const i of this.ifaces) {
      if (!i.dstName.startsWith(prefix)) continue;
      const s = i.dstName.slice(prefix.length);
      if (/^\d+$/.test(s)) used.add(Number(s));
    }
    let n = 0;
    while (used.has(n)) n++;
    return `${prefix}${n}`;
  }

  /** addInterface moves srcName from the host into the sandbox, renames, configures and ups it. */
  addInterface(srcName: string, dstPrefix: string, dstName: string, opts: IfaceOptions): Iface {
    const name = this.isDefault ? srcName : dstName || this.generateIfaceName(dstPrefix);
    let link = findLink(this.host.ns, srcName);
    if (!link) throw new Error(`failed to get link by name "${srcName}": Link not found`);
    if (!this.isDefault) {
      link = moveLink(this.host.ns, link, this.ns, name);
      this.log.record(
        `move ${srcName} into the container as ${name}`,
        `ip link set ${srcName} netns ${this.key.split('/').pop()} name ${name}`,
        'osl.AddInterface',
      );
    }
    setUp(link, false);
    if (opts.mac) link.mac = opts.mac;
    if (opts.address) {
      addAddr(this.ns, name, opts.address);
      this.log.record(
        `give ${name} the address ${opts.address}`,
        `ip addr add ${opts.address} dev ${name}`,
        'osl.AddInterface',
      );
    }
    setUp(link, true);
    const iface: Iface = { srcName, dstName: name, address: opts.address };
    this.ifaces.push(iface);
    return iface;
  }

  /** removeInterface moves an interface back to the host under its original name (Interface.Remove). */
  removeInterface(iface: Iface): void {
    const link = findLink(this.ns, iface.dstName);
    this.ifaces.splice(this.ifaces.indexOf(iface), 1);
    if (!link || this.isDefault) return;
    setUp(link, false);
    moveLink(this.ns, link, this.host.ns, iface.srcName);
    this.log.record(
      `move ${iface.dstName} out of the container`,
      `ip netns exec ${this.key.split('/').pop()} ip link set ${iface.dstName} netns 1 name ${iface.srcName}`,
      'osl.Interface.Remove',
    );
  }

  private linkForGateway(gw: string): Link | undefined {
    const r = this.ns.routes.find(
      (rt) => rt.table === 'main' && rt.scope === 'link' && rt.dst !== 'default' && inCidr(gw, rt.dst),
    );
    return r ? linkByIndex(this.ns, r.dev) : undefined;
  }

  /** setGateway adds the default route via gw (Namespace.SetGateway). */
  setGateway(gw: string): void {
    const link = this.linkForGateway(gw);
    if (!link) throw new Error(`direct route for the gateway ${gw} could not be found`);
    addRoute(this.ns, { dst: 'default', via: gw, dev: link.index, proto: 'boot' });
    this.log.record(
      `route the container's traffic via ${gw}`,
      `ip route add default via ${gw} dev ${link.name}`,
      'osl.SetGateway',
    );
  }

  /** setDefaultRouteDev adds a connected default route through an interface (ipvlan l3, SetDefaultRouteIPv4). */
  setDefaultRouteDev(dstName: string): void {
    const link = findLink(this.ns, dstName);
    if (!link) throw new Error('no interface');
    addRoute(this.ns, { dst: 'default', dev: link.index, scope: 'link', proto: 'boot' });
    this.log.record(
      `route the container's traffic out of ${dstName}`,
      `ip route add default dev ${dstName}`,
      'osl.AddStaticRoute',
    );
  }

  /** unsetGateway removes the IPv4 default route (UnsetGateway / UnsetDefaultRouteIPv4). */
  unsetGateway(): void {
    if (this.ns.routes.some((r) => r.dst === 'default')) delRoute(this.ns, 'default');
  }

  /** destroy unregisters the namespace (Namespace.Destroy). */
  destroy(world: World): void {
    if (this.isDefault) return;
    world.unregister(this.ns);
    this.log.record(
      `delete network namespace ${this.key}`,
      `ip netns delete ${this.key.split('/').pop()}`,
      'osl.Destroy',
    );
  }
}
