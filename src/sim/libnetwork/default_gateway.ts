// Mirrors moby/moby libnetwork/default_gateway.go (+ _linux.go): when none of a sandbox's endpoints
// gives it a default gateway (e.g. only overlay networks), libnetwork attaches it to the
// "docker_gwbridge" bridge network; also the choice of the gateway endpoint.

import { system } from '../errdefs.ts';
import type { Controller } from './controller.ts';
import type { Endpoint } from './endpoint.ts';
import { asSimError } from './error.ts';
import type { Network } from './network.ts';
import type { Sandbox } from './sandbox.ts';

/** libnGWNetwork is the name of the gateway bridge network. */
export const libnGWNetwork = 'docker_gwbridge';
const gwEPlen = 12;

const inGWNetwork = (ep: Endpoint): boolean =>
  ep.network.name === libnGWNetwork && ep.name.startsWith('gateway_');

/** selectGatewayEndpoint returns the first endpoint (in sandbox order) with a gateway or default route. */
export function selectGatewayEndpoint(endpoints: Endpoint[]): Endpoint | undefined {
  for (const ep of endpoints) {
    if (ep.network.type === 'null' || ep.network.type === 'host') continue;
    if (ep.hasGatewayOrDefaultRoute()) return ep;
  }
  return undefined;
}

/** needDefaultGW tells whether the sandbox has endpoints but none providing a gateway. */
export function needDefaultGW(sb: Sandbox): boolean {
  let need = false;
  for (const ep of sb.endpoints()) {
    if (inGWNetwork(ep)) continue;
    const t = ep.network.type;
    if (t === 'null' || t === 'host' || ep.network.internal) continue;
    if (ep.joinInfo?.disableGatewayService) continue;
    if (ep.joinInfo?.gw || ep.joinInfo?.gw6) return false;
    if (ep.joinInfo?.staticRoutes.some((r) => r.destination === '0.0.0.0/0')) return false;
    need = true;
  }
  return need;
}

/** getEndpointInGWNetwork returns the sandbox's endpoint on docker_gwbridge, if any. */
export function getEndpointInGWNetwork(sb: Sandbox): Endpoint | undefined {
  return sb.endpoints().find(inGWNetwork);
}

/** createGWNetwork creates docker_gwbridge (icc off, masquerade on). */
export function createGWNetwork(c: Controller): Network {
  return c.newNetwork('bridge', libnGWNetwork, c.rng.dockerId(), {
    created: c.world.clock.now(),
    enableIPv6: false,
    driverOpts: {
      'com.docker.network.bridge.name': libnGWNetwork,
      'com.docker.network.bridge.enable_icc': 'false',
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
    },
  });
}

/** setupDefaultGW connects the sandbox to docker_gwbridge with a "gateway_<id>" endpoint. */
export function setupDefaultGW(sb: Sandbox): void {
  if (getEndpointInGWNetwork(sb)) return;
  const c = sb.controller;
  const n = c.networkByName(libnGWNetwork) ?? createGWNetwork(c);
  const gwName =
    sb.containerId.length <= gwEPlen ? `gateway_${sb.containerId}` : `gateway_${sb.id.slice(0, gwEPlen)}`;
  let ep: Endpoint;
  try {
    ep = n.createEndpoint(gwName, {
      exposedPorts: sb.config.exposedPorts,
      portBindings: sb.config.portBindings,
      disableResolution: true,
    });
  } catch (e) {
    throw system(
      `container ${sb.containerId}: endpoint create on GW Network failed: ${asSimError(e).message}`,
    );
  }
  try {
    ep.join(sb);
  } catch (e) {
    ep.delete({ force: true });
    throw system(`container ${sb.containerId}: endpoint join on GW Network failed: ${asSimError(e).message}`);
  }
}

/** clearDefaultGW removes the sandbox's docker_gwbridge endpoint. */
export function clearDefaultGW(sb: Sandbox): void {
  const ep = getEndpointInGWNetwork(sb);
  if (!ep) return;
  ep.leave(sb);
  ep.delete({ force: false });
}
