// Mirrors moby/moby daemon/rename.go (ContainerRename), v28.2.2: the new name is reserved like a
// create-time name; a running container's endpoints are renamed and get new DNS names. Simplified: no legacy links.

import { invalidParameter, isSimError, SimError } from '../errdefs.ts';
import { sandboxOf } from './container_operations.ts';
import type { Daemon } from './daemon.ts';
import { buildEndpointDNSNames } from './endpoint-settings.ts';

/** containerRename is POST /containers/{id}/rename?name=new. */
export function containerRename(d: Daemon, oldName: string, newName: string): void {
  if (oldName === '' || newName === '') throw invalidParameter('Neither old nor new names may be empty');
  const c = d.getContainer(oldName);
  const full = newName.startsWith('/') ? newName : `/${newName}`;
  if (c.name === full) throw invalidParameter('Renaming a container with the same name as its current name');
  let reserved: string;
  try {
    reserved = d.names.reserve(c.id, newName);
  } catch (e) {
    if (isSimError(e)) throw new SimError(e.kind, `Error when allocating new name: ${e.message}`);
    throw e;
  }
  d.names.release(c.name);
  c.name = reserved;
  if (!c.state.running) return;
  const sb = sandboxOf(d, c);
  if (!sb) return;
  for (const ep of sb.endpoints()) ep.name = c.name.replace(/^\//, '');
  for (const [, es] of c.networkSettings.networks) {
    const ep = sb.endpoints().find((e) => e.id === es.EndpointID);
    if (!ep) continue;
    es.DNSNames = buildEndpointDNSNames(c, es.Aliases);
    ep.dnsNames = [...es.DNSNames];
  }
}
