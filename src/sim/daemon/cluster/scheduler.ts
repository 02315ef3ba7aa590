// Mirrors moby/swarmkit manager/scheduler (v2 as vendored by moby v28.2.2): the filter pipeline
// (pipeline.go, filter.go: ReadyFilter, then ConstraintFilter; resources, plugins, platforms,
// host-mode ports and max replicas never fail here), the spread strategy (scheduler.go nodeLess)
// and noSuitableNode, which leaves a task Pending with "no suitable node (…)" as its error.

import type { Service, Task } from './services.ts';
import { serviceTable } from './services.ts';
import type { ClusterNode, ClusterStore } from './store.ts';

/** constraintHolds is one `node.role|node.hostname|node.id ==|!= value` placement constraint. */
export function constraintHolds(node: ClusterNode, constraint: string): boolean {
  const m = /^\s*([\w.]+)\s*(==|!=)\s*(.+?)\s*$/.exec(constraint);
  if (!m) return true;
  const value =
    m[1] === 'node.role'
      ? node.role
      : m[1] === 'node.hostname'
        ? node.hostname
        : m[1] === 'node.id'
          ? node.id
          : '';
  return m[2] === '==' ? value === m[3] : value !== m[3];
}

/** nodeReady is ReadyFilter.Check: the node is Ready and its availability Active. */
const nodeReady = (n: ClusterNode): boolean => n.state === 'ready' && n.availability === 'active';

/** eligibleNodes lists the ready, active nodes that satisfy a service's constraints. */
export function eligibleNodes(store: ClusterStore, svc: Service): ClusterNode[] {
  return store.nodes.filter((n) => nodeReady(n) && svc.constraints.every((c) => constraintHolds(n, c)));
}

/** pickNode is the spread strategy: fewest tasks of this service, then fewest tasks overall. */
export function pickNode(store: ClusterStore, svc: Service): ClusterNode | undefined {
  const tasks = serviceTable(store).tasks.filter((t) => t.desired !== 'shutdown' && t.nodeId !== '');
  const count = (n: ClusterNode, sid?: string): number =>
    tasks.filter((t) => t.nodeId === n.id && (sid === undefined || t.serviceId === sid)).length;
  let best: ClusterNode | undefined;
  for (const n of eligibleNodes(store, svc)) {
    if (!best) best = n;
    else if (
      count(n, svc.id) < count(best, svc.id) ||
      (count(n, svc.id) === count(best, svc.id) && count(n) < count(best))
    )
      best = n;
  }
  return best;
}

/**
 * noSuitableNode is the error the scheduler gives a task no node can take: Pipeline.Explain over
 * every node of the store (down ones too), each counted by the first filter it fails, the filters
 * with most failures first (ties keep the pipeline's order: readiness, then constraints).
 */
export function noSuitableNode(store: ClusterStore, svc: Service): string {
  let notReady = 0;
  let unsatisfied = 0;
  for (const n of store.nodes) {
    if (!nodeReady(n)) notReady++;
    else if (!svc.constraints.every((c) => constraintHolds(n, c))) unsatisfied++;
  }
  const plural = (count: number, one: string, many: string): string =>
    count === 1 ? one : many.replace('%d', String(count));
  const entries = [
    {
      count: notReady,
      text: plural(notReady, '1 node not available for new tasks', '%d nodes not available for new tasks'),
    },
    {
      count: unsatisfied,
      text: plural(
        unsatisfied,
        'scheduling constraints not satisfied on 1 node',
        'scheduling constraints not satisfied on %d nodes',
      ),
    },
  ]
    .filter((e) => e.count > 0)
    .sort((a, b) => b.count - a.count);
  const explanation = entries.map((e) => e.text).join('; ');
  return explanation === '' ? 'no suitable node' : `no suitable node (${explanation})`;
}

/**
 * markPending records that no node can take a task: it stays Pending with the scheduler's error,
 * whose timestamp moves only when the error changes (the scheduler skips identical decisions).
 */
export function markPending(store: ClusterStore, svc: Service, task: Task, now: number): void {
  const err = noSuitableNode(store, svc);
  if (task.err === err) return;
  task.err = err;
  task.stateAt = now;
}
