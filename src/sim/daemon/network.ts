// Mirrors moby/moby daemon/network.go (FindNetwork, createNetwork, deleteNetwork, GetNetworks,
// buildNetworkResource, buildIPAMResources, buildContainerAttachments), daemon/network/filter.go and
// api/server/router/network/network_routes.go (findUniqueNetwork, and the merging of the
// cluster's networks on a manager: a `--scope swarm` network of a node-local driver is handed to
// the cluster and listed from it until a task instantiates it), v28.2.2. No plugins.

import { conflict, forbidden, invalidParameter, isSimError, notFound, SimError, system } from '../errdefs.ts';
import { rfc3339Nano } from '../world/clock.ts';
import { errNotInSwarm, membership } from './cluster/cluster.ts';
import { servicesResource } from './cluster/network_services.ts';
import {
  type CreateRequest,
  clusterOnlyNetworks,
  clusterResources,
  createClusterNetwork,
  findClusterOnly,
  peersResource,
  removeClusterNetwork,
} from './cluster/networks.ts';
import type { Daemon } from './daemon.ts';
import type { FilterArgs } from './filters.ts';
import { decodeStruct, f, type GoStruct, isPlainObject, sortedMap } from './gostruct.ts';
import type { NetNetwork, NetworkCreateOptions } from './libnetwork.ts';
import { isPredefinedNetwork } from './netmode.ts';
import { type IpamConfigRequest, validateIPAM } from './network-validate.ts';

const IPAM_CONFIG: GoStruct = {
  fields: [
    f('Subnet', 'string'),
    f('IPRange', 'string'),
    f('Gateway', 'string'),
    f('AuxiliaryAddresses', 'map'),
  ],
};
const IPAM: GoStruct = { fields: [f('Driver', 'string'), f('Options', 'map'), f('Config', 'slice')] };
const CREATE_REQUEST: GoStruct = {
  fields: [
    f('Name', 'string'),
    f('Driver', 'string'),
    f('Scope', 'string'),
    f('EnableIPv4', 'ptr'),
    f('EnableIPv6', 'ptr'),
    f('IPAM', 'ptr'),
    f('Internal', 'bool'),
    f('Attachable', 'bool'),
    f('Ingress', 'bool'),
    f('ConfigOnly', 'bool'),
    f('ConfigFrom', 'ptr'),
    f('Options', 'map'),
    f('Labels', 'map'),
  ],
};

/** SWARM_LOCAL_DRIVERS are the node-local drivers a `--scope swarm` network can use. */
const SWARM_LOCAL_DRIVERS = ['bridge', 'macvlan', 'ipvlan'];

/** NETWORK_LIST_FILTERS are network.acceptedFilters. */
export const NETWORK_LIST_FILTERS = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'];

/** findNetwork is daemon.FindNetwork: full ID, then unique full name, then unique ID prefix. */
export function findNetwork(d: Daemon, term: string): NetNetwork {
  const byName: NetNetwork[] = [];
  const byPrefix: NetNetwork[] = [];
  for (const nw of d.networks()) {
    if (nw.id === term) return nw;
    if (nw.id.startsWith(term)) byPrefix.push(nw);
    if (nw.name === term) byName.push(nw);
  }
  if (byName.length === 1) return byName[0];
  if (byName.length > 1)
    throw invalidParameter(`network ${term} is ambiguous (${byName.length} matches found on name)`);
  if (byPrefix.length === 1) return byPrefix[0];
  if (byPrefix.length > 1)
    throw invalidParameter(
      `network ${term} is ambiguous (${byPrefix.length} matches found based on ID prefix)`,
    );
  throw notFound(`network ${term} not found`);
}

/** findUniqueNetwork is the network router's lookup for DELETE (ingress networks never match by name). */
export function findUniqueNetwork(d: Daemon, term: string): NetNetwork {
  const byName: NetNetwork[] = [];
  const byPrefix: NetNetwork[] = [];
  for (const nw of d.networks()) {
    if (nw.id === term) return nw;
    if (nw.name === term && !nw.ingress) byName.push(nw);
    if (nw.id.startsWith(term)) byPrefix.push(nw);
  }
  if (byName.length === 1) return byName[0];
  if (byName.length > 1)
    throw invalidParameter(`network ${term} is ambiguous (${byName.length} matches found based on name)`);
  if (byPrefix.length === 1) return byPrefix[0];
  if (byPrefix.length > 1)
    throw invalidParameter(
      `network ${term} is ambiguous (${byPrefix.length} matches found based on ID prefix)`,
    );
  throw notFound(`network ${term} not found`);
}

function parseBoolOpt(v: string, key: string): boolean {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) return false;
  throw invalidParameter(`driver-opt "${key}" is not a valid bool`);
}

/** createNetwork is daemon.CreateNetwork for POST /networks/create; it returns {Id, Warning}. */
export function createNetwork(d: Daemon, body: unknown): { Id: string; Warning: string } {
  const req = decodeStruct(body, CREATE_REQUEST);
  const name = req.Name as string;
  if (isPredefinedNetwork(name)) throw forbidden(`operation is not permitted on predefined ${name} network `);
  const driver = (req.Driver as string) || 'bridge';
  if (clusterOnlyNetworks(d).some((spec) => spec.name === name))
    throw conflict(`network with name ${name} already exists`);
  // daemon.createNetwork: an overlay needs a manager (workers too get errNotInSwarm's wording).
  if (driver === 'overlay' && membership(d)?.node.role !== 'manager') throw forbidden(errNotInSwarm);
  if (driver === 'overlay') return createClusterNetwork(d, req as unknown as CreateRequest);
  const options: Record<string, string> = { ...((req.Options as Record<string, string> | null) ?? {}) };
  let enableIPv4 = true;
  if (typeof req.EnableIPv4 === 'boolean') {
    enableIPv4 = req.EnableIPv4;
    delete options['com.docker.network.enable_ipv4'];
  } else if (options['com.docker.network.enable_ipv4'] !== undefined) {
    enableIPv4 = parseBoolOpt(options['com.docker.network.enable_ipv4'], 'com.docker.network.enable_ipv4');
  }
  let enableIPv6 = false;
  if (typeof req.EnableIPv6 === 'boolean') {
    enableIPv6 = req.EnableIPv6;
    delete options['com.docker.network.enable_ipv6'];
  } else if (options['com.docker.network.enable_ipv6'] !== undefined) {
    enableIPv6 = parseBoolOpt(options['com.docker.network.enable_ipv6'], 'com.docker.network.enable_ipv6');
  }
  const ipamReq = isPlainObject(req.IPAM) ? decodeStruct(req.IPAM, IPAM) : undefined;
  const ipamConfigs = ((ipamReq?.Config as unknown[] | null) ?? []).map(
    (c) => decodeStruct(c, IPAM_CONFIG) as unknown as IpamConfigRequest,
  );
  const ipamErr = validateIPAM(ipamConfigs, enableIPv6);
  if (ipamErr) throw invalidParameter(ipamErr);
  if (req.Scope === 'swarm' && membership(d) && SWARM_LOCAL_DRIVERS.includes(driver)) {
    // libnetwork answers ManagerRedirectError; the router hands the request to the cluster
    if (!enableIPv4 && membership(d)?.node.role === 'manager')
      throw invalidParameter('IPv4 cannot be disabled in a Swarm scoped network');
    return createClusterNetwork(d, { ...(req as unknown as CreateRequest), Driver: driver });
  }
  if (req.Scope === 'swarm') throw forbidden('cannot create a swarm scoped network when swarm is not active');
  d.advance(60);
  const id = d.newId();
  const opts: NetworkCreateOptions = {
    created: d.world.clock.now(),
    enableIPv4,
    enableIPv6,
    internal: req.Internal as boolean,
    attachable: req.Attachable as boolean,
    ingress: req.Ingress as boolean,
    configOnly: req.ConfigOnly as boolean,
    configFrom: isPlainObject(req.ConfigFrom) ? String(req.ConfigFrom.Network ?? '') : '',
    driverOpts: options,
    labels: (req.Labels as Record<string, string> | null) ?? {},
    persist: true,
  };
  if (ipamReq) {
    opts.ipam = {
      driver: (ipamReq.Driver as string) || 'default',
      config: ipamConfigs.map((c) => ({
        subnet: c.Subnet || undefined,
        ipRange: c.IPRange || undefined,
        gateway: c.Gateway || undefined,
        auxAddresses: c.AuxiliaryAddresses ?? undefined,
      })),
    };
    if (ipamReq.Options !== null) opts.ipam.options = ipamReq.Options as Record<string, string>;
  }
  const nw = d.controller.newNetwork(driver, name, id, opts);
  d.networkNanos.set(nw.id, d.rng.int(1_000_000));
  const pools = ipamConfigs.filter((c) => c.Subnet !== '').map((c) => c.IPRange || c.Subnet);
  if (pools.length) d.userSubnets.set(nw.id, pools);
  return { Id: nw.id, Warning: '' };
}

/** deleteNetwork is DELETE /networks/{id}: predefined networks are refused, in-use ones fail in libnetwork. */
export function deleteNetwork(d: Daemon, term: string): void {
  const clusterOnly = findClusterOnly(d, term);
  if (clusterOnly) {
    removeClusterNetwork(d, clusterOnly);
    return;
  }
  const nw = findUniqueNetwork(d, term);
  if (nw.scope === 'swarm' && nw.type !== 'overlay' && membership(d)) {
    removeClusterNetwork(d, nw);
    return;
  }
  if (isPredefinedNetwork(nw.name))
    throw forbidden(`${nw.name} is a pre-defined network and cannot be removed`);
  if (nw.type === 'overlay' && nw.scope === 'swarm') {
    if (nw.endpoints().length === 0) {
      removeClusterNetwork(d, nw);
      return;
    }
  }
  try {
    nw.delete();
  } catch (e) {
    const prefix = 'error while removing network: ';
    const msg = (e as Error).message;
    const full = msg.startsWith(prefix) ? msg : `${prefix}${msg}`;
    throw isSimError(e) ? new SimError(e.kind, full) : system(full);
  }
  d.userSubnets.delete(nw.id);
}

/** ipamResource is buildIPAMResources: Config is null when the network has no pools (host, none). */
export function ipamResource(nw: NetNetwork): Record<string, unknown> {
  const config = nw.ipamConfig().map((c) => {
    const out: Record<string, unknown> = { Subnet: c.subnet };
    if (c.ipRange) out.IPRange = c.ipRange;
    if (c.gateway) out.Gateway = c.gateway;
    if (c.auxAddresses && Object.keys(c.auxAddresses).length)
      out.AuxiliaryAddresses = sortedMap(c.auxAddresses);
    return out;
  });
  return {
    Driver: nw.ipamDriver,
    Options: nw.ipamOptions === null ? null : sortedMap(nw.ipamOptions),
    Config: config.length ? config : null,
  };
}

/** containerAttachments is buildContainerAttachments: the Containers map of network inspect. */
export function containerAttachments(nw: NetNetwork): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const ep of nw.endpoints()) {
    const iface = ep.iface();
    const sb = ep.sandbox();
    out[sb ? sb.containerId : `ep-${ep.id}`] = {
      Name: ep.name,
      EndpointID: ep.id,
      MacAddress: iface.mac ?? '',
      IPv4Address: iface.address ?? '',
      IPv6Address: iface.addressIPv6 ?? '',
    };
  }
  return sortedMap(out);
}

/** networkResource is buildNetworkResource (+ Containers when detailed, Services when verbose). */
export function networkResource(
  d: Daemon,
  nw: NetNetwork,
  detailed: boolean,
  verbose = false,
): Record<string, unknown> {
  const services = detailed && verbose ? servicesResource(d, nw) : undefined;
  return {
    Name: nw.name,
    Id: nw.id,
    Created: rfc3339Nano(nw.created, d.networkNanos.get(nw.id) ?? 0),
    Scope: nw.scope,
    Driver: nw.type,
    EnableIPv4: nw.enableIPv4,
    EnableIPv6: nw.enableIPv6,
    IPAM: ipamResource(nw),
    Internal: nw.internal,
    Attachable: nw.attachable,
    Ingress: nw.ingress,
    ConfigFrom: { Network: nw.configFrom },
    ConfigOnly: nw.configOnly,
    Containers: detailed ? containerAttachments(nw) : {},
    Options: sortedMap(nw.driverOpts ?? {}),
    Labels: sortedMap(nw.labels ?? {}),
    ...(detailed ? peersResource(d, nw) : {}),
    ...(services ? { Services: sortedMap(services) } : {}),
  };
}

/** filterNetworks is daemon/network.FilterNetworks over network resources. */
export function filterNetworks(
  list: Array<Record<string, unknown>>,
  filter: FilterArgs,
): Array<Record<string, unknown>> {
  if (filter.len() === 0) return list;
  let out = list.filter((nw) => {
    const name = nw.Name as string;
    const id = nw.Id as string;
    if (filter.contains('driver') && !filter.exactMatch('driver', nw.Driver as string)) return false;
    if (filter.contains('name') && !filter.match('name', name)) return false;
    if (filter.contains('id') && !filter.match('id', id)) return false;
    if (filter.contains('label') && !filter.matchKVList('label', (nw.Labels ?? {}) as Record<string, string>))
      return false;
    if (filter.contains('scope') && !filter.exactMatch('scope', nw.Scope as string)) return false;
    if (filter.contains('idOrName') && !filter.match('name', name) && !filter.match('id', name)) return false;
    return true;
  });
  const dangling = filter.get('dangling');
  if (filter.contains('dangling')) {
    if (dangling.length > 1) throw invalidParameter('got more than one value for filter key "dangling"');
    let danglingOnly = false;
    if (dangling[0] === '1' || dangling[0] === 'true') danglingOnly = true;
    else if (dangling[0] !== '0' && dangling[0] !== 'false') {
      throw invalidParameter(
        'invalid value for filter \'dangling\', must be "true" (or "1"), or "false" (or "0")',
      );
    }
    const used = (nw: Record<string, unknown>): boolean => Object.keys(nw.Containers ?? {}).length > 0;
    out = out.filter((nw) =>
      danglingOnly
        ? !isPredefinedNetwork(nw.Name as string) && !used(nw)
        : isPredefinedNetwork(nw.Name as string) || used(nw),
    );
  }
  if (filter.contains('type')) {
    const typed: Array<Record<string, unknown>> = [];
    for (const t of filter.get('type')) {
      if (t === 'builtin') typed.push(...out.filter((nw) => isPredefinedNetwork(nw.Name as string)));
      else if (t === 'custom') typed.push(...out.filter((nw) => !isPredefinedNetwork(nw.Name as string)));
      else throw system(`invalid filter: 'type'='${t}'`);
    }
    out = typed;
  }
  return out;
}

/** listNetworks is GET /networks: every network, filtered, without Containers (API ≥ 1.28). */
export function listNetworks(d: Daemon, filter: FilterArgs): Array<Record<string, unknown>> {
  filter.validate(NETWORK_LIST_FILTERS);
  return filterNetworks(
    [...clusterResources(d), ...d.networks().map((nw) => networkResource(d, nw, false))],
    filter,
  );
}

/**
 * inspectNetwork is GET /networks/{id}: full ID, unique name, then unique ID prefix; with scope
 * only networks of that scope match, with verbose a swarm network also shows its Services.
 */
export function inspectNetwork(
  d: Daemon,
  term: string,
  opts: { verbose?: boolean; scope?: string } = {},
): Record<string, unknown> {
  const local = d.networks().filter((nw) => !opts.scope || nw.scope === opts.scope);
  const all: Array<{ id: string; name: string; resource: () => Record<string, unknown> }> = [
    ...local.map((nw) => ({
      id: nw.id,
      name: nw.name,
      resource: () => networkResource(d, nw, true, opts.verbose ?? false),
    })),
    ...clusterResources(d)
      .filter(() => !opts.scope || opts.scope === 'swarm')
      .map((r) => ({ id: r.Id as string, name: r.Name as string, resource: () => r })),
  ];
  const resource = (nw: { resource: () => Record<string, unknown> }): Record<string, unknown> =>
    nw.resource();
  const exact = all.find((nw) => nw.id === term);
  if (exact) return resource(exact);
  const byName = all.filter((nw) => nw.name === term);
  if (byName.length === 1) return resource(byName[0]);
  if (byName.length > 1)
    throw invalidParameter(`${byName.length} matches found based on name: network ${term} is ambiguous`);
  const byPrefix = all.filter((nw) => nw.id.startsWith(term));
  if (byPrefix.length === 1) return resource(byPrefix[0]);
  if (byPrefix.length > 1)
    throw invalidParameter(
      `${byPrefix.length} matches found based on ID prefix: network ${term} is ambiguous`,
    );
  throw notFound(`network ${term} not found`);
}

/** pruneNetworks is daemon.NetworksPrune: unused custom networks go, predefined and config-only stay. */
export function pruneNetworks(d: Daemon, filter: FilterArgs): { NetworksDeleted: string[] | null } {
  filter.validate(['label', 'label!', 'until']);
  const deleted: string[] = [];
  for (const nw of d.networks()) {
    if (nw.configOnly || isPredefinedNetwork(nw.name) || nw.endpoints().length > 0) continue;
    if (!filter.matchKVList('label', nw.labels)) continue;
    if (filter.contains('label!') && filter.matchKVList('label!', nw.labels)) continue;
    try {
      deleteNetwork(d, nw.id);
      deleted.push(nw.name);
    } catch {
      // moby logs and moves on
    }
  }
  return { NetworksDeleted: deleted.length ? deleted : null };
}
