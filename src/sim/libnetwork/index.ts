// The public surface of libnetwork (the Container Network Model) for the daemon and the views.
// Mirrors moby/moby libnetwork's exported types; see README in src/sim for the file map.

export type { DaemonConfig } from './config.ts';
export type { ClusterProvider, ControllerOptions } from './controller.ts';
export { Controller } from './controller.ts';
export type { KVPair } from './datastore/datastore.ts';
export { Datastore } from './datastore/datastore.ts';
export type { Capability, Driver, DriverContext, Registerer } from './driverapi/driverapi.ts';
export type { EndpointOptions, IfaceView, PortBindingRequest, PortMappingView } from './endpoint.ts';
export { Endpoint } from './endpoint.ts';
export type { ExplainStep } from './explain.ts';
export type { Ipam } from './ipamapi/contract.ts';
export { validateIPAM } from './ipamapi/validate.ts';
export type { IpamConfigView, NetworkCreateOptions } from './network.ts';
export { Network } from './network.ts';
export { Resolver, resolverIPSandbox } from './resolver.ts';
export type { SandboxOptions } from './sandbox.ts';
export { Sandbox } from './sandbox.ts';
export type { Scope } from './scope/scope.ts';
