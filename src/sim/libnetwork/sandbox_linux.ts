// Mirrors moby/moby libnetwork/sandbox_linux.go: putting an endpoint's interface into the sandbox
// namespace (populateNetworkResources), taking it out (clearNetworkResources / releaseOSSboxResources)
// and pointing the default route at the gateway endpoint (updateGateway).

import { selectGatewayEndpoint } from './default_gateway.ts';
import type { Endpoint } from './endpoint.ts';
import type { Sandbox } from './sandbox.ts';
import { startResolver } from './sandbox_dns.ts';

/** updateGateway replaces the default route with the gateway endpoint's (Sandbox.updateGateway). */
export function updateGateway(sb: Sandbox, ep4: Endpoint | undefined): void {
  sb.osl.unsetGateway();
  if (!ep4 || !sb.populated.has(ep4.id)) return;
  if (ep4.joinInfo?.gw) sb.osl.setGateway(ep4.joinInfo.gw);
  else if (ep4.ifaceInfo.routes.includes('0.0.0.0/0')) sb.osl.setDefaultRouteDev(ep4.oslDstName);
}

/** populateNetworkResources moves ep's interface into the sandbox and updates the gateway. */
export function populateNetworkResources(sb: Sandbox, ep: Endpoint): void {
  if (ep.needResolver()) startResolver(sb);
  const i = ep.ifaceInfo;
  if (i.srcName !== '') {
    const iface = sb.osl.addInterface(i.srcName, i.dstPrefix, i.dstName, { address: i.addr, mac: i.mac });
    ep.oslDstName = iface.dstName;
  }
  sb.populated.add(ep.id);
  if (sb.getGatewayEndpoint() === ep) updateGateway(sb, ep);
  if (!sb.inDelete) sb.storeUpdate();
}

/** clearNetworkResources moves ep's interface out and, if the gateway changes, re-points the route. */
export function clearNetworkResources(sb: Sandbox, ep: Endpoint): void {
  const iface = sb.osl.ifaces.find((f) => f.srcName === ep.ifaceInfo.srcName && ep.ifaceInfo.srcName !== '');
  if (iface) sb.osl.removeInterface(iface);
  if (!sb.endpoints().includes(ep)) return;
  sb.populated.delete(ep.id);
  const before = sb.getGatewayEndpoint();
  sb.removeEndpoint(ep);
  const after = selectGatewayEndpoint(sb.endpoints());
  sb.epPriority.delete(ep.id);
  if (before === ep && !after) sb.osl.unsetGateway();
  if (after && after !== before) updateGateway(sb, after);
  ep.oslDstName = '';
  if (!sb.inDelete) sb.storeUpdate();
}
