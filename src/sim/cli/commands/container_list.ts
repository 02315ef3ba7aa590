// Mirrors docker/cli cli/command/container/list.go and cli/command/formatter/container.go
// (ContainerContext, DisplayablePorts, NewContainerFormat); simplified: no Platform details.

import { filtersJSON } from '../client.ts';
import { type CommandSpec, noArgs } from '../cobra.ts';
import type { RunContext } from '../context.ts';
import { CliError } from '../errors.ts';
import { formatterStruct, stringMethods, writeFormatted } from '../formatter/context.ts';
import {
  ellipsis,
  goTimeString,
  humanDuration,
  humanSizeWithPrecision,
  joinHostPort,
  strconvQuote,
  truncateID,
} from '../formatter/display.ts';
import { filterFlag, filtersOf, formatFlag } from '../opts.ts';
import { ExecError, type GoStruct, parseTemplate, TemplateParseError } from '../template/index.ts';
import { familiarString, normalizeRef } from './image_pull.ts';

/** PortSummary is container.Port. */
export interface PortSummary {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

/** ContainerSummary is container.Summary (GET /containers/json). */
export interface ContainerSummary {
  Id: string;
  Names?: string[];
  Image?: string;
  ImageID?: string;
  Command?: string;
  Created?: number;
  Ports?: PortSummary[];
  SizeRw?: number;
  SizeRootFs?: number;
  Labels?: Record<string, string> | null;
  State?: string;
  Status?: string;
  NetworkSettings?: { Networks?: Record<string, unknown> } | null;
  Mounts?: Array<{ Name?: string; Source?: string; Driver?: string }>;
}

/** displayablePorts is formatter.DisplayablePorts. */
export function displayablePorts(ports: PortSummary[]): string {
  const sorted = [...ports].sort((i, j) => {
    if (i.PrivatePort !== j.PrivatePort) return i.PrivatePort - j.PrivatePort;
    if ((i.IP ?? '') !== (j.IP ?? '')) return (i.IP ?? '') < (j.IP ?? '') ? -1 : 1;
    if ((i.PublicPort ?? 0) !== (j.PublicPort ?? 0)) return (i.PublicPort ?? 0) - (j.PublicPort ?? 0);
    return i.Type < j.Type ? -1 : i.Type > j.Type ? 1 : 0;
  });
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  const formGroup = (key: string, start: number, last: number): string => {
    const parts = key.split('/');
    let type = parts[0];
    let ip = '';
    if (parts.length > 1) {
      ip = parts[0];
      type = parts[1];
    }
    let group = String(start);
    if (start !== last) group = `${group}-${last}`;
    if (ip !== '') group = `${joinHostPort(ip, group)}->${group}`;
    return `${group}/${type}`;
  };
  for (const port of sorted) {
    const current = port.PrivatePort;
    let key = port.Type;
    if (port.IP) {
      if ((port.PublicPort ?? 0) !== current) {
        hostMappings.push(
          `${joinHostPort(port.IP, String(port.PublicPort ?? 0))}->${port.PrivatePort}/${port.Type}`,
        );
        continue;
      }
      key = `${port.IP}/${port.Type}`;
    }
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: current, last: current });
      continue;
    }
    if (current === g.last + 1) {
      g.last = current;
      continue;
    }
    result.push(formGroup(key, g.first, g.last));
    groups.set(key, { first: current, last: current });
  }
  for (const [key, g] of groups) result.push(formGroup(key, g.first, g.last));
  return [...result, ...hostMappings].join(', ');
}

const HEADERS = {
  ID: 'CONTAINER ID',
  Names: 'NAMES',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
  Platform: 'PLATFORM',
};

/** containerContext is formatter.ContainerContext for one summary. */
export function containerContext(
  c: ContainerSummary,
  trunc: boolean,
  now: number,
  used?: Set<string>,
): GoStruct {
  const methods = stringMethods({
    ID: () => (trunc ? truncateID(c.Id) : c.Id),
    Names: () => {
      let names = (c.Names ?? []).map((n) => n.slice(1));
      if (trunc) {
        const plain = names.find((n) => n.split('/').length === 1);
        if (plain !== undefined) names = [plain];
      }
      return names.join(',');
    },
    Image: () => {
      const img = c.Image ?? '';
      if (img === '') return '<no image>';
      if (trunc) {
        if (truncateID(c.ImageID ?? '') === truncateID(img)) return truncateID(img);
        const named = img.split('@')[0];
        const ref = normalizeRef(named);
        const tagged = !img.includes('@') && named.lastIndexOf(':') > named.lastIndexOf('/');
        if (ref && tagged) return familiarString(ref);
        if (ref) return familiarString({ ...ref, tag: undefined, digest: undefined });
      }
      return img;
    },
    Command: () => strconvQuote(trunc ? ellipsis(c.Command ?? '', 20) : (c.Command ?? '')),
    CreatedAt: () => goTimeString((c.Created ?? 0) * 1000, 0),
    RunningFor: () => `${humanDuration(now - (c.Created ?? 0) * 1000)} ago`,
    Ports: () => displayablePorts(c.Ports ?? []),
    State: () => c.State ?? '',
    Status: () => c.Status ?? '',
    Size: () => {
      used?.add('Size');
      const srw = humanSizeWithPrecision(c.SizeRw ?? 0, 3);
      return (c.SizeRootFs ?? 0) > 0
        ? `${srw} (virtual ${humanSizeWithPrecision(c.SizeRootFs ?? 0, 3)})`
        : srw;
    },
    Labels: () =>
      c.Labels
        ? Object.entries(c.Labels)
            .map(([k, v]) => `${k}=${v}`)
            .sort()
            .join(',')
        : '',
    Mounts: () =>
      (c.Mounts ?? [])
        .map((m) => (trunc ? ellipsis(m.Name || m.Source || '', 15) : m.Name || m.Source || ''))
        .join(','),
    LocalVolumes: () => String((c.Mounts ?? []).filter((m) => m.Driver === 'local').length),
    Networks: () => Object.keys(c.NetworkSettings?.Networks ?? {}).join(','),
    Platform: () => null,
  });
  methods.Label = { params: ['string'], fn: (k) => c.Labels?.[k as string] ?? '' };
  return formatterStruct('*formatter.ContainerContext', methods);
}

/** containerFormat is formatter.NewContainerFormat. */
function containerFormat(source: string, quiet: boolean, size: boolean): string {
  if (source === 'table' || source === '') {
    if (quiet) return '{{.ID}}';
    return `table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}${size ? '\\t{{.Size}}' : ''}`;
  }
  if (source === 'raw') {
    if (quiet) return 'container_id: {{.ID}}';
    return `container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\nstate: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n${size ? 'size: {{.Size}}\\n' : ''}`;
  }
  return quiet ? '{{.ID}}' : source;
}

function runPs(ctx: RunContext, flags: { get<T>(n: string): T; changed: Set<string> }): void {
  const format = flags.get<string>('format');
  const quiet = flags.get<boolean>('quiet');
  if (format !== '' && quiet)
    ctx.err('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
  let size = flags.get<boolean>('size');
  let limit = flags.get<number>('last');
  if (flags.get<boolean>('latest') && limit === -1) limit = 1;
  if (format !== '') {
    const used = new Set<string>();
    try {
      parseTemplate(format).execute(containerContext({ Id: '' }, false, ctx.now(), used));
    } catch (e) {
      if (e instanceof TemplateParseError) throw new CliError(`failed to parse template: ${e.message}`);
      if (e instanceof ExecError) throw new CliError(`failed to execute template: ${e.message}`);
      throw e;
    }
    if (!quiet && !size && !flags.changed.has('size') && used.has('Size')) size = true;
  }
  const q: Record<string, string> = {};
  if (flags.get<boolean>('all')) q.all = '1';
  if (limit !== -1) q.limit = String(limit);
  if (size) q.size = '1';
  const filters = filtersJSON(filtersOf(flags as never));
  if (filters) q.filters = filters;
  const list = ctx.client.get<ContainerSummary[]>('/containers/json', q) ?? [];
  const trunc = !flags.get<boolean>('no-trunc');
  const rows = list.map((c) => containerContext(c, trunc, ctx.now()));
  ctx.out(writeFormatted(containerFormat(format, quiet, size), HEADERS, rows));
}

/** psCommand is `docker ps` (and, with ls/list aliases, `docker container ls`). */
export function psCommand(use = 'ps [OPTIONS]', aliases?: string[]): CommandSpec {
  return {
    use,
    aliases,
    short: 'List containers',
    args: noArgs,
    annotations: {
      'category-top': '3',
      aliases: 'docker container ls, docker container list, docker container ps, docker ps',
    },
    flags: [
      { name: 'quiet', shorthand: 'q', usage: 'Only display container IDs', kind: 'bool' },
      { name: 'size', shorthand: 's', usage: 'Display total file sizes', kind: 'bool' },
      {
        name: 'all',
        shorthand: 'a',
        usage: 'Show all containers (default shows just running)',
        kind: 'bool',
      },
      { name: 'no-trunc', usage: "Don't truncate output", kind: 'bool' },
      {
        name: 'latest',
        shorthand: 'l',
        usage: 'Show the latest created container (includes all states)',
        kind: 'bool',
      },
      {
        name: 'last',
        shorthand: 'n',
        usage: 'Show n last created containers (includes all states)',
        kind: 'int',
        initial: -1,
      },
      formatFlag(),
      filterFlag('Filter output based on conditions provided'),
    ],
    run: (ctx, _args, flags) => runPs(ctx, flags),
  };
}
