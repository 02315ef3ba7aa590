// The topology's model: what the picture shows, read from the simulator's state. Pure data, no DOM.
// A host holds sections (one per Linux bridge, macvlan/ipvlan network, and the host and none
// networks when used) and containers; each container interface belongs to one section.
import type { Sim } from '../../sim/index.ts';

/** NetNs is a kernel namespace as the simulator models it (read-only here). */
export type NetNs = ReturnType<Sim['world']['namespaces']>[number];

/** SectionKind says what a section stands for. */
export type SectionKind = 'bridge' | 'macvlan' | 'ipvlan' | 'host' | 'none' | 'other';

/** Section is one network on a host: a bridge bar, a macvlan parent, or the host/none groups. */
export interface Section {
  /** key is unique on its host: `br:<bridge>`, `net:<network name>`, `host`, `none`. */
  key: string;
  kind: SectionKind;
  /** label is the Linux device (docker0, br-…, eth0) or the group's name. */
  label: string;
  /** network is the Docker network's name and id, when one owns the section. */
  network?: { id: string; name: string; driver: string };
  /** cidr is the bridge's address (172.17.0.1/16) or the network's subnet. */
  cidr?: string;
  /** internal is set for `docker network create --internal` networks (no way out). */
  internal?: boolean;
  /** order sorts sections: docker0 first, then by network creation, then by name. */
  order: string;
}

/** Iface is one container interface. */
export interface Iface {
  name: string;
  kind: string;
  ip?: string;
  /** section is the key of the section the interface plugs into. */
  section: string;
  /** peer is the host end of a veth pair (vethXXXX), when there is one. */
  peer?: string;
}

/** ContainerNode is one container of a host. */
export interface ContainerNode {
  id: string;
  name: string;
  state: string;
  image: string;
  /** nsId is the container's network namespace id (host1/<id12>); undefined when it has none. */
  nsId?: string;
  /** primary is the section the container is drawn in (its first interface's, or host/none). */
  primary?: string;
  ifaces: Iface[];
  /** order sorts containers by creation, then name. */
  order: string;
}

/** HostNode is one Docker host. */
export interface HostNode {
  name: string;
  nsId: string;
  /** lanIp is eth0's address on the LAN. */
  lanIp?: string;
  sections: Section[];
  containers: ContainerNode[];
}

/** TopoGraph is the whole picture: hosts on a LAN behind a router to the internet. */
export interface TopoGraph {
  hosts: HostNode[];
  router?: { nsId: string; lanIp?: string; wanIp?: string };
  /** outside lists the namespaces drawn as "the internet" (the ISP and public machines). */
  outside: string[];
}

/** StateSource is what the model reads: namespaces and each host's Engine API answers. */
export interface StateSource {
  hosts(): string[];
  namespaces(): NetNs[];
  get(host: string, path: string): unknown;
}

/** sourceOf adapts a Sim to the StateSource the model reads. */
export function sourceOf(sim: Sim): StateSource {
  return {
    hosts: () => sim.hosts(),
    namespaces: () => sim.world.namespaces(),
    get: (host, path) => {
      const [p, q] = path.split('?');
      const query = Object.fromEntries(new URLSearchParams(q ?? ''));
      const res = sim.api(host).route({ method: 'GET', path: `/v1.50${p}`, query });
      return res.status === 200 ? res.json : undefined;
    },
  };
}

interface ApiNetwork {
  Id: string;
  Name: string;
  Driver: string;
  Created?: string;
  Internal?: boolean;
  Options?: Record<string, string>;
  IPAM?: { Config?: Array<{ Subnet?: string }> | null };
}

interface ApiContainer {
  Id: string;
  Names: string[];
  Image: string;
  State: string;
  Created: number;
  HostConfig?: { NetworkMode?: string };
  NetworkSettings?: { Networks?: Record<string, { IPAddress?: string; NetworkID?: string }> };
}

const v4 = (l: NetNs['links'][number]): string | undefined => {
  const a = l.addrs.find((x) => x.family === 4 && x.scope === 'global');
  return a ? `${a.ip}/${a.prefixLen}` : undefined;
};

/** bridgeName returns the Linux bridge a Docker bridge network uses. */
export function bridgeName(n: { Id: string; Options?: Record<string, string> }): string {
  return n.Options?.['com.docker.network.bridge.name'] ?? `br-${n.Id.slice(0, 12)}`;
}

const pad = (n: number): string => String(n).padStart(12, '0');

function sectionsOf(root: NetNs, nets: ApiNetwork[], used: Set<string>): Section[] {
  const byBridge = new Map(nets.filter((n) => n.Driver === 'bridge').map((n) => [bridgeName(n), n]));
  const out: Section[] = [];
  for (const l of root.links) {
    if (l.kind !== 'bridge') continue;
    const n = byBridge.get(l.name);
    const order = l.name === 'docker0' ? '0' : n ? `1${n.Created ?? ''}${n.Name}` : `2${l.name}`;
    out.push({
      key: `br:${l.name}`,
      kind: 'bridge',
      label: l.name,
      network: n && { id: n.Id, name: n.Name, driver: n.Driver },
      cidr: v4(l),
      internal: n?.Internal || undefined,
      order,
    });
  }
  for (const n of nets) {
    const key = `net:${n.Name}`;
    if ((n.Driver !== 'macvlan' && n.Driver !== 'ipvlan') || !used.has(key)) continue;
    out.push({
      key,
      kind: n.Driver,
      label: n.Options?.parent ?? 'eth0',
      network: { id: n.Id, name: n.Name, driver: n.Driver },
      cidr: n.IPAM?.Config?.[0]?.Subnet,
      order: `1${n.Created ?? ''}${n.Name}`,
    });
  }
  for (const [key, driver] of [
    ['host', 'host'],
    ['none', 'null'],
  ] as const) {
    if (!used.has(key)) continue;
    const n = nets.find((x) => x.Driver === driver);
    const network = n && { id: n.Id, name: n.Name, driver: n.Driver };
    out.push({ key, kind: key, label: key, network, order: `3${key}` });
  }
  return out.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
}

function ifacesOf(ns: NetNs, c: ApiContainer, root: NetNs): Iface[] {
  const nets = Object.entries(c.NetworkSettings?.Networks ?? {});
  const out: Iface[] = [];
  for (const l of ns.links) {
    if (l.kind === 'loopback') continue;
    const cidr = v4(l);
    const ip = cidr?.split('/')[0];
    let section = 'other';
    let peer: string | undefined;
    if (l.kind === 'veth' && l.peer) {
      const p = l.peer.ns.links.find((x) => x.index === l.peer?.index);
      peer = p?.name;
      const master = p?.master !== undefined ? root.links.find((x) => x.index === p.master) : undefined;
      if (master && l.peer.ns === root) section = `br:${master.name}`;
    } else {
      const net = nets.find(([, e]) => e.IPAddress && e.IPAddress === ip);
      if (net) section = `net:${net[0]}`;
    }
    out.push({ name: l.name, kind: l.kind, ip: cidr, section, peer });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function hostOf(src: StateSource, name: string, byId: Map<string, NetNs>): HostNode {
  const root = byId.get(name) as NetNs;
  const nets = (src.get(name, '/networks') as ApiNetwork[] | undefined) ?? [];
  const list = (src.get(name, '/containers/json?all=1') as ApiContainer[] | undefined) ?? [];
  const containers: ContainerNode[] = list.map((c) => {
    const ns = byId.get(`${name}/${c.Id.slice(0, 12)}`);
    const mode = c.HostConfig?.NetworkMode;
    const ifaces = ns ? ifacesOf(ns, c, root) : [];
    let primary: string | undefined = ifaces.find((i) => i.name === 'eth0')?.section ?? ifaces[0]?.section;
    if (c.State === 'running' && mode === 'host') primary = 'host';
    else if (ns && ifaces.length === 0) primary = 'none';
    return {
      id: c.Id,
      name: (c.Names[0] ?? '').replace(/^\//, ''),
      state: c.State,
      image: c.Image,
      nsId: ns?.id,
      primary,
      ifaces,
      order: `${pad(c.Created)}${(c.Names[0] ?? '').replace(/^\//, '')}`,
    };
  });
  containers.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const used = new Set(containers.flatMap((c) => [c.primary ?? '', ...c.ifaces.map((i) => i.section)]));
  const eth0 = root.links.find((l) => l.name === 'eth0');
  return {
    name,
    nsId: root.id,
    lanIp: eth0 && v4(eth0),
    sections: sectionsOf(root, nets, used),
    containers,
  };
}

/** buildGraph reads the world (all hosts, or only `only`) into a TopoGraph. */
export function buildGraph(src: StateSource, only?: string): TopoGraph {
  const all = src.namespaces();
  const byId = new Map(all.map((n) => [n.id, n]));
  const names = src.hosts().filter((h) => (only ? h === only : true) && byId.has(h));
  const routerNs = byId.get('router');
  const lanIf = routerNs?.links.find((l) => l.segment === 'lan');
  const wanIf = routerNs?.links.find((l) => l.segment && l.segment !== 'lan');
  const hostNames = new Set(src.hosts());
  const outside = all
    .filter((n) => n.id !== 'router' && !hostNames.has(n.hostName))
    .map((n) => n.id)
    .sort();
  return {
    hosts: names.map((h) => hostOf(src, h, byId)),
    router: routerNs && {
      nsId: routerNs.id,
      lanIp: lanIf && v4(lanIf),
      wanIp: wanIf && v4(wanIf),
    },
    outside,
  };
}
