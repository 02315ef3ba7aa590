// The swarm part of the lab's state view, read through a host's Engine API as the docker CLI
// would: GET /info (Swarm: node ID, whether this node is a manager), and on managers GET /nodes,
// GET /services?status=true and GET /networks for the service networks' names. Workers cannot
// read the cluster; linkSwarmViews fills a worker's availability from a manager's node list.

import type { EngineApi } from '../api/types.ts';

/** SwarmNodeView is one node of the swarm as a manager lists it. */
export interface SwarmNodeView {
  id: string;
  hostname: string;
  role: 'manager' | 'worker';
  /** availability is active, pause or drain. */
  availability: string;
  /** state is ready or down. */
  state: string;
}

/** ServicePortView is one published port of a service (swarm.PortConfig). */
export interface ServicePortView {
  target: number;
  published: number;
  protocol: string;
  /** mode is the publish mode: ingress (routing mesh) or host. */
  mode: string;
}

/** ServiceView is one swarm service as the challenges see it. */
export interface ServiceView {
  name: string;
  mode: 'replicated' | 'global';
  /** desired and running are ServiceStatus' DesiredTasks and RunningTasks (`service ls` REPLICAS). */
  desired: number;
  running: number;
  ports: ServicePortView[];
  /** networks names the networks of the task template (ingress is implied by published ports). */
  networks: string[];
  endpointMode: 'vip' | 'dnsrr';
}

/** SwarmView is the host's swarm membership; nodes and services only on managers. */
export interface SwarmView {
  nodeId: string;
  role: 'manager' | 'worker';
  /** availability is undefined on a worker no manager in the lab reports (linkSwarmViews). */
  availability?: string;
  nodes?: SwarmNodeView[];
  services?: ServiceView[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});

function get(api: EngineApi, path: string, query?: Record<string, string>): unknown {
  const res = api.route({ method: 'GET', path, query });
  return res.status < 300 ? res.json : undefined;
}

function serviceView(s: Json, netName: (id: string) => string): ServiceView {
  const spec = obj(s.Spec);
  const status = obj(s.ServiceStatus);
  const tt = obj(spec.TaskTemplate);
  const nets = (Array.isArray(tt.Networks) ? tt.Networks : []).map((n) => netName(String(obj(n).Target)));
  const ports = (Array.isArray(obj(s.Endpoint).Ports) ? (obj(s.Endpoint).Ports as unknown[]) : []).map(
    (p): ServicePortView => {
      const o = obj(p);
      return {
        target: Number(o.TargetPort ?? 0),
        published: Number(o.PublishedPort ?? 0),
        protocol: String(o.Protocol ?? 'tcp'),
        mode: String(o.PublishMode ?? 'ingress'),
      };
    },
  );
  return {
    name: String(spec.Name ?? ''),
    mode: obj(spec.Mode).Global !== undefined ? 'global' : 'replicated',
    desired: Number(status.DesiredTasks ?? 0),
    running: Number(status.RunningTasks ?? 0),
    ports,
    networks: nets,
    endpointMode: obj(spec.EndpointSpec).Mode === 'dnsrr' ? 'dnsrr' : 'vip',
  };
}

/** swarmView reads a host's swarm membership (undefined when the host is in no swarm). */
export function swarmView(api: EngineApi): SwarmView | undefined {
  const info = obj(obj(get(api, '/info')).Swarm);
  if (info.LocalNodeState !== 'active' || typeof info.NodeID !== 'string') return undefined;
  if (info.ControlAvailable !== true) return { nodeId: info.NodeID, role: 'worker' };
  const nodes = ((get(api, '/nodes') as Json[] | undefined) ?? []).map((n): SwarmNodeView => {
    const spec = obj(n.Spec);
    return {
      id: String(n.ID),
      hostname: String(obj(n.Description).Hostname ?? ''),
      role: spec.Role === 'manager' ? 'manager' : 'worker',
      availability: String(spec.Availability ?? ''),
      state: String(obj(n.Status).State ?? ''),
    };
  });
  const names = new Map(
    ((get(api, '/networks') as Json[] | undefined) ?? []).map((n) => [String(n.Id), String(n.Name)]),
  );
  const services = ((get(api, '/services', { status: 'true' }) as Json[] | undefined) ?? [])
    .map((s) => serviceView(s, (id) => names.get(id) ?? id))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const self = nodes.find((n) => n.id === info.NodeID);
  return { nodeId: info.NodeID, role: 'manager', availability: self?.availability, nodes, services };
}

/** linkSwarmViews gives each worker the availability a manager of its swarm lists for it. */
export function linkSwarmViews(views: Array<SwarmView | undefined>): void {
  const known = new Map<string, string>();
  for (const v of views) for (const n of v?.nodes ?? []) known.set(n.id, n.availability);
  for (const v of views) if (v && v.availability === undefined) v.availability = known.get(v.nodeId);
}
