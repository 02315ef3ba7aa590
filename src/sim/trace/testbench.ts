// Test helpers that build Docker-like topologies directly with kernel/netns.ts operations, as the
// bridge and macvlan drivers would. Mirrors moby/moby libnetwork/drivers/bridge setup steps in
// miniature; used by the tracer's and the tools' tests only.

import { iptablesOk } from '../kernel/iptables.ts';
import {
  addAddr,
  addLink,
  addRoute,
  addVethPair,
  createNetns,
  findLink,
  setMaster,
  setUp,
} from '../kernel/netns.ts';
import type { NetNs } from '../kernel/types.ts';
import { createWorld } from '../world/build.ts';
import type { World } from '../world/world.ts';

/** Bench is a world with one docker-like host. */
export interface Bench {
  world: World;
  host: NetNs;
}

/** bench builds a world (seed 7) with the given hosts. */
export function bench(hosts = ['host1']): Bench {
  const world = createWorld({ seed: 7, hosts });
  const host = world.hosts.get(hosts[0])?.ns;
  if (!host) throw new Error('no host');
  return { world, host };
}

/** addBridge creates a bridge with the gateway address, like the bridge driver's setupDevice + setupBridgeIPv4. */
export function addBridge(host: NetNs, name: string, gwCidr: string): void {
  const br = addLink(host, {
    name,
    kind: 'bridge',
    mac: `02:42:00:00:${host.counter.nextIndex.toString(16).padStart(2, '0')}:01`,
  });
  setUp(br);
  addAddr(host, name, gwCidr);
}

let seq = 0;
let macSeq = 0;

/** addContainer creates a sandbox namespace joined to a bridge through a veth pair. */
export function addContainer(
  world: World,
  host: NetNs,
  bridge: string,
  cidr: string,
  gw: string,
  name = `c${++seq}`,
): NetNs {
  const ns = createNetns(`${host.id}/${name}`, host.hostName, host.counter);
  world.register(ns);
  const hostSide = `veth${name.padEnd(7, '0').slice(0, 7)}`;
  const n = (++macSeq + 16).toString(16).padStart(2, '0');
  const [hv, cv] = addVethPair(host, hostSide, `02:aa:00:00:00:${n}`, ns, 'eth0', `02:42:ac:11:00:${n}`);
  const br = findLink(host, bridge);
  setMaster(hv, br);
  setUp(hv);
  setUp(cv);
  addAddr(ns, 'eth0', cidr);
  addRoute(ns, { dst: 'default', via: gw, dev: cv.index });
  return ns;
}

/** dockerFirewall programs the v28 filter/nat layout for one bridge network (ICC on, masquerade). */
export function dockerFirewall(host: NetNs, bridge: string, subnet: string, icc = true): void {
  host.sysctl.ipForward = true;
  const ipt = (s: string): void => iptablesOk(host, s.split(' '));
  const has = (t: string, c: string): boolean => host.iptables[t as 'filter'].chains.has(c);
  if (!has('filter', 'DOCKER-USER')) {
    for (const c of [
      'DOCKER',
      'DOCKER-BRIDGE',
      'DOCKER-CT',
      'DOCKER-FORWARD',
      'DOCKER-ISOLATION-STAGE-1',
      'DOCKER-ISOLATION-STAGE-2',
      'DOCKER-USER',
    ])
      ipt(`-N ${c}`);
    ipt('-P FORWARD DROP');
    ipt('-A FORWARD -j DOCKER-USER');
    ipt('-A FORWARD -j DOCKER-FORWARD');
    ipt('-A DOCKER-FORWARD -j DOCKER-CT');
    ipt('-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1');
    ipt('-A DOCKER-FORWARD -j DOCKER-BRIDGE');
    ipt('-t nat -N DOCKER');
    ipt('-t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER');
    ipt('-t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER');
  }
  ipt(`-A DOCKER ! -i ${bridge} -o ${bridge} -j DROP`);
  ipt(`-A DOCKER-BRIDGE -o ${bridge} -j DOCKER`);
  ipt(`-A DOCKER-CT -o ${bridge} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`);
  if (!icc) ipt(`-A DOCKER-FORWARD -i ${bridge} -o ${bridge} -j DROP`);
  ipt(`-A DOCKER-FORWARD -i ${bridge} -j ACCEPT`);
  ipt(`-A DOCKER-ISOLATION-STAGE-1 -i ${bridge} ! -o ${bridge} -j DOCKER-ISOLATION-STAGE-2`);
  ipt(`-A DOCKER-ISOLATION-STAGE-2 -o ${bridge} -j DROP`);
  ipt(`-t nat -A POSTROUTING -s ${subnet} ! -o ${bridge} -j MASQUERADE`);
  ipt(`-t nat -A DOCKER -i ${bridge} -j RETURN`);
}

/** publish programs a published port as the v28 bridge driver does (no userland proxy). */
export function publish(host: NetNs, bridge: string, ctrIp: string, hostPort: number, ctrPort: number): void {
  const ipt = (s: string): void => iptablesOk(host, s.split(' '));
  ipt(`-I DOCKER -d ${ctrIp}/32 ! -i ${bridge} -o ${bridge} -p tcp -m tcp --dport ${ctrPort} -j ACCEPT`);
  ipt(
    `-t nat -A DOCKER ! -i ${bridge} -p tcp -m tcp --dport ${hostPort} -j DNAT --to-destination ${ctrIp}:${ctrPort}`,
  );
}
