// Mirrors docker/cli cli/command/network/{cmd,list,formatter,inspect,remove,connect,disconnect,
// prune}.go; simplified: no config-file formats, no completion.

import { filtersJSON, pathEscape } from '../client.ts';
import { type CommandSpec, exactArgs, noArgs, renderHelp, requiresMinArgs } from '../cobra.ts';
import type { RunContext } from '../context.ts';
import { ApiError, CliError } from '../errors.ts';
import { formatterStruct, stringMethods, writeFormatted } from '../formatter/context.ts';
import { goTimeString, naturalSort, parseRFC3339, truncateID } from '../formatter/display.ts';
import { inspect } from '../inspect.ts';
import { filterFlag, filtersOf, formatFlag, INSPECT_FORMAT_HELP, validateLink } from '../opts.ts';
import { GoStruct, GoText } from '../template/index.ts';
import { networkCreateCommand } from './network_create.ts';

interface NetworkSummary {
  Name: string;
  Id: string;
  Created?: string;
  Scope: string;
  Driver: string;
  EnableIPv4?: boolean;
  EnableIPv6?: boolean;
  Internal?: boolean;
  Labels?: Record<string, string> | null;
}

const HEADERS = {
  ID: 'NETWORK ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv4: 'IPV4',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  Labels: 'LABELS',
  CreatedAt: 'CREATED AT',
};

function networkContext(n: NetworkSummary, trunc: boolean): GoStruct {
  const methods = stringMethods({
    ID: () => (trunc ? truncateID(n.Id) : n.Id),
    Name: () => n.Name,
    Driver: () => n.Driver,
    Scope: () => n.Scope,
    IPv4: () => String(n.EnableIPv4 ?? false),
    IPv6: () => String(n.EnableIPv6 ?? false),
    Internal: () => String(n.Internal ?? false),
    Labels: () =>
      n.Labels
        ? Object.entries(n.Labels)
            .map(([k, v]) => `${k}=${v}`)
            .join(',')
        : '',
    CreatedAt: () => {
      const t = parseRFC3339(n.Created ?? '');
      return t ? goTimeString(t.ms, t.nanos) : '0001-01-01 00:00:00 +0000 UTC';
    },
  });
  methods.Label = { params: ['string'], fn: (k) => n.Labels?.[k as string] ?? '' };
  return formatterStruct('*network.networkContext', methods);
}

/** networkFormat is network.NewFormat. */
function networkFormat(source: string, quiet: boolean): string {
  if (source === 'table') return quiet ? '{{.ID}}' : 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';
  if (source === 'raw')
    return quiet
      ? 'network_id: {{.ID}}'
      : 'network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n';
  return source;
}

const listCommand: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List networks',
  args: noArgs,
  flags: [
    { name: 'quiet', shorthand: 'q', usage: 'Only display network IDs', kind: 'bool' },
    { name: 'no-trunc', usage: 'Do not truncate the output', kind: 'bool' },
    formatFlag(),
    filterFlag('Provide filter values (e.g. "driver=bridge")'),
  ],
  run: (ctx, _args, flags) => {
    const filters = filtersJSON(filtersOf(flags));
    const list = ctx.client.get<NetworkSummary[]>('/networks', filters ? { filters } : undefined) ?? [];
    const format = flags.get<string>('format') || 'table';
    const sorted = naturalSort(list, (n) => n.Name);
    const rows = sorted.map((n) => networkContext(n, !flags.get<boolean>('no-trunc')));
    ctx.out(writeFormatted(networkFormat(format, flags.get<boolean>('quiet')), HEADERS, rows));
  },
};

/** getNetwork is NetworkInspectWithRaw. */
export function getNetwork(ctx: RunContext, name: string, verbose = false): unknown {
  return ctx.client.get(`/networks/${pathEscape(name)}`, verbose ? { verbose: 'true' } : undefined);
}

/** ipamConfigStruct is network.IPAMConfig: its omitempty fields read as "" (map[] for AuxAddress) when absent. */
function ipamConfigStruct(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const c = raw as Record<string, unknown>;
  const fields = {
    Subnet: c.Subnet ?? '',
    IPRange: c.IPRange ?? '',
    Gateway: c.Gateway ?? '',
    AuxAddress: c.AuxiliaryAddresses ?? new GoText('map[string]string', 'map[]', null, false),
  };
  return new GoStruct('network.IPAMConfig', fields, {}, () => raw);
}

/** networkTypedView mirrors network.Inspect's Go types: Created is a time.Time, nil maps print map[]. */
export function networkTypedView(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const n = { ...(raw as Record<string, unknown>) };
  const t = parseRFC3339(String(n.Created ?? ''));
  if (t) n.Created = new GoText('time.Time', goTimeString(t.ms, t.nanos), n.Created);
  const nilMap = (v: unknown): unknown =>
    v === null ? new GoText('map[string]string', 'map[]', null, false) : v;
  for (const k of ['Containers', 'Options', 'Labels']) if (k in n) n[k] = nilMap(n[k]);
  if (n.IPAM && typeof n.IPAM === 'object') {
    const ipam = { ...(n.IPAM as Record<string, unknown>) };
    ipam.Options = nilMap(ipam.Options);
    if (Array.isArray(ipam.Config)) ipam.Config = ipam.Config.map(ipamConfigStruct);
    n.IPAM = ipam;
  }
  // Peers and Services are omitempty: absent from {{json .}}, nil (null) for a template field
  return new GoStruct(
    'network.Inspect',
    { ...n, Peers: n.Peers ?? null, Services: n.Services ?? null },
    {},
    () => raw,
  );
}

const inspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  args: requiresMinArgs(1),
  flags: [
    formatFlag(INSPECT_FORMAT_HELP, 'f'),
    { name: 'verbose', shorthand: 'v', usage: 'Verbose output for diagnostics', kind: 'bool' },
  ],
  run: (ctx, args, flags) =>
    inspect(
      ctx,
      args,
      flags.get('format'),
      (ref) => getNetwork(ctx, ref, flags.get('verbose')),
      networkTypedView,
    ),
};

const INGRESS_WARNING =
  'WARNING! Before removing the routing-mesh network, make sure all the nodes in your swarm run the same docker engine version. ' +
  'Otherwise, removal may not be effective and functionality of newly create ingress networks will be impaired.\nAre you sure you want to continue?';

/** confirm is prompt.Confirm: prints the question and reads one line of stdin. */
export function confirm(ctx: RunContext, message: string): boolean {
  ctx.out(`${message} [y/N] `);
  const line = ctx.stdin.split('\n')[0] ?? '';
  return ctx.stdin !== '' && line.trim().toLowerCase() === 'y';
}

const removeCommand: CommandSpec = {
  use: 'rm NETWORK [NETWORK...]',
  aliases: ['remove'],
  short: 'Remove one or more networks',
  args: requiresMinArgs(1),
  flags: [
    { name: 'force', shorthand: 'f', usage: 'Do not error if the network does not exist', kind: 'bool' },
  ],
  run: (ctx, args, flags) => {
    let status = 0;
    for (const name of args) {
      let nw: { Ingress?: boolean } | undefined;
      try {
        nw = getNetwork(ctx, name) as { Ingress?: boolean };
      } catch {
        nw = undefined;
      }
      if (nw?.Ingress && !confirm(ctx, INGRESS_WARNING)) continue;
      try {
        ctx.client.del(`/networks/${pathEscape(name)}`);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        if (flags.get<boolean>('force') && e.isNotFound) continue;
        ctx.eprintln(e.message);
        status = 1;
        continue;
      }
      ctx.println(name);
    }
    if (status !== 0) throw new CliError(`exit status ${status}`, status);
  },
};

const connectCommand: CommandSpec = {
  use: 'connect [OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  args: exactArgs(2),
  flags: [
    { name: 'ip', usage: 'IPv4 address (e.g., "172.30.100.104")', kind: 'string' },
    { name: 'ip6', usage: 'IPv6 address (e.g., "2001:db8::33")', kind: 'string' },
    { name: 'link', usage: 'Add link to another container', kind: 'list', validate: validateLink },
    { name: 'alias', usage: 'Add network-scoped alias for the container', kind: 'stringSlice' },
    { name: 'link-local-ip', usage: 'Add a link-local address for the container', kind: 'stringSlice' },
    { name: 'driver-opt', usage: 'driver options for the network', kind: 'stringSlice' },
    {
      name: 'gw-priority',
      usage: 'Highest gw-priority provides the default gateway. Accepts positive and negative values.',
      kind: 'int',
    },
  ],
  run: (ctx, args, flags) => {
    const driverOpts: Record<string, string> = {};
    for (const o of flags.get<string[]>('driver-opt')) {
      const i = o.indexOf('=');
      const k = (i < 0 ? o : o.slice(0, i)).trim();
      if (i < 0 || k === '') throw new CliError('invalid key/value pair format in driver options');
      driverOpts[k] = o.slice(i + 1).trim();
    }
    const links = flags.get<string[]>('link');
    const lli = flags.get<string[]>('link-local-ip');
    const endpoint: Record<string, unknown> = {
      IPAMConfig: {
        IPv4Address: flags.get<string>('ip') || undefined,
        IPv6Address: flags.get<string>('ip6') || undefined,
        LinkLocalIPs: lli.length > 0 ? lli : undefined,
      },
      Links: links.length > 0 ? links : null,
      Aliases: flags.get<string[]>('alias'),
      DriverOpts: driverOpts,
      GwPriority: flags.get<number>('gw-priority') || undefined,
    };
    ctx.client.post(`/networks/${pathEscape(args[0])}/connect`, undefined, {
      Container: args[1],
      EndpointConfig: endpoint,
    });
  },
};

const disconnectCommand: CommandSpec = {
  use: 'disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  args: exactArgs(2),
  flags: [
    {
      name: 'force',
      shorthand: 'f',
      usage: 'Force the container to disconnect from a network',
      kind: 'bool',
    },
  ],
  run: (ctx, args, flags) => {
    ctx.client.post(`/networks/${pathEscape(args[0])}/disconnect`, undefined, {
      Container: args[1],
      Force: flags.get<boolean>('force'),
    });
  },
};

const PRUNE_WARNING = `WARNING! This will remove all custom networks not used by at least one container.
Are you sure you want to continue?`;

const pruneCommand: CommandSpec = {
  use: 'prune [OPTIONS]',
  short: 'Remove all unused networks',
  args: noArgs,
  flags: [
    { name: 'force', shorthand: 'f', usage: 'Do not prompt for confirmation', kind: 'bool' },
    filterFlag('Provide filter values (e.g. "until=<timestamp>")', undefined),
  ],
  run: (ctx, _args, flags) => {
    if (!flags.get<boolean>('force') && !confirm(ctx, PRUNE_WARNING)) {
      throw new CliError('network prune has been cancelled', 1, true);
    }
    const filters = filtersJSON(filtersOf(flags));
    const report = ctx.client.post<{ NetworksDeleted?: string[] | null }>(
      '/networks/prune',
      filters ? { filters } : undefined,
    );
    const deleted = report?.NetworksDeleted ?? [];
    if (deleted.length > 0) ctx.println(`Deleted Networks:\n${deleted.map((d) => `${d}\n`).join('')}`);
  },
};

/** networkCommand is `docker network`. */
export function networkCommand(): CommandSpec {
  return {
    use: 'network',
    short: 'Manage networks',
    args: noArgs,
    run: (ctx, _a, _f, cmd) => ctx.err(renderHelp(cmd)),
    subcommands: [
      connectCommand,
      networkCreateCommand,
      disconnectCommand,
      inspectCommand,
      listCommand,
      removeCommand,
      pruneCommand,
    ],
  };
}
