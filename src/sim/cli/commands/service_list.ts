// Mirrors docker/cli cli/command/service/{list,ps,inspect,logs,formatter}.go and
// cli/command/task/{print,formatter}.go (v28.2.2): `service ls` (ID, NAME, MODE, REPLICAS, IMAGE,
// PORTS), `service ps` (tasks of a slot together, previous ones indented " \_ "), `service
// inspect` (JSON or --format) and `service logs` ("<task>@<node>    | " before each line).

import { humanDuration } from '../../gounits.ts';
import { pathEscape } from '../client.ts';
import { type CommandSpec, exactArgs, noArgs, requiresMinArgs } from '../cobra.ts';
import type { RunContext } from '../context.ts';
import { ApiError, CliError } from '../errors.ts';
import { formatterStruct, stringMethods, writeFormatted } from '../formatter/context.ts';
import { ellipsis, naturalLess, naturalSort, parseRFC3339, truncateID } from '../formatter/display.ts';
import { inspect } from '../inspect.ts';
import { formatFlag, INSPECT_FORMAT_HELP } from '../opts.ts';
import { prettyPrint } from './node.ts';
import { type PrettyServiceJson, prettyService } from './service_pretty.ts';

interface PortJson {
  Protocol: string;
  TargetPort: number;
  PublishedPort: number;
  PublishMode: string;
}
interface ServiceJson {
  ID: string;
  Spec: {
    Name: string;
    Mode: { Replicated?: { Replicas: number }; Global?: object };
    TaskTemplate: { ContainerSpec: { Image: string } };
  };
  Endpoint: { Ports?: PortJson[] };
  ServiceStatus?: { RunningTasks: number; DesiredTasks: number };
}
interface TaskJson {
  ID: string;
  CreatedAt: string;
  Slot?: number;
  NodeID: string;
  ServiceID: string;
  DesiredState: string;
  Spec: { ContainerSpec: { Image: string } };
  Status: { Timestamp: string; State: string; Err?: string; PortStatus: { Ports?: PortJson[] } };
}

/** displayImage strips a pinned digest (reference.WithTag(TrimNamed(nt), tag)). */
const displayImage = (image: string): string => {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  return name.slice(name.lastIndexOf('/') + 1).includes(':') ? name : image;
};

/** portsColumn is serviceContext.Ports: ingress ports grouped into ranges. */
export function portsColumn(ports: PortJson[] | undefined): string {
  if (!ports) return '';
  const sorted = [...ports].sort((a, b) =>
    a.Protocol === b.Protocol ? a.PublishedPort - b.PublishedPort : a.Protocol < b.Protocol ? -1 : 1,
  );
  const out: string[] = [];
  let pr = { pStart: 0, pEnd: 0, tStart: 0, tEnd: 0, protocol: '' };
  const str = (r: typeof pr): string =>
    `*:${r.pEnd > r.pStart ? `${r.pStart}-${r.pEnd}` : r.pStart}->${r.tEnd > r.tStart ? `${r.tStart}-${r.tEnd}` : r.tStart}/${r.protocol}`;
  for (const p of sorted) {
    if (p.PublishMode !== 'ingress') continue;
    const isRange = pr.tEnd !== pr.tStart;
    if (
      p.Protocol !== pr.protocol ||
      p.PublishedPort - pr.pEnd > 1 ||
      p.TargetPort - pr.tEnd > 1 ||
      (isRange && p.TargetPort <= pr.tEnd)
    ) {
      if (pr.pStart > 0) out.push(str(pr));
      pr = {
        pStart: p.PublishedPort,
        pEnd: p.PublishedPort,
        tStart: p.TargetPort,
        tEnd: p.TargetPort,
        protocol: p.Protocol,
      };
      continue;
    }
    pr.pEnd = p.PublishedPort;
    pr.tEnd = p.TargetPort;
  }
  if (pr.pStart > 0) out.push(str(pr));
  return out.join(', ');
}

const SERVICE_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}';

/** serviceList is `docker service ls`. */
export const serviceList: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List services',
  args: noArgs,
  flags: [{ name: 'quiet', shorthand: 'q', usage: 'Only display IDs', kind: 'bool' }, formatFlag()],
  run: (ctx, _args, flags) => {
    const quiet = flags.get<boolean>('quiet');
    const services = ctx.client.get<ServiceJson[]>('/services', quiet ? undefined : { status: 'true' });
    let format = flags.get<string>('format') || 'table';
    if (format === 'table') format = quiet ? '{{.ID}}' : SERVICE_TABLE;
    const rows = naturalSort([...services], (s) => s.Spec.Name).map((s) =>
      formatterStruct(
        '*service.serviceContext',
        stringMethods({
          ID: () => truncateID(s.ID),
          Name: () => s.Spec.Name,
          Mode: () => (s.Spec.Mode.Global ? 'global' : 'replicated'),
          Replicas: () => `${s.ServiceStatus?.RunningTasks ?? 0}/${s.ServiceStatus?.DesiredTasks ?? 0}`,
          Image: () => displayImage(s.Spec.TaskTemplate.ContainerSpec.Image),
          Ports: () => portsColumn(s.Endpoint.Ports),
        }),
      ),
    );
    ctx.out(
      writeFormatted(
        format,
        { ID: 'ID', Name: 'NAME', Mode: 'MODE', Replicas: 'REPLICAS', Image: 'IMAGE', Ports: 'PORTS' },
        rows,
      ),
    );
  },
};

const TASK_TABLE =
  'table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}';

function printTasks(ctx: RunContext, tasks: TaskJson[], trunc: boolean, format: string): void {
  const svcNames = new Map<string, string>();
  const nodeNames = new Map<string, string>();
  const svcName = (id: string): string => {
    if (!svcNames.has(id)) svcNames.set(id, ctx.client.get<ServiceJson>(`/services/${id}`).Spec.Name);
    return svcNames.get(id) as string;
  };
  const nodeName = (id: string): string => {
    if (!nodeNames.has(id))
      nodeNames.set(
        id,
        ctx.client.get<{ Description: { Hostname: string } }>(`/nodes/${id}`).Description.Hostname,
      );
    return nodeNames.get(id) as string;
  };
  const named = tasks.map((t) => ({ t, name: `${svcName(t.ServiceID)}.${t.Slot ? t.Slot : t.NodeID}` }));
  const ms = (s: string): number => parseRFC3339(s)?.ms ?? 0;
  named.sort((a, b) =>
    a.name !== b.name ? (naturalLess(a.name, b.name) ? -1 : 1) : ms(b.t.CreatedAt) - ms(a.t.CreatedAt),
  );
  const table = format.startsWith('table');
  let prev = '';
  const rows = named.map(({ t, name }) => {
    const shown = name === prev && table ? ` \\_ ${name}` : name;
    prev = name;
    return formatterStruct(
      '*task.taskContext',
      stringMethods({
        ID: () => (trunc ? truncateID(t.ID) : t.ID),
        Name: () => shown,
        Image: () => (trunc ? displayImage(t.Spec.ContainerSpec.Image) : t.Spec.ContainerSpec.Image),
        Node: () => nodeName(t.NodeID),
        DesiredState: () => prettyPrint(t.DesiredState),
        CurrentState: () =>
          `${prettyPrint(t.Status.State)} ${humanDuration(ctx.now() - ms(t.Status.Timestamp)).toLowerCase()} ago`,
        Error: () => {
          const e = trunc ? ellipsis(t.Status.Err ?? '', 30) : (t.Status.Err ?? '');
          return e ? `"${e}"` : '';
        },
        Ports: () =>
          (t.Status.PortStatus.Ports ?? [])
            .map((p) => `*:${p.PublishedPort}->${p.TargetPort}/${p.Protocol}`)
            .join(','),
      }),
    );
  });
  ctx.out(
    writeFormatted(
      format,
      {
        ID: 'ID',
        Name: 'NAME',
        Image: 'IMAGE',
        Node: 'NODE',
        DesiredState: 'DESIRED STATE',
        CurrentState: 'CURRENT STATE',
        Error: 'ERROR',
        Ports: 'PORTS',
      },
      rows,
    ),
  );
}

/** servicePs is `docker service ps`. */
export const servicePs: CommandSpec = {
  use: 'ps [OPTIONS] SERVICE [SERVICE...]',
  short: 'List the tasks of one or more services',
  args: requiresMinArgs(1),
  flags: [
    { name: 'quiet', shorthand: 'q', usage: 'Only display task IDs', kind: 'bool' },
    { name: 'no-trunc', usage: 'Do not truncate output', kind: 'bool' },
    formatFlag(),
  ],
  run: (ctx, args, flags) => {
    const ids = args.map((a) => {
      try {
        return ctx.client.get<ServiceJson>(`/services/${pathEscape(a)}`).ID;
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) throw new CliError(`no such service: ${a}`);
        throw e;
      }
    });
    const filters = JSON.stringify({ service: Object.fromEntries(ids.map((id) => [id, true])) });
    const tasks = ctx.client.get<TaskJson[]>('/tasks', { filters });
    let format = flags.get<string>('format') || 'table';
    if (format === 'table') format = flags.get<boolean>('quiet') ? '{{.ID}}' : TASK_TABLE;
    const quiet = flags.get<boolean>('quiet');
    printTasks(ctx, tasks, !flags.get<boolean>('no-trunc') && !quiet, format);
  },
};

/** serviceTypedView is what swarm.Service's Go type shows a template: nil slices are present. */
function serviceTypedView(raw: unknown): unknown {
  const svc = raw as { Endpoint?: Record<string, unknown> };
  return { ...svc, Endpoint: { Ports: null, VirtualIPs: null, ...(svc.Endpoint ?? {}) } };
}

/** serviceInspect is `docker service inspect` (JSON or --format). */
export const serviceInspect: CommandSpec = {
  use: 'inspect [OPTIONS] SERVICE [SERVICE...]',
  short: 'Display detailed information on one or more services',
  args: requiresMinArgs(1),
  flags: [
    formatFlag(INSPECT_FORMAT_HELP, 'f'),
    { name: 'pretty', usage: 'Print the information in a human friendly format', kind: 'bool' },
  ],
  run: (ctx, args, flags) => {
    if (flags.get<boolean>('pretty') && flags.get<string>('format'))
      throw new CliError('--format is incompatible with human friendly format');
    if (flags.get<boolean>('pretty')) {
      const names = (id: string): string => {
        try {
          return ctx.client.get<{ Name: string }>(`/networks/${id}`).Name;
        } catch {
          return id;
        }
      };
      const errs: string[] = [];
      for (const ref of args) {
        try {
          ctx.out(
            `${prettyService(ctx.client.get<PrettyServiceJson>(`/services/${pathEscape(ref)}`), names)}\n`,
          );
        } catch (e) {
          if (e instanceof ApiError && e.status === 404) errs.push(`Error: no such service: ${ref}`);
          else throw e;
        }
      }
      if (errs.length > 0) throw new CliError(errs.join('\n'));
      return;
    }
    inspect(
      ctx,
      args,
      flags.get<string>('format') ?? '',
      (ref) => {
        try {
          return ctx.client.get(`/services/${pathEscape(ref)}`);
        } catch (e) {
          if (e instanceof ApiError && e.status === 404) throw new CliError(`Error: no such service: ${ref}`);
          throw e;
        }
      },
      serviceTypedView,
    );
  },
};

/** serviceLogs is `docker service logs` for a service (no --follow: the log so far). */
export const serviceLogs: CommandSpec = {
  use: 'logs [OPTIONS] SERVICE|TASK',
  short: 'Fetch the logs of a service or task',
  args: exactArgs(1),
  flags: [{ name: 'no-task-ids', usage: 'Do not include task IDs in output', kind: 'bool' }],
  run: (ctx, args, flags) => {
    let svc: ServiceJson;
    try {
      svc = ctx.client.get<ServiceJson>(`/services/${pathEscape(args[0])}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404)
        throw new CliError(`no such task or service: ${args[0]}`);
      throw e;
    }
    const padding = String(svc.Spec.Mode.Replicated?.Replicas ?? 1).length;
    const res = ctx.client.get<{ stdout: string; stderr: string }>(`/services/${svc.ID}/logs`, {
      stdout: '1',
      stderr: '1',
      details: '1',
    });
    const cache = new Map<string, string>();
    const prefix = (details: string): string => {
      const cached = cache.get(details);
      if (cached) return cached;
      const kv = Object.fromEntries(details.split(',').map((p) => p.split('=') as [string, string]));
      const task = ctx.client.get<TaskJson>(`/tasks/${kv['com.docker.swarm.task.id']}`);
      const node = ctx.client.get<{ Description: { Hostname: string } }>(
        `/nodes/${kv['com.docker.swarm.node.id']}`,
      );
      const slot = task.Slot ?? 0;
      const id = flags.get<boolean>('no-task-ids') ? '' : `.${truncateID(task.ID)}`;
      const out = `${svc.Spec.Name}.${slot}${id}@${node.Description.Hostname}${' '.repeat(Math.max(0, padding - String(slot).length))}`;
      cache.set(details, out);
      return out;
    };
    for (const stream of ['stdout', 'stderr'] as const)
      for (const line of res[stream].split(/(?<=\n)/).filter((l) => l !== '')) {
        const sp = line.indexOf(' ');
        const text = `${prefix(line.slice(0, sp))}    | ${line.slice(sp + 1)}`;
        if (stream === 'stdout') ctx.out(text);
        else ctx.err(text);
      }
  },
};
