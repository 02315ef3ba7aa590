// Mirrors moby/moby libnetwork/endpoint.go MarshalJSON (and types.TransportPort / PortBinding
// JSON): what libnetwork keeps under docker/network/v1.0/endpoint/<network-id>/<endpoint-id>/.

import { goJSON } from '../gojson.ts';
import type { Endpoint } from './endpoint.ts';
import { ExposedPorts, PortMap } from './netlabel/labels.ts';
import type { PortBinding, TransportPort } from './types/types.ts';

const protoNum = (p: string): number => (p === 'udp' ? 17 : 6);

/** transportPortJSON is types.TransportPort as Go encodes it (Proto as its IANA number). */
export const transportPortJSON = (t: TransportPort): Record<string, unknown> => ({
  Proto: protoNum(t.proto),
  Port: t.port,
});

/** portBindingJSON is types.PortBinding as Go encodes it. */
export const portBindingJSON = (b: PortBinding): Record<string, unknown> => ({
  Proto: protoNum(b.proto),
  IP: b.ip,
  Port: b.port,
  HostIP: b.hostIP,
  HostPort: b.hostPort,
  HostPortEnd: b.hostPortEnd,
});

function genericJSON(g: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(g).sort()) {
    if (k === ExposedPorts) out[k] = (g[k] as TransportPort[]).map(transportPortJSON);
    else if (k === PortMap) out[k] = (g[k] as PortBinding[]).map(portBindingJSON);
    else out[k] = g[k];
  }
  return out;
}

/** endpointJSON marshals an endpoint as Endpoint.MarshalJSON does (map keys sorted). */
export function endpointJSON(ep: Endpoint): string {
  const m: Record<string, unknown> = {
    dnsNames: ep.dnsNames.length ? ep.dnsNames : null,
    disableIPv6: false,
    disableResolution: ep.disableResolution,
    ep_iface: ep.ifaceInfo.toJSON(),
    exposed_ports: ep.exposedPorts.length ? ep.exposedPorts.map(transportPortJSON) : null,
    generic: genericJSON(ep.generic),
    id: ep.id,
    ingressPorts: null,
    joinInfo: ep.joinInfo ? ep.joinInfo.toJSON() : null,
    loadBalancer: false,
    name: ep.name,
    sandbox: ep.sandboxID,
    svcAliases: null,
    svcID: '',
    svcName: '',
    virtualIP: '<nil>',
  };
  return goJSON(m);
}
