// Mirrors docker/cli cli/command/service/ps.go (v28.2.2): `docker service ps SERVICE...` matches
// each argument by full ID, then full name, then ID prefix ("no such service: x" for the ones
// that match nothing, printed after the tasks of those that do), resolves --filter node=… through
// node.Reference ("self" included) and prints the task table of task_print.ts.

import { filtersJSON } from '../client.ts';
import { type CommandSpec, requiresMinArgs } from '../cobra.ts';
import { CliError } from '../errors.ts';
import { filterFlag, filtersOf } from '../opts.ts';
import { nodeReference } from './node_ps.ts';
import { printTasks, type TaskJson } from './task_print.ts';

/** servicePs is `docker service ps`. */
export const servicePs: CommandSpec = {
  use: 'ps [OPTIONS] SERVICE [SERVICE...]',
  short: 'List the tasks of one or more services',
  args: requiresMinArgs(1),
  flags: [
    { name: 'quiet', shorthand: 'q', usage: 'Only display task IDs', kind: 'bool' },
    { name: 'no-trunc', usage: 'Do not truncate output', kind: 'bool' },
    { name: 'no-resolve', usage: 'Do not map IDs to Names', kind: 'bool' },
    { name: 'format', usage: 'Pretty-print tasks using a Go template', kind: 'string' },
    filterFlag('Filter output based on conditions provided'),
  ],
  run: (ctx, args, flags) => {
    const filter = filtersOf(flags);
    const listed = (key: string): Array<{ ID: string; Spec: { Name: string } }> =>
      ctx.client.get('/services', { filters: filtersJSON(new Map([[key, args]])) ?? '' });
    const byId = listed('id');
    const byName = listed('name');
    const notfound: string[] = [];
    const ids: string[] = [];
    for (const arg of args) {
      const hit = byId.find((s) => s.ID === arg) ?? byName.find((s) => s.Spec.Name === arg);
      if (hit) {
        ids.push(hit.ID);
        continue;
      }
      const prefixed = byId.filter((s) => s.ID.startsWith(arg));
      if (prefixed.length > 1) throw new CliError(`multiple services found with provided prefix: ${arg}`);
      if (prefixed.length === 1) ids.push(prefixed[0].ID);
      else notfound.push(`no such service: ${arg}`);
    }
    if (ids.length === 0) throw new CliError(notfound.join('\n'));
    filter.set('service', [...new Set([...(filter.get('service') ?? []), ...ids])]);
    if (filter.has('node'))
      filter.set(
        'node',
        (filter.get('node') ?? []).map((n) => nodeReference(ctx, n)),
      );
    const tasks = ctx.client.get<TaskJson[]>('/tasks', { filters: filtersJSON(filter) ?? '' });
    const quiet = flags.get<boolean>('quiet');
    printTasks(ctx, tasks, {
      trunc: !flags.get<boolean>('no-trunc') && !quiet,
      quiet,
      format: flags.get<string>('format') || 'table',
      noResolve: flags.get<boolean>('no-resolve'),
    });
    if (notfound.length > 0) throw new CliError(notfound.join('\n'));
  },
};
