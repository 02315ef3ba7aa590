// Mirrors moby/moby daemon/restart.go (ContainerRestart, containerRestart), v28.2.2: stop if running,
// then start; any failure becomes "Cannot restart container NAME: …".

import { system } from '../errdefs.ts';
import type { Daemon } from './daemon.ts';
import { startContainer } from './start.ts';
import { type StopOptions, stopContainer } from './stop.ts';

/** containerRestart is POST /containers/{id}/restart: stop if running, then start. */
export function containerRestart(d: Daemon, name: string, opts: StopOptions = {}): void {
  const c = d.getContainer(name);
  try {
    if (c.state.running) stopContainer(d, c, opts);
    if (c.removed) return;
    startContainer(d, c);
  } catch (e) {
    throw system(`Cannot restart container ${name}: ${(e as Error).message}`);
  }
}
