// Mirrors docker/cli cli/command/service/update.go (v28.2.2): how `docker service update` edits
// the spec it read back — updatePorts (a set keyed "published:target/protocol/mode", --publish-rm
// matching the target port, protocol and mode, the result sorted by that key) and updateNetworks
// (--network-rm and --network-add resolved to swarm-scoped network IDs, the list sorted by ID) and
// updatePlacementConstraints (--constraint-add appended, --constraint-rm exact matches dropped, sorted).

import { pathEscape } from '../client.ts';
import type { RunContext } from '../context.ts';
import { CliError } from '../errors.ts';
import type { PortJson } from './service.ts';

/** UpdatableSpec is the part of a swarm.ServiceSpec the update command edits. */
export type UpdatableSpec = Record<string, unknown> & {
  TaskTemplate: {
    ContainerSpec: { Image: string };
    Networks?: Array<{ Target: string }>;
    Placement?: Record<string, unknown> & { Constraints?: string[] };
  };
  Mode: { Replicated?: { Replicas: number } };
  EndpointSpec?: { Mode?: string; Ports?: PortJson[] };
};

const portKey = (p: PortJson): string => `${p.PublishedPort}:${p.TargetPort}/${p.Protocol}/${p.PublishMode}`;
const sameProtocol = (a: string, b: string): boolean =>
  a === b || (a === '' && b === 'tcp') || (b === '' && a === 'tcp');
const sameMode = (a: string, b: string): boolean =>
  a === b || (a === '' && b === 'ingress') || (b === '' && a === 'ingress');

/** updatePorts is update.go's updatePorts. */
export function updatePorts(current: PortJson[], add: PortJson[], remove: PortJson[]): PortJson[] {
  const set = new Map<string, PortJson>();
  for (const p of current) if (!set.has(portKey(p))) set.set(portKey(p), p);
  const out = [...set.values()].filter(
    (p) =>
      !remove.some(
        (r) =>
          sameProtocol(p.Protocol, r.Protocol) &&
          p.TargetPort === r.TargetPort &&
          sameMode(p.PublishMode, r.PublishMode),
      ),
  );
  for (const p of add) if (!set.has(portKey(p))) out.push(p);
  return out.sort((a, b) => (portKey(a) < portKey(b) ? -1 : portKey(a) > portKey(b) ? 1 : 0));
}

/** resolveNetworkID is NetworkInspect with scope "swarm". */
function resolveNetworkID(ctx: RunContext, term: string): string {
  return ctx.client.get<{ Id: string }>(`/networks/${pathEscape(term)}`, { scope: 'swarm' }).Id;
}

/** updateNetworks is update.go's updateNetworks. */
export function updateNetworks(
  ctx: RunContext,
  current: Array<{ Target: string }>,
  add: string[],
  remove: string[],
): Array<{ Target: string }> {
  const drop = new Set(remove.map((t) => resolveNetworkID(ctx, t)));
  const out = current.filter((n) => !drop.has(n.Target));
  const have = new Set(out.map((n) => n.Target));
  for (const value of add) {
    const target = /(^|,)(name|target)=/.test(value)
      ? (/(?:^|,)(?:name|target)=([^,]*)/.exec(value)?.[1] ?? '')
      : value;
    const id = resolveNetworkID(ctx, target);
    if (have.has(id)) throw new CliError(`service is already attached to network ${target}`);
    out.push({ Target: id });
    have.add(id);
  }
  return out.sort((a, b) => (a.Target < b.Target ? -1 : a.Target > b.Target ? 1 : 0));
}

/** updatePlacementConstraints is update.go's updatePlacementConstraints: add, drop exact matches, sort. */
export function updatePlacementConstraints(current: string[], add: string[], remove: string[]): string[] {
  const drop = new Set(remove);
  return [...current, ...add].filter((c) => !drop.has(c)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
