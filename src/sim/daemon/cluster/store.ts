// The swarm's replicated state, as swarmkit's raft store holds it on the managers: the cluster ID,
// join tokens, nodes, overlay networks with their subnets and VXLAN IDs, and the network
// attachments (the CNM's "distributed KV store" in its modern form). One store per world: the
// managers share it; every other node only reaches it over the LAN at a manager's IP:2377.
// Simplified: a single raft member's view (no log, no elections), see src/sim/README.md.

import type { Rng } from '../../world/rng.ts';
import type { World } from '../../world/world.ts';
import { NetworkAllocator, type OverlaySpec } from './allocator.ts';

/** ClusterNode is one node of the swarm (swarm.Node, reduced). */
export interface ClusterNode {
  id: string;
  hostname: string;
  /** addr is the node's advertise IP (its eth0 address). */
  addr: string;
  role: 'manager' | 'worker';
  leader: boolean;
  availability: 'active' | 'pause' | 'drain';
  state: 'ready' | 'down';
  engineVersion: string;
  createdAt: number;
  /** peerName is the node's name in the network DB (hostname + 12 hex, libnetwork agent.go). */
  peerName: string;
}

/** Attachment is one container's address on an overlay network (a network attachment task). */
export interface Attachment {
  networkId: string;
  containerId: string;
  /** node is the hostname of the node the container runs on. */
  node: string;
  ip: string;
  mac: string;
  dnsNames: string[];
}

/** ClusterStore is the replicated swarm state every manager holds. */
export class ClusterStore {
  readonly id: string;
  readonly createdAt: number;
  /** caDigest is the root CA's digest as it appears in join tokens (50 base36 characters). */
  readonly caDigest: string;
  workerSecret: string;
  managerSecret: string;
  readonly nodes: ClusterNode[] = [];
  readonly allocator = new NetworkAllocator();
  /** networks are the user overlay networks; ingress is created with the swarm. */
  readonly networks = new Map<string, OverlaySpec>();
  ingress?: OverlaySpec;
  attachments: Attachment[] = [];
  readonly rng: Rng;

  constructor(rng: Rng, now: number) {
    this.rng = rng;
    this.id = rng.base36(25);
    this.caDigest = rng.base36(50);
    this.workerSecret = rng.base36(25);
    this.managerSecret = rng.base36(25);
    this.createdAt = now;
  }

  /** workerToken and managerToken are the SWMTKN-1 join tokens (swarmkit ca.GenerateJoinToken). */
  get workerToken(): string {
    return `SWMTKN-1-${this.caDigest}-${this.workerSecret}`;
  }
  get managerToken(): string {
    return `SWMTKN-1-${this.caDigest}-${this.managerSecret}`;
  }

  /** managers lists the manager nodes. */
  managers(): ClusterNode[] {
    return this.nodes.filter((n) => n.role === 'manager');
  }

  /** nodeByHost finds the live node a host runs as. */
  nodeByHost(hostname: string): ClusterNode | undefined {
    return this.nodes.find((n) => n.hostname === hostname && n.state === 'ready');
  }

  /** findNetwork finds an overlay network by full ID, exact name or unique ID prefix. */
  findNetwork(term: string): OverlaySpec | undefined {
    const all = [...this.networks.values()];
    const exact = all.find((n) => n.id === term) ?? all.find((n) => n.name === term);
    if (exact) return exact;
    const byPrefix = all.filter((n) => n.id.startsWith(term));
    return byPrefix.length === 1 ? byPrefix[0] : undefined;
  }

  /** attachmentsOf lists the attachments on a network, optionally only those on other nodes. */
  attachmentsOf(networkId: string, exceptNode?: string): Attachment[] {
    return this.attachments.filter((a) => a.networkId === networkId && a.node !== exceptNode);
  }
}

const stores = new WeakMap<World, ClusterStore[]>();

/** swarmOfHost returns the swarm a host is a (live) node of. */
export function swarmOfHost(world: World, hostname: string): ClusterStore | undefined {
  return (stores.get(world) ?? []).find((s) =>
    s.nodes.some((n) => n.hostname === hostname && n.state === 'ready'),
  );
}

/** swarmAt returns the swarm whose manager listens at ip (the address in a join command). */
export function swarmAt(world: World, ip: string): ClusterStore | undefined {
  return (stores.get(world) ?? []).find((s) =>
    s.managers().some((m) => m.addr === ip && m.state === 'ready'),
  );
}

/** addSwarm registers a new swarm in the world; removeSwarm erases one. */
export function addSwarm(world: World, store: ClusterStore): void {
  stores.set(world, [...(stores.get(world) ?? []), store]);
}
export function removeSwarm(world: World, store: ClusterStore): void {
  stores.set(
    world,
    (stores.get(world) ?? []).filter((s) => s !== store),
  );
}

/** swarmsOf lists the world's swarms. */
export function swarmsOf(world: World): ClusterStore[] {
  return [...(stores.get(world) ?? [])];
}
