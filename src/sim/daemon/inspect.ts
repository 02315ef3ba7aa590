// Mirrors moby/moby daemon/inspect.go (ContainerInspect, getInspectData, getDefaultNetworkSettings),
// inspect_linux.go and api/types/container (InspectResponse, State, NetworkSettings), v28.2.2, for the
// overlay2 graph driver (no ImageManifestDescriptor). Key order is the Go struct order.

import type { Container, EndpointSettings } from './container.ts';
import { formatStamp, stateString } from './container.ts';
import { CONFIG, ENDPOINT_IPAM_CONFIG, HOST_CONFIG } from './container-structs.ts';
import type { Daemon } from './daemon.ts';
import { encodeStruct, sortedMap } from './gostruct.ts';
import { netMode } from './netmode.ts';

const DOCKER_ROOT = '/var/lib/docker';

/** endpointSettingsJSON renders one Networks entry (network.EndpointSettings). */
export function endpointSettingsJSON(es: EndpointSettings): Record<string, unknown> {
  return {
    IPAMConfig: es.IPAMConfig
      ? encodeStruct(es.IPAMConfig as Record<string, unknown>, ENDPOINT_IPAM_CONFIG)
      : null,
    Links: es.Links,
    Aliases: es.Aliases,
    MacAddress: es.MacAddress,
    DriverOpts: es.DriverOpts ? sortedMap(es.DriverOpts) : null,
    GwPriority: es.GwPriority,
    NetworkID: es.NetworkID,
    EndpointID: es.EndpointID,
    Gateway: es.Gateway,
    IPAddress: es.IPAddress,
    IPPrefixLen: es.IPPrefixLen,
    IPv6Gateway: es.IPv6Gateway,
    GlobalIPv6Address: es.GlobalIPv6Address,
    GlobalIPv6PrefixLen: es.GlobalIPv6PrefixLen,
    DNSNames: es.DNSNames,
  };
}

/** networkSettingsJSON is the NetworkSettings document; the deprecated top-level fields come from "bridge". */
export function networkSettingsJSON(c: Container): Record<string, unknown> {
  const ns = c.networkSettings;
  const bridge = ns.networks.get('bridge');
  const networks: Record<string, unknown> = {};
  for (const [name, es] of ns.networks) networks[name] = endpointSettingsJSON(es);
  return {
    Bridge: ns.bridge,
    SandboxID: ns.sandboxId,
    SandboxKey: ns.sandboxKey,
    Ports: sortedMap(ns.ports ?? {}),
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: bridge?.EndpointID ?? '',
    Gateway: bridge?.Gateway ?? '',
    GlobalIPv6Address: bridge?.GlobalIPv6Address ?? '',
    GlobalIPv6PrefixLen: bridge?.GlobalIPv6PrefixLen ?? 0,
    IPAddress: bridge?.IPAddress ?? '',
    IPPrefixLen: bridge?.IPPrefixLen ?? 0,
    IPv6Gateway: bridge?.IPv6Gateway ?? '',
    MacAddress: bridge?.MacAddress ?? '',
    Networks: sortedMap(networks),
  };
}

/** graphDriverJSON is the overlay2 metadata of the container's writable layer. */
function graphDriverJSON(c: Container): Record<string, unknown> {
  const dir = `${DOCKER_ROOT}/overlay2/${c.mountId}`;
  const lower = [
    `${dir}-init/diff`,
    ...[...c.image.cacheIds].reverse().map((id) => `${DOCKER_ROOT}/overlay2/${id}/diff`),
  ];
  return {
    Data: {
      ID: c.id,
      LowerDir: lower.join(':'),
      MergedDir: `${dir}/merged`,
      UpperDir: `${dir}/diff`,
      WorkDir: `${dir}/work`,
    },
    Name: 'overlay2',
  };
}

/** containerInspect is GET /containers/{id}/json. */
export function containerInspect(d: Daemon, name: string): Record<string, unknown> {
  const c = d.getContainer(name);
  const s = c.state;
  const dir = `${DOCKER_ROOT}/containers/${c.id}`;
  const config = { ...c.config };
  const mode = netMode(c.hostConfig.NetworkMode as string);
  if (!config.MacAddress && (mode.isBridge() || mode.isUserDefined())) {
    config.MacAddress = c.networkSettings.networks.get(mode.networkName())?.desiredMacAddress ?? '';
  }
  return {
    Id: c.id,
    Created: formatStamp(c.created),
    Path: c.path,
    Args: c.args,
    State: {
      Status: stateString(s),
      Running: s.running,
      Paused: s.paused,
      Restarting: s.restarting,
      OOMKilled: s.oomKilled,
      Dead: s.dead,
      Pid: s.pid,
      ExitCode: s.exitCode,
      Error: s.error,
      StartedAt: formatStamp(s.startedAt),
      FinishedAt: formatStamp(s.finishedAt),
    },
    Image: c.image.entry.id,
    ResolvConfPath: c.pathsSet ? `${dir}/resolv.conf` : '',
    HostnamePath: c.pathsSet ? `${dir}/hostname` : '',
    HostsPath: c.pathsSet ? `${dir}/hosts` : '',
    LogPath: c.pathsSet ? `${dir}/${c.id}-json.log` : '',
    Name: c.name,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: c.pathsSet ? (c.hostConfig.Privileged ? 'unconfined' : 'docker-default') : '',
    ExecIDs: c.execIds.length ? [...c.execIds] : null,
    HostConfig: encodeStruct(c.hostConfig, HOST_CONFIG),
    GraphDriver: graphDriverJSON(c),
    Mounts: [],
    Config: encodeStruct(config, CONFIG),
    NetworkSettings: networkSettingsJSON(c),
  };
}
