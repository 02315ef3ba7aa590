// Mirrors moby/moby daemon/container_operations.go (v28.2.2): initializeNetworking (the sandbox),
// allocateNetwork / connectToNetwork (endpoint create + join, port bindings), releaseNetwork,
// disconnectFromNetwork and getPortMapInfo. Simplified: no legacy links; swarm attachments are
// cluster/networks.ts (the address comes from the cluster).

import { isSimError, SimError, system } from '../errdefs.ts';
import { attachNetwork, clusterAddress, clusterAttached, clusterDetach } from './cluster/networks.ts';
import {
  type Container,
  cleanOperationalData,
  type EndpointSettings,
  newEndpointSettings,
  type PortBinding,
} from './container.ts';
import type { Daemon } from './daemon.ts';
import { networkIdOf, updateNetworkConfig } from './endpoint-settings.ts';
import type { EndpointOptions, NetNetwork, NetSandbox, PortBindingSpec } from './libnetwork.ts';
import { netMode } from './netmode.ts';
import { findNetwork } from './network.ts';

/** ERR_SETUP_NETWORKING prefixes start-time network errors (28.0.1+). */
export const ERR_SETUP_NETWORKING = 'failed to set up container networking';

type Proto = 'tcp' | 'udp';

/** exposedPortsOf lists Config.ExposedPorts sorted by port then protocol (nat.SortPortMap). */
export function exposedPortsOf(c: Container): Array<{ proto: Proto; port: number }> {
  const keys = Object.keys((c.config.ExposedPorts as Record<string, unknown> | null) ?? {});
  return keys
    .map((k) => {
      const [port, proto = 'tcp'] = k.split('/');
      return { proto: (proto === 'udp' ? 'udp' : 'tcp') as Proto, port: Number(port) };
    })
    .sort((a, b) => a.port - b.port || a.proto.localeCompare(b.proto));
}

/** portBindingsOf is buildPortsRelatedCreateEndpointOptions: published ports of the exposed ports. */
export function portBindingsOf(c: Container): PortBindingSpec[] {
  const bindings =
    (c.hostConfig.PortBindings as Record<
      string,
      Array<{ HostIp?: string; HostPort?: string }> | null
    > | null) ?? {};
  const out: PortBindingSpec[] = [];
  for (const { proto, port } of exposedPortsOf(c)) {
    const list = bindings[`${port}/${proto}`] ?? [];
    for (const b of list)
      out.push({ proto, containerPort: port, hostIp: b.HostIp ?? '', hostPort: b.HostPort ?? '' });
    if (c.hostConfig.PublishAllPorts && list.length === 0)
      out.push({ proto, containerPort: port, hostIp: '', hostPort: '' });
  }
  return out;
}

/** portMapInfo is getPortMapInfo: exposed ports (null) and actual bindings of the sandbox's bridge endpoints. */
export function portMapInfo(
  d: Daemon,
  c: Container,
  sb: NetSandbox | undefined,
): Record<string, PortBinding[] | null> {
  const pm: Record<string, PortBinding[] | null> = {};
  if (!sb) return pm;
  for (const ep of sb.endpoints()) {
    if (ep.network.type !== 'bridge' || !d.portEndpoints.has(ep.id)) continue;
    for (const { proto, port } of exposedPortsOf(c))
      if (!(`${port}/${proto}` in pm)) pm[`${port}/${proto}`] = null;
    for (const m of ep.portMapping()) {
      const key = `${m.containerPort}/${m.proto}`;
      const list = pm[key] ?? [];
      list.push({ HostIp: m.hostIp, HostPort: m.hostPort > 0 ? String(m.hostPort) : '' });
      pm[key] = list;
    }
  }
  return pm;
}

/** sandboxOf returns the container's libnetwork sandbox, if it has one. */
export function sandboxOf(d: Daemon, c: Container): NetSandbox | undefined {
  return d.controller.sandboxByContainerId(c.id);
}

/** initializeNetworking creates the container's sandbox (network namespace, /etc/hosts, resolv.conf). */
export function initializeNetworking(d: Daemon, c: Container): NetSandbox | undefined {
  const mode = netMode(c.hostConfig.NetworkMode as string);
  if (c.config.NetworkDisabled || mode.isContainer()) return undefined;
  const hc = c.hostConfig;
  const list = (v: unknown): string[] | undefined =>
    Array.isArray(v) && v.length > 0 ? (v as string[]) : undefined;
  const sb = d.controller.newSandbox(c.id, {
    hostname: c.config.Hostname as string,
    domainname: (c.config.Domainname as string) || undefined,
    fs: c.fs,
    useDefaultSandbox: mode.isHost() || undefined,
    noNetwork: mode.isNone() || undefined,
    dns: list(hc.Dns),
    dnsSearch: list(hc.DnsSearch),
    dnsOptions: list(hc.DnsOptions),
    extraHosts: list(hc.ExtraHosts)?.map((h) => resolveHostGateway(d, h)),
    exposedPorts: exposedPortsOf(c),
  });
  c.networkSettings.sandboxId = sb.id;
  c.networkSettings.sandboxKey = sb.key;
  return sb;
}

/** resolveHostGateway replaces `name:host-gateway` with the default bridge's gateway (HostGatewayIPs). */
export function resolveHostGateway(d: Daemon, extraHost: string): string {
  const colon = extraHost.indexOf(':');
  if (colon < 0 || extraHost.slice(colon + 1) !== 'host-gateway') return extraHost;
  const gw = d.controller.networkByName('bridge')?.ipamConfig()[0]?.gateway;
  if (!gw) throw system('unable to derive the IP value for host-gateway');
  return `${extraHost.slice(0, colon)}:${gw}`;
}

/** orderedNetworks lists the attachments to connect: the primary network first, then by name. */
function orderedNetworks(c: Container): Array<[string, EndpointSettings]> {
  const primary = netMode(c.hostConfig.NetworkMode as string).networkName();
  return [...c.networkSettings.networks].sort(([a], [b]) =>
    a === primary ? -1 : b === primary ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
}

/** allocateNetwork connects the container to every network it is configured for. */
export function allocateNetwork(d: Daemon, c: Container): void {
  for (const [name, es] of orderedNetworks(c)) {
    cleanOperationalData(es);
    connectToNetwork(d, c, name, es);
  }
}

/** connectToNetwork creates the endpoint (named after the container), joins it, records the result. */
export function connectToNetwork(
  d: Daemon,
  c: Container,
  idOrName: string,
  es: EndpointSettings = newEndpointSettings(),
): void {
  const mode = netMode(c.hostConfig.NetworkMode as string);
  if (mode.isContainer())
    throw new SimError(
      'invalidParameter',
      'container sharing network namespace with another container or host cannot be connected to any other network',
    );
  const nw = findNetworkOrAttach(d, networkIdOf(idOrName, es));
  if (idOrName !== mode.networkName() && mode.isUserDefined()) normalizeNetMode(d, c);
  updateNetworkConfig(d, c, nw, es);
  const sb = sandboxOf(d, c);
  if (!sb) throw system(`sandbox for container ${c.id} not found`);
  const opts = endpointOptions(d, nw, c, es, sb);
  const clusterIp = clusterAddress(d, c, nw);
  if (clusterIp) opts.ipv4Address = clusterIp;
  let ep: ReturnType<NetNetwork['createEndpoint']>;
  try {
    ep = nw.createEndpoint(c.name.replace(/^\//, ''), opts);
  } catch (e) {
    if (clusterIp) clusterDetach(d, c.id, nw.id);
    throw e;
  }
  if (opts.exposedPorts) d.portEndpoints.add(ep.id);
  try {
    c.networkSettings.networks.delete(nw.id);
    c.networkSettings.networks.set(nw.name, es);
    es.NetworkID = nw.id;
    es.EndpointID = ep.id;
    const iface = ep.iface();
    es.MacAddress = iface.mac ?? '';
    if (iface.address) {
      const [ip, len] = iface.address.split('/');
      es.IPAddress = ip;
      es.IPPrefixLen = Number(len);
    }
    if (iface.addressIPv6) {
      const [ip, len] = iface.addressIPv6.split('/');
      es.GlobalIPv6Address = ip;
      es.GlobalIPv6PrefixLen = Number(len);
    }
    ep.join(sb, { gwPriority: es.GwPriority });
    es.Gateway = ep.iface().gateway ?? '';
    if (clusterIp) clusterAttached(d, c, nw, ep.dnsNames);
  } catch (e) {
    try {
      ep.delete({ force: false });
    } catch {
      // moby only logs a failed rollback
    }
    d.portEndpoints.delete(ep.id);
    if (clusterIp) clusterDetach(d, c.id, nw.id);
    throw e;
  }
  c.networkSettings.ports = portMapInfo(d, c, sb);
}

function endpointOptions(
  d: Daemon,
  nw: NetNetwork,
  c: Container,
  es: EndpointSettings,
  sb: NetSandbox,
): EndpointOptions {
  const opts: EndpointOptions = {
    dnsNames: es.DNSNames ?? [],
    aliases: es.Aliases ?? [],
    gwPriority: es.GwPriority,
  };
  if (es.IPAMConfig?.IPv4Address) opts.ipv4Address = es.IPAMConfig.IPv4Address;
  if (es.IPAMConfig?.IPv6Address) opts.ipv6Address = es.IPAMConfig.IPv6Address;
  if (es.desiredMacAddress) opts.macAddress = es.desiredMacAddress;
  if (!netMode(nw.name).isUserDefined()) opts.disableResolution = true;
  const portsTaken = sb.endpoints().some((ep) => d.portEndpoints.has(ep.id));
  if (!nw.internal && !portsTaken) {
    opts.exposedPorts = exposedPortsOf(c);
    opts.portBindings = portBindingsOf(c);
  }
  return opts;
}

/** normalizeNetMode replaces a network-ID-prefix NetworkMode with the full ID. */
function normalizeNetMode(d: Daemon, c: Container): void {
  const mode = c.hostConfig.NetworkMode as string;
  try {
    const nw = findNetwork(d, mode);
    if (mode !== nw.id && mode !== nw.name) c.hostConfig.NetworkMode = nw.id;
  } catch (e) {
    if (isSimError(e))
      throw new SimError(e.kind, `could not find a network matching network mode ${mode}: ${e.message}`);
    throw e;
  }
}

/** releaseNetwork is called when a container stops: operational data goes, the sandbox is deleted. */
export function releaseNetwork(d: Daemon, c: Container): void {
  if (netMode(c.hostConfig.NetworkMode as string).isContainer()) return;
  c.networkSettings.ports = null;
  if (c.networkSettings.sandboxId === '') return;
  c.networkSettings.sandboxId = '';
  c.networkSettings.sandboxKey = '';
  for (const es of c.networkSettings.networks.values()) cleanOperationalData(es);
  const sb = sandboxOf(d, c);
  if (!sb) return;
  for (const ep of sb.endpoints()) d.portEndpoints.delete(ep.id);
  try {
    sb.delete();
  } catch {
    // moby logs "Error deleting sandbox"
  }
  clusterDetach(d, c.id);
}

/** disconnectFromNetwork leaves and deletes the container's endpoint on nw. */
export function disconnectFromNetwork(d: Daemon, c: Container, nw: NetNetwork, force: boolean): void {
  const ep = nw.endpoints().find((e) => e.sandbox()?.containerId === c.id);
  if (!ep) {
    if (force) {
      const byName = nw.endpoints().find((e) => e.name === c.name.replace(/^\//, ''));
      if (!byName) throw system(`endpoint ${c.name.replace(/^\//, '')} not found`);
      byName.delete({ force: true });
      return;
    }
    throw system(`container ${c.id} is not connected to network ${nw.name}`);
  }
  const sb = ep.sandbox();
  if (sb) ep.leave(sb);
  d.portEndpoints.delete(ep.id);
  c.networkSettings.ports = portMapInfo(d, c, sb);
  ep.delete({ force: false });
  c.networkSettings.networks.delete(nw.name);
  clusterDetach(d, c.id, nw.id);
}

/** findNetworkOrAttach is FindNetwork with the swarm fallback (daemon.findAndAttachNetwork). */
function findNetworkOrAttach(d: Daemon, term: string): NetNetwork {
  try {
    return findNetwork(d, term);
  } catch (e) {
    const nw = attachNetwork(d, term);
    if (nw) return nw;
    throw e;
  }
}
