// Mirrors moby/moby daemon/exec.go (ContainerExecCreate, ContainerExecStart, getActiveContainer),
// daemon/inspect.go (ContainerExecInspect) and the exec routes' errors (api/server/router/container/exec.go),
// v28.2.2. The command runs through the injected Runtime, synchronously, when it is started; a Runtime
// that throws is an OCI exec failure (exit code 126/127/128).

import { conflict, invalidParameter, notFound } from '../errdefs.ts';
import type { ProgramResult } from '../shell/program.ts';
import type { ExecConfig } from './container.ts';
import type { Daemon } from './daemon.ts';
import { runtimeStartError } from './errors.ts';
import { decodeStruct, f, type GoStruct } from './gostruct.ts';
import { containerEnv, placeOf } from './monitor.ts';

const EXEC_OPTIONS: GoStruct = {
  fields: [
    f('User', 'string'),
    f('Privileged', 'bool'),
    f('Tty', 'bool'),
    f('ConsoleSize', 'ptr'),
    f('AttachStdin', 'bool'),
    f('AttachStderr', 'bool'),
    f('AttachStdout', 'bool'),
    f('DetachKeys', 'string'),
    f('Env', 'slice'),
    f('WorkingDir', 'string'),
    f('Cmd', 'slice'),
  ],
};

/** containerExecCreate is POST /containers/{id}/exec: it returns the new exec ID. */
export function containerExecCreate(d: Daemon, name: string, body: unknown): string {
  const opts = decodeStruct(body, EXEC_OPTIONS);
  const cmd = ((opts.Cmd as unknown[] | null) ?? []).map(String);
  if (cmd.length === 0) throw invalidParameter('No exec command specified');
  const c = d.getContainer(name);
  if (!c.state.running) throw conflict(`container ${c.id} is not running`);
  if (c.state.paused) throw conflict(`Container ${name} is paused, unpause the container before exec`);
  const id = d.newId();
  const exec: ExecConfig = {
    id,
    containerId: c.id,
    entrypoint: cmd[0],
    args: cmd.slice(1),
    tty: opts.Tty as boolean,
    privileged: opts.Privileged as boolean,
    user: (opts.User as string) || (c.config.User as string),
    env: ((opts.Env as string[] | null) ?? []).map(String),
    workingDir: (opts.WorkingDir as string) || (c.config.WorkingDir as string),
    openStdin: opts.AttachStdin as boolean,
    openStdout: opts.AttachStdout as boolean,
    openStderr: opts.AttachStderr as boolean,
    running: false,
    exitCode: null,
    pid: 0,
  };
  d.execs.set(id, exec);
  c.execIds.push(id);
  return id;
}

function getExec(d: Daemon, id: string): ExecConfig {
  const e = d.execs.get(id);
  if (!e || !d.containers.has(e.containerId)) throw notFound(`No such exec instance: ${id}`);
  return e;
}

/** containerExecStart is POST /exec/{id}/start: the command runs now; its output is returned. */
export function containerExecStart(d: Daemon, id: string): { stdout: string; stderr: string } {
  const e = getExec(d, id);
  if (e.running || e.exitCode !== null) throw conflict(`Error: Exec command ${id} is already running`);
  const c = d.containers.get(e.containerId);
  if (!c?.state.running) throw conflict(`container ${e.containerId} is not running`);
  d.advance(30);
  e.running = true;
  e.pid = d.nextPid();
  let result: ProgramResult;
  try {
    result = d.runtime.exec({
      containerId: c.id,
      argv: [e.entrypoint, ...e.args],
      env: containerEnv(c, e.tty, e.env),
      tty: e.tty,
      place: placeOf(d, c),
    });
  } catch (err) {
    const { exitCode, error } = runtimeStartError((err as Error).message);
    e.running = false;
    e.exitCode = exitCode;
    c.execIds = c.execIds.filter((x) => x !== id);
    throw error;
  }
  e.effect = result.effect;
  e.output = { stdout: result.stdout, stderr: e.tty ? '' : result.stderr };
  if (e.tty) e.output.stdout += result.stderr;
  if (!result.running) {
    e.running = false;
    e.exitCode = result.exitCode;
  }
  return e.output;
}

/** execExited is for the runtime: a long-running exec (an interactive shell) ended. */
export function execExited(d: Daemon, id: string, exitCode: number): void {
  const e = getExec(d, id);
  e.running = false;
  e.exitCode = exitCode;
}

/** execInspect is GET /exec/{id}/json (backend.ExecInspect). */
export function execInspect(d: Daemon, id: string): Record<string, unknown> {
  const e = getExec(d, id);
  const processConfig: Record<string, unknown> = {
    tty: e.tty,
    entrypoint: e.entrypoint,
    arguments: e.args,
    privileged: e.privileged,
  };
  if (e.user) processConfig.user = e.user;
  return {
    ID: e.id,
    Running: e.running,
    ExitCode: e.exitCode,
    ProcessConfig: processConfig,
    OpenStdin: e.openStdin,
    OpenStderr: e.openStderr,
    OpenStdout: e.openStdout,
    CanRemove: false,
    ContainerID: e.containerId,
    DetachKeys: '',
    Pid: e.running || e.exitCode !== null ? e.pid : 0,
  };
}

/** execEffect returns what an exec asked of the session (e.g. `docker exec -it c sh` enters the container). */
export function execEffect(d: Daemon, id: string): ExecConfig['effect'] {
  return d.execs.get(id)?.effect;
}
