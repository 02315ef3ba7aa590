// Mirrors moby/moby libnetwork/drivers_linux.go: the one table that registers every built-in
// network driver, overlay included (global scope).

import type { DriverContext, Registerer } from './driverapi/driverapi.ts';
import * as bridge from './drivers/bridge/bridge.ts';
import * as host from './drivers/host/host.ts';
import * as ipvlan from './drivers/ipvlan/ipvlan.ts';
import * as macvlan from './drivers/macvlan/macvlan.ts';
import * as nullDriver from './drivers/null/null.ts';
import * as overlay from './drivers/overlay/overlay.ts';

/** registerNetworkDrivers registers bridge, host, ipvlan, macvlan, null and overlay, in moby's order. */
export function registerNetworkDrivers(r: Registerer, ctx: DriverContext): void {
  const table: Array<{ ntype: string; register: () => void }> = [
    { ntype: bridge.NetworkType, register: () => bridge.register(r, ctx) },
    { ntype: host.NetworkType, register: () => host.register(r) },
    { ntype: ipvlan.NetworkType, register: () => ipvlan.register(r, ctx) },
    { ntype: macvlan.NetworkType, register: () => macvlan.register(r, ctx) },
    { ntype: nullDriver.NetworkType, register: () => nullDriver.register(r) },
    { ntype: overlay.NetworkType, register: () => overlay.register(r, ctx) },
  ];
  for (const d of table) {
    try {
      d.register();
    } catch (e) {
      throw new Error(`failed to register "${d.ntype}" driver: ${(e as Error).message}`);
    }
  }
}
