// Mirrors nothing in moby (it is the lab bench); simplified: hosts on one LAN (192.168.1.0/24)
// behind a home router that masquerades to an ISP, one ISP router and a segment standing for ten
// silent transit routers in front of a few public machines.

import { Emitter } from '../event.ts';
import { iptablesOk } from '../kernel/iptables.ts';
import { addAddr, addLink, addRoute, createNetns, setUp } from '../kernel/netns.ts';
import { bindSocket } from '../kernel/socket.ts';
import type { LinkRef, NetNs } from '../kernel/types.ts';
import { Vfs } from '../kernel/vfs.ts';
import type { Clock } from './clock.ts';
import { createManualClock } from './clock.ts';
import { PUBLIC_HOSTS, publicResolve } from './internet.ts';
import type { Rng } from './rng.ts';
import { createRng } from './rng.ts';
import type { HostMachine, SegmentInfo, TraceEvent, World } from './world.ts';

/** WorldOptions configure createWorld. */
export interface WorldOptions {
  seed: number;
  /** hosts names the lab's machines (default ["host1"]); the i-th gets 192.168.1.(11+i). */
  hosts?: string[];
  clock?: Clock;
}

/** LAN_PREFIX and friends are the addresses of the lab's fixed machines. */
export const LAN = { subnet: '192.168.1.0/24', router: '192.168.1.1', prefixLen: 24 } as const;
/** WAN holds the router's public side and the ISP gateway (TEST-NET-3, RFC 5737). */
export const WAN = {
  router: '203.0.113.2',
  isp: '203.0.113.1',
  prefixLen: 24,
  ispCore: '100.64.0.1',
} as const;

const SEGMENTS: Record<string, SegmentInfo> = {
  lan: { latencyMs: 0.15, hops: 0 },
  wan: { latencyMs: 1.2, hops: 0 },
  internet: { latencyMs: 5.5, hops: 10 },
};

/** hostAddress returns the LAN address of the i-th host (0-based). */
export const hostAddress = (i: number): string => `192.168.1.${11 + i}`;

function nicMac(rng: Rng): string {
  return `52:54:00:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}`;
}

/** linkLocal derives the EUI-64 IPv6 link-local address of a MAC (fe80::…), as the kernel does. */
export function linkLocal(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  b[0] ^= 2;
  const words = [(b[0] << 8) | b[1], (b[2] << 8) | 0xff, (0xfe << 8) | b[3], (b[4] << 8) | b[5]];
  return `fe80::${words.map((w) => w.toString(16)).join(':')}`;
}

function hostFiles(name: string, ip: string): Vfs {
  const fs = new Vfs();
  for (const d of ['/root', '/tmp', '/etc', '/var/lib/docker', '/usr/local/bin']) fs.mkdirp(d);
  fs.writeFile('/etc/hostname', `${name}\n`);
  fs.writeFile(
    '/etc/hosts',
    `127.0.0.1 localhost\n${ip} ${name}\n\n# The following lines are desirable for IPv6 capable hosts\n::1 ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`,
  );
  fs.writeFile('/etc/resolv.conf', `nameserver ${LAN.router}\n`);
  return fs;
}

function buildHost(name: string, i: number, rng: Rng): HostMachine {
  const ns = createNetns(name, name, { nextIndex: 2 });
  const eth0 = addLink(ns, { name: 'eth0', kind: 'ether', mac: nicMac(rng), segment: 'lan' });
  setUp(eth0);
  addAddr(ns, 'eth0', `${hostAddress(i)}/${LAN.prefixLen}`);
  addRoute(ns, { dst: 'default', via: LAN.router, dev: eth0.index, proto: 'static' });
  ns.links[0].addrs.push({ family: 6, ip: '::1', prefixLen: 128, scope: 'host' });
  eth0.addrs.push({ family: 6, ip: linkLocal(eth0.mac), prefixLen: 64, scope: 'link' });
  return { name, ns, fs: hostFiles(name, hostAddress(i)), up: true };
}

function buildRouter(rng: Rng): NetNs {
  const ns = createNetns('router', 'router', { nextIndex: 2 });
  const lan = addLink(ns, { name: 'eth0', kind: 'ether', mac: nicMac(rng), segment: 'lan' });
  const wan = addLink(ns, { name: 'eth1', kind: 'ether', mac: nicMac(rng), segment: 'wan' });
  setUp(lan);
  setUp(wan);
  addAddr(ns, 'eth0', `${LAN.router}/${LAN.prefixLen}`);
  addAddr(ns, 'eth1', `${WAN.router}/${WAN.prefixLen}`);
  addRoute(ns, { dst: 'default', via: WAN.isp, dev: wan.index, proto: 'static' });
  ns.sysctl.ipForward = true;
  iptablesOk(ns, ['-t', 'nat', '-A', 'POSTROUTING', '-o', 'eth1', '-j', 'MASQUERADE']);
  bindSocket(ns, {
    proto: 'udp',
    ip: LAN.router,
    port: 53,
    owner: 'dnsmasq',
    app: { kind: 'dns', resolve: () => ({ rcode: 'NOERROR', answers: [], forward: ['8.8.8.8'] }) },
  });
  return ns;
}

function buildIsp(rng: Rng): NetNs {
  const ns = createNetns('isp', 'isp', { nextIndex: 2 });
  const wan = addLink(ns, { name: 'eth0', kind: 'ether', mac: nicMac(rng), segment: 'wan' });
  const core = addLink(ns, { name: 'eth1', kind: 'ether', mac: nicMac(rng), segment: 'internet' });
  setUp(wan);
  setUp(core);
  addAddr(ns, 'eth0', `${WAN.isp}/${WAN.prefixLen}`);
  addAddr(ns, 'eth1', `${WAN.ispCore}/32`);
  for (const h of PUBLIC_HOSTS)
    for (const a of h.addrs)
      addRoute(ns, { dst: `${a}/32`, dev: core.index, scope: 'link', proto: 'static' });
  ns.sysctl.ipForward = true;
  return ns;
}

function buildPublic(h: (typeof PUBLIC_HOSTS)[number], rng: Rng, clock: Clock): NetNs {
  const ns = createNetns(h.id, h.id, { nextIndex: 2 });
  const eth0 = addLink(ns, { name: 'eth0', kind: 'ether', mac: nicMac(rng), segment: 'internet' });
  setUp(eth0);
  for (const a of h.addrs) addAddr(ns, 'eth0', `${a}/32`);
  addRoute(ns, { dst: `${WAN.ispCore}/32`, dev: eth0.index, scope: 'link', proto: 'static' });
  addRoute(ns, { dst: 'default', via: WAN.ispCore, dev: eth0.index, proto: 'static' });
  ns.sysctl.defaultTtl = h.ttl;
  if (h.dns)
    bindSocket(ns, {
      proto: 'udp',
      ip: '0.0.0.0',
      port: 53,
      owner: 'dns',
      app: { kind: 'dns', resolve: publicResolve },
    });
  const web = h.web;
  if (web)
    bindSocket(ns, {
      proto: 'tcp',
      ip: '0.0.0.0',
      port: 80,
      owner: 'httpd',
      app: { kind: 'http', serve: (req) => web(req, clock) },
    });
  return ns;
}

/**
 * createWorld builds a lab: the named hosts (default host1) on the "lan" segment, each with eth0,
 * a default route via the router 192.168.1.1 and a file system; the router (DNS forwarder to
 * 8.8.8.8, MASQUERADE out of eth1); the ISP and the public machines of internet.ts.
 */
export function createWorld(opts: WorldOptions): World {
  const rng = createRng(opts.seed);
  const netRng = rng.fork('net');
  const hwRng = rng.fork('hw');
  const clock = opts.clock ?? createManualClock();
  const names = opts.hosts?.length ? opts.hosts : ['host1'];
  const hosts = new Map<string, HostMachine>();
  for (const [i, n] of names.entries()) hosts.set(n, buildHost(n, i, hwRng));
  const fixed: NetNs[] = [
    buildRouter(hwRng),
    buildIsp(hwRng),
    ...PUBLIC_HOSTS.map((h) => buildPublic(h, hwRng, clock)),
  ];
  const extra: NetNs[] = [];
  const world: World = {
    hosts,
    namespaces: () => [...[...hosts.values()].map((h) => h.ns), ...extra, ...fixed],
    register: (ns) => {
      if (!extra.includes(ns)) extra.push(ns);
    },
    unregister: (ns) => {
      const i = extra.indexOf(ns);
      if (i >= 0) extra.splice(i, 1);
    },
    segmentMembers: (segment): LinkRef[] => {
      const out: LinkRef[] = [];
      for (const ns of world.namespaces())
        for (const l of ns.links)
          if (l.segment === segment && l.kind === 'ether') out.push({ ns, index: l.index });
      return out;
    },
    segmentInfo: (segment) => SEGMENTS[segment] ?? { latencyMs: 0.15, hops: 0 },
    rng,
    netRng,
    clock,
    traces: new Emitter<TraceEvent>(),
    registry: { manifests: new Map() },
  };
  return world;
}

/** routerNs returns the router's namespace of a world built by createWorld. */
export function namespaceById(world: World, id: string): NetNs | undefined {
  return world.namespaces().find((n) => n.id === id);
}
