// Mirrors moby/moby libnetwork/drivers/bridge/bridge_store.go: the driver's own records,
// docker/network/v1.0/bridge/<network-id>/ and docker/network/v1.0/bridge-endpoint/<endpoint-id>/.

import { goJSON } from '../../../gojson.ts';
import { portBindingJSON, transportPortJSON } from '../../endpoint_store.ts';
import type { BridgeDriver, BridgeEndpoint } from './bridge.ts';
import type { NetworkConfiguration } from './bridge_config.ts';

const ipString = (s: string): string => (s === '' ? '<nil>' : s);

/** storeNetwork writes networkConfiguration.MarshalJSON's map (keys sorted). */
export function storeNetwork(d: BridgeDriver, c: NetworkConfiguration): void {
  const m: Record<string, unknown> = {};
  if (c.addressIPv4) m.AddressIPv4 = c.addressIPv4;
  Object.assign(m, {
    BridgeIfaceCreator: c.bridgeIfaceCreator,
    BridgeName: c.bridgeName,
    ContainerIfacePrefix: c.containerIfacePrefix,
    DefaultBindingIP: ipString(c.defaultBindingIP),
    DefaultBridge: c.defaultBridge,
    DefaultGatewayIPv4: ipString(c.defaultGatewayIPv4),
    DefaultGatewayIPv6: '<nil>',
    EnableICC: c.enableICC,
    EnableIPMasquerade: c.enableIPMasquerade,
    EnableIPv4: c.enableIPv4,
    EnableIPv6: c.enableIPv6,
    GwModeIPv4: c.gwModeIPv4,
    GwModeIPv6: c.gwModeIPv6,
    HostIP: ipString(c.hostIPv4),
    HostIPv6: '<nil>',
    ID: c.id,
    InhibitIPv4: c.inhibitIPv4,
    Internal: c.internal,
    Mtu: c.mtu,
    TrustedHostInterfaces: c.trustedHostInterfaces.join(':'),
  });
  d.ctx.store.putObject({ key: () => ['bridge', c.id], value: () => goJSON(m) });
}

/** deleteNetworkRecord removes the network's record. */
export function deleteNetworkRecord(d: BridgeDriver, id: string): void {
  d.ctx.store.deleteObject({ key: () => ['bridge', id] });
}

/** storeEndpoint writes bridgeEndpoint.MarshalJSON's map (keys sorted). */
export function storeEndpoint(d: BridgeDriver, ep: BridgeEndpoint): void {
  const ec = ep.extConnConfig;
  const m: Record<string, unknown> = {};
  if (ep.addr) m.Addr = ep.addr;
  Object.assign(m, {
    ContainerConfig: null,
    ExternalConnConfig: ec
      ? {
          PortBindings: ec.portBindings ? ec.portBindings.map(portBindingJSON) : null,
          ExposedPorts: ec.exposedPorts ? ec.exposedPorts.map(transportPortJSON) : null,
          NoProxy6To4: ec.noProxy6To4,
        }
      : null,
    MacAddress: ep.macAddress,
    PortMapping: ep.portMapping.length ? ep.portMapping.map(portBindingJSON) : null,
    SrcName: ep.srcName,
    id: ep.id,
    nid: ep.nid,
  });
  d.ctx.store.putObject({ key: () => ['bridge-endpoint', ep.id], value: () => goJSON(m) });
}

/** deleteEndpointRecord removes an endpoint's record. */
export function deleteEndpointRecord(d: BridgeDriver, id: string): void {
  d.ctx.store.deleteObject({ key: () => ['bridge-endpoint', id] });
}
