// Mirrors docker/cli cli/command/system/inspect.go (inspectAll: container, image, network,
// volume, then swarm objects on managers, then plugin); simplified: no --size warning per type.

import { pathEscape } from '../client.ts';
import { type CommandSpec, requiresMinArgs } from '../cobra.ts';
import type { RunContext } from '../context.ts';
import { ApiError, CliError } from '../errors.ts';
import { inspect } from '../inspect.ts';
import { formatFlag, INSPECT_FORMAT_HELP } from '../opts.ts';

const ALL_TYPES = [
  'config',
  'container',
  'image',
  'network',
  'node',
  'plugin',
  'secret',
  'service',
  'task',
  'volume',
];

interface Kind {
  type: string;
  swarm: boolean;
  path: (ref: string) => string;
  query?: (size: boolean) => Record<string, string> | undefined;
}

const KINDS: Kind[] = [
  {
    type: 'container',
    swarm: false,
    path: (r) => `/containers/${pathEscape(r)}/json`,
    query: (s) => (s ? { size: '1' } : undefined),
  },
  { type: 'image', swarm: false, path: (r) => `/images/${pathEscape(r)}/json` },
  { type: 'network', swarm: false, path: (r) => `/networks/${pathEscape(r)}` },
  { type: 'volume', swarm: false, path: (r) => `/volumes/${pathEscape(r)}` },
  {
    type: 'service',
    swarm: true,
    path: (r) => `/services/${pathEscape(r)}`,
    query: () => ({ insertDefaults: 'false' }),
  },
  { type: 'task', swarm: true, path: (r) => `/tasks/${pathEscape(r)}` },
  { type: 'node', swarm: true, path: (r) => `/nodes/${pathEscape(r)}` },
  { type: 'plugin', swarm: false, path: (r) => `/plugins/${pathEscape(r)}/json` },
  { type: 'secret', swarm: true, path: (r) => `/secrets/${pathEscape(r)}` },
  { type: 'config', swarm: true, path: (r) => `/configs/${pathEscape(r)}` },
];

function isSwarmManager(ctx: RunContext): boolean {
  try {
    const info = ctx.client.get<{ Swarm?: { ControlAvailable?: boolean } }>('/info');
    return info?.Swarm?.ControlAvailable ?? false;
  } catch (e) {
    if (e instanceof CliError) {
      ctx.eprintln(e.message);
      return false;
    }
    throw e;
  }
}

/** inspectCommand is the generic `docker inspect`. */
export function inspectCommand(): CommandSpec {
  return {
    use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
    short: 'Return low-level information on Docker objects',
    args: requiresMinArgs(1),
    flags: [
      formatFlag(INSPECT_FORMAT_HELP, 'f'),
      { name: 'type', usage: 'Only inspect objects of the given type', kind: 'string' },
      {
        name: 'size',
        shorthand: 's',
        usage: 'Display total file sizes if the type is container',
        kind: 'bool',
      },
    ],
    run: (ctx, args, flags) => {
      const type = flags.get<string>('type');
      if (flags.changed.has('type') && type === '')
        throw new CliError(`type is empty: must be one of "${ALL_TYPES.join('", "')}"`);
      if (type !== '' && !ALL_TYPES.includes(type))
        throw new CliError(
          `unknown type: ${JSON.stringify(type)}: must be one of "${ALL_TYPES.join('", "')}"`,
        );
      const size = flags.get<boolean>('size');
      inspect(ctx, args, flags.get('format'), (ref) => {
        let swarm: boolean | undefined;
        for (const k of KINDS) {
          if (type !== '' && k.type !== type) continue;
          if (type === '' && k.swarm) {
            swarm ??= isSwarmManager(ctx);
            if (!swarm) continue;
          }
          try {
            const v = ctx.client.get(k.path(ref), k.query?.(size));
            if (size && k.type !== 'container') ctx.eprintln(`WARNING: --size ignored for ${k.type}`);
            return v;
          } catch (e) {
            if (
              type === '' &&
              e instanceof ApiError &&
              (e.status === 404 || e.status === 501 || e.status === 503)
            )
              continue;
            throw e;
          }
        }
        throw new CliError(`Error: No such object: ${ref}`);
      });
    },
  };
}
