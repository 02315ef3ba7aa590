// Mirrors moby/moby daemon/create.go (containerCreate, create, mergeAndVerifyConfig), daemon/container.go
// (newContainer, getEntrypointAndArgs), daemon_unix.go (adaptContainerSettings, the host-mode port
// warning) and the create route's request handling in api/server/router/container/container_routes.go
// (v28.2.2). Simplified: no volumes, mounts, devices or platforms.

import { invalidParameter } from '../errdefs.ts';
import { Vfs } from '../kernel/vfs.ts';
import type { Container, EndpointSettings } from './container.ts';
import { newEndpointSettings } from './container.ts';
import { CONFIG, DEFAULT_MASKED_PATHS, DEFAULT_READONLY_PATHS, HOST_CONFIG } from './container-structs.ts';
import type { Daemon } from './daemon.ts';
import { decodeEndpointSettings, validateNetworkingConfig } from './endpoint-settings.ts';
import { decodeStruct, isPlainObject, lookupField } from './gostruct.ts';
import type { LocalImage } from './images.ts';
import { netMode } from './netmode.ts';
import { validateNetMode } from './netmode-validate.ts';
import { findNetwork } from './network.ts';

/** HOST_NETWORK_PORTS_WARNING is the create warning for -p with --network host. */
export const HOST_NETWORK_PORTS_WARNING = 'Published ports are discarded when using host network mode';

/** imageRootfs builds a fresh copy of an image's files for a new container. */
export function imageRootfs(img: LocalImage): Vfs {
  const fs = new Vfs();
  for (const dir of ['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr', '/var'])
    fs.mkdirp(dir);
  for (const [path, content] of Object.entries(img.entry.files)) fs.writeFile(path, content);
  return fs;
}

function mergeImageConfig(config: Record<string, unknown>, img: LocalImage): void {
  const ic = img.entry.config;
  if (config.User === '') config.User = ic.User ?? '';
  const exposed = config.ExposedPorts as Record<string, unknown> | null;
  if (!exposed || Object.keys(exposed).length === 0)
    config.ExposedPorts = ic.ExposedPorts ? { ...ic.ExposedPorts } : null;
  else for (const p of Object.keys(ic.ExposedPorts ?? {})) exposed[p] ??= {};
  const env = config.Env as string[] | null;
  if (!env || env.length === 0) config.Env = ic.Env ? [...ic.Env] : null;
  else for (const e of ic.Env ?? []) if (!env.some((u) => u.split('=')[0] === e.split('=')[0])) env.push(e);
  const labels = (config.Labels as Record<string, string> | null) ?? {};
  for (const [k, v] of Object.entries(ic.Labels ?? {})) labels[k] ??= v;
  config.Labels = labels;
  const ep = config.Entrypoint as string[] | null;
  if (!ep || ep.length === 0) {
    if (!config.Cmd || (config.Cmd as string[]).length === 0) config.Cmd = ic.Cmd ? [...ic.Cmd] : null;
    if (ep === null) config.Entrypoint = ic.Entrypoint ? [...ic.Entrypoint] : null;
  }
  if (config.WorkingDir === '') config.WorkingDir = ic.WorkingDir ?? '';
  const volumes = config.Volumes as Record<string, unknown> | null;
  if (!volumes || Object.keys(volumes).length === 0) config.Volumes = ic.Volumes ? { ...ic.Volumes } : null;
  if (config.StopSignal === '') config.StopSignal = ic.StopSignal ?? '';
}

function strSlice(v: unknown): unknown {
  return typeof v === 'string' ? [v] : v;
}

/** containerCreate is POST /containers/create: it returns {Id, Warnings}. */
export function containerCreate(
  d: Daemon,
  name: string | undefined,
  body: unknown,
): { Id: string; Warnings: string[] } {
  if (body === undefined) throw invalidParameter('invalid JSON: got EOF while reading request body');
  if (!isPlainObject(body))
    throw invalidParameter(
      'invalid JSON: json: cannot unmarshal array into Go value of type container.CreateRequest',
    );
  const config = decodeStruct(
    {
      ...body,
      Cmd: strSlice(lookupField(body, 'Cmd')),
      Entrypoint: strSlice(lookupField(body, 'Entrypoint')),
    },
    CONFIG,
  );
  const hostConfig = decodeStruct(lookupField(body, 'HostConfig'), HOST_CONFIG);
  const netConfig = lookupField(body, 'NetworkingConfig');
  const rawEndpoints = isPlainObject(netConfig) ? lookupField(netConfig, 'EndpointsConfig') : undefined;
  const endpoints = new Map<string, EndpointSettings>();
  if (isPlainObject(rawEndpoints))
    for (const [k, v] of Object.entries(rawEndpoints)) endpoints.set(k, decodeEndpointSettings(v));

  // api/server/router/container: "" and "default" mean the default bridge.
  const mode0 = hostConfig.NetworkMode as string;
  if (mode0 === '' || netMode(mode0).isDefault()) {
    hostConfig.NetworkMode = 'bridge';
    const ep = endpoints.get('default');
    if (ep) {
      endpoints.delete('default');
      endpoints.set('bridge', ep);
    }
  }
  validateNetMode(config, hostConfig);
  const restart = hostConfig.RestartPolicy as { Name: string; MaximumRetryCount: number };
  if (restart.Name === '') restart.Name = 'no';

  const warnings: string[] = [];
  if (hostConfig.AutoRemove && restart.Name !== 'no')
    throw invalidParameter("can't create 'AutoRemove' container with restart policy");
  // cgroup v2 hosts have no OOM-killer switch: verifyPlatformContainerSettings drops the field.
  if (hostConfig.OomKillDisable === true)
    warnings.push('Your kernel does not support OomKillDisable. OomKillDisable discarded.');
  hostConfig.OomKillDisable = null;
  const mode = netMode(hostConfig.NetworkMode as string);
  const portBindings = hostConfig.PortBindings as Record<string, unknown> | null;
  if (mode.isHost() && portBindings && Object.keys(portBindings).length > 0)
    warnings.push(HOST_NETWORK_PORTS_WARNING);

  const img = d.images.getImage(config.Image as string);
  validateNetworkingConfig(d, endpoints);
  adaptContainerSettings(hostConfig);
  mergeImageConfig(config, img);
  const ep = config.Entrypoint as string[] | null;
  if (ep && ep.length === 1 && ep[0] === '') config.Entrypoint = null;
  const entrypoint = (config.Entrypoint as string[] | null) ?? [];
  const cmd = (config.Cmd as string[] | null) ?? [];
  if (entrypoint.length === 0 && cmd.length === 0) throw invalidParameter('no command specified');
  const log = hostConfig.LogConfig as { Type: string; Config: Record<string, string> | null };
  if (log.Type === '') log.Type = 'json-file';
  log.Config ??= {};

  d.advance(40);
  const id = d.newId();
  const fullName = name ? d.names.reserve(id, name) : d.names.generate(id, d.rng);
  if (config.Hostname === '') config.Hostname = mode.isHost() ? d.host.name : id.slice(0, 12);
  const [path, ...args] = entrypoint.length > 0 ? [...entrypoint, ...cmd] : cmd;
  const c: Container = {
    id,
    name: fullName,
    created: d.now(),
    path,
    args,
    config,
    hostConfig,
    image: img,
    state: {
      running: false,
      paused: false,
      restarting: false,
      oomKilled: false,
      dead: false,
      removalInProgress: false,
      pid: 0,
      exitCode: 0,
      error: '',
    },
    networkSettings: { bridge: '', sandboxId: '', sandboxKey: '', ports: null, networks: new Map() },
    restartCount: 0,
    pathsSet: false,
    mountId: d.rng.hex(64),
    fs: imageRootfs(img),
    execIds: [],
    logs: [],
    exitCount: 0,
    removed: false,
    hasBeenStartedBefore: false,
    hasBeenManuallyStopped: false,
  };
  updateContainerNetworkSettings(d, c, endpoints);
  d.containers.set(id, c);
  return { Id: id, Warnings: warnings };
}

/** adaptContainerSettings fills dockerd's defaults into HostConfig (shm size, IPC and cgroup modes …). */
function adaptContainerSettings(hc: Record<string, unknown>): void {
  if ((hc.Memory as number) > 0 && hc.MemorySwap === 0) hc.MemorySwap = (hc.Memory as number) * 2;
  if (hc.ShmSize === 0) hc.ShmSize = 67108864;
  if (hc.IpcMode === '') hc.IpcMode = 'private';
  if (hc.CgroupnsMode === '') hc.CgroupnsMode = 'private';
  if (!hc.Runtime) hc.Runtime = 'runc';
  if (!hc.Privileged) {
    hc.MaskedPaths ??= [...DEFAULT_MASKED_PATHS];
    hc.ReadonlyPaths ??= [...DEFAULT_READONLY_PATHS];
  }
}

/** updateContainerNetworkSettings records the networks a new container will join (by network name). */
function updateContainerNetworkSettings(
  d: Daemon,
  c: Container,
  endpoints: Map<string, EndpointSettings>,
): void {
  const mode = netMode(c.hostConfig.NetworkMode as string);
  if (c.config.NetworkDisabled || mode.isContainer()) return;
  let networkName = mode.networkName();
  let nwId: string | undefined;
  if (mode.isUserDefined()) {
    try {
      const nw = findNetwork(d, networkName);
      networkName = nw.name;
      nwId = nw.id;
    } catch {
      // an unknown network is only an error at start
    }
  }
  for (const [k, es] of endpoints) c.networkSettings.networks.set(k, es);
  if (c.networkSettings.networks.size === 0)
    c.networkSettings.networks.set(networkName, newEndpointSettings());
  if (!mode.isUserDefined() || c.networkSettings.networks.has(networkName)) return;
  if (nwId !== undefined) {
    for (const key of [nwId, mode.mode]) {
      const es = c.networkSettings.networks.get(key);
      if (es) {
        c.networkSettings.networks.delete(key);
        c.networkSettings.networks.set(networkName, es);
        return;
      }
    }
  }
}
