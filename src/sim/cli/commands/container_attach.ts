// Mirrors docker/cli cli/command/container/attach.go; simplified: the simulator cannot keep a
// stream open, so attaching to an interactive shell hands the terminal to that shell (until
// `exit`), and attaching to any other process returns at once, as if detached straight away.

import { type CommandSpec, exactArgs } from '../cobra.ts';
import { CliError } from '../errors.ts';
import { containerPath } from './container_create.ts';
import { checkTty, enterIfShell } from './container_run.ts';

interface AttachInspect {
  Id: string;
  Path?: string;
  Args?: string[];
  State?: { Running?: boolean; Paused?: boolean; Restarting?: boolean };
  Config?: { Tty?: boolean; OpenStdin?: boolean };
}

/** attachCommand is `docker attach` / `docker container attach`. */
export const attachCommand: CommandSpec = {
  use: 'attach [OPTIONS] CONTAINER',
  short: 'Attach local standard input, output, and error streams to a running container',
  args: exactArgs(1),
  annotations: { aliases: 'docker container attach, docker attach' },
  flags: [
    { name: 'no-stdin', usage: 'Do not attach STDIN', kind: 'bool' },
    { name: 'sig-proxy', usage: 'Proxy all received signals to the process', kind: 'bool', initial: true },
    { name: 'detach-keys', usage: 'Override the key sequence for detaching a container', kind: 'string' },
  ],
  run: (ctx, args, flags) => {
    const c = ctx.client.get<AttachInspect>(containerPath(args[0], '/json'));
    if (!c.State?.Running) throw new CliError('You cannot attach to a stopped container, start it first');
    if (c.State.Paused) throw new CliError('You cannot attach to a paused container, unpause it first');
    if (c.State.Restarting)
      throw new CliError('You cannot attach to a restarting container, wait until it is running');
    const stdin = !flags.get<boolean>('no-stdin') && Boolean(c.Config?.OpenStdin);
    if (stdin) checkTty(ctx, true, Boolean(c.Config?.Tty));
    if (stdin && c.Config?.Tty) enterIfShell(ctx, c.Id, undefined, [c.Path ?? '', ...(c.Args ?? [])]);
  },
};
