// Mirrors moby/moby libnetwork/drivers/null/null.go: the "null" driver behind the "none" network.
// Its endpoints get no interface, so the sandbox keeps only lo.

import { forbidden, notImplemented } from '../../../errdefs.ts';
import type { Driver, Registerer } from '../../driverapi/driverapi.ts';

/** NetworkType is the null driver's name. */
export const NetworkType = 'null';

class NullDriver implements Driver {
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

/** register adds the null driver (local data scope, no connectivity scope). */
export function register(r: Registerer): void {
  r.registerDriver(NetworkType, new NullDriver(), { dataScope: 'local', connectivityScope: '' });
}
