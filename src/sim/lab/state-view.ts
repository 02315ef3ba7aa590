// The lab's state view: a plain, read-only summary of every host's Docker objects, read through
// each host's Engine API (as `docker inspect` would), for challenge goals and lab UIs.
// Goals are predicates over this view, never over the typed text.

import type { EngineApi } from '../api/types.ts';
import { type SwarmView, swarmView } from './state-view-swarm.ts';

export { linkSwarmViews } from './state-view-swarm.ts';

/** ContainerView is one container as the challenges see it. */
export interface ContainerView {
  id: string;
  name: string;
  image: string;
  running: boolean;
  /** networks maps each attached network's name to the container's address and aliases there. */
  networks: Record<string, { ip: string; aliases: string[] }>;
  /** ports lists published ports as "8080->80/tcp" (host port -> container port/proto). */
  ports: string[];
}

/** NetworkView is one network as the challenges see it. */
export interface NetworkView {
  id: string;
  name: string;
  driver: string;
  internal: boolean;
  subnets: string[];
  /** containers names the containers attached to the network. */
  containers: string[];
}

/** HostView is one host's Docker state and lab files. */
export interface HostView {
  containers: ContainerView[];
  networks: NetworkView[];
  /** images lists repo:tag names of the host's images. */
  images: string[];
  /** files maps each lab file (under /root) to its content. */
  files: Record<string, string>;
  /** swarm is the host's swarm node (role, availability; nodes and services on managers), absent
   * when the host is in no swarm. */
  swarm?: SwarmView;
}

/** LabStateView is the whole world's state view, by host name. */
export interface LabStateView {
  hosts: Record<string, HostView>;
}

type Json = Record<string, unknown>;

function get(api: EngineApi, path: string, query?: Record<string, string>): unknown {
  const res = api.route({ method: 'GET', path, query });
  return res.status < 300 ? res.json : undefined;
}

function containerView(api: EngineApi, id: string): ContainerView | undefined {
  const c = get(api, `/containers/${id}/json`) as Json | undefined;
  if (!c) return undefined;
  const state = (c.State as Json | undefined) ?? {};
  const settings = (c.NetworkSettings as Json | undefined) ?? {};
  const nets = (settings.Networks as Record<string, Json> | undefined) ?? {};
  const networks: ContainerView['networks'] = {};
  for (const [name, ep] of Object.entries(nets)) {
    networks[name] = {
      ip: String(ep.IPAddress ?? ''),
      aliases: ((ep.Aliases as string[] | null | undefined) ?? []).slice(),
    };
  }
  const ports: string[] = [];
  const portMap = (settings.Ports as Record<string, Array<{ HostPort: string }> | null> | undefined) ?? {};
  for (const [port, bindings] of Object.entries(portMap))
    for (const b of bindings ?? []) ports.push(`${b.HostPort}->${port}`);
  return {
    id: String(c.Id),
    name: String(c.Name ?? '').replace(/^\//, ''),
    image: String((c.Config as Json | undefined)?.Image ?? ''),
    running: state.Running === true,
    networks,
    ports: [...new Set(ports)].sort(),
  };
}

/** hostView reads one host's state through its Engine API and its lab files from fs. */
export function hostView(api: EngineApi, files: Record<string, string>): HostView {
  const list = (get(api, '/containers/json', { all: '1' }) as Array<{ Id: string }> | undefined) ?? [];
  const containers = list
    .map((c) => containerView(api, c.Id))
    .filter((c): c is ContainerView => c !== undefined)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const nets = (get(api, '/networks') as Json[] | undefined) ?? [];
  const networks = nets
    .map((n): NetworkView => {
      const ipam = ((n.IPAM as Json | undefined)?.Config as Array<{ Subnet?: string }> | null) ?? [];
      const attached = containers.filter((c) => Object.hasOwn(c.networks, String(n.Name))).map((c) => c.name);
      return {
        id: String(n.Id),
        name: String(n.Name),
        driver: String(n.Driver),
        internal: n.Internal === true,
        subnets: ipam.map((c) => c.Subnet ?? '').filter((s) => s !== ''),
        containers: attached,
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const imgs = (get(api, '/images/json') as Array<{ RepoTags?: string[] }> | undefined) ?? [];
  const images = imgs.flatMap((i) => i.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
  const swarm = swarmView(api);
  return { containers, networks, images: [...new Set(images)].sort(), files, ...(swarm ? { swarm } : {}) };
}
