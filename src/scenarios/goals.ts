// Challenge goals: named predicates over the simulator's state view (never over the typed text),
// so any correct way of reaching the goal counts. Scenarios name a goal and give its arguments.

import type { HostView, LabStateView } from '../sim/index.ts';
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
