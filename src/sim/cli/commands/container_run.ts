// Mirrors docker/cli cli/command/container/{run,create,start}.go; simplified: the attach stream is
// read after start and wait (the simulated daemon runs a process to completion on start), and an
// interactive shell (-it sh) is handed to the session as an "enter" effect instead of a hijack.

import { type CommandSpec, requiresMinArgs } from '../cobra.ts';
import type { RunContext } from '../context.ts';
import { CliError, withHelp } from '../errors.ts';
import type { FlagSet } from '../flags.ts';
import { type ContainerConfig, containerPath, createContainer, parseContainer } from './container_create.ts';
import { createFlags, runFlags } from './run_flags.ts';

const SHELLS = new Set(['sh', 'ash', 'bash', 'zsh', 'dash', 'ksh']);

/** isInteractiveShell tells whether argv starts a shell reading commands from the terminal. */
export function isInteractiveShell(argv: string[]): boolean {
  if (argv.length === 0) return false;
  const base = argv[0].split('/').pop() ?? '';
  return SHELLS.has(base) && !argv.slice(1).some((a) => a === '-c' || !a.startsWith('-'));
}

function validatePull(v: string, cmd: string): void {
  if (!['always', 'missing', 'never', ''].includes(v)) {
    throw new CliError(
      withHelp(`invalid pull option: '${v}': must be one of "always", "missing" or "never"`, cmd),
      125,
    );
  }
}

/** toStatusError is run.go's toStatusError (125, or 126/127 for exec failures). */
function toStatusError(e: unknown): CliError {
  if (!(e instanceof CliError)) throw e;
  const msg = e.message;
  let code = 125;
  if (/executable file not found|no such file or directory|system cannot find the file specified/.test(msg))
    code = 127;
  else if (/permission denied|is a directory/.test(msg)) code = 126;
  return new CliError(withHelp(msg, 'run'), code);
}

function parseOrUsage(flags: FlagSet, args: string[], cmd: string): ContainerConfig {
  try {
    return parseContainer(flags, args[0], args.slice(1));
  } catch (e) {
    if (e instanceof CliError) throw new CliError(withHelp(e.message, cmd), 125);
    throw e;
  }
}

export function checkTty(ctx: RunContext, attachStdin: boolean, tty: boolean): void {
  if (tty && attachStdin && !ctx.stdinIsTerminal) throw new CliError('the input device is not a TTY');
}

interface InspectLite {
  Id: string;
  Path?: string;
  Args?: string[];
  Config?: { Tty?: boolean; OpenStdin?: boolean };
  HostConfig?: { AutoRemove?: boolean };
}

/** readAttached reads an attach stream after start and wait, writing it like the hijacked streamer. */
function readAttached(
  ctx: RunContext,
  stream: (() => { stdout: string; stderr: string }) | undefined,
  tty: boolean,
): void {
  if (!stream) return;
  const o = stream();
  ctx.out(o.stdout);
  if (tty) ctx.out(o.stderr);
  else ctx.err(o.stderr);
}

/**
 * beginWait asks the daemon to wait for the container before it is started, as docker/cli's
 * waitExitOrRemoved does, and returns a reader for the exit status once the process ended.
 */
function beginWait(ctx: RunContext, id: string, autoRemove: boolean): () => number {
  const resp = ctx.client.raw('POST', containerPath(id, '/wait'), {
    condition: autoRemove ? 'removed' : 'next-exit',
  });
  return () => (resp.json as { StatusCode?: number } | undefined)?.StatusCode ?? 0;
}

function runRun(ctx: RunContext, args: string[], flags: FlagSet): void {
  validatePull(flags.get('pull'), 'run');
  const cfg = parseOrUsage(flags, args, 'run');
  const config = cfg.config;
  const detach = flags.get<boolean>('detach');
  if (!detach) checkTty(ctx, config.AttachStdin as boolean, config.Tty as boolean);
  else {
    if (flags.get<string[]>('attach').length !== 0)
      throw new CliError('conflicting options: cannot specify both --attach and --detach');
    Object.assign(config, { AttachStdin: false, AttachStdout: false, AttachStderr: false, StdinOnce: false });
  }
  let id: string;
  try {
    id = createContainer(ctx, cfg, flags.get('name'), flags.get('pull'), flags.get('quiet'));
  } catch (e) {
    throw toStatusError(e);
  }
  const attach = Boolean(config.AttachStdin || config.AttachStdout || config.AttachStderr);
  if (!attach) ctx.println(id);
  let stream: (() => { stdout: string; stderr: string }) | undefined;
  if (attach) {
    const q: Record<string, string> = { stream: '1' };
    if (config.AttachStdin) q.stdin = '1';
    if (config.AttachStdout) q.stdout = '1';
    if (config.AttachStderr) q.stderr = '1';
    stream = ctx.client.stream('POST', containerPath(id, '/attach'), q);
  }
  const status = attach ? beginWait(ctx, id, flags.get('rm')) : () => 0;
  try {
    ctx.client.post(containerPath(id, '/start'));
  } catch (e) {
    throw toStatusError(e);
  }
  if (!attach) return;
  const tty = config.Tty as boolean;
  if (tty && config.AttachStdin && enterIfShell(ctx, id)) return;
  readAttached(ctx, stream, tty);
  if (status() !== 0) throw new CliError('', status());
}

/** enterIfShell hands an interactive shell container to the session. */
export function enterIfShell(ctx: RunContext, id: string, execId?: string, argv?: string[]): boolean {
  let cmd = argv;
  if (!cmd) {
    const c = ctx.client.get<InspectLite>(containerPath(id, '/json'));
    cmd = [c.Path ?? '', ...(c.Args ?? [])];
    id = c.Id;
  }
  if (!isInteractiveShell(cmd)) return false;
  ctx.effect = { enter: execId ? { containerId: id, execId } : { containerId: id } };
  ctx.running = true;
  return true;
}

/** runCommand is `docker run`. */
export const runCommand: CommandSpec = {
  use: 'run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create and run a new container from an image',
  args: requiresMinArgs(1),
  interspersed: false,
  annotations: { 'category-top': '1', aliases: 'docker container run, docker run' },
  flags: runFlags(),
  run: runRun,
};

/** createCommand is `docker create`. */
export const createCommand: CommandSpec = {
  use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new container',
  args: requiresMinArgs(1),
  interspersed: false,
  annotations: { aliases: 'docker container create, docker create' },
  flags: createFlags(),
  run: (ctx, args, flags) => {
    validatePull(flags.get('pull'), 'create');
    const cfg = parseOrUsage(flags, args, 'create');
    ctx.println(createContainer(ctx, cfg, flags.get('name'), flags.get('pull'), flags.get('quiet')));
  },
};

/** startCommand is `docker start`. */
export const startCommand: CommandSpec = {
  use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container start, docker start' },
  flags: [
    { name: 'attach', shorthand: 'a', usage: 'Attach STDOUT/STDERR and forward signals', kind: 'bool' },
    { name: 'interactive', shorthand: 'i', usage: "Attach container's STDIN", kind: 'bool' },
    { name: 'detach-keys', usage: 'Override the key sequence for detaching a container', kind: 'string' },
    { name: 'checkpoint', usage: 'Restore from this checkpoint', kind: 'string', hidden: true },
    {
      name: 'checkpoint-dir',
      usage: 'Use a custom checkpoint storage directory',
      kind: 'string',
      hidden: true,
    },
  ],
  run: (ctx, args, flags) => {
    if (flags.get<boolean>('attach') || flags.get<boolean>('interactive')) {
      if (args.length > 1) throw new CliError('you cannot start and attach multiple containers at once');
      const c = ctx.client.get<InspectLite>(containerPath(args[0], '/json'));
      const tty = c.Config?.Tty ?? false;
      const q: Record<string, string> = { stream: '1', stdout: '1', stderr: '1' };
      if (flags.get<boolean>('interactive') && c.Config?.OpenStdin) q.stdin = '1';
      const stream = ctx.client.stream('POST', containerPath(c.Id, '/attach'), q);
      const status = beginWait(ctx, c.Id, c.HostConfig?.AutoRemove ?? false);
      ctx.client.post(containerPath(c.Id, '/start'));
      if (tty && q.stdin && enterIfShell(ctx, c.Id, undefined, [c.Path ?? '', ...(c.Args ?? [])])) return;
      readAttached(ctx, stream, tty);
      if (status() !== 0) throw new CliError('', status());
      return;
    }
    const failed: string[] = [];
    for (const c of args) {
      try {
        ctx.client.post(containerPath(c, '/start'));
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        ctx.eprintln(e.message);
        failed.push(c);
        continue;
      }
      ctx.println(c);
    }
    if (failed.length > 0) throw new CliError(`Error: failed to start containers: ${failed.join(', ')}`);
  },
};
