// Mirrors docker/compose v2.36 pkg/compose (pull.go pullServiceImage, create.go ensureNetworks /
// resolveOrCreateNetwork / getCreateConfigs / createEndpointSettings, convergence.go createContainer
// and startService, attach.go); progress lines are progress.ts's.
// Simplified: one replica per service, no volumes, healthchecks or build from compose.

import { ApiError } from '../cli/errors.ts';
import { sha256Hex } from '../daemon/build-sha256.ts';
import { buildServices } from './build.ts';
import type { ComposeContext } from './context.ts';
import { event } from './progress.ts';
import {
  ComposeError,
  containerName,
  imageName,
  type Project,
  type Service,
  serviceOrder,
} from './project.ts';

/** COMPOSE_VERSION is api.ComposeVersion of the plugin shipped with Docker 28.2 (v2.36.2). */
export const COMPOSE_VERSION = '2.36.2';

/** ContainerSummary is the part of GET /containers/json compose reads. */
export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  Command: string;
  Created: number;
  State: string;
  Status: string;
  Labels: Record<string, string>;
  Ports: Array<{ IP?: string; PrivatePort: number; PublicPort?: number; Type: string }>;
}

/** projectContainers lists a project's containers (getContainers with the project label filter). */
export function projectContainers(c: ComposeContext, project: string, all = true): ContainerSummary[] {
  const filters = JSON.stringify({
    label: { [`com.docker.compose.project=${project}`]: true, 'com.docker.compose.oneoff=False': true },
  });
  return c.client.get<ContainerSummary[]>('/containers/json', { ...(all ? { all: '1' } : {}), filters });
}

/** localImageId is the image's ID, or undefined when the daemon does not have it. */
function localImageId(c: ComposeContext, image: string): string | undefined {
  try {
    return c.client.get<{ Id: string }>(`/images/${encodeURIComponent(image)}/json`).Id;
  } catch (e) {
    if (!(e instanceof ApiError) || !e.isNotFound) throw e;
    return undefined;
  }
}

/** ensureImages is ensureImagesExists: pull what has no build section, then build the rest. */
function ensureImages(c: ComposeContext, p: Project, order: string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const toBuild: Service[] = [];
  for (const n of order) {
    const s = p.services[n];
    const image = imageName(p, s);
    if (localImageId(c, image) !== undefined) continue;
    if (s.build) toBuild.push(s);
    else pullImage(c, s, image);
  }
  buildServices(c, p, toBuild);
  for (const n of order) ids.set(n, localImageId(c, imageName(p, p.services[n])) ?? '');
  return ids;
}

function pullImage(c: ComposeContext, s: Service, image: string): void {
  event(c, s.name, 'Pulling', '');
  const [repo, tag] = splitTag(image);
  let msgs: Array<{ status?: string; id?: string; progress?: string; progressDetail?: unknown }>;
  try {
    msgs = c.client.post('/images/create', { fromImage: repo, tag });
  } catch (e) {
    if (e instanceof ApiError) {
      event(c, s.name, 'Error', e.daemonMessage);
      throw new ComposeError(`Error response from daemon: ${e.daemonMessage}`);
    }
    throw e;
  }
  for (const m of msgs)
    if (m.id && m.progressDetail !== undefined) event(c, m.id, m.status ?? '', m.progress ?? '');
  event(c, s.name, 'Pulled', '');
}

function splitTag(image: string): [string, string] {
  const at = image.indexOf('@');
  if (at >= 0) return [image.slice(0, at), image.slice(at + 1)];
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/') ? [image.slice(0, colon), image.slice(colon + 1)] : [image, 'latest'];
}

/**
 * removeDivergedNetwork stops the containers of the services on a network whose config changed and
 * removes the network. As in compose v2.36.2 (docker/compose#12897, fixed later), the containers
 * are only stopped, so starting them again fails: their endpoint names the removed network's ID.
 */
function removeDivergedNetwork(c: ComposeContext, p: Project, key: string, name: string): void {
  const services = Object.keys(p.services).filter((s) => key in p.services[s].networks);
  const containers = projectContainers(c, p.name);
  for (const svc of serviceOrder(p)
    .reverse()
    .filter((x) => services.includes(x)))
    for (const ctr of containers.filter((x) => x.Labels['com.docker.compose.service'] === svc)) {
      const id = `Container ${ctr.Names[0].replace(/^\//, '')}`;
      event(c, id, '', 'Stopping');
      c.client.post(`/containers/${ctr.Id}/stop`);
      event(c, id, '', 'Stopped');
    }
  let err: unknown;
  try {
    c.client.del(`/networks/${encodeURIComponent(name)}`);
  } catch (e) {
    err = e;
  }
  event(c, `Network ${name}`, '', 'Removed');
  if (err) throw err;
}

/** ensureNetworks creates the project's networks that do not exist yet (resolveOrCreateNetwork). */
function ensureNetworks(c: ComposeContext, p: Project): void {
  for (const key of Object.keys(p.networks).sort()) {
    const n = p.networks[key];
    const filters = JSON.stringify({ name: { [n.name]: true } });
    const existing = c.client
      .get<Array<{ Name: string; Labels?: Record<string, string> | null }>>('/networks', { filters })
      .filter((x) => x.Name === n.name);
    if (n.external) {
      if (existing.length === 0)
        throw new ComposeError(`network ${n.name} declared as external, but could not be found`);
      continue;
    }
    // NetworkHash: the network's config-hash label tells whether compose.yaml changed it.
    const hash = sha256Hex(JSON.stringify(n));
    if (existing.length > 0) {
      const current = existing[0].Labels?.['com.docker.compose.config-hash'] ?? '';
      if (current === '' || current === hash) continue;
      removeDivergedNetwork(c, p, key, n.name);
    }
    const labels: Record<string, string> = {
      ...(n.labels ?? {}),
      'com.docker.compose.config-hash': hash,
      'com.docker.compose.network': key,
      'com.docker.compose.project': p.name,
      'com.docker.compose.version': COMPOSE_VERSION,
    };
    const body: Record<string, unknown> = {
      Name: n.name,
      Labels: labels,
      Driver: n.driver ?? '',
      Options: n.driverOpts ?? null,
      Internal: n.internal === true,
      Attachable: n.attachable === true,
    };
    if (n.enableIpv6) body.EnableIPv6 = true;
    if (n.ipam)
      body.IPAM = {
        Driver: n.ipam.driver ?? '',
        Config: (n.ipam.config ?? []).map((x) => ({
          Subnet: x.subnet,
          IPRange: x.ip_range,
          Gateway: x.gateway,
        })),
      };
    const id = `Network ${n.name}`;
    event(c, id, '', 'Creating');
    try {
      c.client.post('/networks/create', undefined, body);
    } catch (e) {
      event(c, id, '', 'Error');
      throw new ComposeError(`failed to create network ${n.name}: ${(e as Error).message}`);
    }
    event(c, id, '', 'Created');
  }
}

/** createBody is getCreateConfigs + defaultNetworkSettings for container number 1. */
function createBody(p: Project, s: Service, hash: string, imageId: string): Record<string, unknown> {
  const name = containerName(p, s);
  const labels: Record<string, string> = {
    ...s.labels,
    'com.docker.compose.config-hash': hash,
    'com.docker.compose.container-number': '1',
    'com.docker.compose.depends_on': Object.entries(s.dependsOn)
      .map(([d, x]) => `${d}:${x.condition}:${x.restart === true}`)
      .join(','),
    'com.docker.compose.image': imageId,
    'com.docker.compose.oneoff': 'False',
    'com.docker.compose.project': p.name,
    'com.docker.compose.project.config_files': p.composeFiles.join(','),
    'com.docker.compose.project.working_dir': p.workingDir,
    'com.docker.compose.service': s.name,
    'com.docker.compose.version': COMPOSE_VERSION,
  };
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const port of s.ports) {
    const k = `${port.target}/${port.protocol}`;
    exposed[k] = {};
    bindings[k] = [...(bindings[k] ?? []), { HostIp: port.hostIp ?? '', HostPort: port.published ?? '' }];
  }
  for (const e of s.expose) exposed[e.includes('/') ? e : `${e}/tcp`] = {};
  const endpoints: Record<string, unknown> = {};
  const byPriority = Object.keys(s.networks).sort(
    (a, b) => (s.networks[b]?.priority ?? 0) - (s.networks[a]?.priority ?? 0) || (a < b ? -1 : 1),
  );
  for (const key of byPriority) {
    const cfg = s.networks[key];
    endpoints[p.networks[key].name] = {
      Aliases: [name, s.name, ...(cfg?.aliases ?? [])],
      IPAMConfig: cfg ? { IPv4Address: cfg.ipv4Address ?? '' } : null,
      IPAddress: cfg?.ipv4Address ?? '',
    };
  }
  const networkMode = s.networkMode ?? (byPriority.length > 0 ? p.networks[byPriority[0]].name : 'none');
  return {
    Hostname: s.hostname ?? '',
    ExposedPorts: Object.keys(exposed).length > 0 ? exposed : null,
    Tty: s.tty === true,
    OpenStdin: s.stdinOpen === true,
    AttachStdout: true,
    AttachStderr: true,
    Cmd: s.command ?? null,
    Entrypoint: s.entrypoint ?? null,
    Image: imageName(p, s),
    WorkingDir: s.workingDir ?? '',
    Labels: labels,
    Env: Object.keys(s.environment)
      .sort()
      .filter((k) => s.environment[k] !== null)
      .map((k) => `${k}=${s.environment[k]}`),
    HostConfig: {
      NetworkMode: networkMode,
      PortBindings: bindings,
      RestartPolicy: { Name: s.restart ?? 'no', MaximumRetryCount: 0 },
    },
    NetworkingConfig: s.networkMode ? null : { EndpointsConfig: endpoints },
  };
}

/** UpOptions are `docker compose up` flags the simulator honours. */
export interface UpOptions {
  detach: boolean;
  services: string[];
}

/** up is compose's Up: pull missing images, create networks, converge containers, start them. */
export function up(c: ComposeContext, p: Project, opts: UpOptions): void {
  for (const s of opts.services) if (!p.services[s]) throw new ComposeError(`no such service: ${s}`);
  const order = serviceOrder(p).filter(
    (n) => opts.services.length === 0 || opts.services.includes(n) || isDependency(p, opts.services, n),
  );
  const imageIds = ensureImages(c, p, order);
  ensureNetworks(c, p);
  const existing = projectContainers(c, p.name);
  const ids = new Map<string, { id: string; running: boolean }>();
  for (const n of order) {
    const s = p.services[n];
    const name = containerName(p, s);
    const hash = sha256Hex(JSON.stringify(s));
    const cur = existing.find((x) => x.Labels['com.docker.compose.service'] === n);
    const id = `Container ${name}`;
    if (cur && cur.Labels['com.docker.compose.config-hash'] === hash) {
      if (cur.State === 'running') event(c, id, '', 'Running');
      else if (cur.State === 'exited') event(c, id, '', 'Created');
      ids.set(n, { id: cur.Id, running: cur.State === 'running' });
      continue;
    }
    if (cur) {
      event(c, id, '', 'Recreate');
      if (cur.State === 'running') c.client.post(`/containers/${cur.Id}/stop`);
      c.client.del(`/containers/${cur.Id}`, { force: '1' });
    } else event(c, id, '', 'Creating');
    let created: { Id: string };
    try {
      created = c.client.post('/containers/create', { name }, createBody(p, s, hash, imageIds.get(n) ?? ''));
    } catch (e) {
      event(
        c,
        id,
        '',
        e instanceof ApiError ? `Error response from daemon: ${e.daemonMessage}` : (e as Error).message,
      );
      throw e;
    }
    event(c, id, '', cur ? 'Recreated' : 'Created');
    ids.set(n, { id: created.Id, running: false });
  }
  if (!opts.detach) {
    const names = order.map((n) => containerName(p, p.services[n]).replace(`${p.name}-`, '')).sort();
    c.out(`Attaching to ${names.join(', ')}\n`);
  }
  for (const n of order) {
    const cur = ids.get(n);
    if (!cur || cur.running) continue;
    const id = `Container ${containerName(p, p.services[n])}`;
    if (opts.detach) event(c, id, '', 'Starting');
    c.client.post(`/containers/${cur.id}/start`);
    if (opts.detach) event(c, id, '', 'Started');
  }
}

function isDependency(p: Project, roots: string[], n: string): boolean {
  return roots.some(
    (r) =>
      r !== n &&
      (Object.keys(p.services[r]?.dependsOn ?? {}).includes(n) ||
        Object.keys(p.services[r]?.dependsOn ?? {}).some((d) => isDependency(p, [d], n))),
  );
}
