// Mirrors moby/moby libnetwork/drivers/macvlan/macvlan_setup.go: parent links — an 802.1q
// sub-interface for "-o parent=eth0.50", a dummy "dm-<id12>" when no parent is given — and the
// macvlan link itself. The ipvlan driver reuses the parent helpers (ipvlan_setup.go has copies).

import { addLink, delLink, findLink, setUp } from '../../../kernel/netns.ts';
import type { NetNs } from '../../../kernel/types.ts';
import type { DriverContext } from '../../driverapi/driverapi.ts';

/** dummyIDLength is how many network ID characters a dummy parent's name keeps. */
export const dummyIDLength = 12;

/** getDummyName returns prefix + the first 12 characters of the network ID. */
export const getDummyName = (prefix: string, netID: string): string => prefix + netID.slice(0, dummyIDLength);

/** parentExists tells whether a link with that name is on the host. */
export const parentExists = (ns: NetNs, name: string): boolean => findLink(ns, name) !== undefined;

/** parseVlan splits "eth0.50" into its parent and VLAN ID. */
export function parseVlan(ns: NetNs, linkName: string): [string, number] {
  const split = linkName.split('.');
  if (split.length !== 2) {
    throw new Error(
      `required interface name format is: name.vlan_id, ex. eth0.10 for vlan 10, instead received ${linkName}`,
    );
  }
  const [parent, vidStr] = split;
  if (!/^[+-]?\d+$/.test(vidStr))
    throw new Error(`unable to parse a valid vlan id from: ${vidStr} (ex. eth0.10 for vlan 10)`);
  if (!parentExists(ns, parent)) throw new Error(`-o parent interface was not found on the host: ${parent}`);
  return [parent, Number(vidStr)];
}

/** createVlanLink creates the 802.1q sub-interface named like "eth0.50" and brings it up. */
export function createVlanLink(ctx: DriverContext, parentName: string, driver: string): void {
  const ns = ctx.host.ns;
  if (!parentName.includes('.'))
    throw new Error(`invalid subinterface vlan name ${parentName}, example formatting is eth0.10`);
  const [parent, vid] = parseVlan(ns, parentName);
  if (vid > 4094 || vid < 1) throw new Error(`vlan id must be between 1-4094, received: ${vid}`);
  const p = findLink(ns, parent);
  if (!p) throw new Error(`failed to find master interface ${parent} on the Docker host: Link not found`);
  const link = addLink(ns, {
    name: parentName,
    kind: 'vlan',
    vlanId: vid,
    parent: { ns, index: p.index },
    mac: p.mac,
    mtu: p.mtu,
  });
  setUp(link, true);
  ctx.explain.record(
    `create VLAN ${vid} sub-interface ${parentName} on ${parent}`,
    `ip link add link ${parent} name ${parentName} type vlan id ${vid} && ip link set ${parentName} up`,
    `${driver}.createVlanLink`,
  );
}

/** delVlanLink deletes a sub-interface the driver created. */
export function delVlanLink(ctx: DriverContext, linkName: string, driver: string): void {
  if (!linkName.includes('.')) return;
  const link = findLink(ctx.host.ns, linkName);
  if (!link?.parent) return;
  delLink(ctx.host.ns, link);
  ctx.explain.record(
    `delete VLAN sub-interface ${linkName}`,
    `ip link delete ${linkName}`,
    `${driver}.delVlanLink`,
  );
}

/** createDummyLink creates the dummy parent of a parent-less network and brings it up. */
export function createDummyLink(ctx: DriverContext, dummyName: string, driver: string): void {
  const link = addLink(ctx.host.ns, { name: dummyName, kind: 'dummy', mac: ctx.rng.mac() });
  setUp(link, true);
  ctx.explain.record(
    `create dummy parent ${dummyName}`,
    `ip link add ${dummyName} type dummy && ip link set ${dummyName} up`,
    `${driver}.createDummyLink`,
  );
}

/** delDummyLink deletes a dummy parent. */
export function delDummyLink(ctx: DriverContext, linkName: string, driver: string): void {
  const link = findLink(ctx.host.ns, linkName);
  if (!link || link.parent) return;
  delLink(ctx.host.ns, link);
  ctx.explain.record(
    `delete dummy parent ${linkName}`,
    `ip link delete ${linkName}`,
    `${driver}.delDummyLink`,
  );
}

/** createMacVlan creates the container's macvlan link on the host, to be moved into the sandbox. */
export function createMacVlan(
  ctx: DriverContext,
  containerIfName: string,
  parent: string,
  mode: string,
  mac: string,
): string {
  const ns = ctx.host.ns;
  const p = findLink(ns, parent);
  if (!p) throw new Error(`the requested parent interface ${parent} was not found on the Docker host`);
  addLink(ns, {
    name: containerIfName,
    kind: 'macvlan',
    mode,
    parent: { ns, index: p.index },
    mac,
    mtu: p.mtu,
  });
  ctx.explain.record(
    `create macvlan ${containerIfName} on ${parent} (mode ${mode})`,
    `ip link add ${containerIfName} link ${parent} type macvlan mode ${mode}`,
    'macvlan.createMacVlan',
  );
  return containerIfName;
}
