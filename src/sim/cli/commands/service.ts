// Mirrors docker/cli cli/command/service/{cmd,create,opts,scale,update,remove}.go (v28.2.2): the
// mutating service commands. `create` prints the new ID then waits for convergence (progress.go);
// `scale` prints "<name> scaled to <n>"; `rm` echoes each name. Listing, ps, inspect and logs are
// in service_list.ts. Simplified: only the flags the course uses (see src/sim/README.md).

import { pathEscape } from '../client.ts';
import { type CommandSpec, exactArgs, noArgs, renderHelp, requiresMinArgs } from '../cobra.ts';
import type { RunContext } from '../context.ts';
import { CliError } from '../errors.ts';
import type { FlagDef, FlagSet } from '../flags.ts';
import { serviceInspect, serviceList, serviceLogs } from './service_list.ts';
import { waitOnService } from './service_progress.ts';
import { servicePs } from './service_ps.ts';
import {
  type UpdatableSpec,
  updateNetworks,
  updatePlacementConstraints,
  updatePorts,
} from './service_update.ts';

const DETACH: FlagDef = {
  name: 'detach',
  shorthand: 'd',
  usage: 'Exit immediately instead of waiting for the service to converge',
  kind: 'bool',
};
const QUIET: FlagDef = { name: 'quiet', shorthand: 'q', usage: 'Suppress progress output', kind: 'bool' };

/** PortJson is a swarm.PortConfig. */
export interface PortJson {
  Protocol: string;
  TargetPort: number;
  PublishedPort: number;
  PublishMode: string;
}

/** parsePort is opts.PortOpt.Set: "8080:80[/udp]" or "published=8080,target=80[,protocol=udp]". */
export function parsePort(v: string): PortJson {
  if (v.includes('=')) {
    const kv = Object.fromEntries(v.split(',').map((p) => p.split('=') as [string, string]));
    return {
      Protocol: kv.protocol ?? 'tcp',
      TargetPort: Number(kv.target ?? 0),
      PublishedPort: Number(kv.published ?? 0),
      PublishMode: kv.mode ?? 'ingress',
    };
  }
  const [ports, proto = 'tcp'] = v.split('/');
  const parts = ports.split(':');
  const target = Number(parts[parts.length - 1]);
  const published = parts.length > 1 ? Number(parts[parts.length - 2]) : 0;
  if (!Number.isInteger(target) || !Number.isInteger(published))
    throw new CliError(`invalid argument "${v}" for "-p, --publish" flag: invalid containerPort: ${ports}`);
  return { Protocol: proto, TargetPort: target, PublishedPort: published, PublishMode: 'ingress' };
}

function wait(ctx: RunContext, flags: FlagSet, id: string): void {
  if (flags.get<boolean>('detach')) return;
  waitOnService(ctx, id, flags.get<boolean>('quiet'));
}

const createCommand: CommandSpec = {
  use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new service',
  args: requiresMinArgs(1),
  interspersed: false,
  flags: [
    DETACH,
    QUIET,
    {
      name: 'mode',
      usage: 'Service mode ("replicated", "global", "replicated-job", "global-job")',
      kind: 'string',
      defValue: 'replicated',
      initial: 'replicated',
    },
    { name: 'name', usage: 'Service name', kind: 'string' },
    { name: 'replicas', usage: 'Number of tasks', kind: 'string', typeName: 'uint' },
    { name: 'constraint', usage: 'Placement constraints', kind: 'list' },
    { name: 'network', usage: 'Network attachments', kind: 'list', typeName: 'network' },
    {
      name: 'publish',
      shorthand: 'p',
      usage: 'Publish a port as a node port',
      kind: 'list',
      typeName: 'port',
    },
    {
      name: 'endpoint-mode',
      usage: 'Endpoint mode (vip or dnsrr)',
      kind: 'string',
      defValue: 'vip',
      initial: 'vip',
    },
  ],
  run: (ctx, args, flags) => {
    const mode = flags.get<string>('mode');
    const replicasFlag = flags.get<string>('replicas');
    if (mode === 'global' && flags.changed.has('replicas'))
      throw new CliError('replicas can only be used with replicated or replicated-job mode');
    if (mode !== 'global' && mode !== 'replicated') throw new CliError(`invalid mode: ${mode}`);
    const replicas = replicasFlag ? Number(replicasFlag) : 1;
    if (!Number.isInteger(replicas) || replicas < 0)
      throw new CliError(
        `invalid argument "${replicasFlag}" for "--replicas" flag: strconv.ParseUint: parsing "${replicasFlag}": invalid syntax`,
      );
    const [image, ...cmd] = args;
    const ports = flags.get<string[]>('publish').map(parsePort);
    const spec = {
      Name: flags.get<string>('name'),
      Labels: {},
      TaskTemplate: {
        ContainerSpec: { Image: image, ...(cmd.length > 0 ? { Args: cmd } : {}) },
        Placement: { Constraints: flags.get<string[]>('constraint') },
        Networks: flags.get<string[]>('network').map((Target) => ({ Target })),
      },
      Mode: mode === 'global' ? { Global: {} } : { Replicated: { Replicas: replicas } },
      EndpointSpec: { Mode: flags.get<string>('endpoint-mode'), Ports: ports },
    };
    const res = ctx.client.post<{ ID: string; Warnings: string[] | null }>(
      '/services/create',
      undefined,
      spec,
    );
    for (const w of res.Warnings ?? []) ctx.err(`${w}\n`);
    ctx.out(`${res.ID}\n`);
    wait(ctx, flags, res.ID);
  },
};

interface ServiceJson {
  ID: string;
  Version: { Index: number };
  Spec: Record<string, unknown> & { Mode: { Replicated?: { Replicas: number } } };
}

const scaleCommand: CommandSpec = {
  use: 'scale SERVICE=REPLICAS [SERVICE=REPLICAS...]',
  short: 'Scale one or multiple replicated services',
  args: requiresMinArgs(1),
  flags: [DETACH],
  run: (ctx, args, flags) => {
    const errs: string[] = [];
    const scaled: string[] = [];
    for (const arg of args) {
      const eq = arg.indexOf('=');
      if (eq < 0)
        throw new CliError(
          `invalid scale specifier '${arg}'.\nSee 'docker service scale --help'.\n\nUsage:  docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]\n\nScale one or multiple replicated services`,
        );
      const id = arg.slice(0, eq);
      const n = arg.slice(eq + 1);
      if (!/^\d+$/.test(n)) {
        errs.push(`${id}: invalid replicas value ${n}: strconv.ParseUint: parsing "${n}": invalid syntax`);
        continue;
      }
      try {
        const svc = ctx.client.get<ServiceJson>(`/services/${pathEscape(id)}`);
        if (!svc.Spec.Mode.Replicated)
          throw new Error('scale can only be used with replicated or replicated-job mode');
        const spec = { ...svc.Spec, Mode: { Replicated: { Replicas: Number(n) } } };
        ctx.client.post(`/services/${svc.ID}/update`, { version: String(svc.Version.Index) }, spec);
      } catch (e) {
        errs.push(`${id}: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      ctx.out(`${id} scaled to ${Number(n)}\n`);
      scaled.push(id);
    }
    if (!flags.get<boolean>('detach')) for (const id of scaled) waitOnService(ctx, id);
    if (errs.length > 0) throw new CliError(errs.join('\n'));
  },
};

const updateCommand: CommandSpec = {
  use: 'update [OPTIONS] SERVICE',
  short: 'Update a service',
  args: exactArgs(1),
  flags: [
    DETACH,
    QUIET,
    { name: 'image', usage: 'Service image tag', kind: 'string' },
    { name: 'replicas', usage: 'Number of tasks', kind: 'string', typeName: 'uint' },
    { name: 'network-add', usage: 'Add a network', kind: 'list', typeName: 'network' },
    { name: 'network-rm', usage: 'Remove a network', kind: 'list' },
    { name: 'constraint-add', usage: 'Add or update a placement constraint', kind: 'list' },
    { name: 'constraint-rm', usage: 'Remove a constraint', kind: 'list' },
    { name: 'publish-add', usage: 'Add or update a published port', kind: 'list', typeName: 'port' },
    {
      name: 'publish-rm',
      usage: 'Remove a published port by its target port',
      kind: 'list',
      typeName: 'port',
    },
  ],
  run: (ctx, args, flags) => {
    const replicasFlag = flags.get<string>('replicas');
    if (flags.changed.has('replicas') && !/^\d+$/.test(replicasFlag))
      throw new CliError(
        `invalid argument "${replicasFlag}" for "--replicas" flag: strconv.ParseUint: parsing "${replicasFlag}": invalid syntax`,
      );
    const removePorts = flags.get<string[]>('publish-rm').map(parsePort);
    const addPorts = flags.get<string[]>('publish-add').map(parsePort);
    const svc = ctx.client.get<ServiceJson>(`/services/${pathEscape(args[0])}`);
    const spec = JSON.parse(JSON.stringify(svc.Spec)) as UpdatableSpec;
    if (flags.changed.has('replicas')) {
      if (!spec.Mode.Replicated) throw new CliError('replicas can only be used with replicated mode');
      spec.Mode.Replicated.Replicas = Number(replicasFlag);
    }
    if (flags.changed.has('image')) spec.TaskTemplate.ContainerSpec.Image = flags.get<string>('image');
    if (flags.changed.has('publish-add') || flags.changed.has('publish-rm')) {
      spec.EndpointSpec = spec.EndpointSpec ?? {};
      spec.EndpointSpec.Ports = updatePorts(spec.EndpointSpec.Ports ?? [], addPorts, removePorts);
    }
    if (flags.changed.has('constraint-add') || flags.changed.has('constraint-rm')) {
      const placement = spec.TaskTemplate.Placement ?? {};
      placement.Constraints = updatePlacementConstraints(
        placement.Constraints ?? [],
        flags.get<string[]>('constraint-add'),
        flags.get<string[]>('constraint-rm'),
      );
      spec.TaskTemplate.Placement = placement;
    }
    if (flags.changed.has('network-add') || flags.changed.has('network-rm'))
      spec.TaskTemplate.Networks = updateNetworks(
        ctx,
        spec.TaskTemplate.Networks ?? [],
        flags.get<string[]>('network-add'),
        flags.get<string[]>('network-rm'),
      );
    const query: Record<string, string> = { version: String(svc.Version.Index), registryAuthFrom: 'spec' };
    const res = ctx.client.post<{ Warnings: string[] | null }>(`/services/${svc.ID}/update`, query, spec);
    for (const w of res.Warnings ?? []) ctx.err(`${w}\n`);
    ctx.out(`${args[0]}\n`);
    wait(ctx, flags, args[0]);
  },
};

const removeCommand: CommandSpec = {
  use: 'rm SERVICE [SERVICE...]',
  aliases: ['remove'],
  short: 'Remove one or more services',
  args: requiresMinArgs(1),
  run: (ctx, args) => {
    const errs: string[] = [];
    for (const name of args) {
      try {
        ctx.client.del(`/services/${pathEscape(name)}`);
        ctx.out(`${name}\n`);
      } catch (e) {
        errs.push(e instanceof Error ? e.message : String(e));
      }
    }
    if (errs.length > 0) throw new CliError(errs.join('\n'));
  },
};

/** serviceCommand is `docker service`. */
export function serviceCommand(): CommandSpec {
  return {
    use: 'service',
    short: 'Manage Swarm services',
    args: noArgs,
    run: (ctx, _a, _f, cmd) => ctx.err(renderHelp(cmd)),
    subcommands: [
      createCommand,
      serviceInspect,
      serviceLogs,
      serviceList,
      servicePs,
      removeCommand,
      scaleCommand,
      updateCommand,
    ],
  };
}
