// Mirrors moby/moby libnetwork/drivers/host/host.go: the "host" driver. Containers on it use the
// host's own namespace (the daemon creates their sandbox with useDefaultSandbox), so it does nothing.

import { forbidden, notImplemented } from '../../../errdefs.ts';
import type { Driver, Registerer } from '../../driverapi/driverapi.ts';

/** NetworkType is the host driver's name. */
export const NetworkType = 'host';

class HostDriver implements Driver {
  private network = '';

  networkAllocate(): Record<string, string> {
    throw notImplemented('not implemented');
  }
  networkFree(): void {
    throw notImplemented('not implemented');
  }
  createNetwork(id: string): void {
    if (this.network !== '') throw forbidden(`only one instance of "${NetworkType}" network is allowed`);
    this.network = id;
  }
  deleteNetwork(): void {
    throw forbidden(`network of type "${NetworkType}" cannot be deleted`);
  }
  createEndpoint(): void {}
  deleteEndpoint(): void {}
  endpointOperInfo(): Record<string, unknown> {
    return {};
  }
  join(): void {}
  leave(): void {}
  programExternalConnectivity(): void {}
  revokeExternalConnectivity(): void {}
  type(): string {
    return NetworkType;
  }
  isBuiltIn(): boolean {
    return true;
  }
}

/** register adds the host driver (local scope). */
export function register(r: Registerer): void {
  r.registerDriver(NetworkType, new HostDriver(), { dataScope: 'local', connectivityScope: 'local' });
}
