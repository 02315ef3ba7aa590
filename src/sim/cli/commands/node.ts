// Mirrors docker/cli cli/command/node/{cmd,list,inspect,formatter}.go (v28.2.2): `docker node ls`
// (the default table with "*" beside the current node, sorted by hostname) and `docker node
// inspect` (JSON or --format), `node update --availability|--role`, `node promote|demote`;
// `node ps` and `node rm` are in node_ps.ts. Simplified: no --filter, no --pretty, no labels.

import { pathEscape } from '../client.ts';
import { type CommandSpec, exactArgs, noArgs, renderHelp, requiresMinArgs } from '../cobra.ts';
import type { RunContext } from '../context.ts';
import { formatterStruct, stringMethods, writeFormatted } from '../formatter/context.ts';
import { naturalSort } from '../formatter/display.ts';
import { inspect } from '../inspect.ts';
import { formatFlag, INSPECT_FORMAT_HELP } from '../opts.ts';
import { nodePs, nodeRemove } from './node_ps.ts';

interface NodeJson {
  ID: string;
  Spec: { Availability: string; Role: string };
  Description: { Hostname: string; Engine: { EngineVersion: string } };
  Status: { State: string };
  ManagerStatus?: { Leader: boolean; Reachability: string };
}

/** NODE_TABLE is node.defaultNodeTableFormat. */
const NODE_TABLE =
  'table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t{{.ManagerStatus}}\t{{.EngineVersion}}';

const HEADERS = {
  ID: 'ID',
  Self: '',
  Hostname: 'HOSTNAME',
  Status: 'STATUS',
  Availability: 'AVAILABILITY',
  ManagerStatus: 'MANAGER STATUS',
  EngineVersion: 'ENGINE VERSION',
  TLSStatus: 'TLS STATUS',
};

/** prettyPrint is formatter.PrettyPrint: the first letter upper-cased, the rest lower-cased. */
export function prettyPrint(s: string): string {
  return s === '' ? '' : s[0].toUpperCase() + s.slice(1).toLowerCase();
}

const listCommand: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List nodes in the swarm',
  args: noArgs,
  flags: [{ name: 'quiet', shorthand: 'q', usage: 'Only display IDs', kind: 'bool' }, formatFlag()],
  run: (ctx, _args, flags) => {
    const nodes = ctx.client.get<NodeJson[]>('/nodes');
    const quiet = flags.get<boolean>('quiet');
    const self =
      nodes.length > 0 && !quiet ? ctx.client.get<{ Swarm: { NodeID: string } }>('/info').Swarm.NodeID : '';
    const sorted = naturalSort([...nodes], (n) => n.Description.Hostname);
    let format = flags.get<string>('format') || 'table';
    if (format === 'table') format = quiet ? '{{.ID}}' : NODE_TABLE;
    const rows = sorted.map((n) =>
      formatterStruct(
        '*node.nodeContext',
        stringMethods({
          ID: () => n.ID,
          Self: () => n.ID === self,
          Hostname: () => n.Description.Hostname,
          Status: () => prettyPrint(n.Status.State),
          Availability: () => prettyPrint(n.Spec.Availability),
          ManagerStatus: () =>
            prettyPrint(
              n.ManagerStatus ? (n.ManagerStatus.Leader ? 'Leader' : n.ManagerStatus.Reachability) : '',
            ),
          EngineVersion: () => n.Description.Engine.EngineVersion,
          TLSStatus: () => 'Unknown',
        }),
      ),
    );
    ctx.out(writeFormatted(format, HEADERS, rows));
  },
};

const inspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] self|NODE [NODE...]',
  short: 'Display detailed information on one or more nodes',
  args: requiresMinArgs(1),
  flags: [formatFlag(INSPECT_FORMAT_HELP, 'f')],
  run: (ctx, args, flags) => {
    inspect(ctx, args, flags.get<string>('format') ?? '', (ref) =>
      ctx.client.get(`/nodes/${pathEscape(ref)}`),
    );
  },
};

interface NodeSpecJson {
  ID: string;
  Version: { Index: number };
  Spec: { Role: string; Availability: string; Labels: Record<string, string> };
}

/** updateNodes is node.updateNodes: inspect, merge, POST the spec, report success. */
function updateNodes(
  ctx: RunContext,
  nodes: string[],
  merge: (n: NodeSpecJson) => boolean,
  success: (id: string) => void,
): void {
  for (const id of nodes) {
    const node = ctx.client.get<NodeSpecJson>(`/nodes/${pathEscape(id)}`);
    if (!merge(node)) continue;
    ctx.client.post(`/nodes/${node.ID}/update`, { version: String(node.Version.Index) }, node.Spec);
    success(id);
  }
}

const updateCommand: CommandSpec = {
  use: 'update [OPTIONS] NODE',
  short: 'Update a node',
  args: exactArgs(1),
  flags: [
    { name: 'role', usage: 'Role of the node ("worker", "manager")', kind: 'string' },
    { name: 'availability', usage: 'Availability of the node ("active", "pause", "drain")', kind: 'string' },
  ],
  run: (ctx, args, flags) => {
    updateNodes(
      ctx,
      args,
      (n) => {
        if (flags.changed.has('role')) n.Spec.Role = flags.get<string>('role');
        if (flags.changed.has('availability')) n.Spec.Availability = flags.get<string>('availability');
        return true;
      },
      () => ctx.out(`${args[0]}\n`),
    );
  },
};

function roleCommand(role: 'manager' | 'worker'): CommandSpec {
  const promote = role === 'manager';
  return {
    use: `${promote ? 'promote' : 'demote'} NODE [NODE...]`,
    short: promote
      ? 'Promote one or more nodes to manager in the swarm'
      : 'Demote one or more nodes from manager in the swarm',
    args: requiresMinArgs(1),
    run: (ctx, args) =>
      updateNodes(
        ctx,
        args,
        (n) => {
          if (n.Spec.Role === role) {
            ctx.out(`Node ${n.ID} is already a ${role}.\n`);
            return false;
          }
          n.Spec.Role = role;
          return true;
        },
        (id) =>
          ctx.out(
            promote
              ? `Node ${id} promoted to a manager in the swarm.\n`
              : `Manager ${id} demoted in the swarm.\n`,
          ),
      ),
  };
}

/** nodeCommand is `docker node`. */
export function nodeCommand(): CommandSpec {
  return {
    use: 'node',
    short: 'Manage Swarm nodes',
    args: noArgs,
    run: (ctx, _a, _f, cmd) => ctx.err(renderHelp(cmd)),
    subcommands: [
      roleCommand('worker'),
      inspectCommand,
      listCommand,
      roleCommand('manager'),
      nodePs,
      nodeRemove,
      updateCommand,
    ],
  };
}
