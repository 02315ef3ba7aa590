// Mirrors moby/swarmkit manager/orchestrator/restart/restart.go (the restart supervisor, for a
// service task's default restart policy: condition any, delay 5 s, no attempt limit) and
// orchestrator/taskreaper/task_reaper.go (history retention). Simplified: the policy cannot be
// configured, and restarts are caught up to the clock lazily (when tasks are listed or the cluster
// reconciles) instead of by timers.

import { daemonsOf } from './node.ts';
import { pickNode } from './scheduler.ts';
import { removeTask, serviceTable, startTask, type Task } from './services.ts';
import type { ClusterStore } from './store.ts';

/** RESTART_DELAY is the default restart policy's delay (condition any, 5 s). */
const RESTART_DELAY = 5000;

/**
 * superviseRestarts is swarmkit's restart supervisor for the default policy (condition any, delay
 * 5 s, no attempt limit), caught up to the clock: a failed or rejected task is shut down and a new
 * one (desired Ready) takes its slot at once; one that fails inside its restart delay is replaced
 * when the delay ends.
 */
export function superviseRestarts(store: ClusterStore): void {
  const table = serviceTable(store);
  const now = [...daemonsOf(store).values()][0]?.world.clock.now();
  if (now === undefined) return;
  for (const t of table.tasks)
    if (t.desired === 'ready' && t.state === 'running' && (t.restartAt ?? 0) <= now) t.desired = 'running';
  for (let guard = 0; guard < 1000; guard++) {
    const due = table.tasks
      .filter((t) => t.desired !== 'shutdown' && (t.state === 'failed' || t.state === 'rejected'))
      .map((t) => ({ t, at: t.desired === 'ready' ? (t.restartAt ?? t.stateAt) : t.stateAt }))
      .filter((x) => x.at <= now)
      .sort((a, b) => a.at - b.at)[0];
    if (!due) break;
    const { t, at } = due;
    const svc = table.services.find((s) => s.id === t.serviceId);
    t.desired = 'shutdown';
    const node = store.nodes.find((n) => n.id === t.nodeId);
    if (!svc || !node || node.state !== 'ready' || node.availability !== 'active') continue;
    // The orchestrator reacts a moment after the failure it observes.
    const next = startTask(store, svc, t.slot, svc.global ? node : (pickNode(store, svc) ?? node), at + 20);
    if (next) next.restartAt = at + RESTART_DELAY;
  }
  reapHistory(store);
}

/** TASK_HISTORY is the cluster's TaskHistoryRetentionLimit (5). */
const TASK_HISTORY = 5;

/** reapHistory is the task reaper: a slot keeps its 5 newest tasks; older finished ones go. */
export function reapHistory(store: ClusterStore): void {
  const table = serviceTable(store);
  const slots = new Map<string, Task[]>();
  for (const t of table.tasks) {
    const key = `${t.serviceId}/${t.slot > 0 ? t.slot : t.nodeId}`;
    slots.set(key, [...(slots.get(key) ?? []), t]);
  }
  for (const tasks of slots.values()) {
    if (tasks.length <= TASK_HISTORY) continue;
    const old = tasks
      .filter((t) => t.desired === 'shutdown' || t.state !== 'running')
      .sort((a, b) => a.stateAt - b.stateAt)
      .slice(0, tasks.length - TASK_HISTORY);
    for (const t of old) removeTask(store, t);
  }
}
