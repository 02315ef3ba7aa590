// Challenge goals: named predicates over the simulator's state view (never over the typed text),
// so any correct way of reaching the goal counts. Scenarios name a goal and give its arguments.

import type { HostView, LabStateView, ServiceView } from '../sim/index.ts';
import type { Challenge } from './schema.ts';

/** GoalArgs are a named goal's arguments; `host` picks the host (default: the scenario's first). */
export type GoalArgs = Record<string, string | number | boolean>;

/** GoalFn is a goal written directly as a function of the state view. */
export type GoalFn = (state: LabStateView) => boolean;

const str = (args: GoalArgs, key: string): string => String(args[key] ?? '');

function hostOf(state: LabStateView, args: GoalArgs): HostView | undefined {
  const name = args.host === undefined ? Object.keys(state.hosts)[0] : String(args.host);
  return state.hosts[name];
}

const container = (h: HostView | undefined, name: string) => h?.containers.find((c) => c.name === name);

/** imageRef splits an image reference into its familiar repository and its tag (none for a digest). */
function imageRef(ref: string): { repo: string; tag?: string } {
  const name = ref.split('@')[0];
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > slash ? name.slice(colon + 1) : undefined;
  const repo = (colon > slash ? name.slice(0, colon) : name)
    .replace(/^(docker\.io|index\.docker\.io)\//, '')
    .replace(/^library\//, '');
  return ref.includes('@') ? { repo } : { repo, tag };
}

/** managerService finds service `service` in the view of `host`, or of the first manager that lists it. */
function managerService(state: LabStateView, args: GoalArgs): ServiceView | undefined {
  const views = args.host === undefined ? Object.values(state.hosts) : [hostOf(state, args)];
  for (const h of views) {
    const svc = h?.swarm?.services?.find((x) => x.name === str(args, 'service'));
    if (svc) return svc;
  }
  return undefined;
}

/** DEFAULT_NETWORKS are the networks every engine creates itself; they are not user-defined. */
const DEFAULT_NETWORKS = new Set(['bridge', 'host', 'none']);

/** GOALS maps each goal name to its predicate and a description of its arguments. */
export const GOALS = {
  /** containerRunning: a container called `name` is running. */
  containerRunning: (s: LabStateView, a: GoalArgs) =>
    container(hostOf(s, a), str(a, 'name'))?.running === true,
  /** containerAbsent: no container called `name` exists (stopped ones count as existing). */
  containerAbsent: (s: LabStateView, a: GoalArgs) => container(hostOf(s, a), str(a, 'name')) === undefined,
  /** networkExists: a network called `name` exists, with `driver` if given. */
  networkExists: (s: LabStateView, a: GoalArgs) => {
    const n = hostOf(s, a)?.networks.find((x) => x.name === str(a, 'name'));
    return n !== undefined && (a.driver === undefined || n.driver === str(a, 'driver'));
  },
  /** attached: container `container` is attached to network `network`. */
  attached: (s: LabStateView, a: GoalArgs) =>
    Object.hasOwn(container(hostOf(s, a), str(a, 'container'))?.networks ?? {}, str(a, 'network')),
  /** canResolve: running containers `from` and `to` share a user-defined network, so Docker's
   * embedded DNS lets `from` reach `to` by name. */
  canResolve: (s: LabStateView, a: GoalArgs) => {
    const h = hostOf(s, a);
    const from = container(h, str(a, 'from'));
    const to = container(h, str(a, 'to'));
    if (!from?.running || !to?.running) return false;
    return Object.keys(from.networks).some((n) => !DEFAULT_NETWORKS.has(n) && Object.hasOwn(to.networks, n));
  },
  /** portPublished: container `container` publishes `containerPort` (e.g. "80/tcp") on host port `hostPort`. */
  portPublished: (s: LabStateView, a: GoalArgs) =>
    (container(hostOf(s, a), str(a, 'container'))?.ports ?? []).includes(
      `${str(a, 'hostPort')}->${str(a, 'containerPort')}`,
    ),
  /** imageExists: the host has image `name` (repo:tag). */
  imageExists: (s: LabStateView, a: GoalArgs) => (hostOf(s, a)?.images ?? []).includes(str(a, 'name')),
  /** runningOn: container `name` is running and attached to network `network`. */
  runningOn: (s: LabStateView, a: GoalArgs) => {
    const c = container(hostOf(s, a), str(a, 'name'));
    return c?.running === true && Object.hasOwn(c.networks, str(a, 'network'));
  },
  /** notAttached: container `container` exists and is not attached to network `network`. */
  notAttached: (s: LabStateView, a: GoalArgs) => {
    const c = container(hostOf(s, a), str(a, 'container'));
    return c !== undefined && !Object.hasOwn(c.networks, str(a, 'network'));
  },
  /** hasAlias: container `container` answers to `alias` on network `network`. */
  hasAlias: (s: LabStateView, a: GoalArgs) =>
    (container(hostOf(s, a), str(a, 'container'))?.networks[str(a, 'network')]?.aliases ?? []).includes(
      str(a, 'alias'),
    ),
  /** internalNetwork: network `name` exists and was created with `--internal`. */
  internalNetwork: (s: LabStateView, a: GoalArgs) =>
    hostOf(s, a)?.networks.find((n) => n.name === str(a, 'name'))?.internal === true,
  /** loopbackOnly: container `name` is running with no network but `none`, so it has only `lo`. */
  loopbackOnly: (s: LabStateView, a: GoalArgs) => {
    const c = container(hostOf(s, a), str(a, 'name'));
    return c?.running === true && Object.keys(c.networks).every((n) => n === 'none');
  },
  /** fileContains: lab file `path` contains `text`. */
  fileContains: (s: LabStateView, a: GoalArgs) =>
    (hostOf(s, a)?.files[str(a, 'path')] ?? '').includes(str(a, 'text')),
  /** networkSubnet: network `name` exists with IPAM subnet `subnet` (e.g. "10.10.0.0/24"). */
  networkSubnet: (s: LabStateView, a: GoalArgs) =>
    (hostOf(s, a)?.networks.find((n) => n.name === str(a, 'name'))?.subnets ?? []).includes(str(a, 'subnet')),
  /** containerIp: container `container` has address `ip` on network `network`. */
  containerIp: (s: LabStateView, a: GoalArgs) =>
    container(hostOf(s, a), str(a, 'container'))?.networks[str(a, 'network')]?.ip === str(a, 'ip'),
  /** containerFromImage: container `name` is running from repository `image` ("learner/myapp"), at
   * that tag if `image` has one ("learner/myapp:1.1"); docker.io/ and library/ are optional. */
  containerFromImage: (s: LabStateView, a: GoalArgs) => {
    const c = container(hostOf(s, a), str(a, 'name'));
    if (!c?.running) return false;
    const want = imageRef(str(a, 'image'));
    const have = imageRef(c.image);
    return have.repo === want.repo && (want.tag === undefined || (have.tag ?? 'latest') === want.tag);
  },
  /** inSwarm: the host is a swarm node (as its daemon's /info reports), a `role` one if given
   * ("manager" or "worker"). */
  inSwarm: (s: LabStateView, a: GoalArgs) => {
    const swarm = hostOf(s, a)?.swarm;
    return swarm !== undefined && (a.role === undefined || swarm.role === str(a, 'role'));
  },
  /** nodeCount: the swarm `host` manages (default: the first host) has exactly `count` Ready nodes,
   * counting only `role` nodes ("manager"/"worker") if given and only `availability` ones if given. */
  nodeCount: (s: LabStateView, a: GoalArgs) => {
    const nodes = hostOf(s, a)?.swarm?.nodes;
    if (!nodes) return false;
    const counted = nodes.filter(
      (n) =>
        n.state === 'ready' &&
        (a.role === undefined || n.role === str(a, 'role')) &&
        (a.availability === undefined || n.availability === str(a, 'availability')),
    );
    return counted.length === Number(a.count);
  },
  /** servicePublished: swarm service `service` (read on any manager) has `replicas` tasks desired and
   * running and publishes port `published` to the tasks' port `target` (protocol `protocol`,
   * default tcp), through the routing mesh unless `mode` says "host". */
  servicePublished: (s: LabStateView, a: GoalArgs) => {
    const svc = managerService(s, a);
    if (!svc || svc.running !== Number(a.replicas) || svc.desired !== Number(a.replicas)) return false;
    const protocol = a.protocol === undefined ? 'tcp' : str(a, 'protocol');
    const mode = a.mode === undefined ? 'ingress' : str(a, 'mode');
    return svc.ports.some(
      (p) =>
        p.published === Number(a.published) &&
        p.target === Number(a.target) &&
        p.protocol === protocol &&
        p.mode === mode,
    );
  },
  /** overlayPeers: container `from` on host `fromHost` and `to` on host `toHost` are running and share
   * an overlay network, so they reach each other by name across hosts. */
  overlayPeers: (s: LabStateView, a: GoalArgs) => {
    const fromHost = s.hosts[str(a, 'fromHost')];
    const from = container(fromHost, str(a, 'from'));
    const to = container(s.hosts[str(a, 'toHost')], str(a, 'to'));
    if (!from?.running || !to?.running) return false;
    const overlays = new Set(fromHost?.networks.filter((n) => n.driver === 'overlay').map((n) => n.name));
    return Object.keys(from.networks).some((n) => overlays.has(n) && Object.hasOwn(to.networks, n));
  },
  /** serviceTasks: swarm service `service` has exactly `replicas` running task containers
   * (`<service>.<slot>.<task id>`) across all hosts, each attached to `network` if given. */
  serviceTasks: (s: LabStateView, a: GoalArgs) => {
    const prefix = new RegExp(`^${str(a, 'service').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+\\.`);
    const tasks = Object.values(s.hosts).flatMap((h) =>
      h.containers.filter((c) => c.running && prefix.test(c.name)),
    );
    const network = a.network === undefined ? undefined : str(a, 'network');
    return (
      tasks.length === Number(a.replicas) &&
      (network === undefined || tasks.every((c) => Object.hasOwn(c.networks, network)))
    );
  },
} satisfies Record<string, (s: LabStateView, a: GoalArgs) => boolean>;

/** GoalName is the name of one of the GOALS. */
export type GoalName = keyof typeof GOALS;

/** GOAL_NAMES lists the goal names, for the schema's friendly error. */
export const GOAL_NAMES = Object.keys(GOALS) as GoalName[];

/** goalMet evaluates a challenge's goal against a state view. */
export function goalMet(challenge: Challenge, state: LabStateView): boolean {
  const goal = challenge.goal;
  if (typeof goal === 'function') return goal(state);
  return GOALS[goal.predicate](state, goal.args as GoalArgs);
}
