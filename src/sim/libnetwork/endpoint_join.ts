// Mirrors moby/moby libnetwork/endpoint.go sbJoin / sbLeave: the driver Join, moving the interface
// into the sandbox, DNS and hosts updates, picking the gateway endpoint and moving external
// connectivity (port publishing) to it. Simplified: IPv4 gateways only (no 6to4 proxy switching).

import { forbidden, SimError, system } from '../errdefs.ts';
import type { Endpoint } from './endpoint.ts';
import { EndpointJoinInfo } from './endpoint_info.ts';
import { asSimError } from './error.ts';
import type { Sandbox } from './sandbox.ts';

/** programExternalConnectivity asks the endpoint's driver to publish the sandbox's ports. */
export function programExternalConnectivity(ep: Endpoint, sb: Sandbox): void {
  const n = ep.network;
  try {
    n.driver().programExternalConnectivity(n.id, ep.id, sb.labels(ep));
  } catch (e) {
    throw system(
      `driver failed programming external connectivity on endpoint ${ep.name} (${ep.id}): ${asSimError(e).message}`,
    );
  }
}

function revokeExternalConnectivity(ep: Endpoint): void {
  const n = ep.network;
  try {
    n.driver().revokeExternalConnectivity(n.id, ep.id);
  } catch (e) {
    throw system(
      `driver failed revoking external connectivity on endpoint ${ep.name} (${ep.id}): ${asSimError(e).message}`,
    );
  }
}

/** sbJoin joins ep to sb, rolling everything back if a step fails. */
export function sbJoin(ep: Endpoint, sb: Sandbox, gwPriority: number | undefined): void {
  const n = ep.network;
  if (ep.sandboxID !== '') throw forbidden('another container is attached to the same network endpoint');
  ep.sandboxID = sb.id;
  ep.joinInfo = new EndpointJoinInfo();
  if (gwPriority !== undefined) sb.epPriority.set(ep.id, gwPriority);
  const d = n.driver();
  try {
    d.join(n.id, ep.id, sb.key, ep, ep.generic, sb.labels(ep));
  } catch (e) {
    ep.sandboxID = '';
    sb.epPriority.delete(ep.id);
    throw e;
  }
  let added = false;
  let populated = false;
  let revoked: Endpoint | undefined;
  try {
    if (!ep.ifaceInfo.addrv6) ep.joinInfo.gw6 = undefined;
    sb.addHostsEntries(ep.getEtcHostsAddrs());
    sb.updateDNS(n.enableIPv6);
    const gwBefore = sb.getGatewayEndpoint();
    sb.addEndpoint(ep);
    added = true;
    sb.populateNetworkResources(ep);
    populated = true;
    n.controller.storeEndpoint(ep);
    if (sb.needDefaultGW() && !sb.getEndpointInGWNetwork()) {
      sb.setupDefaultGW();
      return;
    }
    sb.resolver?.setForwardingPolicy(sb.hasExternalAccess());
    const gwAfter = sb.getGatewayEndpoint();
    if (ep === gwAfter) {
      if (gwBefore && gwBefore !== ep) {
        revokeExternalConnectivity(gwBefore);
        revoked = gwBefore;
      }
      if (!n.internal) programExternalConnectivity(ep, sb);
    }
    if (!sb.needDefaultGW()) sb.clearDefaultGW();
  } catch (e) {
    if (revoked) {
      try {
        programExternalConnectivity(revoked, sb);
      } catch {
        // moby: "Failed to restore connectivity during rollback"
      }
    }
    if (populated) sb.clearNetworkResources(ep);
    else if (added) sb.removeEndpoint(ep);
    sb.deleteHostsEntries(ep.getEtcHostsAddrs());
    try {
      d.leave(n.id, ep.id);
    } catch {
      // moby: "driver leave failed while rolling back join"
    }
    ep.sandboxID = '';
    sb.epPriority.delete(ep.id);
    n.controller.storeEndpoint(ep);
    throw e instanceof SimError ? e : asSimError(e);
  }
}

/** sbLeave detaches ep from sb and hands external connectivity to the next gateway endpoint. */
export function sbLeave(ep: Endpoint, sb: Sandbox, _force: boolean): void {
  const n = ep.network;
  if (ep.sandboxID === '') throw forbidden('cannot leave endpoint with no attached sandbox');
  if (ep.sandboxID !== sb.id)
    throw forbidden(`unexpected sandbox ID in leave request. Expected ${ep.sandboxID}. Got ${sb.id}`);
  const d = n.driver();
  ep.sandboxID = '';
  const gwBefore = sb.getGatewayEndpoint();
  const moveExtConn = gwBefore === ep;
  if (moveExtConn) {
    try {
      d.revokeExternalConnectivity(n.id, ep.id);
    } catch {
      // moby: "driver failed revoking external connectivity on endpoint"
    }
  }
  try {
    d.leave(n.id, ep.id);
  } catch {
    // moby: "driver error disconnecting container"
  }
  const etcHostsAddrs = ep.getEtcHostsAddrs();
  sb.clearNetworkResources(ep);
  ep.ifaceInfo.createdInContainer = false;
  n.controller.storeEndpoint(ep);
  sb.deleteHostsEntries(etcHostsAddrs);
  if (!sb.inDelete && sb.needDefaultGW() && !sb.getEndpointInGWNetwork()) {
    sb.setupDefaultGW();
    return;
  }
  sb.resolver?.setForwardingPolicy(sb.hasExternalAccess());
  if (moveExtConn) {
    const gwAfter = sb.getGatewayEndpoint();
    if (gwAfter && !gwAfter.network.internal) {
      try {
        programExternalConnectivity(gwAfter, sb);
      } catch {
        // moby: "Failed to set gateway"
      }
    }
  }
  if (!sb.needDefaultGW()) sb.clearDefaultGW();
}
