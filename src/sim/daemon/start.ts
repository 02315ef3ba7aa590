// Mirrors moby/moby daemon/start.go (ContainerStart, containerStart, validateState), start_linux.go
// (initializeCreatedTask: networking errors get the "failed to set up container networking" prefix) and
// container/state.go SetRunning, v28.2.2. The process itself runs through the injected Runtime; a Runtime
// that throws is an OCI runtime failure (exit 126/127/128, the container stays Created).

import { conflict, type ErrorKind, isSimError, SimError, system } from '../errdefs.ts';
import type { ProgramResult } from '../shell/program.ts';
import type { Container } from './container.ts';
import {
  allocateNetwork,
  ERR_SETUP_NETWORKING,
  initializeNetworking,
  releaseNetwork,
} from './container_operations.ts';
import type { Daemon } from './daemon.ts';
import { cleanupContainer } from './delete.ts';
import { runtimeStartError } from './errors.ts';
import { appendLog, containerEnv, handleContainerExit, networkedContainer, placeOf } from './monitor.ts';

/** containerStart is POST /containers/{id}/start. */
export function containerStart(d: Daemon, name: string): void {
  const c = d.getContainer(name);
  if (c.state.paused) throw conflict('cannot start a paused container, try unpause instead');
  if (c.state.running) throw new SimError('notModified', 'container is already running');
  if (c.state.removalInProgress || c.state.dead)
    throw conflict('container is marked for removal and cannot be started');
  startContainer(d, c);
}

function failStart(d: Daemon, c: Container, kind: ErrorKind, message: string): SimError {
  c.state.error = message;
  if (c.state.exitCode === 0) c.state.exitCode = 128;
  releaseNetwork(d, c);
  if (c.hostConfig.AutoRemove) cleanupContainer(d, c, true);
  return new SimError(kind, message);
}

/** startContainer sets up networking, runs the main process and records the new state. */
export function startContainer(d: Daemon, c: Container): void {
  d.advance(250);
  const nc = networkedContainer(d, c);
  if ((c.hostConfig.NetworkMode as string).startsWith('container:')) {
    if (!nc)
      throw failStart(
        d,
        c,
        'system',
        `joining network namespace of container: No such container: ${(c.hostConfig.NetworkMode as string).slice(10)}`,
      );
    if (!nc.state.running) {
      throw failStart(
        d,
        c,
        'conflict',
        `cannot join network namespace of a non running container: container ${nc.name.replace(/^\//, '')} is ${nc.state.startedAt ? 'exited' : 'created'}`,
      );
    }
    c.config.Hostname = nc.config.Hostname;
  }
  try {
    initializeNetworking(d, c);
  } catch (e) {
    throw failStart(d, c, isSimError(e) ? e.kind : 'system', (e as Error).message);
  }
  c.pathsSet = true;
  try {
    if (!nc) allocateNetwork(d, c);
  } catch (e) {
    throw failStart(
      d,
      c,
      isSimError(e) ? e.kind : 'system',
      `${ERR_SETUP_NETWORKING}: ${(e as Error).message}`,
    );
  }
  const tty = c.config.Tty as boolean;
  const startedAt = d.now();
  let result: ProgramResult;
  const attached = c.attachPending === true;
  c.attachPending = false;
  try {
    result = d.runtime.startProcess({
      containerId: c.id,
      argv: [c.path, ...c.args],
      env: containerEnv(c, tty),
      tty,
      openStdin: c.config.OpenStdin as boolean,
      attached,
      place: placeOf(d, c),
    });
  } catch (e) {
    const { exitCode, error } = runtimeStartError((e as Error).message);
    c.state.exitCode = exitCode;
    throw failStart(d, c, error.kind, error.message);
  }
  c.state.running = true;
  c.state.paused = false;
  c.state.restarting = false;
  c.state.oomKilled = false;
  c.state.exitCode = 0;
  c.state.error = '';
  c.state.pid = d.nextPid();
  c.state.startedAt = startedAt;
  c.hasBeenStartedBefore = true;
  c.hasBeenManuallyStopped = false;
  c.effect = result.effect;
  appendLog(d, c, 'stdout', result.stdout);
  appendLog(d, c, tty ? 'stdout' : 'stderr', result.stderr);
  if (!result.running) {
    d.advance(20);
    handleContainerExit(d, c, result.exitCode);
  }
}

/** processExited is for the runtime: a running main process ended on its own (with its last output). */
export function processExited(
  d: Daemon,
  containerId: string,
  exitCode: number,
  output?: { stdout?: string; stderr?: string },
): void {
  const c = d.containers.get(containerId);
  if (!c?.state.running) throw system(`container ${containerId} is not running`);
  const tty = c.config.Tty as boolean;
  appendLog(d, c, 'stdout', output?.stdout ?? '');
  appendLog(d, c, tty ? 'stdout' : 'stderr', output?.stderr ?? '');
  handleContainerExit(d, c, exitCode);
}
