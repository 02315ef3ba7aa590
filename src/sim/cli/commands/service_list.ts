// Mirrors docker/cli cli/command/service/{list,ps,inspect,logs,formatter}.go (v28.2.2): `service
// ls` (ID, NAME, MODE, REPLICAS, IMAGE, PORTS), `service inspect` (JSON or --format) and
// `service logs` ("<task>@<node>    | " before each line). `service ps` is in service_ps.ts.

import { filtersJSON, pathEscape } from '../client.ts';
import { type CommandSpec, exactArgs, noArgs, requiresMinArgs } from '../cobra.ts';
import { ApiError, CliError } from '../errors.ts';
import { formatterStruct, stringMethods, writeFormatted } from '../formatter/context.ts';
import { naturalSort, truncateID } from '../formatter/display.ts';
import { inspect } from '../inspect.ts';
import { filterFlag, filtersOf, formatFlag, INSPECT_FORMAT_HELP } from '../opts.ts';
import { GoStruct } from '../template/index.ts';
import { type PrettyServiceJson, prettyService } from './service_pretty.ts';
import { displayImage, type TaskJson } from './task_print.ts';

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
  flags: [
    { name: 'quiet', shorthand: 'q', usage: 'Only display IDs', kind: 'bool' },
    formatFlag(),
    filterFlag('Filter output based on conditions provided'),
  ],
  run: (ctx, _args, flags) => {
    const quiet = flags.get<boolean>('quiet');
    const filters = filtersJSON(filtersOf(flags));
    const query: Record<string, string> = quiet ? {} : { status: 'true' };
    if (filters) query.filters = filters;
    const services = ctx.client.get<ServiceJson[]>(
      '/services',
      Object.keys(query).length > 0 ? query : undefined,
    );
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

/**
 * serviceTypedView is what swarm.Service's Go type shows a template: nil slices and pointers are
 * there (printing <nil>), while {{json}} still omits them as the daemon's JSON does.
 */
function serviceTypedView(raw: unknown): unknown {
  const svc = raw as Record<string, unknown> & { Endpoint?: Record<string, unknown> };
  const endpoint = svc.Endpoint ?? {};
  return new GoStruct(
    'swarm.Service',
    {
      ...svc,
      PreviousSpec: svc.PreviousSpec ?? null,
      UpdateStatus: svc.UpdateStatus
        ? new GoStruct(
            'swarm.UpdateStatus',
            { State: '', StartedAt: null, CompletedAt: null, Message: '', ...(svc.UpdateStatus as object) },
            {},
            () => svc.UpdateStatus,
          )
        : null,
      Endpoint: new GoStruct(
        'swarm.Endpoint',
        { Ports: null, VirtualIPs: null, ...endpoint },
        {},
        () => endpoint,
      ),
    },
    {},
    () => raw,
  );
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
            `${prettyService(ctx.client.get<PrettyServiceJson>(`/services/${pathEscape(ref)}`), names, ctx.now())}\n`,
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
