// Mirrors moby/moby libnetwork/scope/scope.go: where a network's data and connectivity live.

/** Scope is local (one host), global (a cluster store) or swarm (swarmkit-managed). */
export type Scope = 'local' | 'global' | 'swarm';

/** Local is the scope of single-host networks. */
export const Local: Scope = 'local';
/** Global is the scope of multi-host networks (overlay). */
export const Global: Scope = 'global';
/** Swarm is the scope of networks created through swarm. */
export const Swarm: Scope = 'swarm';
