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
import {
  liveTasks,
  type PortConfig,
  type Service,
  type ServiceInput,
  serviceTable,
  type Task,
} from './services.ts';
import type { ClusterStore } from './store.ts';

/** stamp is a time.Time as Go's MarshalJSON writes it (RFC3339Nano: trailing zeros trimmed). */
const stamp = (ms: number): string =>
  rfc3339NanoFixed({ ms: Math.floor(ms), ns: Math.round((ms - Math.floor(ms)) * 1e6) }).replace(
    /\.?0+Z$/,
    'Z',
  );

/** pinImage is what the daemon does with QueryRegistry: tag:latest added, the digest pinned. */
export function pinImage(image: string): string {
  const ref = withDefaultTag(parseImageRef(image));
  const entry = CATALOGUE.find(
    (c) => c.repo === ref.repo && ref.tag !== undefined && c.tags.includes(ref.tag),
  );
  return entry && ref.digest === undefined ? `${familiarString(ref)}@${entry.digest}` : familiarString(ref);
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});

/** decodeSpec turns a swarm.ServiceSpec body into the simulator's service input. */
export function decodeSpec(body: unknown): ServiceInput {
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
    image: pinImage(image),
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

/** serviceJSON is one swarm.Service (with ServiceStatus when status is asked for). */
export function serviceJSON(store: ClusterStore, s: Service, status: boolean): Obj {
  const endpointSpec: Obj = { Mode: s.endpointMode };
  if (s.ports.length > 0) endpointSpec.Ports = portsJSON(s.ports);
  const endpoint: Obj = { Spec: endpointSpec };
  if (s.ports.length > 0) endpoint.Ports = portsJSON(s.ports);
  if (s.vips.size > 0)
    endpoint.VirtualIPs = [...s.vips].map(([nid, ip]) => ({ NetworkID: nid, Addr: `${ip}/24` }));
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
  const out: Obj = {
    ID: s.id,
    Version: { Index: 20 + s.version },
    CreatedAt: stamp(s.createdAt),
    UpdatedAt: stamp(s.updatedAt),
    Spec: {
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
    },
    Endpoint: endpoint,
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
  running: 'started',
  shutdown: 'shutdown',
  failed: 'starting',
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
    NodeID: t.nodeId,
    Status: {
      Timestamp: stamp(t.stateAt),
      State: t.state,
      Message: STATE_MESSAGE[t.state],
      ...(t.err ? { Err: t.err } : {}),
      ContainerStatus: { ContainerID: t.containerId, PID: 0, ExitCode: 0 },
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

/** listTasks is GET /tasks, filtered by service (ID or name), node and desired-state. */
export function listTasks(d: Daemon, f: FilterArgs): Obj[] {
  const filters = { get: (k: string): string[] | undefined => (f.contains(k) ? f.get(k) : undefined) };
  const store = requireManager(d);
  const table = serviceTable(store);
  const services = filters.get('service');
  const nodes = filters.get('node');
  const desired = filters.get('desired-state');
  return table.tasks
    .filter((t) => {
      const svc = table.services.find((s) => s.id === t.serviceId);
      if (services && !services.some((x) => svc && (svc.id === x || svc.name === x || svc.id.startsWith(x))))
        return false;
      if (nodes) {
        const node = store.nodes.find((n) => n.id === t.nodeId);
        if (!nodes.some((x) => node && (node.id === x || node.hostname === x))) return false;
      }
      if (desired && !desired.includes(t.desired)) return false;
      return true;
    })
    .map((t) => taskJSON(store, t));
}
