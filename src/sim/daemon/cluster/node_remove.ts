// Mirrors moby/moby daemon/cluster/nodes.go (RemoveNode) and swarmkit's manager/controlapi/node.go
// (RemoveNode, orphanNodeTasks), v28.2.2: a manager must be demoted first, a node that is up needs
// --force; the node leaves the store, its unfinished tasks become Orphaned (and stay in the task
// history) and the orchestrator starts replacements elsewhere. The removed node's agent stops (its
// certificate is revoked), so the host is out of the swarm.

import { invalidParameter } from '../../errdefs.ts';
import type { Daemon } from '../daemon.ts';
import { requireManager } from './cluster.ts';
import { daemonsOf, nodeDown } from './node.ts';
import { reconcile, serviceTable } from './services.ts';
import { findNode } from './views.ts';

const precondition = (msg: string): Error =>
  invalidParameter(`rpc error: code = FailedPrecondition desc = ${msg}`);

/** removeNode is DELETE /nodes/{id}[?force=1]. */
export function removeNode(d: Daemon, term: string, force: boolean): void {
  const store = requireManager(d);
  const node = findNode(d, term);
  if (node.role === 'manager')
    throw precondition(
      `node ${node.id} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal`,
    );
  if (!force && node.state === 'ready')
    throw precondition(`node ${node.id} is not down and can't be removed`);
  d.advance(20);
  const now = d.world.clock.now();
  for (const t of serviceTable(store).tasks) {
    if (t.nodeId !== node.id || t.state !== 'running') continue;
    t.state = 'orphaned';
    t.desired = 'shutdown';
    t.stateAt = now;
  }
  const rejoined = store.nodes.some((n) => n !== node && n.hostname === node.hostname);
  const daemon = rejoined ? undefined : daemonsOf(store).get(node.hostname);
  store.nodes.splice(store.nodes.indexOf(node), 1);
  if (daemon) nodeDown(daemon, store);
  reconcile(store);
}
