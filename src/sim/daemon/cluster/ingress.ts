// Mirrors moby/moby libnetwork/service_linux.go (the routing mesh): each node has an
// "ingress-sbox" namespace with an endpoint on the ingress overlay and one on docker_gwbridge
// (gateway_ingress-sbox). The host DNATs a published port to the sandbox's docker_gwbridge address
// (nat DOCKER-INGRESS, reached from PREROUTING and OUTPUT for local addresses); IPVS in the sandbox
// balances it to the tasks' ingress addresses, and SNAT makes the answers come back through it.
// Simplified: the sandbox is created with the first published port, not when the node joins; the
// IPVS virtual service is matched by address and port instead of a firewall mark.

import { iptables, iptablesOk } from '../../kernel/iptables.ts';
import { Vfs } from '../../kernel/vfs.ts';
import { macFromIP } from '../../libnetwork/drivers/overlay/overlay.ts';
import { setPortService } from '../../trace/ipvs.ts';
import type { Daemon } from '../daemon.ts';
import type { NetSandbox } from '../libnetwork.ts';
import type { OverlaySpec } from './allocator.ts';
import { instantiate, notifyPeers } from './networks.ts';
import { daemonsOf } from './node.ts';
import type { Service, Task } from './services.ts';
import type { ClusterStore } from './store.ts';

/** INGRESS_SBOX is the routing mesh sandbox's name (libnetwork's "ingress-sbox"). */
export const INGRESS_SBOX = 'ingress-sbox';

const ipOf = (sb: NetSandbox, network: string): string =>
  sb
    .endpoints()
    .find((ep) => ep.network.name === network)
    ?.iface()
    .address?.split('/')[0] ?? '';

/** ensureIngressSandbox creates the node's ingress-sbox (and its two endpoints) once. */
export function ensureIngressSandbox(d: Daemon, store: ClusterStore): NetSandbox {
  const have = d.controller.sandboxByContainerId(INGRESS_SBOX);
  if (have) return have;
  const ingress = store.ingress as OverlaySpec;
  const nw = instantiate(d, ingress);
  const sb = d.controller.newSandbox(INGRESS_SBOX, { hostname: INGRESS_SBOX, fs: new Vfs() });
  const ip = store.allocator.allocateIp(ingress);
  store.attachments.push({
    networkId: ingress.id,
    containerId: INGRESS_SBOX,
    node: d.host.name,
    ip,
    mac: macFromIP(ip),
    dnsNames: [],
  });
  const ep = nw.createEndpoint('ingress-endpoint', {
    ipv4Address: ip,
    dnsNames: [],
    disableResolution: true,
  });
  ep.join(sb, {});
  sb.ns.sysctl.ipForward = true;
  iptablesOk(sb.ns, [
    '-t',
    'nat',
    '-A',
    'POSTROUTING',
    '-d',
    ingress.subnet,
    '-j',
    'SNAT',
    '--to-source',
    ip,
  ]);
  notifyPeers(store, [ingress.id]);
  return sb;
}

function ensureHostChains(d: Daemon): void {
  const ns = d.host.ns;
  if (ns.iptables.nat.chains.has('DOCKER-INGRESS')) return;
  iptablesOk(ns, ['-t', 'nat', '-N', 'DOCKER-INGRESS']);
  iptablesOk(ns, [
    '-t',
    'nat',
    '-I',
    'PREROUTING',
    '-m',
    'addrtype',
    '--dst-type',
    'LOCAL',
    '-j',
    'DOCKER-INGRESS',
  ]);
  iptablesOk(ns, [
    '-t',
    'nat',
    '-I',
    'OUTPUT',
    '-m',
    'addrtype',
    '--dst-type',
    'LOCAL',
    '-j',
    'DOCKER-INGRESS',
  ]);
  iptablesOk(ns, ['-t', 'nat', '-A', 'DOCKER-INGRESS', '-j', 'RETURN']);
  // route_localnet and this MASQUERADE let a node reach its own published port on 127.0.0.1
  ns.sysctl.routeLocalnet = true;
  iptablesOk(ns, [
    '-t',
    'nat',
    '-I',
    'POSTROUTING',
    '-m',
    'addrtype',
    '--src-type',
    'LOCAL',
    '-o',
    'docker_gwbridge',
    '-j',
    'MASQUERADE',
  ]);
  iptablesOk(ns, ['-N', 'DOCKER-INGRESS']);
  iptablesOk(ns, ['-I', 'FORWARD', '-j', 'DOCKER-INGRESS']);
  iptablesOk(ns, ['-A', 'DOCKER-INGRESS', '-j', 'RETURN']);
}

function programPort(d: Daemon, gwIp: string, proto: string, port: number): void {
  const ns = d.host.ns;
  const p = String(port);
  const have = ns.iptables.nat.chains.get('DOCKER-INGRESS')?.rules ?? [];
  if (have.some((r) => r.spec.join(' ').includes(`--dport ${p} `))) return;
  const rules = ingressRules(gwIp, proto, p);
  iptablesOk(ns, ['-t', 'nat', '-I', 'DOCKER-INGRESS', ...rules.dnat]);
  for (const rule of rules.filter) iptablesOk(ns, ['-I', 'DOCKER-INGRESS', ...rule]);
}

/** ingressRules are one published port's DNAT (nat table) and ACCEPT rules (filter table). */
function ingressRules(gwIp: string, proto: string, p: string): { dnat: string[]; filter: string[][] } {
  return {
    dnat: ['-p', proto, '-m', proto, '--dport', p, '-j', 'DNAT', '--to-destination', `${gwIp}:${p}`],
    filter: [
      [
        '-p',
        proto,
        '-m',
        'state',
        '--state',
        'ESTABLISHED,RELATED',
        '-m',
        proto,
        '--sport',
        p,
        '-j',
        'ACCEPT',
      ],
      ['-p', proto, '-m', proto, '--dport', p, '-j', 'ACCEPT'],
    ],
  };
}

/** publishIngress programs every node's routing mesh for the services' published ports. */
export function publishIngress(store: ClusterStore, services: Service[], tasks: Task[]): void {
  const ingress = store.ingress;
  if (!ingress) return;
  const published = services.filter((s) => s.ports.length > 0);
  if (published.length === 0) return;
  for (const d of daemonsOf(store).values()) {
    const sb = ensureIngressSandbox(d, store);
    const gwIp = ipOf(sb, 'docker_gwbridge');
    ensureHostChains(d);
    for (const svc of published) {
      const backends = tasks
        .filter((t) => t.serviceId === svc.id && t.desired === 'running' && t.state === 'running')
        .map((t) => t.ips.get(ingress.id) ?? '')
        .filter((ip) => ip !== '');
      for (const port of svc.ports) {
        programPort(d, gwIp, port.protocol, port.published);
        setPortService(
          sb.ns,
          `${gwIp}:${port.published}`,
          backends.map((ip) => `${ip}:${port.target}`),
        );
      }
    }
  }
}

/** unpublishIngress removes published ports from every node's routing mesh (rules and IPVS service). */
export function unpublishIngress(
  store: ClusterStore,
  ports: Array<{ protocol: string; published: number }>,
): void {
  for (const d of daemonsOf(store).values()) {
    const sb = d.controller.sandboxByContainerId(INGRESS_SBOX);
    if (!sb) continue;
    const gwIp = ipOf(sb, 'docker_gwbridge');
    for (const { protocol: proto, published } of ports) {
      const p = String(published);
      const rules = ingressRules(gwIp, proto, p);
      iptables(d.host.ns, ['-t', 'nat', '-D', 'DOCKER-INGRESS', ...rules.dnat]);
      for (const rule of rules.filter) iptables(d.host.ns, ['-D', 'DOCKER-INGRESS', ...rule]);
      setPortService(sb.ns, `${gwIp}:${p}`, undefined);
    }
  }
}
