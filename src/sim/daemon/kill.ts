// Mirrors moby/moby daemon/kill.go (ContainerKill, Kill, killWithSignal) and the kill route's error
// prefix, v28.2.2: SIGKILL by default (exit 137); other signals only matter if PID 1 handles them.

import { conflict, isSimError, SimError } from '../errdefs.ts';
import type { Daemon } from './daemon.ts';
import { handleContainerExit } from './monitor.ts';
import { parseSignal, signalOutcome } from './signals.ts';

/** containerKill is POST /containers/{id}/kill (default SIGKILL); the router prefixes errors. */
export function containerKill(d: Daemon, name: string, signal?: string): void {
  try {
    const sig = signal ? parseSignal(signal) : 9;
    const c = d.getContainer(name);
    if (!c.state.running) throw conflict(`container ${c.id} is not running`);
    c.hasBeenManuallyStopped = true;
    const outcome = signalOutcome([c.path, ...c.args], sig, c.hostConfig.Init === true);
    if (outcome.exits) {
      d.advance(40);
      handleContainerExit(d, c, outcome.exitCode);
    }
  } catch (e) {
    if (isSimError(e)) throw new SimError(e.kind, `cannot kill container: ${name}: ${e.message}`);
    throw e;
  }
}
