// Mirrors docker/cli cli/command/container/{stop,restart,kill,rm,rename,exec,logs,port}.go;
// simplified: operations run one after another (docker runs stop/kill/rm in parallel but prints
// in argument order, which is what we reproduce).

import { type CommandSpec, exactArgs, requiresMinArgs, requiresRangeArgs } from '../cobra.ts';
import type { RunContext } from '../context.ts';
import { ApiError, CliError, joinErrors } from '../errors.ts';
import { joinHostPort, naturalSort } from '../formatter/display.ts';
import { validateEnv } from '../opts.ts';
import { containerPath } from './container_create.ts';
import { enterIfShell } from './container_run.ts';

/** eachContainer runs op per name, prints successes, joins failures (errors.Join). */
function eachContainer(
  ctx: RunContext,
  names: string[],
  op: (name: string) => void,
  onNotFound?: (e: ApiError) => boolean,
): void {
  const errs: Error[] = [];
  for (const name of names) {
    try {
      op(name);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      if (onNotFound && e instanceof ApiError && e.isNotFound && onNotFound(e)) continue;
      errs.push(e);
      continue;
    }
    ctx.println(name);
  }
  const err = joinErrors(errs);
  if (err) throw err;
}

const signalFlag = {
  name: 'signal',
  shorthand: 's',
  usage: 'Signal to send to the container',
  kind: 'string' as const,
};
const timeoutFlags = [
  {
    name: 'timeout',
    shorthand: 't',
    usage: 'Seconds to wait before killing the container',
    kind: 'int' as const,
  },
  {
    name: 'time',
    usage: 'Seconds to wait before killing the container (deprecated: use --timeout)',
    kind: 'int' as const,
    hidden: true,
    deprecated: 'use --timeout instead',
  },
];

function stopQuery(flags: { get<T>(n: string): T; changed: Set<string> }): Record<string, string> {
  if (flags.changed.has('time') && flags.changed.has('timeout'))
    throw new CliError('conflicting options: cannot specify both --timeout and --time');
  const q: Record<string, string> = {};
  if (flags.get<string>('signal')) q.signal = flags.get('signal');
  if (flags.changed.has('timeout')) q.t = String(flags.get<number>('timeout'));
  else if (flags.changed.has('time')) q.t = String(flags.get<number>('time'));
  return q;
}

/** stopCommand is `docker stop`. */
export const stopCommand: CommandSpec = {
  use: 'stop [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Stop one or more running containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container stop, docker stop' },
  flags: [signalFlag, ...timeoutFlags],
  run: (ctx, args, flags) => {
    const q = stopQuery(flags);
    eachContainer(ctx, args, (c) => ctx.client.post(containerPath(c, '/stop'), q));
  },
};

/** restartCommand is `docker restart`. */
export const restartCommand: CommandSpec = {
  use: 'restart [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container restart, docker restart' },
  flags: [signalFlag, ...timeoutFlags],
  run: (ctx, args, flags) => {
    const q = stopQuery(flags);
    eachContainer(ctx, args, (c) => ctx.client.post(containerPath(c, '/restart'), q));
  },
};

/** killCommand is `docker kill`. */
export const killCommand: CommandSpec = {
  use: 'kill [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Kill one or more running containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container kill, docker kill' },
  flags: [signalFlag],
  run: (ctx, args, flags) => {
    const sig = flags.get<string>('signal');
    eachContainer(ctx, args, (c) =>
      ctx.client.post(containerPath(c, '/kill'), sig ? { signal: sig } : undefined),
    );
  },
};

/** rmCommand is `docker rm`. */
export const rmCommand: CommandSpec = {
  use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
  aliases: ['remove'],
  short: 'Remove one or more containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container rm, docker container remove, docker rm' },
  flags: [
    {
      name: 'volumes',
      shorthand: 'v',
      usage: 'Remove anonymous volumes associated with the container',
      kind: 'bool',
    },
    { name: 'link', shorthand: 'l', usage: 'Remove the specified link', kind: 'bool' },
    {
      name: 'force',
      shorthand: 'f',
      usage: 'Force the removal of a running container (uses SIGKILL)',
      kind: 'bool',
    },
  ],
  run: (ctx, args, flags) => {
    const q: Record<string, string> = {};
    if (flags.get<boolean>('volumes')) q.v = '1';
    if (flags.get<boolean>('link')) q.link = '1';
    if (flags.get<boolean>('force')) q.force = '1';
    eachContainer(
      ctx,
      args,
      (c) => {
        const id = c.replace(/^\/+|\/+$/g, '');
        if (id === '') throw new CliError('container name cannot be empty');
        ctx.client.del(containerPath(id), q);
      },
      (e) => {
        if (!flags.get<boolean>('force')) return false;
        ctx.eprintln(e.message);
        return true;
      },
    );
  },
};

/** renameCommand is `docker rename`. */
export const renameCommand: CommandSpec = {
  use: 'rename CONTAINER NEW_NAME',
  short: 'Rename a container',
  args: exactArgs(2),
  annotations: { aliases: 'docker container rename, docker rename' },
  run: (ctx, args) => {
    const oldName = args[0].trim();
    const newName = args[1].trim();
    if (oldName === '' || newName === '') throw new CliError('Error: Neither old nor new names may be empty');
    try {
      ctx.client.post(containerPath(oldName, '/rename'), { name: newName });
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      ctx.eprintln(e.message);
      throw new CliError(`Error: failed to rename container named ${oldName}`);
    }
  },
};

/** execCommand is `docker exec`. */
export const execCommand: CommandSpec = {
  use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  short: 'Execute a command in a running container',
  args: requiresMinArgs(2),
  interspersed: false,
  annotations: { 'category-top': '2', aliases: 'docker container exec, docker exec' },
  flags: [
    { name: 'detach-keys', usage: 'Override the key sequence for detaching a container', kind: 'string' },
    { name: 'interactive', shorthand: 'i', usage: 'Keep STDIN open even if not attached', kind: 'bool' },
    { name: 'tty', shorthand: 't', usage: 'Allocate a pseudo-TTY', kind: 'bool' },
    { name: 'detach', shorthand: 'd', usage: 'Detached mode: run command in the background', kind: 'bool' },
    {
      name: 'user',
      shorthand: 'u',
      usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")',
      kind: 'string',
    },
    { name: 'privileged', usage: 'Give extended privileges to the command', kind: 'bool' },
    { name: 'env', shorthand: 'e', usage: 'Set environment variables', kind: 'list', validate: validateEnv },
    { name: 'env-file', usage: 'Read in a file of environment variables', kind: 'list' },
    { name: 'workdir', shorthand: 'w', usage: 'Working directory inside the container', kind: 'string' },
  ],
  run: (ctx, args, flags) => {
    const detach = flags.get<boolean>('detach');
    const tty = flags.get<boolean>('tty');
    const interactive = flags.get<boolean>('interactive') && !detach;
    const cmd = args.slice(1);
    const body = {
      User: flags.get('user'),
      Privileged: flags.get('privileged'),
      Tty: tty,
      AttachStdin: interactive,
      AttachStderr: !detach,
      AttachStdout: !detach,
      Detach: detach,
      DetachKeys: flags.get('detach-keys'),
      Env: flags.get<string[]>('env'),
      WorkingDir: flags.get('workdir'),
      Cmd: cmd,
    };
    const c = ctx.client.get<{ Id: string }>(containerPath(args[0], '/json'));
    if (!detach && tty && interactive && !ctx.stdinIsTerminal)
      throw new CliError('the input device is not a TTY');
    const resp = ctx.client.post<{ Id: string }>(containerPath(args[0], '/exec'), undefined, body);
    if (!resp?.Id) throw new CliError('exec ID empty');
    if (detach) {
      ctx.client.post(`/exec/${resp.Id}/start`, undefined, { Detach: true, Tty: tty });
      return;
    }
    if (tty && interactive && enterIfShell(ctx, c.Id, resp.Id, cmd)) return;
    const out = ctx.client.stream('POST', `/exec/${resp.Id}/start`, undefined, { Detach: false, Tty: tty })();
    ctx.out(out.stdout);
    if (tty) ctx.out(out.stderr);
    else ctx.err(out.stderr);
    const info = ctx.client.get<{ ExitCode?: number | null }>(`/exec/${resp.Id}/json`);
    const status = info?.ExitCode ?? 0;
    if (status !== 0) throw new CliError('', status);
  },
};

/** logsCommand is `docker logs`. */
export const logsCommand: CommandSpec = {
  use: 'logs [OPTIONS] CONTAINER',
  short: 'Fetch the logs of a container',
  args: exactArgs(1),
  annotations: { aliases: 'docker container logs, docker logs' },
  flags: [
    { name: 'follow', shorthand: 'f', usage: 'Follow log output', kind: 'bool' },
    {
      name: 'since',
      usage:
        'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
      kind: 'string',
    },
    {
      name: 'until',
      usage:
        'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
      kind: 'string',
    },
    { name: 'timestamps', shorthand: 't', usage: 'Show timestamps', kind: 'bool' },
    { name: 'details', usage: 'Show extra details provided to logs', kind: 'bool' },
    {
      name: 'tail',
      shorthand: 'n',
      usage: 'Number of lines to show from the end of the logs',
      kind: 'string',
      initial: 'all',
    },
  ],
  run: (ctx, args, flags) => {
    const c = ctx.client.get<{ Id: string; Config?: { Tty?: boolean } }>(containerPath(args[0], '/json'));
    const q: Record<string, string> = { stdout: '1', stderr: '1', tail: flags.get('tail') };
    if (flags.get<string>('since')) q.since = flags.get('since');
    if (flags.get<string>('until')) q.until = flags.get('until');
    if (flags.get<boolean>('timestamps')) q.timestamps = '1';
    if (flags.get<boolean>('details')) q.details = '1';
    const out = ctx.client.stream('GET', containerPath(c.Id, '/logs'), q)();
    ctx.out(out.stdout);
    if (c.Config?.Tty) ctx.out(out.stderr);
    else ctx.err(out.stderr);
  },
};

/** portCommand is `docker port`. */
export const portCommand: CommandSpec = {
  use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  args: requiresRangeArgs(1, 2),
  annotations: { aliases: 'docker container port, docker port' },
  run: (ctx, args) => {
    const c = ctx.client.get<{
      NetworkSettings?: { Ports?: Record<string, Array<{ HostIp: string; HostPort: string }> | null> | null };
    }>(containerPath(args[0], '/json'));
    const ports = c.NetworkSettings?.Ports ?? {};
    const out: string[] = [];
    if (args.length > 1) {
      const spec = args[1];
      const i = spec.indexOf('/');
      const port = i < 0 ? spec : spec.slice(0, i);
      const proto = (i < 0 ? '' : spec.slice(i + 1)) || 'tcp';
      if (!/^\d+$/.test(port) || Number(port) > 65535) {
        const why = /^\d+$/.test(port) ? 'value out of range' : 'invalid syntax';
        throw new CliError(
          `Error: invalid port (${port}): strconv.ParseUint: parsing ${JSON.stringify(port)}: ${why}`,
        );
      }
      const frontends = ports[`${port}/${proto}`];
      if (!frontends || frontends.length === 0)
        throw new CliError(`Error: No public port '${spec}' published for ${args[0]}`);
      for (const f of frontends) out.push(joinHostPort(f.HostIp, f.HostPort));
    } else {
      for (const [from, frontends] of Object.entries(ports)) {
        for (const f of frontends ?? []) out.push(`${from} -> ${joinHostPort(f.HostIp, f.HostPort)}`);
      }
    }
    if (out.length > 0) ctx.println(naturalSort(out, (s) => s).join('\n'));
  },
};
