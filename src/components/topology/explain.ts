// Says in plain words what happened to a packet walk: where it stopped and why, naming Docker's
// reason (isolation between bridges, icc=false, internal networks, no DNS on the default bridge…)
// from the deciding iptables rule moby installs (libnetwork drivers/bridge iptabler) or the hops.
import type { ContainerNode, TopoGraph } from './graph.ts';
import type { HopLike, TraceLike } from './walk.ts';

/** Finding is the walk's outcome for people: ok, dropped or failed, where, and why. */
export interface Finding {
  status: 'ok' | 'drop' | 'fail';
  /** hop is the index of the hop where it stopped, if one did. */
  hop?: number;
  /** where names the place ("host1, raw PREROUTING"). */
  where: string;
  why: string;
}

interface Who {
  name: string;
  container?: ContainerNode;
}

/** whoIs names a namespace: a container's name, a host, the router or the internet. */
export function whoIs(g: TopoGraph, nsId: string): Who {
  for (const h of g.hosts) {
    if (h.nsId === nsId) return { name: h.name };
    const c = h.containers.find((x) => x.nsId === nsId);
    if (c) return { name: c.name, container: c };
  }
  if (g.router?.nsId === nsId) return { name: 'the router' };
  if (g.outside.includes(nsId)) return { name: `${nsId} (internet)` };
  return { name: nsId };
}

function ownerOf(g: TopoGraph, ip: string): ContainerNode | undefined {
  for (const h of g.hosts)
    for (const c of h.containers) if (c.ifaces.some((i) => i.ip?.split('/')[0] === ip)) return c;
  return undefined;
}

function networksOf(g: TopoGraph, c: ContainerNode | undefined): string[] {
  if (!c) return [];
  const names: string[] = [];
  for (const h of g.hosts)
    for (const s of h.sections)
      if (c.ifaces.some((i) => i.section === s.key)) names.push(s.network?.name ?? s.label);
  return names;
}

const isUserBridge = (g: TopoGraph, name: string): boolean =>
  g.hosts.some((h) =>
    h.sections.some((s) => s.kind === 'bridge' && s.network?.name === name && s.label !== 'docker0'),
  );

function place(g: TopoGraph, h: HopLike): string {
  const chain = /^(raw|filter|nat|mangle) (\S+):/.exec(h.reason);
  const name = whoIs(g, h.ns).name;
  return chain ? `${name}, ${chain[1]} ${chain[2]}` : name;
}

function ruleWords(g: TopoGraph, t: TraceLike, h: HopLike): string {
  const rule = h.rule ?? '';
  const from = whoIs(g, t.from).container;
  const to = ownerOf(g, t.request.dst);
  const a = networksOf(g, from);
  const b = networksOf(g, to);
  const isolation =
    /DOCKER-ISOLATION-STAGE-2 -o \S+ -j DROP/.test(rule) ||
    /^-A PREROUTING -d [\d.]+\/32 ! -i \S+ -j DROP$/.test(rule);
  if (isolation && from && to) {
    const pair = `${a.join(', ') || 'none'} → ${b.join(', ') || 'none'}`;
    if (a.length && b.length && [...a, ...b].every((n) => isUserBridge(g, n)))
      return `isolated: different user-defined bridges (${pair}). Connect a container to both networks to let them talk.`;
    return `isolated: the containers are on different bridge networks (${pair}), and Docker drops traffic between bridges.`;
  }
  if (isolation)
    return `blocked: ${to ? `${to.name}'s` : 'this'} address is reachable only through its own bridge; publish a port (-p) to reach it from outside.`;
  if (/^-A DOCKER ! -i (\S+) -o \1 -j DROP/.test(rule))
    return 'not published: from outside its bridge a container is reachable only on published ports (-p).';
  if (/-i (\S+) -o \1 -j DROP/.test(rule))
    return 'inter-container communication is off on this bridge (icc=false): containers on it cannot talk to each other.';
  if (/DOCKER-ISOLATION-STAGE-1 ! -[ds] \S+ -[io] \S+ -j DROP/.test(rule))
    return 'internal network: traffic may not leave it (docker network create --internal).';
  if (/-d [\d.]+\/32 ! -i lo .*-j DROP/.test(rule))
    return 'the port is published on a loopback address only: it answers only from the host itself.';
  if (/^-P FORWARD DROP/.test(rule))
    return 'no rule accepted this forwarded packet, so the FORWARD chain’s default policy (DROP) dropped it.';
  if (rule) return `a firewall rule dropped it: ${rule}`;
  return h.reason;
}

function routeWords(g: TopoGraph, t: TraceLike): string {
  const who = whoIs(g, t.from);
  const internal = g.hosts.some((h) =>
    h.sections.some((s) => s.internal && who.container?.ifaces.some((i) => i.section === s.key)),
  );
  if (internal)
    return `internal network: ${who.name} has no route to ${t.request.dst}, because Docker gives an internal network no gateway (docker network create --internal).`;
  return `no route: ${who.name} has no route to ${t.request.dst}.`;
}

const DNS_FAIL = /answers (?:A|AAAA) (\S+): (NXDOMAIN|SERVFAIL|REFUSED)/;

function dnsWords(g: TopoGraph, t: TraceLike): string | undefined {
  if (t.request.dport !== 53 || t.verdict !== 'delivered') return undefined;
  const m = t.hops.map((h) => DNS_FAIL.exec(h.reason)).find(Boolean);
  if (!m) return undefined;
  const name = m[1];
  const from = whoIs(g, t.from).container;
  const nets = networksOf(g, from);
  if (from && nets.length > 0 && nets.every((n) => !isUserBridge(g, n)) && !name.includes('.'))
    return `no DNS on the default bridge: container names such as "${name}" resolve only on user-defined networks; the question went to the host's resolver, which does not know it (${m[2]}).`;
  return `name not found: no server knows "${name}" (${m[2]}).`;
}

/** explain turns a trace into a Finding. */
export function explain(g: TopoGraph, t: TraceLike): Finding {
  const i = t.hops.findIndex((h) => h.verdict === 'drop' || h.verdict === 'reject' || h.verdict === 'error');
  const dns = dnsWords(g, t);
  if (dns) return { status: 'fail', where: whoIs(g, t.from).name, why: dns };
  if (t.verdict === 'delivered')
    return { status: 'ok', where: '', why: `${t.reason || 'the answer came back'}.` };
  if (i >= 0) {
    const h = t.hops[i];
    if (h.what === 'iptables' || h.rule)
      return { status: 'drop', hop: i, where: place(g, h), why: ruleWords(g, t, h) };
    if (h.what === 'route' && h.ns === t.from)
      return { status: 'fail', hop: i, where: place(g, h), why: routeWords(g, t) };
    if (t.verdict === 'refused')
      return {
        status: 'fail',
        hop: i,
        where: place(g, h),
        why: `connection refused: nothing listens on ${t.request.dst}:${t.request.dport}.`,
      };
    return { status: 'drop', hop: i, where: place(g, h), why: h.reason };
  }
  if (t.errno === 'ENETUNREACH')
    return { status: 'fail', where: whoIs(g, t.from).name, why: routeWords(g, t) };
  if (t.verdict === 'refused')
    return {
      status: 'fail',
      where: whoIs(g, t.from).name,
      why: `connection refused: nothing listens on ${t.request.dst}:${t.request.dport}.`,
    };
  const last = t.hops.length - 1;
  return {
    status: 'fail',
    hop: last >= 0 ? last : undefined,
    where: last >= 0 ? place(g, t.hops[last]) : whoIs(g, t.from).name,
    why: `no answer: ${t.reason || 'the packet was lost'}.`,
  };
}
