// Mirrors docker/cli cli/command/node/{cmd,list,inspect,formatter}.go (v28.2.2): `docker node ls`
// (the default table with "*" beside the current node, sorted by hostname) and `docker node
// inspect` (JSON or --format). Simplified: no --filter, no --pretty, promote/demote/update/rm.

import { pathEscape } from '../client.ts';
import { type CommandSpec, noArgs, renderHelp, requiresMinArgs } from '../cobra.ts';
import { formatterStruct, stringMethods, writeFormatted } from '../formatter/context.ts';
import { naturalSort } from '../formatter/display.ts';
import { inspect } from '../inspect.ts';
import { formatFlag, INSPECT_FORMAT_HELP } from '../opts.ts';

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

/** nodeCommand is `docker node`. */
export function nodeCommand(): CommandSpec {
  return {
    use: 'node',
    short: 'Manage Swarm nodes',
    args: noArgs,
    run: (ctx, _a, _f, cmd) => ctx.err(renderHelp(cmd)),
    subcommands: [inspectCommand, listCommand],
  };
}
