// Mirrors docker/cli cli/command/node/{ps,remove,cmd}.go (v28.2.2): `docker node ps [NODE...]`
// (the current node by default, "self" resolved through /info; the tasks of each node in the task
// table of task_print.ts) and `docker node rm [--force] NODE...` (each removed name echoed, the
// daemon's errors joined).

import { pathEscape } from '../client.ts';
import { type CommandSpec, requiresMinArgs } from '../cobra.ts';
import type { RunContext } from '../context.ts';
import { CliError } from '../errors.ts';
import { filterFlag, filtersOf } from '../opts.ts';
import { printTasks, type TaskJson } from './task_print.ts';

/** nodeReference is node.Reference: "self" becomes the local node's ID from /info. */
export function nodeReference(ctx: RunContext, ref: string): string {
  if (ref !== 'self') return ref;
  const info = ctx.client.get<{ Swarm: { NodeID: string } }>('/info');
  if (info.Swarm.NodeID === '') {
    ctx.client.get('/nodes');
    throw new CliError('node ID not found in /info');
  }
  return info.Swarm.NodeID;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** nodePs is `docker node ps`. */
export const nodePs: CommandSpec = {
  use: 'ps [OPTIONS] [NODE...]',
  short: 'List tasks running on one or more nodes, defaults to current node',
  args: requiresMinArgs(0),
  flags: [
    { name: 'no-trunc', usage: 'Do not truncate output', kind: 'bool' },
    { name: 'no-resolve', usage: 'Do not map IDs to Names', kind: 'bool' },
    filterFlag('Filter output based on conditions provided'),
    { name: 'format', usage: 'Pretty-print tasks using a Go template', kind: 'string' },
    { name: 'quiet', shorthand: 'q', usage: 'Only display task IDs', kind: 'bool' },
  ],
  run: (ctx, args, flags) => {
    const errs: string[] = [];
    const tasks: TaskJson[] = [];
    // options.filter.Value() shares its map, so each node's ID stays in the filter for the next one
    const filter = filtersOf(flags);
    for (const arg of args.length > 0 ? args : ['self']) {
      try {
        const ref = nodeReference(ctx, arg);
        const node = ctx.client.get<{ ID: string }>(`/nodes/${pathEscape(ref)}`);
        filter.set('node', [...new Set([...(filter.get('node') ?? []), node.ID])]);
        const query = JSON.stringify(
          Object.fromEntries([...filter].map(([k, vs]) => [k, Object.fromEntries(vs.map((v) => [v, true]))])),
        );
        tasks.push(...ctx.client.get<TaskJson[]>('/tasks', { filters: query }));
      } catch (e) {
        errs.push(message(e));
      }
    }
    if (errs.length === 0 || tasks.length > 0) {
      printTasks(ctx, tasks, {
        trunc: !flags.get<boolean>('no-trunc'),
        quiet: flags.get<boolean>('quiet'),
        format: flags.get<string>('format') || 'table',
        noResolve: flags.get<boolean>('no-resolve'),
      });
    }
    if (errs.length > 0) throw new CliError(errs.join('\n'));
  },
};

/** nodeRemove is `docker node rm`. */
export const nodeRemove: CommandSpec = {
  use: 'rm [OPTIONS] NODE [NODE...]',
  aliases: ['remove'],
  short: 'Remove one or more nodes from the swarm',
  args: requiresMinArgs(1),
  flags: [{ name: 'force', shorthand: 'f', usage: 'Force remove a node from the swarm', kind: 'bool' }],
  run: (ctx, args, flags) => {
    const errs: string[] = [];
    for (const id of args) {
      try {
        ctx.client.del(`/nodes/${pathEscape(id)}`, flags.get<boolean>('force') ? { force: '1' } : undefined);
        ctx.out(`${id}\n`);
      } catch (e) {
        errs.push(message(e));
      }
    }
    if (errs.length > 0) throw new CliError(errs.join('\n'));
  },
};
