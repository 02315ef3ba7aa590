// Mirrors moby/moby daemon/cluster/noderunner.go and executor/container (the node side of swarm):
// when a node starts it listens on 2377 (managers) and 7946 (gossip), gets the ingress network and
// docker_gwbridge, and libnetwork gets a cluster provider; when it leaves all of that goes except
// docker_gwbridge, which real Docker leaves behind too.

import { bindSocket, unbindSocket } from '../../kernel/socket.ts';
import type { Daemon } from '../daemon.ts';
import { serviceRecords } from './network_services.ts';
import { createIngress, instantiate, isNodeLocal, peersFor } from './networks.ts';
import type { ClusterStore } from './store.ts';

/** GW_BRIDGE is libnetwork's docker_gwbridge (default_gateway.go libnGWNetwork). */
export const GW_BRIDGE = 'docker_gwbridge';

/** gwBridgeOptions are the options dockerd creates docker_gwbridge with (cluster/executor/container). */
export const gwBridgeOptions = {
  'com.docker.network.bridge.enable_icc': 'false',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.name': GW_BRIDGE,
};

const daemons = new WeakMap<ClusterStore, Map<string, Daemon>>();

/** daemonsOf lists the live nodes' daemons of a swarm, by hostname (the simulator's "RPC"). */
export function daemonsOf(store: ClusterStore): Map<string, Daemon> {
  const m = daemons.get(store) ?? new Map<string, Daemon>();
  daemons.set(store, m);
  return m;
}

function ensureGwBridge(d: Daemon): void {
  if (d.controller.networkByName(GW_BRIDGE)) return;
  d.controller.newNetwork('bridge', GW_BRIDGE, d.newId(), {
    created: d.world.clock.now(),
    enableIPv4: true,
    enableIPv6: false,
    driverOpts: { ...gwBridgeOptions },
    persist: true,
  });
}

/** nodeUp starts the node's swarm agent (and manager): ports, cluster provider, ingress, gwbridge. */
export function nodeUp(d: Daemon, store: ClusterStore, manager: boolean): void {
  daemonsOf(store).set(d.host.name, d);
  const ports: Array<['tcp' | 'udp', number]> = [
    ...(manager ? [['tcp', 2377] as ['tcp', number]] : []),
    ['tcp', 7946],
    ['udp', 7946],
  ];
  for (const [proto, port] of ports) {
    bindSocket(d.host.ns, {
      proto,
      ip: '::',
      port,
      owner: 'dockerd',
      app: proto === 'tcp' ? { kind: 'tcp' } : { kind: 'udp' },
    });
  }
  d.controller.clusterProvider = {
    isManager: () => store.nodeByHost(d.host.name)?.role === 'manager',
    isAgent: () => store.nodeByHost(d.host.name) !== undefined,
    peers: (nid) => peersFor(store, d.host.name, nid),
    serviceRecords: (nid, name) => serviceRecords(store, nid, name),
  };
  if (!store.ingress) createIngress(store, d.world.clock.now());
  ensureGwBridge(d);
  instantiate(d, store.ingress as NonNullable<typeof store.ingress>);
  if (manager) for (const spec of store.networks.values()) if (!isNodeLocal(spec)) instantiate(d, spec);
}

/** nodeDown stops the node's swarm agent: swarm networks without containers go, ports close. */
export function nodeDown(d: Daemon, store: ClusterStore): void {
  for (const nw of d.controller.networks()) {
    if (nw.scope !== 'swarm' || nw.type !== 'overlay') continue;
    if (nw.endpoints().length === 0) nw.delete({ force: true });
  }
  for (const s of [...d.host.ns.sockets])
    if (s.owner === 'dockerd' && (s.port === 2377 || s.port === 7946)) unbindSocket(d.host.ns, s);
  d.controller.clusterProvider = undefined;
  store.attachments = store.attachments.filter((a) => a.node !== d.host.name);
  daemonsOf(store).delete(d.host.name);
}
