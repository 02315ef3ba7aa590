// Mirrors moby/moby daemon/list.go (Containers, foldFilter, includeContainerInList) and
// container/view.go (transform: the Summary of GET /containers/json), v28.2.2. Simplified: no
// ancestor-by-parent walk, no volume, health or isolation filters beyond validation.

import { invalidParameter } from '../errdefs.ts';
import type { Container } from './container.ts';
import { stateString, statusString } from './container.ts';
import type { Daemon } from './daemon.ts';
import type { FilterArgs } from './filters.ts';
import { sortedMap } from './gostruct.ts';

/** PS_FILTERS are acceptedPsFilterTags. */
export const PS_FILTERS = [
  'ancestor',
  'before',
  'exited',
  'id',
  'isolation',
  'label',
  'name',
  'status',
  'health',
  'since',
  'volume',
  'network',
  'is-task',
  'publish',
  'expose',
];
const STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

/** ListOptions are GET /containers/json's query parameters. */
export interface ListOptions {
  all?: boolean;
  limit?: number;
  size?: boolean;
  filters: FilterArgs;
}

/** summaryPorts lists a container's ports for the Summary (unpublished exposed ports have no IP). */
export function summaryPorts(c: Container): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const [key, bindings] of Object.entries(sortedMap(c.networkSettings.ports ?? {}))) {
    const [port, proto] = key.split('/');
    if (!bindings || bindings.length === 0) {
      out.push({ PrivatePort: Number(port), Type: proto });
      continue;
    }
    for (const b of bindings) {
      const p: Record<string, unknown> = {};
      if (b.HostIp) p.IP = b.HostIp;
      p.PrivatePort = Number(port);
      if (Number(b.HostPort) > 0) p.PublicPort = Number(b.HostPort);
      p.Type = proto;
      out.push(p);
    }
  }
  return out;
}

/** commandOf is the COMMAND column source: path and args, args with spaces single-quoted. */
export function commandOf(c: Container): string {
  if (c.args.length === 0) return c.path;
  return `${c.path} ${c.args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`;
}

/** containerSummary is view.transform for one container. */
export function containerSummary(d: Daemon, c: Container): Record<string, unknown> {
  const networks: Record<string, unknown> = {};
  for (const [name, es] of c.networkSettings.networks) {
    const ipam = es.IPAMConfig
      ? {
          ...(es.IPAMConfig.IPv4Address ? { IPv4Address: es.IPAMConfig.IPv4Address } : {}),
          ...(es.IPAMConfig.IPv6Address ? { IPv6Address: es.IPAMConfig.IPv6Address } : {}),
        }
      : null;
    networks[name] = {
      IPAMConfig: ipam,
      Links: null,
      Aliases: null,
      MacAddress: es.MacAddress,
      DriverOpts: null,
      GwPriority: es.GwPriority,
      NetworkID: es.NetworkID,
      EndpointID: es.EndpointID,
      Gateway: es.Gateway,
      IPAddress: es.IPAddress,
      IPPrefixLen: es.IPPrefixLen,
      IPv6Gateway: es.IPv6Gateway,
      GlobalIPv6Address: es.GlobalIPv6Address,
      GlobalIPv6PrefixLen: es.GlobalIPv6PrefixLen,
      DNSNames: null,
    };
  }
  const hostConfig: Record<string, unknown> = { NetworkMode: c.hostConfig.NetworkMode };
  const annotations = c.hostConfig.Annotations as Record<string, string> | null | undefined;
  if (annotations && Object.keys(annotations).length) hostConfig.Annotations = sortedMap(annotations);
  return {
    Id: c.id,
    Names: [c.name],
    Image: c.config.Image,
    ImageID: c.image.entry.id,
    Command: commandOf(c),
    Created: Math.floor(c.created.ms / 1000),
    Ports: summaryPorts(c),
    Labels: c.config.Labels,
    State: stateString(c.state),
    Status: statusString(c.state, d.world.clock.now()),
    HostConfig: hostConfig,
    NetworkSettings: { Networks: sortedMap(networks) },
    Mounts: [],
  };
}

function portSet(values: string[], key: string): Set<string> {
  const set = new Set<string>();
  for (const v of values) {
    if (v.includes(':')) throw invalidParameter(`filter for '${key}' should not contain ':': ${v}`);
    const [range, proto = 'tcp'] = v.split('/');
    const [start, end = start] = range.split('-').map(Number);
    if (!Number.isInteger(start) || !Number.isInteger(end))
      throw invalidParameter(`error while looking up for ${key} ${v}: invalid port`);
    for (let p = start; p <= end; p++) set.add(`${p}/${proto}`);
  }
  return set;
}

function byIdOrName(d: Daemon, value: string): Container {
  return d.getContainer(value.replace(/^\//, ''));
}

/** listContainers is GET /containers/json: newest first, filtered. */
export function listContainers(d: Daemon, opts: ListOptions): Array<Record<string, unknown>> {
  const f = opts.filters;
  f.validate(PS_FILTERS);
  const exited = f.get('exited').map((v) => {
    if (!/^-?\d+$/.test(v))
      throw invalidParameter(`invalid filter 'exited=${v}': strconv.Atoi: parsing "${v}": invalid syntax`);
    return Number(v);
  });
  let all = opts.all ?? false;
  for (const s of f.get('status')) {
    if (!STATES.includes(s))
      throw invalidParameter(
        `invalid filter 'status=${s}': invalid value for state (${s}): must be one of ${STATES.join(', ')}`,
      );
    all = true;
  }
  const isTask = f.contains('is-task') ? f.getBoolOrDefault('is-task', false) : undefined;
  const before = f.get('before').map((v) => byIdOrName(d, v))[0];
  const since = f.get('since').map((v) => byIdOrName(d, v))[0];
  const ancestors = new Set(f.get('ancestor').flatMap((a) => d.images.findImage(a)?.entry.id ?? []));
  const publish = portSet(f.get('publish'), 'publish');
  const expose = portSet(f.get('expose'), 'expose');
  const list = [...d.containers.values()].sort(
    (a, b) => b.created.ms - a.created.ms || b.created.ns - a.created.ns,
  );
  const out: Array<Record<string, unknown>> = [];
  let beforeFound = before === undefined;
  const limit = opts.limit ?? 0;
  for (const c of list) {
    if (!beforeFound) {
      if (c.id === before?.id) beforeFound = true;
      continue;
    }
    if (since && c.id === since.id) break;
    if (!c.state.running && !all && limit <= 0) continue;
    if (!f.match('name', c.name) && !f.match('name', c.name.replace(/^\//, ''))) continue;
    if (!f.fuzzyMatch('id', c.id)) continue;
    if (isTask === true) continue;
    if (!f.matchKVList('label', c.config.Labels as Record<string, string>)) continue;
    if (limit > 0 && out.length === limit) break;
    if (exited.length && !(exited.includes(c.state.exitCode) && !c.state.running && c.state.startedAt))
      continue;
    if (!f.match('status', stateString(c.state))) continue;
    if (f.contains('ancestor') && !ancestors.has(c.image.entry.id)) continue;
    if (
      f.contains('network') &&
      !f
        .get('network')
        .some(
          (n) =>
            c.networkSettings.networks.has(n) ||
            [...c.networkSettings.networks.values()].some(
              (es) => es.NetworkID !== '' && es.NetworkID.startsWith(n),
            ),
        )
    )
      continue;
    if (publish.size || expose.size) {
      const ports = summaryPorts(c);
      if (
        !ports.some(
          (p) => publish.has(`${p.PublicPort ?? 0}/${p.Type}`) || expose.has(`${p.PrivatePort}/${p.Type}`),
        )
      )
        continue;
    }
    out.push(containerSummary(d, c));
  }
  return out;
}
