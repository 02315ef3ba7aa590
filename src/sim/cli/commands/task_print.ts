// Mirrors docker/cli cli/command/task/{print,formatter}.go and cli/command/idresolver (v28.2.2):
// the task table `service ps` and `node ps` share. Tasks are named <service>.<slot> (or
// <service>.<node ID> for global services), sorted so a slot's tasks sit together, newest first,
// and the older ones are indented " \_ " in table formats. Service and node IDs are resolved to
// names (best effort: an ID that no longer resolves is printed as it is).

import { humanDuration } from '../../gounits.ts';
import type { RunContext } from '../context.ts';
import { formatterStruct, isTableFormat, stringMethods, writeFormatted } from '../formatter/context.ts';
import { ellipsis, naturalLess, parseRFC3339, truncateID } from '../formatter/display.ts';
import { prettyPrint } from './node.ts';

/** TaskJson is the part of a swarm.Task the task table reads. */
export interface TaskJson {
  ID: string;
  CreatedAt: string;
  Slot?: number;
  /** NodeID is absent (Go's "") until the scheduler assigns the task. */
  NodeID?: string;
  ServiceID: string;
  DesiredState: string;
  Spec: { ContainerSpec: { Image: string } };
  Status: {
    Timestamp: string;
    State: string;
    Err?: string;
    PortStatus: {
      Ports?: Array<{ Protocol: string; TargetPort: number; PublishedPort: number }>;
    };
  };
}

/** displayImage strips a pinned digest (reference.WithTag(TrimNamed(nt), tag)). */
export const displayImage = (image: string): string => {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  return name.slice(name.lastIndexOf('/') + 1).includes(':') ? name : image;
};

const TASK_TABLE =
  'table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}';
const TASK_RAW =
  'id: {{.ID}}\\nname: {{.Name}}\\nimage: {{.Image}}\\nnode: {{.Node}}\\ndesired_state: {{.DesiredState}}\\ncurrent_state: {{.CurrentState}}\\nerror: {{.Error}}\\nports: {{.Ports}}\\n';

/** newTaskFormat is task.NewTaskFormat: "table" and "raw" expand, anything else is a template. */
export function newTaskFormat(source: string, quiet: boolean): string {
  if (source === 'table') return quiet ? '{{.ID}}' : TASK_TABLE;
  if (source === 'raw') return quiet ? 'id: {{.ID}}' : TASK_RAW;
  return source;
}

/** PrintOptions are task.Print's switches. */
export interface PrintOptions {
  trunc: boolean;
  quiet: boolean;
  format: string;
  /** noResolve keeps service and node IDs (--no-resolve). */
  noResolve?: boolean;
}

/** printTasks is task.Print. */
export function printTasks(ctx: RunContext, tasks: TaskJson[], opts: PrintOptions): void {
  const cache = new Map<string, string>();
  const resolve = (path: string, id: string, pick: (o: Record<string, unknown>) => string): string => {
    // an unassigned (Pending) task has no node: the client's trimID fails before any request
    if (opts.noResolve || id === '') return id;
    const hit = cache.get(path + id);
    if (hit !== undefined) return hit;
    let name = id;
    try {
      name = pick(ctx.client.get<Record<string, unknown>>(`${path}${id}`)) || id;
    } catch {
      // idresolver: best effort, the ID stays
    }
    cache.set(path + id, name);
    return name;
  };
  const svcName = (id: string): string =>
    resolve('/services/', id, (s) => String((s.Spec as { Name?: string } | undefined)?.Name ?? ''));
  const nodeName = (id: string): string =>
    resolve('/nodes/', id, (n) => {
      const spec = n.Spec as { Name?: string } | undefined;
      const desc = n.Description as { Hostname?: string } | undefined;
      return spec?.Name || desc?.Hostname || '';
    });
  const named = tasks.map((t) => ({
    t,
    name: `${svcName(t.ServiceID)}.${t.Slot ? t.Slot : (t.NodeID ?? '')}`,
  }));
  const ms = (s: string): number => parseRFC3339(s)?.ms ?? 0;
  named.sort((a, b) =>
    a.name !== b.name ? (naturalLess(a.name, b.name) ? -1 : 1) : ms(b.t.CreatedAt) - ms(a.t.CreatedAt),
  );
  const format = newTaskFormat(opts.format, opts.quiet);
  const indent = isTableFormat(format) ? ' \\_ ' : '';
  // names are kept by task ID (print.go's names map): a task listed twice (node ps NODE1 NODE2)
  // shows the name its last row got, as the real client does
  const shownById = new Map<string, string>();
  let prev = '';
  for (const { t, name } of named) {
    shownById.set(t.ID, name === prev ? `${indent}${name}` : name);
    prev = name;
  }
  const rows = named.map(({ t }) => {
    const shown = shownById.get(t.ID) ?? '';
    const node = nodeName(t.NodeID ?? '');
    return formatterStruct(
      '*task.taskContext',
      stringMethods({
        ID: () => (opts.trunc ? truncateID(t.ID) : t.ID),
        Name: () => shown,
        Image: () => (opts.trunc ? displayImage(t.Spec.ContainerSpec.Image) : t.Spec.ContainerSpec.Image),
        Node: () => node,
        DesiredState: () => prettyPrint(t.DesiredState),
        CurrentState: () =>
          `${prettyPrint(t.Status.State)} ${humanDuration(ctx.now() - ms(t.Status.Timestamp)).toLowerCase()} ago`,
        Error: () => {
          const e = opts.trunc ? ellipsis(t.Status.Err ?? '', 30) : (t.Status.Err ?? '');
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
