// Mirrors moby/moby daemon/container_operations.go (validateEndpointSettings, updateNetworkConfig,
// updateNetworkSettings, buildEndpointDNSNames) and runconfig/errors.go, v28.2.2: the rules that decide
// whether a container may join a network, checked at create, connect and start.

import { invalidParameter } from '../errdefs.ts';
import type { Container, EndpointSettings } from './container.ts';
import { newEndpointSettings } from './container.ts';
import { ENDPOINT_IPAM_CONFIG, ENDPOINT_SETTINGS } from './container-structs.ts';
import type { Daemon } from './daemon.ts';
import { decodeStruct, isPlainObject } from './gostruct.ts';
import type { NetNetwork } from './libnetwork.ts';
import { netMode } from './netmode.ts';
import { findNetwork } from './network.ts';
import { joinErrors, validateEndpointIPAM } from './network-validate.ts';

/** RUNCONFIG_ERRORS are runconfig/errors.go's validation errors. */
export const RUNCONFIG_ERRORS = {
  conflictSharedNetwork:
    'container sharing network namespace with another container or host cannot be connected to any other network',
  conflictConnectToHostNetwork:
    'cannot connect container to host network - container must be created in host network mode',
  conflictDisconnectFromHostNetwork:
    'cannot disconnect container from host network - container was created in host network mode',
  conflictNoNetwork:
    'container cannot be connected to multiple networks with one of the networks in private (none) mode',
  unsupportedNetworkAndIP: 'user specified IP address is supported on user defined networks only',
  unsupportedNetworkAndAlias:
    'network-scoped alias is supported only for containers in user defined networks',
} as const;

/** decodeEndpointSettings decodes an API EndpointSettings object into the daemon's form. */
export function decodeEndpointSettings(v: unknown): EndpointSettings {
  const raw = decodeStruct(v, ENDPOINT_SETTINGS);
  const es = { ...newEndpointSettings(), ...(raw as unknown as EndpointSettings) };
  es.IPAMConfig = isPlainObject(raw.IPAMConfig)
    ? (decodeStruct(raw.IPAMConfig, ENDPOINT_IPAM_CONFIG) as EndpointSettings['IPAMConfig'])
    : null;
  es.desiredMacAddress = es.MacAddress;
  return es;
}

/** validateEndpointSettings returns dockerd's "invalid endpoint settings:" message, or undefined. */
export function validateEndpointSettings(
  d: Daemon,
  nw: NetNetwork | undefined,
  nwName: string,
  ep: EndpointSettings,
): string | undefined {
  const ipv4 = ep.IPAMConfig?.IPv4Address ?? '';
  const ipv6 = ep.IPAMConfig?.IPv6Address ?? '';
  const errs: string[] = [];
  if (!netMode(nwName).isUserDefined()) {
    if (ipv4 !== '' || ipv6 !== '') errs.push(RUNCONFIG_ERRORS.unsupportedNetworkAndIP);
    if ((ep.Aliases ?? []).length > 0) errs.push(RUNCONFIG_ERRORS.unsupportedNetworkAndAlias);
  }
  errs.push(...validateEndpointIPAM(ipv4, ipv6, nw ? (d.userSubnets.get(nw.id) ?? []) : undefined));
  if (ep.MacAddress !== '' && !/^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$/.test(ep.MacAddress))
    return `invalid MAC address ${ep.MacAddress}`;
  return errs.length ? `invalid endpoint settings:\n${joinErrors(errs)}` : undefined;
}

/** buildEndpointDNSNames is the DNSNames list: name, aliases, short ID, hostname, deduplicated. */
export function buildEndpointDNSNames(c: Container, aliases: string[] | null): string[] {
  const names: string[] = [];
  if (c.name !== '') names.push(c.name.replace(/^\//, ''));
  names.push(...(aliases ?? []));
  names.push(c.id.slice(0, 12));
  const hostname = c.config.Hostname as string;
  if (hostname) names.push(hostname);
  return [...new Set(names)];
}

/** networkIdOf is getNetworkID: user-defined networks are found by their stored ID, others by name. */
export function networkIdOf(name: string, es: EndpointSettings | undefined): string {
  return netMode(name).isUserDefined() && es && es.NetworkID !== '' ? es.NetworkID : name;
}

/** updateNetworkSettings checks a new attachment against the container's others and records it. */
export function updateNetworkSettings(d: Daemon, c: Container, nw: NetNetwork, ep: EndpointSettings): void {
  const mode = netMode(c.hostConfig.NetworkMode as string);
  if (!mode.isHost() && netMode(nw.type).isHost())
    throw invalidParameter(RUNCONFIG_ERRORS.conflictConnectToHostNetwork);
  for (const [name, es] of c.networkSettings.networks) {
    let other: NetNetwork;
    try {
      other = findNetwork(d, networkIdOf(name, es));
    } catch {
      continue;
    }
    if (other.name === nw.name) return;
    if (!netMode(other.type).isPrivate() || !netMode(nw.type).isPrivate())
      throw invalidParameter(RUNCONFIG_ERRORS.conflictSharedNetwork);
    if (netMode(other.name).isNone() || netMode(nw.name).isNone())
      throw invalidParameter(RUNCONFIG_ERRORS.conflictNoNetwork);
  }
  c.networkSettings.networks.set(nw.name, ep);
}

/** updateNetworkConfig sets DNSNames on user-defined networks, validates, then records the attachment. */
export function updateNetworkConfig(d: Daemon, c: Container, nw: NetNetwork, ep: EndpointSettings): void {
  if (netMode(nw.name).isUserDefined()) ep.DNSNames = buildEndpointDNSNames(c, ep.Aliases);
  const err = validateEndpointSettings(d, nw, nw.name, ep);
  if (err) throw invalidParameter(err);
  updateNetworkSettings(d, c, nw, ep);
}

/** validateNetworkingConfig is the create-time check of NetworkingConfig.EndpointsConfig. */
export function validateNetworkingConfig(d: Daemon, endpoints: Map<string, EndpointSettings>): void {
  const errs: string[] = [];
  for (const [name, ep] of endpoints) {
    let nw: NetNetwork | undefined;
    try {
      nw = findNetwork(d, name);
    } catch {
      nw = undefined;
    }
    const err = validateEndpointSettings(d, nw, name, ep);
    if (err) errs.push(`invalid config for network ${name}: ${err}`);
  }
  if (errs.length) throw invalidParameter(joinErrors(errs));
}
