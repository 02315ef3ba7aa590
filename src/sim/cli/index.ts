// Mirrors docker/cli cmd/docker/docker.go (newDockerCommand, runDocker, main's error printing and
// getExitCode) and cli/cobra.go (HandleGlobalFlags); simplified: no plugins, contexts or hooks.

import type { EngineApi } from '../api/types.ts';
import { runCompose } from '../compose/index.ts';
import type { Vfs } from '../kernel/vfs.ts';
import type { ProgramResult } from '../shell/program.ts';
import { Command, type CommandSpec, flagError, renderHelp, traverse } from './cobra.ts';
import { buildCommand, buildShortcut } from './commands/build.ts';
import { containerCommand, containerShortcuts } from './commands/container.ts';
import { imageCommand, imageShortcuts } from './commands/image.ts';
import { pushCommand } from './commands/image_push.ts';
import { inspectCommand } from './commands/inspect.ts';
import { networkCommand } from './commands/network.ts';
import { nodeCommand } from './commands/node.ts';
import { serviceCommand } from './commands/service.ts';
import { swarmCommand } from './commands/swarm.ts';
import { infoCommand } from './commands/system_info.ts';
import { CLIENT_GIT_COMMIT, CLIENT_VERSION, versionCommand } from './commands/system_version.ts';
import { RunContext } from './context.ts';
import { type Dialer, resolveEngine, serverHost } from './endpoint.ts';
import { CliError } from './errors.ts';
import type { FlagDef } from './flags.ts';

/** DockerIO is what the docker program is given by the shell. */
export interface DockerIO {
  stdin: string;
  env: Record<string, string>;
  api: EngineApi;
  now: () => number;
  /** cwd is the shell's working directory (for `docker build .` and `docker compose`). */
  cwd?: string;
  /** fs is the host's file system (the build context and compose files). */
  fs?: Vfs;
  /** sleep lets the CLI wait in simulated time (the service progress polls every 200 ms). */
  sleep?: (ms: number) => void;
  /** dial opens a TCP connection from the CLI's host (for -H / DOCKER_HOST tcp://…). */
  dial?: Dialer;
}

/** EngineSeam is the API the commands' client uses; execute points it at the resolved endpoint. */
interface EngineSeam extends EngineApi {
  target: EngineApi;
}

const HELP_FLAG: FlagDef = {
  name: 'help',
  shorthand: 'h',
  usage: 'Print usage',
  kind: 'bool',
  hidden: true,
  shorthandDeprecated: 'use --help',
};

function globalFlags(home: string): FlagDef[] {
  const dir = `${home}/.docker`;
  return [
    { name: 'config', usage: 'Location of client config files', kind: 'string', initial: dir },
    { name: 'debug', shorthand: 'D', usage: 'Enable debug mode', kind: 'bool' },
    {
      name: 'log-level',
      shorthand: 'l',
      usage: 'Set the logging level ("debug", "info", "warn", "error", "fatal")',
      kind: 'string',
      initial: 'info',
    },
    { name: 'tls', usage: 'Use TLS; implied by --tlsverify', kind: 'bool' },
    { name: 'tlsverify', usage: 'Use TLS and verify the remote', kind: 'bool' },
    {
      name: 'tlscacert',
      usage: 'Trust certs signed only by this CA',
      kind: 'string',
      initial: `${dir}/ca.pem`,
    },
    { name: 'tlscert', usage: 'Path to TLS certificate file', kind: 'string', initial: `${dir}/cert.pem` },
    { name: 'tlskey', usage: 'Path to TLS key file', kind: 'string', initial: `${dir}/key.pem` },
    {
      name: 'host',
      shorthand: 'H',
      usage: 'Daemon socket to connect to',
      kind: 'list',
    },
    {
      name: 'context',
      shorthand: 'c',
      usage:
        'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")',
      kind: 'string',
    },
    { name: 'version', shorthand: 'v', usage: 'Print version information and quit', kind: 'bool' },
  ];
}

function helpTopic(root: Command): CommandSpec {
  return {
    use: 'help [command]',
    short: 'Help about the command',
    hidden: true,
    run: (ctx, args) => {
      let c = root;
      for (const a of args) {
        const n = c.findNext(a);
        if (!n) throw new CliError(`unknown help topic: ${args.join(' ')}`);
        c = n;
      }
      ctx.out(renderHelp(c));
    },
  };
}

/** withImageExtras adds `docker image build` and `docker image push` to `docker image`. */
function withImageExtras(image: CommandSpec): CommandSpec {
  return { ...image, subcommands: [...(image.subcommands ?? []), buildCommand(), pushCommand] };
}

/** buildRoot assembles docker's command tree (only the commands the simulator supports). */
export function buildRoot(home = '/root'): Command {
  const spec: CommandSpec = {
    use: 'docker [OPTIONS] COMMAND [ARG...]',
    short: 'A self-sufficient runtime for containers',
    flags: globalFlags(home),
    run: (ctx, args) => {
      if (args.length === 0) {
        ctx.err(renderHelp(rootRef));
        return;
      }
      throw new CliError(
        `docker: unknown command: docker ${args[0]}\n\nRun 'docker --help' for more information`,
      );
    },
    subcommands: [
      ...containerShortcuts(),
      ...imageShortcuts(),
      buildShortcut(),
      pushCommand,
      versionCommand(),
      infoCommand(),
      inspectCommand(),
      containerCommand(),
      withImageExtras(imageCommand()),
      networkCommand(),
      nodeCommand(),
      serviceCommand(),
      swarmCommand(),
    ],
  };
  let rootRef: Command = new Command(spec, undefined, [HELP_FLAG]);
  const withHelp = { ...spec, subcommands: [...(spec.subcommands ?? []), helpTopic(rootRef)] };
  rootRef = new Command(withHelp, undefined, [HELP_FLAG]);
  return rootRef;
}

function execute(ctx: RunContext, argv: string[], seam?: EngineSeam, io?: DockerIO): void {
  const root = buildRoot(ctx.env.HOME || '/root');
  // HandleGlobalFlags: parse root flags up to the first command
  root.flags.interspersed = false;
  const gerr = root.flags.parse(argv);
  if (gerr !== undefined) throw flagError(root, gerr);
  root.flags.interspersed = true;
  const globalHelp = root.flags.get<boolean>('help');
  const rest = root.flags.args;
  ctx.out(root.flags.warnings);

  const found = traverse(root, rest);
  if (found.error) throw found.error;
  const cmd = found.cmd;
  if (cmd === root && root.flags.get<boolean>('version') && !globalHelp) {
    ctx.out(`Docker version ${CLIENT_VERSION}, build ${CLIENT_GIT_COMMIT}\n`);
    return;
  }
  if (cmd !== root) {
    const err = cmd.flags.parse(found.args);
    ctx.out(cmd.flags.warnings);
    if (err !== undefined) throw flagError(cmd, err);
  }
  const args = cmd === root ? found.args : cmd.flags.args;
  if (globalHelp || cmd.flags.get<boolean>('help') || !cmd.runnable) {
    ctx.out(renderHelp(cmd));
    return;
  }
  const argErr = cmd.spec.args?.(cmd, args);
  if (argErr !== undefined) throw new CliError(argErr, 1);
  if (seam && io) {
    // DockerCli.Client() → initialize → getServerHost: the endpoint is resolved before the command runs.
    let host: string;
    try {
      host = serverHost(root.flags.get<string[]>('host') ?? [], ctx.env);
    } catch (e) {
      throw new CliError(
        `Failed to initialize: unable to resolve docker endpoint: ${(e as Error).message}`,
        1,
      );
    }
    seam.target = resolveEngine(host, io.api, io.dial, io.sleep);
  }
  cmd.spec.run?.(ctx, args, cmd.flags, cmd);
}

/** runDocker runs the docker CLI with argv (without the leading "docker"); it never throws. */
export function runDocker(argv: string[], io: DockerIO): ProgramResult {
  const compose = argv.findIndex((a) => !a.startsWith('-'));
  if (compose >= 0 && argv[compose] === 'compose' && io.fs)
    return runCompose(argv.slice(compose + 1), {
      api: io.api,
      fs: io.fs,
      cwd: io.cwd ?? '/',
      env: io.env,
      now: io.now,
    });
  const seam: EngineSeam = {
    target: io.api,
    route(req) {
      return this.target.route(req);
    },
  };
  const ctx = new RunContext(seam, io.stdin, io.env, io.now);
  if (io.fs) Object.assign(ctx, { files: { fs: io.fs, cwd: io.cwd ?? '/' } });
  if (io.sleep) ctx.sleep = io.sleep;
  let exitCode = 0;
  try {
    execute(ctx, argv, seam, io);
  } catch (e) {
    if (e instanceof CliError) {
      if (!e.cancelled) {
        if (e.message !== '') ctx.err(`${e.message}\n`);
        exitCode = e.code;
      }
    } else {
      ctx.err(`docker: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      exitCode = 1;
    }
  }
  const result: ProgramResult = { stdout: ctx.stdout, stderr: ctx.stderr, exitCode, output: ctx.output };
  if (ctx.effect) result.effect = ctx.effect;
  if (ctx.running) result.running = true;
  return result;
}
