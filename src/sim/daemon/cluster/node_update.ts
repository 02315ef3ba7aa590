// Mirrors moby/moby daemon/cluster/nodes.go (UpdateNode) with swarmkit's controlapi/node.go checks:
// a node's availability (active, pause, drain) and role (worker, manager) change in the store, and
// the orchestrator re-converges (a drained node's tasks are shut down and started elsewhere).
// Also what happens when a host goes down and comes back (the dispatcher's heartbeat expiry).

import { invalidParameter } from '../../errdefs.ts';
import { bindSocket } from '../../kernel/socket.ts';
import type { Daemon } from '../daemon.ts';
import { requireManager } from './cluster.ts';
import { instantiate, isNodeLocal } from './networks.ts';
import { daemonsOf } from './node.ts';
import { reconcile, serviceTable, stopTaskContainer } from './services.ts';
import { type ClusterNode, type ClusterStore, swarmsOf } from './store.ts';
import { findNode } from './views.ts';

/** updateNode is POST /nodes/{id}/update with a swarm.NodeSpec. */
export function updateNode(d: Daemon, term: string, spec: { Role?: string; Availability?: string }): void {
  const store = requireManager(d);
  const node = findNode(d, term);
  const availability = spec.Availability ?? node.availability;
  if (!['active', 'pause', 'drain'].includes(availability))
    throw invalidParameter(`invalid availability: ${availability}`);
  const role = spec.Role ?? node.role;
  if (role !== 'manager' && role !== 'worker') throw invalidParameter(`invalid role: ${role}`);
  if (role === 'worker' && node.role === 'manager') {
    if (store.managers().filter((n) => n.state === 'ready').length <= 1)
      throw invalidParameter(
        'rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm',
      );
    node.leader = false;
    if (!store.managers().some((n) => n.leader && n !== node)) {
      const next = store.managers().find((n) => n !== node && n.state === 'ready');
      if (next) next.leader = true;
    }
  }
  const promoted = role === 'manager' && node.role === 'worker';
  node.role = role;
  node.availability = availability as ClusterNode['availability'];
  d.advance(30);
  if (promoted) startManager(store, node);
  reconcile(store);
}

function startManager(store: ClusterStore, node: ClusterNode): void {
  const daemon = daemonsOf(store).get(node.hostname);
  if (!daemon) return;
  bindSocket(daemon.host.ns, { proto: 'tcp', ip: '::', port: 2377, owner: 'dockerd', app: { kind: 'tcp' } });
  for (const spec of store.networks.values()) if (!isNodeLocal(spec)) instantiate(daemon, spec);
}

/**
 * setNodeReachable takes a node's host off the swarm (down) or brings it back. Down: the managers
 * stop hearing its heartbeat, mark it Down and start its tasks elsewhere (the old ones are left
 * Running with desired state Shutdown until the node returns). Up: it reports again, its orphaned
 * task containers are stopped and the node is Ready.
 */
export function setNodeReachable(store: ClusterStore, hostname: string, up: boolean): void {
  const node =
    store.nodes.find((n) => n.hostname === hostname && n.state !== 'down') ??
    [...store.nodes].reverse().find((n) => n.hostname === hostname);
  if (!node) return;
  const table = serviceTable(store);
  if (!up) {
    node.state = 'down';
    node.leader = false;
    for (const t of table.tasks) if (t.nodeId === node.id && t.desired === 'running') t.desired = 'shutdown';
    reconcile(store);
    return;
  }
  node.state = 'ready';
  if (node.role === 'manager' && !store.managers().some((n) => n.leader)) node.leader = true;
  const daemon = daemonsOf(store).get(hostname);
  for (const t of table.tasks) {
    if (t.nodeId !== node.id || t.desired !== 'shutdown' || t.state !== 'running') continue;
    t.state = 'shutdown';
    if (daemon) t.stateAt = daemon.world.clock.now();
    stopTaskContainer(store, t);
  }
  reconcile(store);
}

/** HEARTBEAT_GRACE_MS is how long the dispatcher waits for a missed heartbeat before marking a node down. */
export const HEARTBEAT_GRACE_MS = 15_000;

/** setHostUp is the lab's power switch for a host's swarm node (no-op for a host in no swarm). */
export function setHostUp(d: Daemon, up: boolean): void {
  for (const store of swarmsOf(d.world).filter((s) => daemonsOf(s).get(d.host.name) === d)) {
    if (!up) d.advance(HEARTBEAT_GRACE_MS);
    setNodeReachable(store, d.host.name, up);
  }
}
