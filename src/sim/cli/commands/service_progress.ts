// Mirrors docker/cli cli/command/service/progress/progress.go (ServiceProgress, the replicated and
// global updaters) as jsonmessage.Display renders it on a non-terminal: progress-bar messages are
// dropped, the rest print as "ID: status". The CLI polls every 200 ms; each poll here moves the
// simulated clock by 200 ms plus a millisecond for the API round trip, so the 5-second stability
// check prints what a real non-TTY run prints, line for line.

import type { RunContext } from '../context.ts';

interface ServiceJson {
  ID: string;
  Spec: { Mode: { Replicated?: { Replicas: number }; Global?: object } };
}
interface TaskJson {
  Slot?: number;
  NodeID: string;
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

/** waitOnService is service.WaitOnService without --quiet: it prints the convergence progress. */
export function waitOnService(ctx: RunContext, serviceId: string): void {
  const svc = ctx.client.get<ServiceJson>(`/services/${serviceId}`);
  const filters = JSON.stringify({ service: { [svc.ID]: true }, 'desired-state': { running: true } });
  const tasks = ctx.client.get<TaskJson[]>('/tasks', { filters });
  const nodes = ctx.client.get<NodeJson[]>('/nodes');
  const active = new Set(nodes.filter((n) => n.Status.State !== 'down').map((n) => n.ID));
  const live = tasks.filter((t) => active.has(t.NodeID));
  const running = live.filter((t) => t.Status.State === 'running').length;
  const line = (id: string, status: string): void => ctx.out(`${id}: ${status}\n`);
  if (svc.Spec.Mode.Replicated) {
    const replicas = svc.Spec.Mode.Replicated.Replicas;
    line('overall progress', `0 out of ${replicas} tasks`);
    if (replicas <= MAX_PROGRESS_BARS) for (let i = 1; i <= replicas; i++) line(`${i}/${replicas}`, ' ');
    line('overall progress', `${running} out of ${replicas} tasks`);
    if (running !== replicas) return;
  } else {
    if (live.length === 0) {
      line('overall progress', 'waiting for new tasks');
      return;
    }
    line('overall progress', `0 out of ${live.length} tasks`);
    line('overall progress', `${running} out of ${live.length} tasks`);
    if (running !== live.length) return;
  }
  for (let elapsed = 0; elapsed < MONITOR_MS; elapsed += POLL_MS) {
    const wait = MONITOR_MS - elapsed - 1;
    line('verify', `Waiting ${Math.trunc(wait / 1000) + 1} seconds to verify that tasks are stable...`);
    ctx.sleep?.(POLL_MS);
  }
  line('verify', `Service ${serviceId} converged`);
}
