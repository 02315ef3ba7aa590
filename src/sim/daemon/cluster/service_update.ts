// Mirrors swarmkit's manager/controlapi/service.go (UpdateService: the new spec replaces the old
// one, which is kept as PreviousSpec; networks added get a VIP, removed ones give theirs back) and
// orchestrator/update/updater.go (a rolling update replaces every task whose spec is out of date —
// image, command, networks or published ports — and records UpdateStatus "updating", then
// "completed" once the last new task has been monitored for UpdateConfig.Monitor, 5 s, or
// "paused" at the first new task that fails). Simplified: the slots are replaced one after the
// other at once (no Delay or Monitor wait between them, see README).

import { invalidParameter } from '../../errdefs.ts';
import { setVirtualService } from '../../trace/ipvs.ts';
import type { World } from '../../world/world.ts';
import type { Daemon } from '../daemon.ts';
import { requireManager } from './cluster.ts';
import { unpublishIngress } from './ingress.ts';
import { isNodeLocal } from './networks.ts';
import { constraintHolds } from './scheduler.ts';
import {
  findService,
  liveTasks,
  networkSpec,
  type PortConfig,
  reconcile,
  type Service,
  type ServiceInput,
  serviceTable,
  shutdownTask,
} from './services.ts';
import type { ClusterStore } from './store.ts';

/** MONITOR_MS is UpdateConfig.Monitor's default (5 s): how long the updater watches new tasks. */
export const MONITOR_MS = 5000;

/** specOf snapshots the spec part of a service (what PreviousSpec shows). */
export function specOf(s: Service): ServiceInput {
  return {
    name: s.name,
    image: s.image,
    cmd: [...s.cmd],
    global: s.global,
    replicas: s.replicas,
    networks: [...s.networks],
    ports: s.ports.map((p) => ({ ...p })),
    endpointMode: s.endpointMode,
    constraints: [...s.constraints],
  };
}

const portKey = (p: PortConfig): string => `${p.published}:${p.target}/${p.protocol}`;
const same = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** tasksDirty is orchestrator.IsTaskDirty for the fields the simulator models. */
function tasksDirty(a: ServiceInput, b: ServiceInput): boolean {
  return (
    a.image !== b.image ||
    !same(a.cmd, b.cmd) ||
    !same([...a.networks].sort(), [...b.networks].sort()) ||
    !same(a.ports.map(portKey).sort(), b.ports.map(portKey).sort()) ||
    !same(a.constraints, b.constraints)
  );
}

/** updateService is UpdateService with a whole new spec: VIPs follow the networks, dirty tasks roll. */
export function updateService(d: Daemon, term: string, next: ServiceInput): Service {
  const store = requireManager(d);
  const svc = findService(store, term);
  if (next.name !== '' && next.name !== svc.name)
    throw invalidParameter('rpc error: code = Unimplemented desc = renaming services is not supported');
  if (svc.global !== next.global)
    throw invalidParameter('rpc error: code = Unimplemented desc = service mode change is not allowed');
  const nets = [...new Set(next.networks.map((n) => networkSpec(store, n).id))];
  checkPortConflicts(store, next.ports, svc.id, next.endpointMode);
  const wanted: ServiceInput = { ...next, name: svc.name, networks: nets };
  d.advance(40);
  const before = specOf(svc);
  const dirty = tasksDirty(before, wanted);
  allocateVips(store, svc, wanted, d.world);
  const dropped = before.ports.filter((p) => !wanted.ports.some((q) => portKey(q) === portKey(p)));
  Object.assign(svc, {
    image: wanted.image,
    cmd: wanted.cmd,
    replicas: wanted.replicas,
    networks: nets,
    ports: wanted.ports,
    endpointMode: wanted.endpointMode,
    constraints: wanted.constraints,
  });
  svc.previous = before;
  svc.version++;
  svc.updatedAt = d.world.clock.now();
  if (dropped.length > 0) unpublishIngress(store, dropped);
  // UpdateService resets UpdateStatus; the updater sets it again only when tasks are replaced
  svc.rollout = undefined;
  if (dirty) svc.specVersion++;
  if (dirty && !tasksDirty(before, { ...wanted, constraints: before.constraints }))
    keepPlacedTasks(store, svc);
  reconcile(store);
  if (dirty) rollingUpdate(d, store, svc);
  return svc;
}

/**
 * keepPlacedTasks is IsTaskDirtyPlacementConstraintsOnly with nodeMatches: when only the placement
 * constraints changed, a task whose node meets the new ones is not dirty (it stays; an unassigned
 * Pending task has no node, so it is replaced).
 */
function keepPlacedTasks(store: ClusterStore, svc: Service): void {
  for (const t of liveTasks(store, svc)) {
    const node = store.nodes.find((n) => n.id === t.nodeId);
    if (
      node &&
      t.specVersion === svc.specVersion - 1 &&
      svc.constraints.every((c) => constraintHolds(node, c))
    )
      t.specVersion = svc.specVersion;
  }
}

/**
 * rollingUpdate is the updater with Parallelism 1, Order stop-first and FailureAction pause: slot
 * after slot, the old task stops and a new one starts; a new task that fails pauses the update
 * there, leaving the remaining slots on the old spec.
 */
function rollingUpdate(d: Daemon, store: ClusterStore, svc: Service): void {
  const startedAt = svc.updatedAt;
  const old = liveTasks(store, svc)
    .filter((t) => t.specVersion !== svc.specVersion)
    .sort((a, b) => a.slot - b.slot || (a.nodeId < b.nodeId ? -1 : 1));
  // no dirty slot: the updater returns without an UpdateStatus (UpdateService reset it)
  if (old.length === 0) return;
  for (const t of old) {
    shutdownTask(store, t);
    reconcile(store);
    // The task the updater started (the restart supervisor may already have replaced it).
    const failed = serviceTable(store)
      .tasks.filter(
        (n) =>
          n.serviceId === svc.id &&
          n.slot === t.slot &&
          n.specVersion === svc.specVersion &&
          (n.state === 'failed' || n.state === 'rejected'),
      )
      .sort((a, b) => a.createdAt - b.createdAt)[0];
    if (failed) {
      svc.rollout = {
        startedAt,
        completedAt: Number.POSITIVE_INFINITY,
        paused: `update paused due to failure or early termination of task ${failed.id}`,
      };
      return;
    }
  }
  svc.rollout = { startedAt, completedAt: d.world.clock.now() + MONITOR_MS };
}

/**
 * allocateVips is cnmallocator's AllocateService for endpoint mode vip: the ingress network gets a
 * VIP while ports are published (it comes first on a new service), every multi-host network of
 * the spec one; VIPs of networks the spec left (or all of them in dnsrr mode) are released.
 */
export function allocateVips(store: ClusterStore, svc: Service, spec: ServiceInput, world: World): void {
  const ingress = spec.ports.length > 0 && spec.endpointMode === 'vip' ? store.ingress : undefined;
  const wanted = [
    ...(ingress ? [ingress.id] : []),
    ...(spec.endpointMode === 'vip'
      ? spec.networks.filter((nid) => !isNodeLocal(networkSpec(store, nid)))
      : []),
  ];
  for (const [nid, ip] of [...svc.vips]) {
    if (wanted.includes(nid)) continue;
    store.allocator.releaseIp(nid, ip);
    setVirtualService(world, ip, undefined);
    svc.vips.delete(nid);
  }
  for (const nid of wanted)
    if (!svc.vips.has(nid))
      svc.vips.set(nid, store.allocator.allocateIp(nid === ingress?.id ? ingress : networkSpec(store, nid)));
}

/**
 * checkPortConflicts is controlapi's validateEndpointSpec (no ingress port in dnsrr mode) and
 * checkPortConflicts (an ingress port another service already publishes).
 */
export function checkPortConflicts(
  store: ClusterStore,
  ports: PortConfig[],
  serviceId: string,
  mode: ServiceInput['endpointMode'],
): void {
  if (mode === 'dnsrr' && ports.length > 0)
    throw invalidParameter(
      "rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode",
    );
  for (const other of serviceTable(store).services) {
    if (other.id === serviceId) continue;
    for (const p of other.ports)
      if (p.published !== 0 && ports.some((q) => q.published === p.published && q.protocol === p.protocol))
        throw invalidParameter(
          `rpc error: code = InvalidArgument desc = port '${p.published}' is already in use by service '${other.name}' (${other.id}) as an ingress port`,
        );
  }
}

/** updateStatus is the service's UpdateStatus at time now (undefined before any rolling update). */
export function updateStatus(
  s: Service,
  now: number,
):
  | { state: 'updating' | 'completed' | 'paused'; startedAt: number; completedAt?: number; message: string }
  | undefined {
  if (!s.rollout) return undefined;
  const { startedAt, completedAt, paused } = s.rollout;
  if (paused) return { state: 'paused', startedAt, message: paused };
  return now >= completedAt
    ? { state: 'completed', startedAt, completedAt, message: 'update completed' }
    : { state: 'updating', startedAt, message: 'update in progress' };
}
