// Mirrors moby/moby daemon/cluster/networks.go (CreateNetwork, RemoveNetwork, AttachNetwork,
// DetachNetwork) with swarmkit's allocator behind it, and daemon/network.go's swarm parts: overlay
// networks live in the swarm; a node instantiates one locally (NetworkOptionDynamic) while it
// has a container on it; managers keep every one. Addresses come from the cluster, not the node.

import { conflict, forbidden, notFound } from '../../errdefs.ts';
import { macFromIP } from '../../libnetwork/drivers/overlay/overlay.ts';
import { rfc3339Nano } from '../../world/clock.ts';
import type { Container } from '../container.ts';
import type { Daemon } from '../daemon.ts';
import type { NetNetwork } from '../libnetwork.ts';
import type { OverlaySpec } from './allocator.ts';
import { membership, requireManager } from './cluster.ts';
import { daemonsOf } from './node.ts';
import { serviceTable } from './services.ts';
import type { ClusterStore } from './store.ts';

const VXLAN_LIST = 'com.docker.network.driver.overlay.vxlanid_list';

/** isNodeLocal tells whether a swarm network's driver is node-local (no cluster-wide allocation). */
export const isNodeLocal = (spec: OverlaySpec): boolean => (spec.driver ?? 'overlay') !== 'overlay';

function newSpec(
  store: ClusterStore,
  name: string,
  now: number,
  o: Partial<OverlaySpec> & { subnet?: string; gateway?: string },
): OverlaySpec {
  const base = {
    id: store.rng.base36(25),
    name,
    attachable: o.attachable ?? false,
    internal: o.internal ?? false,
    ingress: o.ingress ?? false,
    labels: o.labels ?? {},
    created: now,
  };
  if (o.driver && o.driver !== 'overlay') {
    // cnmallocator: node-local drivers get no pools and no VNI from the swarm
    const gateway = o.gateway ?? '';
    return { ...base, driver: o.driver, subnet: o.subnet ?? '', gateway, vni: 0, options: { ...o.options } };
  }
  const pool = o.subnet
    ? { subnet: o.subnet, gateway: o.gateway ?? o.subnet.replace(/\.0\/\d+$/, '.1') }
    : store.allocator.allocateSubnet();
  const vni = store.allocator.allocateVni();
  return {
    ...base,
    subnet: pool.subnet,
    gateway: pool.gateway,
    vni,
    options: { ...(o.options ?? {}), [VXLAN_LIST]: String(vni) },
  };
}

/** createIngress creates the swarm's ingress network (10.0.0.0/24, the first VNI). */
export function createIngress(store: ClusterStore, now: number): OverlaySpec {
  store.ingress = newSpec(store, 'ingress', now, { ingress: true });
  return store.ingress;
}

/** instantiate creates a swarm network on this node unless it is there already. */
export function instantiate(d: Daemon, spec: OverlaySpec): NetNetwork {
  const have = d.controller.networkById(spec.id);
  if (have) return have;
  const pool = { subnet: spec.subnet, ...(spec.gateway ? { gateway: spec.gateway } : {}) };
  return d.controller.newNetwork(spec.driver ?? 'overlay', spec.name, spec.id, {
    created: spec.created,
    enableIPv4: true,
    enableIPv6: false,
    internal: spec.internal,
    attachable: spec.attachable,
    ingress: spec.ingress,
    driverOpts: { ...spec.options },
    labels: { ...spec.labels },
    ...(spec.subnet ? { ipam: { driver: 'default', config: [pool] } } : {}),
    persist: true,
    dynamic: true,
  });
}

/** CreateRequest is the part of POST /networks/create a swarm network uses. */
export interface CreateRequest {
  Name: string;
  Driver?: string;
  Attachable?: boolean;
  Internal?: boolean;
  Options?: Record<string, string> | null;
  Labels?: Record<string, string> | null;
  IPAM?: { Config?: Array<{ Subnet?: string; Gateway?: string }> | null } | null;
}

/** createClusterNetwork is Cluster.CreateNetwork: a manager allocates and stores the network. */
export function createClusterNetwork(d: Daemon, req: CreateRequest): { Id: string; Warning: string } {
  if (membership(d)?.node.role === 'worker')
    throw forbidden(
      'Cannot create a multi-host network from a worker node. Please create the network from a manager node.',
    );
  const store = requireManager(d);
  const taken = [...store.networks.values(), store.ingress].some((n) => n?.name === req.Name);
  if (taken || d.controller.networkByName(req.Name))
    throw conflict(`network with name ${req.Name} already exists`);
  const conf = req.IPAM?.Config?.[0];
  d.advance(40);
  const spec = newSpec(store, req.Name, d.world.clock.now(), {
    driver: req.Driver,
    attachable: req.Attachable ?? false,
    internal: req.Internal ?? false,
    options: { ...(req.Options ?? {}) },
    labels: { ...(req.Labels ?? {}) },
    subnet: conf?.Subnet,
    gateway: conf?.Gateway,
  });
  store.networks.set(spec.id, spec);
  if (!isNodeLocal(spec))
    for (const [host, daemon] of daemonsOf(store))
      if (store.nodeByHost(host)?.role === 'manager') instantiate(daemon, spec);
  return { Id: spec.id, Warning: '' };
}

/** removeClusterNetwork is Cluster.RemoveNetwork: refused while a service or a container uses it. */
export function removeClusterNetwork(d: Daemon, nw: { id: string; name: string }): void {
  const store = requireManager(d);
  const spec = store.networks.get(nw.id);
  if (!spec) throw notFound(`network ${nw.name} not found`);
  const service = serviceTable(store).services.find((svc) => svc.networks.includes(spec.id));
  if (service)
    throw forbidden(
      `rpc error: code = FailedPrecondition desc = network ${spec.id} is in use by service ${service.id}`,
    );
  const inUse =
    store.attachments.find((a) => a.networkId === spec.id)?.containerId ??
    [...daemonsOf(store).values()]
      .flatMap((x) => x.controller.networkById(spec.id)?.endpoints() ?? [])
      .map((ep) => ep.sandbox()?.containerId ?? '')[0];
  if (inUse !== undefined)
    throw forbidden(
      `rpc error: code = FailedPrecondition desc = network ${spec.id} is in use by task ${inUse.slice(0, 25)}`,
    );
  for (const daemon of daemonsOf(store).values())
    daemon.controller.networkById(spec.id)?.delete({ force: true });
  store.networks.delete(spec.id);
  if (!isNodeLocal(spec)) {
    store.allocator.releaseSubnet(spec.subnet);
    store.allocator.releaseVni(spec.vni);
  }
  store.allocator.forget(spec.id);
}

/** clusterOnlyNetworks lists a manager's swarm networks that have no local copy on this node. */
export function clusterOnlyNetworks(d: Daemon): OverlaySpec[] {
  const m = membership(d);
  if (m?.node.role !== 'manager') return [];
  return [...m.store.networks.values()].filter((spec) => !d.controller.networkById(spec.id));
}

/**
 * clusterNetworkResource is convert.BasicNetworkFromGRPC for a node-local driver's swarm network:
 * the allocator gave it an empty IPAM and a driver state holding only the driver's name.
 */
export function clusterNetworkResource(spec: OverlaySpec, created: string): Record<string, unknown> {
  return {
    Name: spec.name,
    Id: spec.id,
    Created: created,
    Scope: 'swarm',
    Driver: spec.driver ?? 'overlay',
    EnableIPv4: true,
    EnableIPv6: false,
    IPAM: { Driver: '', Options: null, Config: [] },
    Internal: spec.internal,
    Attachable: spec.attachable,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: null,
    Options: null,
    Labels: Object.keys(spec.labels).length > 0 ? spec.labels : null,
  };
}

/** findClusterOnly matches a term against a manager's swarm networks that have no local copy. */
export function findClusterOnly(d: Daemon, term: string): { id: string; name: string } | undefined {
  if (d.networks().some((nw) => nw.id === term || nw.name === term || nw.id.startsWith(term)))
    return undefined;
  const specs = clusterOnlyNetworks(d);
  const found =
    specs.find((s) => s.id === term) ??
    specs.find((s) => s.name === term) ??
    (specs.filter((s) => s.id.startsWith(term)).length === 1
      ? specs.find((s) => s.id.startsWith(term))
      : undefined);
  return found && term !== '' ? found : undefined;
}

/** clusterResources are the resources of a manager's swarm networks without a local copy. */
export function clusterResources(d: Daemon): Array<Record<string, unknown>> {
  return clusterOnlyNetworks(d).map((spec) => clusterNetworkResource(spec, rfc3339Nano(spec.created, 0)));
}

/** attachNetwork is the daemon's fallback when a container's network is not local (findAndAttachNetwork). */
export function attachNetwork(d: Daemon, term: string): NetNetwork | undefined {
  const m = membership(d);
  const spec = m?.store.findNetwork(term);
  if (!m || !spec) return undefined;
  if (!spec.attachable) throw forbidden(notAttachable(spec.name));
  return instantiate(d, spec);
}

const notAttachable = (name: string): string =>
  `Could not attach to network ${name}: rpc error: code = PermissionDenied desc = network ${name} not manually attachable`;

/** clusterAddress allocates a container's address on a swarm overlay network, or returns undefined. */
export function clusterAddress(d: Daemon, c: Container, nw: NetNetwork): string | undefined {
  if (nw.type !== 'overlay' || nw.scope !== 'swarm') return undefined;
  const m = membership(d);
  const spec = m?.store.networks.get(nw.id) ?? (m?.store.ingress?.id === nw.id ? m.store.ingress : undefined);
  if (!m || !spec) throw forbidden(notAttachable(nw.name));
  const labels = (c.config.Labels ?? {}) as Record<string, string>;
  const isTask = labels['com.docker.swarm.task.id'] !== undefined;
  if (!spec.attachable && !isTask) throw forbidden(notAttachable(nw.name));
  const ip = m.store.allocator.allocateIp(spec);
  m.store.attachments.push({
    networkId: nw.id,
    containerId: c.id,
    node: d.host.name,
    ip,
    mac: macFromIP(ip),
    dnsNames: [],
  });
  return ip;
}

/** clusterAttached records the DNS names of a container's new overlay endpoint in the network DB. */
export function clusterAttached(d: Daemon, c: Container, nw: NetNetwork, dnsNames: string[]): void {
  const m = membership(d);
  const a = m?.store.attachments.find((x) => x.networkId === nw.id && x.containerId === c.id);
  if (!m || !a) return;
  a.dnsNames = [...dnsNames];
  notifyPeers(m.store, [nw.id]);
}

/** notifyPeers lets every node's overlay driver re-read the networks' endpoint tables (gossip). */
export function notifyPeers(store: ClusterStore, nids: string[]): void {
  for (const daemon of daemonsOf(store).values())
    for (const nid of new Set(nids)) daemon.controller.peersChanged?.(nid);
}

/** clusterDetach releases a container's attachments (one network, or all) and drops unused local copies. */
export function clusterDetach(d: Daemon, containerId: string, networkId?: string): void {
  const m = membership(d);
  if (m) {
    const gone = m.store.attachments.filter(
      (a) => a.containerId === containerId && (networkId === undefined || a.networkId === networkId),
    );
    for (const a of gone) m.store.allocator.releaseIp(a.networkId, a.ip);
    m.store.attachments = m.store.attachments.filter((a) => !gone.includes(a));
    notifyPeers(
      m.store,
      gone.map((a) => a.networkId),
    );
  }
  for (const nw of d.controller.networks()) {
    if (nw.scope !== 'swarm' || nw.endpoints().length > 0) continue;
    const spec = m?.store.networks.get(nw.id);
    if (spec && isNodeLocal(spec)) nw.delete({ force: true });
    else if (nw.type === 'overlay' && m?.node.role !== 'manager' && (!nw.ingress || !m))
      nw.delete({ force: true });
  }
}

/** peersFor lists a network's endpoints on the other nodes (the overlay driver's peer table). */
export function peersFor(store: ClusterStore, hostname: string, nid: string) {
  return store.attachmentsOf(nid, hostname).map((a) => ({
    ip: a.ip,
    mac: a.mac,
    vtep: store.nodes.find((n) => n.hostname === a.node && n.state === 'ready')?.addr ?? '',
    names: a.dnsNames,
  }));
}

/** peersResource is the Peers list of an overlay's inspect: the nodes in the network's gossip group. */
export function peersResource(d: Daemon, nw: NetNetwork): { Peers?: Array<{ Name: string; IP: string }> } {
  const m = nw.type === 'overlay' ? membership(d) : undefined;
  if (!m) return {};
  const hosts = new Set(m.store.attachmentsOf(nw.id).map((a) => a.node));
  const peers = m.store.nodes
    .filter((n) => n.state === 'ready' && hosts.has(n.hostname))
    .map((n) => ({ Name: n.peerName, IP: n.addr }));
  return peers.length > 0 ? { Peers: peers } : {};
}
