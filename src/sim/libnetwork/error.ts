// Mirrors moby/moby libnetwork/error.go: libnetwork's named errors, each with its errdefs kind.

import { conflict, forbidden, notFound, SimError } from '../errdefs.ts';

/** ErrNoSuchNetwork is "network X not found" (NotFound). */
export const ErrNoSuchNetwork = (name: string): SimError => notFound(`network ${name} not found`);

/** NetworkNameError is "network with name X already exists" (Conflict). */
export const NetworkNameError = (name: string): SimError =>
  conflict(`network with name ${name} already exists`);

/** ActiveEndpointsError lists the endpoints that keep a network from being deleted (Forbidden). */
export const ActiveEndpointsError = (name: string, endpoints: string[]): SimError =>
  forbidden(`network ${name} has active endpoints (${endpoints.join(', ')})`);

/** ActiveContainerError is returned when deleting an endpoint a sandbox still uses (Forbidden). */
export const ActiveContainerError = (name: string, id: string): SimError =>
  forbidden(`endpoint with name ${name} id ${id} has active containers`);

/** wrapError prefixes an error's message, keeping its kind (fmt.Errorf("...: %w", err)). */
export function wrapError(prefix: string, e: unknown): SimError {
  if (e instanceof SimError) return new SimError(e.kind, `${prefix}: ${e.message}`);
  return new SimError('system', `${prefix}: ${e instanceof Error ? e.message : String(e)}`);
}

/** asSimError turns anything thrown into a SimError (plain errors become kind "system"). */
export function asSimError(e: unknown): SimError {
  if (e instanceof SimError) return e;
  return new SimError('system', e instanceof Error ? e.message : String(e));
}
