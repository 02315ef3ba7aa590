// Mirrors moby/moby daemon/cluster/swarm.go (Init, Join, Leave, Inspect), cluster.go (errNoManager)
// and errors.go, v28.2.2: a node's membership in the world's swarm. Joining needs the manager's
// IP:2377 reachable over the LAN (a real TCP connect through both hosts' iptables). What a node
// sets up on joining (ingress, docker_gwbridge, the listening ports) is in node.ts.

import { invalidParameter, unavailable } from '../../errdefs.ts';
import { tcpConnect } from '../../trace/exchange.ts';
import type { Daemon } from '../daemon.ts';
import { nodeDown, nodeUp } from './node.ts';
import { reconcile, serviceTable } from './services.ts';
import { addSwarm, type ClusterNode, ClusterStore, removeSwarm, swarmAt, swarmOfHost } from './store.ts';

/** errSwarmExists is returned by init and join on a node already in a swarm. */
export const errSwarmExists =
  'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.';
/** errNoSwarm is returned by leave on a node in no swarm. */
export const errNoSwarm = 'This node is not part of a swarm';
/** errNotInSwarm is errNoManager for a node in no swarm. */
export const errNotInSwarm =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
/** errWorker is errNoManager for a worker. */
export const errWorker =
  "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.";
/** errJoinTimeout is errSwarmJoinTimeoutReached (the manager could not be reached). */
export const errJoinTimeout =
  'Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the "docker info" command to see the current swarm status of your node.';
/** errBadToken is swarmkit's answer to a token with the wrong secret (ca/server.go). */
export const errBadToken =
  'rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster';
const TOKEN_RE = /^SWMTKN-1-([0-9a-z]{50})-([0-9a-z]{25})$/;

/** hostIP is the node's LAN address (eth0's IPv4). */
export function hostIP(d: Daemon): string {
  const eth0 = d.host.ns.links.find((l) => l.name === 'eth0');
  return eth0?.addrs.find((a) => a.family === 4)?.ip ?? '';
}

/** membership returns the node's swarm and its node entry. */
export function membership(d: Daemon): { store: ClusterStore; node: ClusterNode } | undefined {
  const store = swarmOfHost(d.world, d.host.name);
  const node = store?.nodeByHost(d.host.name);
  return store && node ? { store, node } : undefined;
}

/** requireManager is the cluster's manager check, failing with errNoManager's wording. */
export function requireManager(d: Daemon): ClusterStore {
  const m = membership(d);
  if (!m) throw unavailable(errNotInSwarm);
  if (m.node.role !== 'manager') throw unavailable(errWorker);
  return m.store;
}

function advertiseIP(d: Daemon, addr: string | undefined): string {
  if (!addr) return hostIP(d);
  const host = addr.replace(/:\d+$/, '');
  const link = d.host.ns.links.find((l) => l.name === host);
  if (link) {
    const ip = link.addrs.find((a) => a.family === 4)?.ip;
    if (!ip) throw invalidParameter(`interface ${host} has no usable IPv4 address`);
    return ip;
  }
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(host))
    throw invalidParameter(
      `advertise address must be a non-zero IP address or network interface (with optional port number)`,
    );
  return host;
}

function newNode(d: Daemon, store: ClusterStore, role: ClusterNode['role'], addr: string): ClusterNode {
  const node: ClusterNode = {
    id: store.rng.base36(25),
    hostname: d.host.name,
    addr,
    role,
    leader: false,
    availability: 'active',
    state: 'ready',
    engineVersion: d.config.serverVersion,
    createdAt: d.world.clock.now(),
    peerName: `${d.host.name}-${d.rng.hex(12)}`,
  };
  store.nodes.push(node);
  return node;
}

/** swarmInit is POST /swarm/init: a new swarm with this node as its leader; returns the node ID. */
export function swarmInit(d: Daemon, req: { AdvertiseAddr?: string }): string {
  if (membership(d)) throw unavailable(errSwarmExists);
  const addr = advertiseIP(d, req.AdvertiseAddr);
  d.advance(800);
  const store = new ClusterStore(d.rng.fork(`swarm/${d.world.clock.now()}`), d.world.clock.now());
  addSwarm(d.world, store);
  const node = newNode(d, store, 'manager', addr);
  node.leader = true;
  nodeUp(d, store, true);
  return node.id;
}

/** swarmJoin is POST /swarm/join: the token is checked by the manager reached at RemoteAddrs[0]. */
export function swarmJoin(
  d: Daemon,
  req: { JoinToken?: string; RemoteAddrs?: string[]; AdvertiseAddr?: string },
): void {
  if (membership(d)) throw unavailable(errSwarmExists);
  const remote = req.RemoteAddrs?.[0] ?? '';
  if (remote === '') throw invalidParameter('at least 1 RemoteAddr is required to join');
  const token = TOKEN_RE.exec(req.JoinToken ?? '');
  if (!token) throw invalidParameter('invalid join token');
  const [ip, port = '2377'] = remote.split(':');
  const store = swarmAt(d.world, ip);
  d.advance(1500);
  const conn = tcpConnect(d.world, d.host.ns, ip, Number(port), { tool: 'dockerd' });
  if (!store || conn.verdict !== 'delivered') throw unavailable(errJoinTimeout);
  const role =
    token[2] === store.managerSecret ? 'manager' : token[2] === store.workerSecret ? 'worker' : undefined;
  if (token[1] !== store.caDigest || !role) throw invalidParameter(errBadToken);
  newNode(d, store, role, advertiseIP(d, req.AdvertiseAddr));
  nodeUp(d, store, role === 'manager');
  // the new node is one more candidate: Pending tasks and global services get it
  reconcile(store);
}

/** swarmLeave is POST /swarm/leave: managers need force; the node stays listed as Down. */
export function swarmLeave(d: Daemon, force: boolean): void {
  const m = membership(d);
  if (!m) throw unavailable(errNoSwarm);
  const { store, node } = m;
  if (node.role === 'manager' && !force) {
    let msg = 'You are attempting to leave the swarm on a node that is participating as a manager. ';
    const reachable = store.managers().filter((n) => n.state === 'ready').length;
    if (reachable === 1) {
      msg +=
        'Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. ';
      throw unavailable(msg);
    }
    if (reachable <= 2)
      msg += `Removing this node leaves ${reachable - 1} managers out of ${reachable}. Without a Raft quorum your swarm will be inaccessible. `;
    msg +=
      'The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.';
    throw unavailable(msg);
  }
  nodeDown(d, store);
  node.state = 'down';
  node.leader = false;
  if (!store.managers().some((n) => n.state === 'ready')) {
    removeSwarm(d.world, store);
    return;
  }
  // the managers see the node go down: its tasks are started elsewhere (the old ones keep their
  // last reported state, Running, with desired state Shutdown)
  for (const t of serviceTable(store).tasks)
    if (t.nodeId === node.id && t.desired === 'running') t.desired = 'shutdown';
  reconcile(store);
}
