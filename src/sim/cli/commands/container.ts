// Mirrors docker/cli cli/command/container/cmd.go (the `docker container` group), inspect.go and
// cli/command/commands/commands.go (the top-level shortcuts run, exec, ps, start, stop, ...).

import { type CommandSpec, noArgs, renderHelp, requiresMinArgs } from '../cobra.ts';
import { inspect } from '../inspect.ts';
import { formatFlag, INSPECT_FORMAT_HELP } from '../opts.ts';
import { attachCommand } from './container_attach.ts';
import { containerPath } from './container_create.ts';
import { psCommand } from './container_list.ts';
import {
  execCommand,
  killCommand,
  logsCommand,
  portCommand,
  renameCommand,
  restartCommand,
  rmCommand,
  stopCommand,
} from './container_ops.ts';
import { createCommand, runCommand, startCommand } from './container_run.ts';

const containerInspect: CommandSpec = {
  use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  args: requiresMinArgs(1),
  flags: [
    formatFlag(INSPECT_FORMAT_HELP, 'f'),
    { name: 'size', shorthand: 's', usage: 'Display total file sizes', kind: 'bool' },
  ],
  run: (ctx, args, flags) =>
    inspect(ctx, args, flags.get('format'), (ref) =>
      ctx.client.get(containerPath(ref, '/json'), flags.get<boolean>('size') ? { size: '1' } : undefined),
    ),
};

/** containerShortcuts are the top-level container commands (docker run, docker ps, ...). */
export function containerShortcuts(): CommandSpec[] {
  return [
    runCommand,
    attachCommand,
    execCommand,
    psCommand(),
    createCommand,
    killCommand,
    logsCommand,
    portCommand,
    renameCommand,
    restartCommand,
    rmCommand,
    startCommand,
    stopCommand,
  ];
}

/** containerCommand is `docker container`. */
export function containerCommand(): CommandSpec {
  return {
    use: 'container',
    short: 'Manage containers',
    args: noArgs,
    run: (ctx, _a, _f, cmd) => ctx.err(renderHelp(cmd)),
    subcommands: [
      attachCommand,
      createCommand,
      execCommand,
      killCommand,
      logsCommand,
      portCommand,
      renameCommand,
      restartCommand,
      rmCommand,
      runCommand,
      startCommand,
      stopCommand,
      psCommand('ls [OPTIONS]', ['ps', 'list']),
      containerInspect,
    ],
  };
}
