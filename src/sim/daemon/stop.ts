// Mirrors moby/moby daemon/stop.go (ContainerStop, containerStop), v28.2.2: the stop signal (image
// StopSignal or SIGTERM), the grace period (10 s or StopTimeout), then SIGKILL (exit 137).

import { SimError, system } from '../errdefs.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import { handleContainerExit } from './monitor.ts';
import { parseSignal, signalOutcome } from './signals.ts';

/** StopOptions are the stop/restart query parameters (signal, t). */
export interface StopOptions {
  signal?: string;
  timeout?: number;
}

/** stopContainer is containerStop: signal, wait up to the timeout, then kill. */
export function stopContainer(d: Daemon, c: Container, opts: StopOptions = {}): void {
  if (!c.state.running) return;
  const stopSignal = parseSignal(opts.signal || (c.config.StopSignal as string) || 'SIGTERM');
  const configured = c.config.StopTimeout as number | null | undefined;
  const timeout = opts.timeout ?? (typeof configured === 'number' ? configured : 10);
  c.hasBeenManuallyStopped = true;
  const outcome = signalOutcome([c.path, ...c.args], stopSignal, c.hostConfig.Init === true);
  if (outcome.exits) {
    d.advance(120);
    handleContainerExit(d, c, outcome.exitCode);
    return;
  }
  d.advance(timeout >= 0 ? timeout * 1000 : 10_000);
  d.advance(60);
  handleContainerExit(d, c, 137);
}

/** containerStop is POST /containers/{id}/stop; a stopped container answers 304. */
export function containerStop(d: Daemon, name: string, opts: StopOptions = {}): void {
  const c = d.getContainer(name);
  if (!c.state.running) throw new SimError('notModified', 'container is already stopped');
  try {
    stopContainer(d, c, opts);
  } catch (e) {
    throw system(`cannot stop container: ${name}: ${(e as Error).message}`);
  }
}
