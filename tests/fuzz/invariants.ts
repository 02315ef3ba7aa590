// World invariants the fuzz suite checks after every command: each returns a list of violations
// ("" free). They read the world only through the facade: the Engine API (what `docker` sees) and
// the kernel namespaces (what `ip`/`iptables` see).

import type { Sim } from '../../src/sim/index.ts';

interface NetworkJson {
  Id: string;
  Name: string;
  Driver: string;
  Containers?: Record<string, { EndpointID: string; IPv4Address: string; IPv6Address: string }>;
}

interface ContainerJson {
  Id: string;
  State: { Running: boolean };
  NetworkSettings: {
    Networks?: Record<string, { EndpointID: string; NetworkID: string; IPAddress: string }>;
  };
}

function get<T>(sim: Sim, host: string, path: string, query?: Record<string, string>): T {
  const r = sim.api(host).route({ method: 'GET', path, query });
  if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}: ${JSON.stringify(r.json)}`);
  return r.json as T;
}

/** networksOf returns every network's inspect document on a host. */
export function networksOf(sim: Sim, host: string): NetworkJson[] {
  const list = get<Array<{ Id: string }>>(sim, host, '/networks');
  return list.map((n) => get<NetworkJson>(sim, host, `/networks/${n.Id}`));
}

/** containersOf returns every container's inspect document on a host, by ID. */
export function containersOf(sim: Sim, host: string): Map<string, ContainerJson> {
  const list = get<Array<{ Id: string }>>(sim, host, '/containers/json', { all: '1' });
  return new Map(list.map((c) => [c.Id, get<ContainerJson>(sim, host, `/containers/${c.Id}/json`)]));
}

/** addressInvariants: no address twice in a network; every endpoint in one network and one sandbox. */
export function addressInvariants(sim: Sim, host: string): string[] {
  const errs: string[] = [];
  const networks = networksOf(sim, host);
  const inspected = containersOf(sim, host);
  const endpointHome = new Map<string, string>();
  for (const n of networks) {
    if (n.Driver === 'host' || n.Driver === 'null') continue;
    const seen = new Map<string, string>();
    for (const [cid, ep] of Object.entries(n.Containers ?? {})) {
      for (const addr of [ep.IPv4Address, ep.IPv6Address]) {
        if (!addr) continue;
        const ip = addr.split('/')[0];
        if (seen.has(ip)) errs.push(`network ${n.Name}: ${ip} held by ${seen.get(ip)} and ${cid}`);
        seen.set(ip, cid);
      }
      const prev = endpointHome.get(ep.EndpointID);
      if (prev) errs.push(`endpoint ${ep.EndpointID} is in ${prev} and in ${n.Name}`);
      endpointHome.set(ep.EndpointID, n.Name);
      const c = inspected.get(cid);
      if (!c) {
        errs.push(`network ${n.Name} lists container ${cid} that does not exist`);
        continue;
      }
      const mine = Object.values(c.NetworkSettings.Networks ?? {}).filter(
        (e) => e.EndpointID === ep.EndpointID,
      );
      if (mine.length !== 1)
        errs.push(
          `endpoint ${ep.EndpointID} of ${n.Name} is in ${mine.length} sandboxes of ${cid.slice(0, 12)}`,
        );
    }
  }
  for (const c of inspected.values()) {
    if (!c.State.Running) continue;
    for (const [name, ep] of Object.entries(c.NetworkSettings.Networks ?? {})) {
      if (!ep.EndpointID || name === 'host' || name === 'none') continue;
      if (!endpointHome.has(ep.EndpointID))
        errs.push(
          `container ${c.Id.slice(0, 12)} has endpoint ${ep.EndpointID} on ${name} that no network lists`,
        );
    }
  }
  return errs;
}

/** kernelInvariants: iptables -i/-o bridges, bridge ports and veth peers all name links that exist. */
export function kernelInvariants(sim: Sim): string[] {
  const errs: string[] = [];
  for (const ns of sim.world.namespaces()) {
    const names = new Set(ns.links.map((l) => l.name));
    const byIndex = new Map(ns.links.map((l) => [l.index, l]));
    for (const table of Object.values(ns.iptables)) {
      for (const chain of table.chains.values()) {
        for (const rule of chain.rules) {
          for (let i = 0; i < rule.spec.length - 1; i++) {
            if (rule.spec[i] !== '-i' && rule.spec[i] !== '-o') continue;
            const dev = rule.spec[i + 1];
            const bridgeLike = dev === 'docker0' || dev.startsWith('br-');
            if (bridgeLike && !dev.endsWith('+') && !names.has(dev))
              errs.push(
                `${ns.id} ${table.name}/${chain.name}: rule ${rule.spec.join(' ')} names missing ${dev}`,
              );
          }
        }
      }
    }
    for (const link of ns.links) {
      if (link.master !== undefined && byIndex.get(link.master)?.kind !== 'bridge')
        errs.push(`${ns.id}: ${link.name} is a port of ifindex ${link.master}, which is not a bridge here`);
      if (link.peer && !link.peer.ns.links.some((l) => l.index === link.peer?.index))
        errs.push(`${ns.id}: veth ${link.name}'s peer ${link.peer.ns.id}#${link.peer.index} is gone`);
    }
  }
  return errs;
}

/** snapshot is the state two worlds must share after the same log: API views and kernel links. */
export function snapshot(sim: Sim): string {
  const parts: unknown[] = [];
  for (const host of sim.hosts()) {
    parts.push(networksOf(sim, host), [...containersOf(sim, host).values()]);
  }
  for (const ns of sim.world.namespaces()) {
    parts.push([ns.id, ns.links.map((l) => [l.index, l.name, l.kind, l.mac, l.master, l.addrs]), ns.routes]);
    parts.push(
      Object.values(ns.iptables).map((t) =>
        [...t.chains.values()].map((c) => [c.name, c.rules.map((r) => r.spec)]),
      ),
    );
  }
  return JSON.stringify(parts);
}
