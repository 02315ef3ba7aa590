// Mirrors moby/moby libnetwork/drivers/ipvlan/ipvlan_setup.go: the ipvlan link (it shares the
// parent's MAC) and the dummy parent "di-<id12>". VLAN sub-interface helpers are shared with macvlan.

import { addLink, findLink } from '../../../kernel/netns.ts';
import type { DriverContext } from '../../driverapi/driverapi.ts';

/** dummyPrefix names ipvlan's dummy parents. */
export const dummyPrefix = 'di-';

/** createIPVlan creates the container's ipvlan link on the host, to be moved into the sandbox. */
export function createIPVlan(
  ctx: DriverContext,
  containerIfName: string,
  parent: string,
  mode: string,
  flag: string,
): string {
  const ns = ctx.host.ns;
  const p = findLink(ns, parent);
  if (!p) throw new Error(`the requested parent interface ${parent} was not found on the Docker host`);
  addLink(ns, {
    name: containerIfName,
    kind: 'ipvlan',
    mode,
    parent: { ns, index: p.index },
    mac: p.mac,
    mtu: p.mtu,
  });
  ctx.explain.record(
    `create ipvlan ${containerIfName} on ${parent} (mode ${mode} ${flag})`,
    `ip link add ${containerIfName} link ${parent} type ipvlan mode ${mode} ${flag}`,
    'ipvlan.createIPVlan',
  );
  return containerIfName;
}
