// Mirrors moby/moby daemon/cluster/convert/service.go and task.go (ServiceFromGRPC, TaskFromGRPC)
// and daemon/cluster/services.go (GetServices with Status, GetService, CreateService's spec
// decoding), API 1.50 shapes reduced to the fields the CLI reads: GET /services, GET /tasks.

import { invalidParameter } from '../../errdefs.ts';
import type { Daemon } from '../daemon.ts';
import type { FilterArgs } from '../filters.ts';
import { CATALOGUE } from '../images.ts';
import { rfc3339NanoFixed } from '../logs.ts';
import { familiarString, parseImageRef, withDefaultTag } from '../reference.ts';
import { requireManager } from './cluster.ts';
import { superviseRestarts } from './restart.ts';
import { updateStatus } from './service_update.ts';
import {
  findService,
  liveTasks,
  type PortConfig,
  type Service,
  type ServiceInput,
  serviceTable,
  type Task,
} from './services.ts';
import type { ClusterStore } from './store.ts';
import { findNode } from './views.ts';

/** stamp is a time.Time as Go's MarshalJSON writes it (RFC3339Nano: trailing zeros trimmed). */
const stamp = (ms: number): string =>
  rfc3339NanoFixed({ ms: Math.floor(ms), ns: Math.round((ms - Math.floor(ms)) * 1e6) }).replace(
    /\.?0+Z$/,
    'Z',
  );

/**
 * pinImage is what the daemon does with QueryRegistry: tag:latest added, the digest pinned. An
 * image no registry has (not in the catalogue, nor pushed to the lab registry when inRegistry is
 * given) stays as written, and createService answers with digestWarning.
 */
export function pinImage(image: string, inRegistry?: (ref: string) => boolean): string {
  const ref = withDefaultTag(parseImageRef(image));
  const entry = CATALOGUE.find(
    (c) => c.repo === ref.repo && ref.tag !== undefined && c.tags.includes(ref.tag),
  );
  if (inRegistry && unpinnable(image, inRegistry)) return image;
  return entry && ref.digest === undefined ? `${familiarString(ref)}@${entry.digest}` : familiarString(ref);
}

/** unpinnable tells whether no registry can give an image's digest (imageWithDigestString fails). */
export function unpinnable(image: string, inRegistry: (ref: string) => boolean): boolean {
  let ref: ReturnType<typeof parseImageRef>;
  try {
    ref = withDefaultTag(parseImageRef(image));
  } catch {
    return false;
  }
  if (ref.digest !== undefined) return false;
  const inCatalogue = CATALOGUE.some(
    (c) => c.repo === ref.repo && ref.tag !== undefined && c.tags.includes(ref.tag),
  );
  return !inCatalogue && !inRegistry(image);
}

/** digestWarning is daemon/cluster/services.go digestWarning (a service create/update warning). */
export function digestWarning(image: string): string {
  return `image ${image} could not be accessed on a registry to record\nits digest. Each node will access ${image} independently,\npossibly leading to different nodes running different\nversions of the image.\n`;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});

/** decodeSpec turns a swarm.ServiceSpec body into the simulator's service input. */
export function decodeSpec(body: unknown, inRegistry?: (ref: string) => boolean): ServiceInput {
  const spec = obj(body);
  const tt = obj(spec.TaskTemplate);
  const cs = obj(tt.ContainerSpec);
  const mode = obj(spec.Mode);
  const ep = obj(spec.EndpointSpec);
  const image = typeof cs.Image === 'string' ? cs.Image : '';
  if (image === '')
    throw invalidParameter(
      'rpc error: code = InvalidArgument desc = ContainerSpec: image reference must be provided',
    );
  const nets = (
    Array.isArray(tt.Networks) ? tt.Networks : Array.isArray(spec.Networks) ? spec.Networks : []
  ).map((n) => String(obj(n).Target ?? ''));
  const ports = (Array.isArray(ep.Ports) ? ep.Ports : []).map((p): PortConfig => {
    const o = obj(p);
    return {
      protocol: o.Protocol === 'udp' ? 'udp' : 'tcp',
      target: Number(o.TargetPort ?? 0),
      published: Number(o.PublishedPort ?? 0),
    };
  });
  const global = mode.Global !== undefined;
  const replicas = Number(obj(mode.Replicated).Replicas ?? 1);
  const cmd = [
    ...(Array.isArray(cs.Command) ? cs.Command.map(String) : []),
    ...(Array.isArray(cs.Args) ? cs.Args.map(String) : []),
  ];
  return {
    name: String(spec.Name ?? ''),
    image: pinImage(image, inRegistry),
    cmd,
    global,
    replicas,
    networks: nets,
    ports,
    endpointMode: ep.Mode === 'dnsrr' ? 'dnsrr' : 'vip',
    constraints: (obj(tt.Placement).Constraints as string[] | undefined) ?? [],
  };
}

function portsJSON(ports: PortConfig[]): Obj[] {
  return ports.map((p) => ({
    Protocol: p.protocol,
    TargetPort: p.target,
    PublishedPort: p.published,
    PublishMode: 'ingress',
  }));
}

/** specJSON is one swarm.ServiceSpec (Spec and PreviousSpec of a service). */
function specJSON(s: ServiceInput): Obj {
  const endpointSpec: Obj = { Mode: s.endpointMode };
  if (s.ports.length > 0) endpointSpec.Ports = portsJSON(s.ports);
  const containerSpec: Obj = {
    Image: s.image,
    Init: false,
    StopGracePeriod: 10000000000,
    DNSConfig: {},
    Isolation: 'default',
  };
  if (s.cmd.length > 0) containerSpec.Args = s.cmd;
  const placement: Obj = {};
  if (s.constraints.length > 0) placement.Constraints = s.constraints;
  placement.Platforms = [{ Architecture: 'amd64', OS: 'linux' }];
  return {
    Name: s.name,
    Labels: {},
    TaskTemplate: {
      ContainerSpec: containerSpec,
      Resources: { Limits: {}, Reservations: {} },
      RestartPolicy: { Condition: 'any', Delay: 5000000000, MaxAttempts: 0 },
      Placement: placement,
      ...(s.networks.length > 0 ? { Networks: s.networks.map((Target) => ({ Target })) } : {}),
      ForceUpdate: 0,
      Runtime: 'container',
    },
    Mode: s.global ? { Global: {} } : { Replicated: { Replicas: s.replicas } },
    UpdateConfig: {
      Parallelism: 1,
      FailureAction: 'pause',
      Monitor: 5000000000,
      MaxFailureRatio: 0,
      Order: 'stop-first',
    },
    RollbackConfig: {
      Parallelism: 1,
      FailureAction: 'pause',
      Monitor: 5000000000,
      MaxFailureRatio: 0,
      Order: 'stop-first',
    },
    EndpointSpec: endpointSpec,
  };
}

/** serviceJSON is one swarm.Service (with ServiceStatus when status is asked for) at time now. */
export function serviceJSON(store: ClusterStore, s: Service, status: boolean, now = s.updatedAt): Obj {
  const endpoint: Obj = { Spec: specJSON(s).EndpointSpec };
  if (s.ports.length > 0) endpoint.Ports = portsJSON(s.ports);
  if (s.vips.size > 0)
    endpoint.VirtualIPs = [...s.vips].map(([nid, ip]) => ({ NetworkID: nid, Addr: `${ip}/24` }));
  const out: Obj = {
    ID: s.id,
    Version: { Index: 20 + s.version },
    CreatedAt: stamp(s.createdAt),
    UpdatedAt: stamp(s.updatedAt),
    Spec: specJSON(s),
    ...(s.previous ? { PreviousSpec: specJSON(s.previous) } : {}),
    Endpoint: endpoint,
  };
  const update = updateStatus(s, now);
  if (update)
    out.UpdateStatus = {
      State: update.state,
      StartedAt: stamp(update.startedAt),
      ...(update.completedAt !== undefined ? { CompletedAt: stamp(update.completedAt) } : {}),
      Message: update.message,
    };
  if (status) {
    const live = liveTasks(store, s);
    out.ServiceStatus = {
      RunningTasks: live.filter((t) => t.state === 'running').length,
      DesiredTasks: s.global ? live.length : s.replicas,
      CompletedTasks: 0,
    };
  }
  return out;
}

const STATE_MESSAGE: Record<Task['state'], string> = {
  pending: 'pending task scheduling',
  running: 'started',
  shutdown: 'shutdown',
  failed: 'starting',
  rejected: 'preparing',
  orphaned: 'Task belonged to a node that has been deleted',
};

/** taskJSON is one swarm.Task. */
export function taskJSON(store: ClusterStore, t: Task): Obj {
  const svc = serviceTable(store).services.find((s) => s.id === t.serviceId);
  const out: Obj = {
    ID: t.id,
    Version: { Index: 30 },
    CreatedAt: stamp(t.createdAt),
    UpdatedAt: stamp(t.stateAt),
    Labels: {},
    Spec: {
      ContainerSpec: { Image: t.image, Init: false, DNSConfig: {}, Isolation: 'default' },
      ForceUpdate: 0,
    },
    ServiceID: t.serviceId,
    ...(t.slot > 0 ? { Slot: t.slot } : {}),
    ...(t.nodeId !== '' ? { NodeID: t.nodeId } : {}),
    Status: {
      Timestamp: stamp(t.stateAt),
      State: t.state,
      Message: STATE_MESSAGE[t.state],
      ...(t.err ? { Err: t.err } : {}),
      // a task no node has taken yet has no container status (TaskFromGRPC leaves it nil)
      ...(t.state === 'pending' && t.nodeId === ''
        ? {}
        : { ContainerStatus: { ContainerID: t.containerId, PID: 0, ExitCode: 0 } }),
      PortStatus: {},
    },
    DesiredState: t.desired,
  };
  if (svc && t.ips.size > 0)
    out.NetworksAttachments = [...t.ips].map(([nid, ip]) => ({
      Network: { ID: nid },
      Addresses: [`${ip}/24`],
    }));
  return out;
}

const TASK_FILTERS = ['name', 'id', 'label', 'service', 'node', 'desired-state', '_up-to-date', 'runtime'];
const TASK_STATES = ['NEW', 'PENDING', 'ASSIGNED', 'ACCEPTED', 'PREPARING', 'READY', 'STARTING', 'RUNNING'];
const TASK_STATES_DONE = ['COMPLETE', 'SHUTDOWN', 'FAILED', 'REJECTED', 'REMOVE', 'ORPHANED'];

/**
 * listTasks is GET /tasks (Cluster.GetTasks): service and node filters are resolved to IDs first
 * (failing as getService/getNode do), then name and ID prefixes, desired states, labels, runtime
 * and the CLI's internal `_up-to-date` (tasks created from the current spec) are applied.
 */
export function listTasks(d: Daemon, f: FilterArgs): Obj[] {
  const store = requireManager(d);
  f.validate(TASK_FILTERS);
  superviseRestarts(store);
  const table = serviceTable(store);
  const serviceIds = f.contains('service')
    ? f.get('service').map((x) => findService(store, x).id)
    : undefined;
  const nodeIds = f.contains('node') ? f.get('node').map((x) => findNode(d, x).id) : undefined;
  const desired: string[] = [];
  for (const v of f.get('desired-state')) {
    const up = v.toUpperCase();
    if ([...TASK_STATES, 'ALLOCATED', ...TASK_STATES_DONE].includes(up)) desired.push(up.toLowerCase());
    else if (v !== '') throw invalidParameter(`Invalid desired-state filter: '${v}'`);
  }
  const runtimes = f.contains('runtime') ? f.get('runtime') : ['container', ''];
  const upToDate = f.get('_up-to-date').length > 0;
  return table.tasks
    .filter((t) => {
      const svc = table.services.find((s) => s.id === t.serviceId);
      if (serviceIds && !serviceIds.includes(t.serviceId)) return false;
      if (nodeIds && !nodeIds.includes(t.nodeId)) return false;
      if (desired.length > 0 && !desired.includes(t.desired)) return false;
      if (f.contains('id') && !f.get('id').some((p) => t.id.startsWith(p))) return false;
      const name = svc ? `${svc.global ? `${svc.name}.${t.nodeId}` : `${svc.name}.${t.slot}`}.${t.id}` : t.id;
      if (f.contains('name') && !f.get('name').some((p) => name.startsWith(p))) return false;
      if (f.contains('label') && f.get('label').length > 0) return false;
      if (!runtimes.includes('container')) return false;
      if (upToDate && svc && t.specVersion !== svc.specVersion) return false;
      return true;
    })
    .map((t) => taskJSON(store, t));
}
