// Mirrors docker/cli cli/command/service/progress/progress.go (ServiceProgress, the replicated and
// global updaters) as jsonmessage.Display renders it on a non-terminal: progress-bar messages are
// dropped, the rest print as "ID: status". The CLI polls every 200 ms; each poll here moves the
// simulated clock by 200 ms plus a millisecond for the API round trip, so the 5-second stability
// check prints what a real non-TTY run prints, line for line. An UpdateStatus of "paused" ends
// it with the updater's message, "completed" before convergence ends it silently. Tasks come from
// the `_up-to-date` filter; per slot (per node for global services) the one with the lowest
// desired, then observed, state counts. Simplified: a service that has not converged at the first
// poll ends the wait there (the real client polls until interrupted; the simulator would never
// change between polls).

import type { RunContext } from '../context.ts';
import { CliError } from '../errors.ts';
import { truncateID } from '../formatter/display.ts';

interface ServiceJson {
  ID: string;
  Spec: { Mode: { Replicated?: { Replicas: number }; Global?: object } };
  UpdateStatus?: { State?: string; Message?: string };
}
interface TaskJson {
  Slot?: number;
  NodeID?: string;
  DesiredState: string;
  Status: { State: string; Err?: string };
}
interface NodeJson {
  ID: string;
  Status: { State: string };
}

const MONITOR_MS = 5000;
const POLL_MS = 201;
const MAX_PROGRESS_BARS = 20;

/** NUMBERED_STATES is progress.numberedStates. */
const NUMBERED_STATES: Record<string, number> = {
  new: 1,
  allocated: 2,
  pending: 3,
  assigned: 4,
  accepted: 5,
  preparing: 6,
  ready: 7,
  starting: 8,
  running: 9,
  complete: 10,
  shutdown: 11,
  failed: 12,
  rejected: 13,
};
const terminal = (state: string): boolean => (NUMBERED_STATES[state] ?? 0) > NUMBERED_STATES.running;

/** truncError is progress.truncError: one line, at most 75 characters. */
function truncError(msg: string): string {
  const one = msg.replace(/\n/g, ' ');
  return [...one].length > 75 ? `${[...one].slice(0, 74).join('')}…` : one;
}

/** pickTasks is tasksBySlot / tasksByNode: per key, the lowest desired state, then observed state. */
function pickTasks(tasks: TaskJson[], key: (t: TaskJson) => string): TaskJson[] {
  const out = new Map<string, TaskJson>();
  for (const t of tasks) {
    const desired = NUMBERED_STATES[t.DesiredState] ?? 0;
    const observed = NUMBERED_STATES[t.Status.State] ?? 0;
    if (desired === 0 || observed === 0) continue;
    const have = out.get(key(t));
    if (have) {
      const hd = NUMBERED_STATES[have.DesiredState];
      if (hd < desired) continue;
      if (hd === desired && NUMBERED_STATES[have.Status.State] <= observed) continue;
    }
    out.set(key(t), t);
  }
  return [...out.values()];
}

/** waitOnService is service.WaitOnService: it prints the convergence progress (quiet: waits silently). */
export function waitOnService(ctx: RunContext, serviceId: string, quiet = false): void {
  const svc = ctx.client.get<ServiceJson>(`/services/${serviceId}`);
  const update = svc.UpdateStatus;
  if (update?.State === 'paused') throw new CliError(`service update paused: ${update.Message ?? ''}`);
  if (update?.State === 'rollback_paused')
    throw new CliError(`service rollback paused: ${update.Message ?? ''}`);
  if (update?.State === 'completed') return;
  const filters = JSON.stringify({ '_up-to-date': { true: true }, service: { [svc.ID]: true } });
  const tasks = ctx.client.get<TaskJson[]>('/tasks', { filters });
  const nodes = ctx.client.get<NodeJson[]>('/nodes');
  const active = new Set(nodes.filter((n) => n.Status.State !== 'down').map((n) => n.ID));
  const line = (id: string, status: string): void => {
    if (!quiet) ctx.out(`${id}: ${status}\n`);
  };
  const countsAsRunning = (t: TaskJson): boolean => !terminal(t.DesiredState) && t.Status.State === 'running';
  if (svc.Spec.Mode.Replicated) {
    const replicas = svc.Spec.Mode.Replicated.Replicas;
    line('overall progress', `0 out of ${replicas} tasks`);
    if (replicas <= MAX_PROGRESS_BARS) for (let i = 1; i <= replicas; i++) line(`${i}/${replicas}`, ' ');
    const bySlot = pickTasks(
      tasks.filter((t) => (t.NodeID ?? '') === '' || active.has(t.NodeID ?? '')),
      (t) => String(t.Slot ?? 0),
    );
    bySlot.forEach((t, i) => {
      if (replicas <= MAX_PROGRESS_BARS && i + 1 <= replicas && t.Status.Err)
        line(`${i + 1}/${replicas}`, truncError(t.Status.Err));
    });
    const running = bySlot.filter(countsAsRunning).length;
    line('overall progress', `${running} out of ${replicas} tasks`);
    if (running !== replicas) return;
  } else {
    const byNode = pickTasks(tasks, (t) => t.NodeID ?? '');
    if (byNode.length === 0) {
      line('overall progress', 'waiting for new tasks');
      return;
    }
    line('overall progress', `0 out of ${byNode.length} tasks`);
    const onActive = byNode.filter((t) => active.has(t.NodeID ?? ''));
    for (const t of onActive)
      if (byNode.length <= MAX_PROGRESS_BARS && t.Status.Err)
        line(truncateID(t.NodeID ?? ''), truncError(t.Status.Err));
    const running = onActive.filter(countsAsRunning).length;
    line('overall progress', `${running} out of ${byNode.length} tasks`);
    if (running !== byNode.length) return;
  }
  for (let elapsed = 0; elapsed < MONITOR_MS; elapsed += POLL_MS) {
    const wait = MONITOR_MS - elapsed - 1;
    line('verify', `Waiting ${Math.trunc(wait / 1000) + 1} seconds to verify that tasks are stable...`);
    ctx.sleep?.(POLL_MS);
  }
  line('verify', `Service ${serviceId} converged`);
}
