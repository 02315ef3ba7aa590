// Mirrors moby/moby daemon's exported API (NewDaemon and the container monitor hooks); simplified: one barrel.
// The daemon package's surface for the rest of the simulator (the world builder, the shell's
// programs and the Engine API): create a daemon, and the hooks a runtime needs while processes run.

import type { SessionEffect } from '../shell/program.ts';
import type { Daemon } from './daemon.ts';
import { appendLog } from './monitor.ts';

export { createDaemon, Daemon, type DaemonConfig, type DaemonOptions } from './daemon.ts';
export { execEffect, execExited } from './exec.ts';
export { CATALOGUE } from './images.ts';
export { HOST_KERNEL, HOST_OS } from './info.ts';
export type { NetController } from './libnetwork.ts';
export { placeOf } from './monitor.ts';
export type { Runtime } from './runtime.ts';
export { processExited } from './start.ts';

/** containerLogWrite appends output a running container's process produced later (e.g. nginx access logs). */
export function containerLogWrite(
  d: Daemon,
  containerId: string,
  stream: 'stdout' | 'stderr',
  text: string,
): void {
  const c = d.containers.get(containerId);
  if (c) appendLog(d, c, c.config.Tty ? 'stdout' : stream, text);
}

/** containerEffect is what a container's main process asked of the session when it started (`run -it`). */
export function containerEffect(d: Daemon, containerId: string): SessionEffect | undefined {
  return d.containers.get(containerId)?.effect;
}
