// Mirrors moby/moby daemon/cluster/convert (SwarmFromGRPC, NodeFromGRPC) and swarm.go/nodes.go
// (Inspect, GetNodes, GetNode) plus the Swarm part of /info (cluster.Info), API 1.50 shapes
// reduced to the fields the CLI reads: GET /swarm, GET /nodes, GET /nodes/{id}.

import { invalidParameter, notFound } from '../../errdefs.ts';
import type { Daemon } from '../daemon.ts';
import { rfc3339NanoFixed } from '../logs.ts';
import { membership, requireManager } from './cluster.ts';
import type { ClusterNode, ClusterStore } from './store.ts';

/** stamp is a time.Time as Go's MarshalJSON writes it (RFC3339Nano: trailing zeros trimmed). */
const stamp = (ms: number): string =>
  rfc3339NanoFixed({ ms: Math.floor(ms), ns: Math.round((ms - Math.floor(ms)) * 1e6) }).replace(
    /\.?0+Z$/,
    'Z',
  );

/** swarmJSON is GET /swarm (swarm.Swarm): only managers may read it. */
export function swarmJSON(d: Daemon): Record<string, unknown> {
  const s = requireManager(d);
  return { ...clusterInfo(s), JoinTokens: { Worker: s.workerToken, Manager: s.managerToken } };
}

/** nodeJSON is one swarm.Node. */
export function nodeJSON(n: ClusterNode): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ID: n.id,
    Version: { Index: 9 },
    CreatedAt: stamp(n.createdAt),
    UpdatedAt: stamp(n.createdAt),
    Spec: { Labels: {}, Role: n.role, Availability: n.availability },
    Description: {
      Hostname: n.hostname,
      Platform: { Architecture: 'x86_64', OS: 'linux' },
      Resources: { NanoCPUs: 2000000000, MemoryBytes: 4102516736 },
      Engine: { EngineVersion: n.engineVersion, Plugins: [] },
      TLSInfo: { TrustRoot: '', CertIssuerSubject: '', CertIssuerPublicKey: '' },
    },
    Status: { State: n.state, Addr: n.state === 'ready' ? n.addr : '0.0.0.0' },
  };
  if (n.role === 'manager' && n.state === 'ready')
    out.ManagerStatus = { Leader: n.leader, Reachability: 'reachable', Addr: `${n.addr}:2377` };
  return out;
}

/** listNodes is GET /nodes. */
export function listNodes(d: Daemon): Array<Record<string, unknown>> {
  return requireManager(d).nodes.map(nodeJSON);
}

/** findNode is getNode: full ID, then hostname, then ID prefix; more than one match is ambiguous. */
export function findNode(d: Daemon, term: string): ClusterNode {
  const s = requireManager(d);
  if (term === 'self') return s.nodeByHost(d.host.name) as ClusterNode;
  const exact = s.nodes.find((n) => n.id === term);
  if (exact) return exact;
  const byName = s.nodes.filter((n) => n.hostname === term);
  const found = byName.length > 0 ? byName : s.nodes.filter((n) => n.id.startsWith(term));
  if (found.length === 0) throw notFound(`node ${term} not found`);
  if (found.length > 1) throw invalidParameter(`node ${term} is ambiguous (${found.length} matches found)`);
  return found[0];
}

/** swarmInfo is the Swarm field of GET /info (swarm.Info). */
export function swarmInfo(d: Daemon): Record<string, unknown> {
  const m = membership(d);
  if (!m) {
    return {
      NodeID: '',
      NodeAddr: '',
      LocalNodeState: 'inactive',
      ControlAvailable: false,
      Error: '',
      RemoteManagers: null,
    };
  }
  const { store, node } = m;
  const info: Record<string, unknown> = {
    NodeID: node.id,
    NodeAddr: node.addr,
    LocalNodeState: 'active',
    ControlAvailable: node.role === 'manager',
    Error: '',
    RemoteManagers: store
      .managers()
      .filter((n) => n.state === 'ready')
      .map((n) => ({ NodeID: n.id, Addr: `${n.addr}:2377` })),
  };
  if (node.role === 'manager') {
    info.Nodes = store.nodes.length;
    info.Managers = store.managers().length;
    info.Cluster = clusterInfo(store);
  }
  return info;
}

function clusterInfo(s: ClusterStore): Record<string, unknown> {
  return {
    ID: s.id,
    Version: { Index: 10 + s.nodes.length },
    CreatedAt: stamp(s.createdAt),
    UpdatedAt: stamp(s.createdAt),
    Spec: {
      Name: 'default',
      Labels: {},
      Orchestration: { TaskHistoryRetentionLimit: 5 },
      Raft: {
        SnapshotInterval: 10000,
        KeepOldSnapshots: 0,
        LogEntriesForSlowFollowers: 500,
        ElectionTick: 10,
        HeartbeatTick: 1,
      },
      Dispatcher: { HeartbeatPeriod: 5000000000 },
      CAConfig: { NodeCertExpiry: 7776000000000000 },
      TaskDefaults: {},
      EncryptionConfig: { AutoLockManagers: false },
    },
    TLSInfo: { TrustRoot: '', CertIssuerSubject: '', CertIssuerPublicKey: '' },
    RootRotationInProgress: false,
    DefaultAddrPool: ['10.0.0.0/8'],
    SubnetSize: 24,
    DataPathPort: 4789,
  };
}
