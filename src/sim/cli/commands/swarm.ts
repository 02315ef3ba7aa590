// Mirrors docker/cli cli/command/swarm/{cmd,init,join,join_token,leave}.go (v28.2.2): swarm init
// prints the worker join command, join reports the role from /info, join-token prints or rotates
// the token (-q) or the join command. Simplified: no update, unlock, ca, autolock, --rotate.

import { type CommandSpec, exactArgs, noArgs, renderHelp } from '../cobra.ts';
import type { RunContext } from '../context.ts';
import { CliError } from '../errors.ts';
import type { FlagDef } from '../flags.ts';

const ADDR_FLAGS: FlagDef[] = [
  {
    name: 'listen-addr',
    usage: 'Listen address (format: "<ip|interface>[:port]")',
    kind: 'string',
    typeName: 'node-addr',
    defValue: '0.0.0.0:2377',
    initial: '0.0.0.0:2377',
  },
  { name: 'advertise-addr', usage: 'Advertised address (format: "<ip|interface>[:port]")', kind: 'string' },
  {
    name: 'data-path-addr',
    usage: 'Address or interface to use for data path traffic (format: "<ip|interface>")',
    kind: 'string',
  },
];

const AVAILABILITY: FlagDef = {
  name: 'availability',
  usage: 'Availability of the node ("active", "pause", "drain")',
  kind: 'string',
  defValue: 'active',
  initial: 'active',
};

function checkAvailability(v: string, changed: boolean): void {
  if (changed && !['active', 'pause', 'drain'].includes(v.toLowerCase()))
    throw new CliError(`invalid availability "${v}", only active, pause and drain are supported`);
}

interface NodeJson {
  ID: string;
  ManagerStatus?: { Addr: string };
}
interface SwarmJson {
  JoinTokens: { Worker: string; Manager: string };
}

/** printJoinCommand is swarm.printJoinCommand. */
function printJoinCommand(ctx: RunContext, nodeId: string, worker: boolean, manager: boolean): void {
  const node = ctx.client.get<NodeJson>(`/nodes/${nodeId}`);
  const sw = ctx.client.get<SwarmJson>('/swarm');
  if (!node.ManagerStatus) return;
  if (worker)
    ctx.out(
      `To add a worker to this swarm, run the following command:\n\n    docker swarm join --token ${sw.JoinTokens.Worker} ${node.ManagerStatus.Addr}\n\n`,
    );
  if (manager)
    ctx.out(
      `To add a manager to this swarm, run the following command:\n\n    docker swarm join --token ${sw.JoinTokens.Manager} ${node.ManagerStatus.Addr}\n\n`,
    );
}

const initCommand: CommandSpec = {
  use: 'init [OPTIONS]',
  short: 'Initialize a swarm',
  args: noArgs,
  flags: [
    ...ADDR_FLAGS,
    {
      name: 'data-path-port',
      usage:
        'Port number to use for data path traffic (1024 - 49151). If no value is set or is set to 0, the default port (4789) is used.',
      kind: 'string',
      typeName: 'uint32',
    },
    { name: 'force-new-cluster', usage: 'Force create a new cluster from current state', kind: 'bool' },
    AVAILABILITY,
  ],
  run: (ctx, _args, flags) => {
    checkAvailability(flags.get<string>('availability'), flags.changed.has('availability'));
    const nodeId = ctx.client.post<string>('/swarm/init', undefined, {
      ListenAddr: flags.get<string>('listen-addr'),
      AdvertiseAddr: flags.get<string>('advertise-addr') ?? '',
      DataPathAddr: flags.get<string>('data-path-addr') ?? '',
      ForceNewCluster: flags.get<boolean>('force-new-cluster'),
      Spec: {},
    });
    ctx.out(`Swarm initialized: current node (${nodeId}) is now a manager.\n\n`);
    printJoinCommand(ctx, nodeId, true, false);
    ctx.println(
      "To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.",
    );
    ctx.println();
  },
};

const joinCommand: CommandSpec = {
  use: 'join [OPTIONS] HOST:PORT',
  short: 'Join a swarm as a node and/or manager',
  args: exactArgs(1),
  flags: [
    ...ADDR_FLAGS,
    { name: 'token', usage: 'Token for entry into the swarm', kind: 'string' },
    AVAILABILITY,
  ],
  run: (ctx, args, flags) => {
    checkAvailability(flags.get<string>('availability'), flags.changed.has('availability'));
    ctx.client.post('/swarm/join', undefined, {
      ListenAddr: flags.get<string>('listen-addr'),
      AdvertiseAddr: flags.get<string>('advertise-addr') ?? '',
      DataPathAddr: flags.get<string>('data-path-addr') ?? '',
      RemoteAddrs: [args[0]],
      JoinToken: flags.get<string>('token') ?? '',
    });
    const info = ctx.client.get<{ Swarm: { ControlAvailable: boolean } }>('/info');
    ctx.println(
      info.Swarm.ControlAvailable
        ? 'This node joined a swarm as a manager.'
        : 'This node joined a swarm as a worker.',
    );
  },
};

const joinTokenCommand: CommandSpec = {
  use: 'join-token [OPTIONS] (worker|manager)',
  short: 'Manage join tokens',
  args: exactArgs(1),
  flags: [{ name: 'quiet', shorthand: 'q', usage: 'Only display token', kind: 'bool' }],
  run: (ctx, args, flags) => {
    const role = args[0];
    const worker = role === 'worker';
    const manager = role === 'manager';
    if (!worker && !manager) throw new CliError(`unknown role ${role}`);
    const sw = ctx.client.get<SwarmJson>('/swarm');
    if (flags.get<boolean>('quiet')) {
      ctx.println(worker ? sw.JoinTokens.Worker : sw.JoinTokens.Manager);
      return;
    }
    const info = ctx.client.get<{ Swarm: { NodeID: string } }>('/info');
    printJoinCommand(ctx, info.Swarm.NodeID, worker, manager);
  },
};

const leaveCommand: CommandSpec = {
  use: 'leave [OPTIONS]',
  short: 'Leave the swarm',
  args: noArgs,
  flags: [
    {
      name: 'force',
      shorthand: 'f',
      usage: 'Force this node to leave the swarm, ignoring warnings',
      kind: 'bool',
    },
  ],
  run: (ctx, _args, flags) => {
    ctx.client.post('/swarm/leave', flags.get<boolean>('force') ? { force: '1' } : undefined);
    ctx.println('Node left the swarm.');
  },
};

/** swarmCommand is `docker swarm`. */
export function swarmCommand(): CommandSpec {
  return {
    use: 'swarm',
    short: 'Manage Swarm',
    args: noArgs,
    run: (ctx, _a, _f, cmd) => ctx.err(renderHelp(cmd)),
    subcommands: [initCommand, joinCommand, joinTokenCommand, leaveCommand],
  };
}
