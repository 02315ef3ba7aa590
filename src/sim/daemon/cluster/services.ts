// Mirrors swarmkit's manager side of services (manager/controlapi/service.go CreateService,
// UpdateService, RemoveService; orchestrator/replicated and global: one task per slot or per node;
// the scheduler in scheduler.ts: spread over ready, active nodes that satisfy the constraints, else
// Pending; allocator: one VIP per network in endpoint mode vip) and the worker's executor/container
// adapter, which runs each task as a container named <service>.<slot>.<task ID> with the
// com.docker.swarm.* labels. Everything converges at once (the simulator is synchronous); task
// times come from the world clock.

import { conflict, invalidParameter, notFound } from '../../errdefs.ts';
import { setVirtualService } from '../../trace/ipvs.ts';
import { containerCreate } from '../create.ts';
import type { Daemon } from '../daemon.ts';
import { cleanupContainer } from '../delete.ts';
import { getRandomName } from '../names.ts';
import { pullFromRegistry } from '../registry.ts';
import { startContainer } from '../start.ts';
import { stopContainer } from '../stop.ts';
import type { OverlaySpec } from './allocator.ts';
import { requireManager } from './cluster.ts';
import { ensureIngressSandbox, publishIngress } from './ingress.ts';
import { assignLoadBalancers } from './network_services.ts';
import { instantiate } from './networks.ts';
import { daemonsOf } from './node.ts';
import { reapHistory, superviseRestarts } from './restart.ts';
import { eligibleNodes, markPending, pickNode } from './scheduler.ts';
import { allocateVips, checkPortConflicts } from './service_update.ts';
import type { ClusterNode, ClusterStore } from './store.ts';

/** PortConfig is one published port (swarm.PortConfig). */
export interface PortConfig {
  protocol: 'tcp' | 'udp';
  target: number;
  published: number;
}

/** Service is a service as the store keeps it (api.Service with its endpoint allocation). */
export interface Service {
  id: string;
  name: string;
  image: string;
  cmd: string[];
  global: boolean;
  replicas: number;
  /** networks are the overlay network IDs the tasks attach to. */
  networks: string[];
  ports: PortConfig[];
  endpointMode: 'vip' | 'dnsrr';
  constraints: string[];
  /** vips maps a network ID to the service's virtual IP on it (endpoint mode vip). */
  vips: Map<string, string>;
  createdAt: number;
  updatedAt: number;
  version: number;
  /** specVersion counts the spec changes that make tasks dirty (a task is up to date when equal). */
  specVersion: number;
  /** previous is the spec before the last update (PreviousSpec). */
  previous?: ServiceInput;
  /** rollout is the last rolling update: when it started and when the updater calls it completed. */
  rollout?: { startedAt: number; completedAt: number; paused?: string };
}

/** Task is one scheduled instance of a service (api.Task, reduced). */
export interface Task {
  id: string;
  serviceId: string;
  slot: number;
  nodeId: string;
  containerId: string;
  /** desired is 'ready' for a restarted task while its restart delay runs (restart supervisor). */
  desired: 'running' | 'ready' | 'shutdown';
  /** state is 'rejected' when the task failed before starting (no image), 'failed' after;
   * 'pending' while no node can take it (nodeId is then ''). */
  state: 'pending' | 'running' | 'shutdown' | 'failed' | 'rejected' | 'orphaned';
  /** specVersion is the service's specVersion the task was created from. */
  specVersion: number;
  err: string;
  image: string;
  createdAt: number;
  /** stateAt is when the task reached its current state. */
  stateAt: number;
  /** ips maps a network ID to the task's address on it. */
  ips: Map<string, string>;
  /** restartAt is when the restart supervisor's delay for this (restarted) task ends. */
  restartAt?: number;
}

interface ServiceTable {
  services: Service[];
  tasks: Task[];
}

const tables = new WeakMap<ClusterStore, ServiceTable>();

/** serviceTable returns the swarm's services and tasks. */
export function serviceTable(store: ClusterStore): ServiceTable {
  let t = tables.get(store);
  if (!t) {
    t = { services: [], tasks: [] };
    tables.set(store, t);
  }
  return t;
}

/** findService finds a service by full ID, exact name or unique ID prefix (controlapi lookup). */
export function findService(store: ClusterStore, term: string): Service {
  const all = serviceTable(store).services;
  const exact = all.find((s) => s.id === term) ?? all.find((s) => s.name === term);
  if (exact) return exact;
  const byPrefix = all.filter((s) => s.id.startsWith(term));
  if (byPrefix.length === 1) return byPrefix[0];
  throw notFound(`service ${term} not found`);
}

/** ServiceInput is the part of a ServiceSpec the simulator takes. */
export interface ServiceInput {
  name: string;
  image: string;
  cmd: string[];
  global: boolean;
  replicas: number;
  networks: string[];
  ports: PortConfig[];
  endpointMode: 'vip' | 'dnsrr';
  constraints: string[];
}

/** networkSpec finds a swarm network the service names, failing as the allocator does. */
export function networkSpec(store: ClusterStore, term: string): OverlaySpec {
  const spec = store.findNetwork(term);
  if (!spec) throw notFound(`network ${term} not found`);
  return spec;
}

/** createService is CreateService: validates, allocates VIPs, then schedules the tasks. */
export function createService(d: Daemon, input: ServiceInput): Service {
  const store = requireManager(d);
  const table = serviceTable(store);
  if (input.name === '') input = { ...input, name: getRandomName(store.rng, 0) };
  if (!/^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$/.test(input.name) || input.name.length > 63)
    throw invalidParameter(
      `rpc error: code = InvalidArgument desc = name must be valid as a DNS name component`,
    );
  if (table.services.some((s) => s.name === input.name))
    throw conflict(
      `rpc error: code = AlreadyExists desc = name conflicts with an existing object: service ${input.name} already exists`,
    );
  const nets = input.networks.map((n) => networkSpec(store, n).id);
  checkPortConflicts(store, input.ports, '', input.endpointMode);
  d.advance(60);
  const now = d.world.clock.now();
  const svc: Service = {
    ...input,
    networks: nets,
    id: store.rng.base36(25),
    vips: new Map(),
    createdAt: now,
    updatedAt: now,
    version: 1,
    specVersion: 1,
  };
  allocateVips(store, svc, svc, d.world);
  table.services.push(svc);
  reconcile(store);
  return svc;
}

/** removeService is RemoveService: its tasks' containers go, its VIPs are released. */
export function removeService(d: Daemon, term: string): void {
  const store = requireManager(d);
  const svc = findService(store, term);
  const table = serviceTable(store);
  for (const t of table.tasks.filter((x) => x.serviceId === svc.id)) removeTaskContainer(store, t);
  table.tasks = table.tasks.filter((x) => x.serviceId !== svc.id);
  table.services = table.services.filter((s) => s !== svc);
  for (const [nid, ip] of svc.vips) {
    store.allocator.releaseIp(nid, ip);
    setVirtualService(d.world, ip, undefined);
  }
  publishRecords(store);
}

/** liveTasks lists a service's tasks that should be running. */
export function liveTasks(store: ClusterStore, svc: Service): Task[] {
  return serviceTable(store).tasks.filter((t) => t.serviceId === svc.id && t.desired !== 'shutdown');
}

/** reconcile is the orchestrator + scheduler pass: every service gets its tasks, spread over nodes. */
export function reconcile(store: ClusterStore): void {
  const table = serviceTable(store);
  superviseRestarts(store);
  for (const svc of table.services) {
    const live = liveTasks(store, svc);
    for (const t of live) {
      if (t.state === 'pending') continue;
      const node = store.nodes.find((n) => n.id === t.nodeId);
      if (node?.state !== 'ready' || node.availability === 'drain') shutdownTask(store, t);
    }
    if (svc.global) {
      for (const node of eligibleNodes(store, svc))
        if (!liveTasks(store, svc).some((t) => t.nodeId === node.id)) startTask(store, svc, 0, node);
      continue;
    }
    const running = liveTasks(store, svc).sort((a, b) => a.slot - b.slot);
    for (const t of running.filter((x) => x.slot > svc.replicas)) removeTask(store, t);
    // the scheduler retries Pending tasks of the current spec (the updater replaces older ones)
    for (const t of running.filter((x) => x.state === 'pending' && x.slot <= svc.replicas)) {
      if (t.specVersion !== svc.specVersion) continue;
      const node = pickNode(store, svc);
      if (node) runTask(store, svc, t, node);
      else markPending(store, svc, t, clockOf(store) ?? t.stateAt);
    }
    for (let slot = 1; slot <= svc.replicas; slot++) {
      if (running.some((t) => t.slot === slot)) continue;
      const node = pickNode(store, svc);
      if (node) startTask(store, svc, slot, node);
      else pendingTask(store, svc, slot);
    }
  }
  superviseRestarts(store);
  reapHistory(store);
  publishRecords(store);
}

function daemonOf(store: ClusterStore, nodeId: string): Daemon | undefined {
  const node = store.nodes.find((n) => n.id === nodeId);
  return node ? daemonsOf(store).get(node.hostname) : undefined;
}

/** taskName is the task's name as `service ps` and the container show it (without the ID). */
export function taskName(svc: Service, t: Task, nodeId: string): string {
  return svc.global ? `${svc.name}.${nodeId}` : `${svc.name}.${t.slot}`;
}

/** tryPull pulls an image for a task, ignoring failure ("pulling image failed" is only logged). */
function tryPull(d: Daemon, image: string): void {
  try {
    if (!pullFromRegistry(d, image)) d.images.pull(image, undefined);
  } catch {}
}

/** clockOf is the world clock's time as the swarm's nodes see it. */
function clockOf(store: ClusterStore): number | undefined {
  return [...daemonsOf(store).values()][0]?.world.clock.now();
}

function newTask(store: ClusterStore, svc: Service, slot: number, nodeId: string, now: number): Task {
  const task: Task = {
    id: store.rng.base36(25),
    serviceId: svc.id,
    slot,
    nodeId,
    containerId: '',
    desired: 'running',
    state: 'running',
    err: '',
    specVersion: svc.specVersion,
    image: svc.image,
    createdAt: now,
    stateAt: now,
    ips: new Map(),
  };
  serviceTable(store).tasks.push(task);
  return task;
}

/** pendingTask is a new task no node can take: Pending, unassigned, with the scheduler's error. */
export function pendingTask(store: ClusterStore, svc: Service, slot: number): Task | undefined {
  const now = clockOf(store);
  if (now === undefined) return undefined;
  const task = newTask(store, svc, slot, '', now);
  task.state = 'pending';
  markPending(store, svc, task, now);
  return task;
}

/** startTask schedules a task on a node and runs it (restartAt: a restarted task, desired Ready). */
export function startTask(
  store: ClusterStore,
  svc: Service,
  slot: number,
  node: ClusterNode,
  restartAt?: number,
): Task | undefined {
  const d = daemonsOf(store).get(node.hostname);
  if (!d) return undefined;
  if (restartAt === undefined) d.advance(300);
  const task = newTask(store, svc, slot, node.id, restartAt ?? d.world.clock.now());
  if (restartAt !== undefined) task.desired = 'ready';
  runTask(store, svc, task, node);
  return task;
}

/** runTask assigns a task to a node and runs its container there (a Pending task keeps its ID). */
export function runTask(store: ClusterStore, svc: Service, task: Task, node: ClusterNode): void {
  const d = daemonsOf(store).get(node.hostname);
  if (!d) return;
  if (task.state === 'pending') {
    d.advance(300);
    task.stateAt = d.world.clock.now();
  }
  task.nodeId = node.id;
  task.state = 'running';
  task.err = '';
  const name = `${taskName(svc, task, node.id)}.${task.id}`;
  let started = false;
  try {
    // adapter.pullImage: a failed pull is only logged; the create below reports the missing image.
    if (!d.images.findImage(svc.image)) tryPull(d, svc.image);
    if (svc.ports.length > 0 && store.ingress) ensureIngressSandbox(d, store);
    const nets = [...(svc.ports.length > 0 && store.ingress ? [store.ingress.id] : []), ...svc.networks];
    const specs = [store.ingress, ...store.networks.values()];
    for (const nid of nets) instantiate(d, specs.find((n) => n?.id === nid) as OverlaySpec);
    const endpoints: Record<string, unknown> = {};
    for (const nid of nets) endpoints[nid] = {};
    const labels = {
      'com.docker.swarm.node.id': node.id,
      'com.docker.swarm.service.id': svc.id,
      'com.docker.swarm.service.name': svc.name,
      'com.docker.swarm.task': '',
      'com.docker.swarm.task.id': task.id,
      'com.docker.swarm.task.name': name,
    };
    const { Id } = containerCreate(d, name, {
      Image: svc.image,
      ...(svc.cmd.length > 0 ? { Cmd: svc.cmd } : {}),
      Labels: labels,
      HostConfig: { NetworkMode: nets[0] ?? 'default' },
      NetworkingConfig: { EndpointsConfig: endpoints },
    });
    task.containerId = Id;
    started = true;
    startContainer(d, d.getContainer(Id));
    const c = d.getContainer(Id);
    for (const nid of nets) {
      const es = [...c.networkSettings.networks.values()].find((e) => e.NetworkID === nid);
      if (es?.IPAddress) task.ips.set(nid, es.IPAddress);
    }
  } catch (e) {
    // swarmkit's exec controller: a fatal error before Starting is Rejected, after it Failed.
    task.state = started ? 'failed' : 'rejected';
    task.err = e instanceof Error ? e.message : String(e);
  }
}

function removeTaskContainer(store: ClusterStore, t: Task): void {
  const d = daemonOf(store, t.nodeId);
  const c = d && t.containerId ? d.containers.get(t.containerId) : undefined;
  if (d && c) cleanupContainer(d, c, true);
}

/** removeTask is a scale-down: desired state "remove", so the task leaves the history with its container. */
export function removeTask(store: ClusterStore, t: Task): void {
  removeTaskContainer(store, t);
  const table = serviceTable(store);
  table.tasks = table.tasks.filter((x) => x !== t);
}

/** shutdownTask stops a task's container (it stays in the task history as Shutdown). */
export function shutdownTask(store: ClusterStore, t: Task): void {
  const d = daemonOf(store, t.nodeId);
  t.desired = 'shutdown';
  // an unassigned Pending task of an old spec: the scheduler shuts it down and clears its error
  if (t.state === 'pending') t.err = '';
  if (t.state === 'running' || t.state === 'pending') t.state = 'shutdown';
  const now = (d ?? [...daemonsOf(store).values()][0])?.world.clock.now();
  if (now !== undefined) t.stateAt = now;
  stopTaskContainer(store, t);
}

/** stopTaskContainer stops a shut-down task's container; it stays (exited) with its logs. */
export function stopTaskContainer(store: ClusterStore, t: Task): void {
  const d = daemonOf(store, t.nodeId);
  const c = d && t.containerId ? d.containers.get(t.containerId) : undefined;
  if (d && c?.state.running) stopContainer(d, c);
}

/** publishRecords programs each VIP's backends (the IPVS tables of the load balancer). */
export function publishRecords(store: ClusterStore): void {
  publishIngress(store, serviceTable(store).services, serviceTable(store).tasks);
  assignLoadBalancers(store);
  const world = [...daemonsOf(store).values()][0]?.world;
  if (!world) return;
  for (const svc of serviceTable(store).services)
    for (const [nid, vip] of svc.vips)
      setVirtualService(
        world,
        vip,
        liveTasks(store, svc)
          .filter((t) => t.state === 'running')
          .map((t) => t.ips.get(nid) ?? '')
          .filter((ip) => ip !== ''),
      );
}
