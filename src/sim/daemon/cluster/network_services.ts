// Mirrors moby/moby libnetwork/agent.go (Network.Services: the endpoint records every node gossips
// in the network DB's "endpoint_table", grouped by service name, with the overlay driver's
// "Host IP" per endpoint), libnetwork/service_common.go (each node numbers its load balancers from
// fwMarkCtr = 256, once per service and network, in the order it learns of them) and
// daemon/network.go buildServiceAttachments: the Services map of `docker network inspect
// --verbose` on a swarm-scoped multi-host network. Standalone containers on an attachable network
// are grouped under the service name "" with VIP "<nil>" (net.IP(nil).String()). Also the
// embedded DNS's answers for service names (serviceRecords).

import type { Daemon } from '../daemon.ts';
import type { NetNetwork } from '../libnetwork.ts';
import { membership } from './cluster.ts';
import { daemonsOf } from './node.ts';
import { liveTasks, serviceTable } from './services.ts';
import type { ClusterStore } from './store.ts';

/** ServiceInfo is network.ServiceInfo. */
export interface ServiceInfo {
  VIP: string;
  Ports: string[];
  LocalLBIndex: number;
  Tasks: Array<{ Name: string; EndpointID: string; EndpointIP: string; Info: Record<string, string> }>;
}

/** FIRST_FWMARK is libnetwork's fwMarkCtr start value. */
const FIRST_FWMARK = 256;
const fwMarks = new WeakMap<Daemon, Map<string, number>>();

function marksOf(d: Daemon): Map<string, number> {
  const m = fwMarks.get(d) ?? new Map<string, number>();
  fwMarks.set(d, m);
  return m;
}

/**
 * assignLoadBalancers gives every node a load balancer (fwMark) for each service on each swarm
 * network it has locally, in the order the node first sees the service's running tasks there.
 */
export function assignLoadBalancers(store: ClusterStore): void {
  for (const d of daemonsOf(store).values()) {
    const marks = marksOf(d);
    for (const svc of serviceTable(store).services) {
      const running = liveTasks(store, svc).filter((t) => t.state === 'running');
      const nets = [...(store.ingress && svc.ports.length > 0 ? [store.ingress.id] : []), ...svc.networks];
      for (const nid of nets) {
        const key = `${svc.id}/${nid}`;
        if (marks.has(key) || !d.controller.networkById(nid)) continue;
        if (!running.some((t) => t.ips.has(nid))) continue;
        marks.set(key, FIRST_FWMARK + marks.size);
      }
    }
  }
}

function endpointId(store: ClusterStore, node: string, nid: string, containerId: string): string {
  const nw = daemonsOf(store).get(node)?.controller.networkById(nid);
  return nw?.endpoints().find((ep) => ep.sandbox()?.containerId === containerId)?.id ?? '';
}

/** servicesResource is buildServiceAttachments(nw) for inspect --verbose; undefined when empty. */
export function servicesResource(d: Daemon, nw: NetNetwork): Record<string, ServiceInfo> | undefined {
  const m = nw.scope === 'swarm' && nw.type === 'overlay' ? membership(d) : undefined;
  if (!m) return undefined;
  const { store } = m;
  const table = serviceTable(store);
  const out: Record<string, ServiceInfo> = {};
  for (const a of store.attachmentsOf(nw.id)) {
    if (a.dnsNames.length === 0) continue;
    const task = table.tasks.find((t) => t.containerId === a.containerId);
    const svc = task ? table.services.find((s) => s.id === task.serviceId) : undefined;
    const name = svc?.name ?? '';
    const info = out[name] ?? {
      VIP: svc?.vips.get(nw.id) ?? '<nil>',
      Ports: nw.ingress && svc ? svc.ports.map((p) => `Target: ${p.target}, Publish: ${p.published}`) : [],
      LocalLBIndex: svc ? (marksOf(d).get(`${svc.id}/${nw.id}`) ?? 0) : 0,
      Tasks: [],
    };
    info.Tasks.push({
      Name: a.dnsNames[0],
      EndpointID: endpointId(store, a.node, nw.id, a.containerId),
      EndpointIP: a.ip,
      Info: { 'Host IP': store.nodes.find((n) => n.hostname === a.node && n.state === 'ready')?.addr ?? '' },
    });
    out[name] = info;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** serviceRecords answers the embedded DNS for service names: VIP or task IPs, and tasks.<name>. */
export function serviceRecords(store: ClusterStore, nid: string, name: string): string[] | undefined {
  const lower = name.replace(/\.$/, '').toLowerCase();
  for (const svc of serviceTable(store).services) {
    if (!svc.networks.includes(nid)) continue;
    const taskIPs = (): string[] =>
      liveTasks(store, svc)
        .filter((t) => t.state === 'running')
        .map((t) => t.ips.get(nid) ?? '')
        .filter((ip) => ip !== '');
    if (lower === `tasks.${svc.name.toLowerCase()}`) return taskIPs();
    if (lower === svc.name.toLowerCase()) {
      const vip = svc.vips.get(nid);
      return svc.endpointMode === 'vip' && vip ? [vip] : taskIPs();
    }
  }
  return undefined;
}
