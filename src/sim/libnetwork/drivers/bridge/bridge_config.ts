// Mirrors moby/moby libnetwork/drivers/bridge/bridge_linux.go networkConfiguration (fromLabels,
// parseNetworkOptions, processIPAM, Validate, Conflicts) and labels.go: a bridge network's settings
// parsed from its -o options. Simplified: IPv4 only.

import { forbidden, invalidParameter, system } from '../../../errdefs.ts';
import { inCidr, isIPv4 } from '../../../kernel/inet.ts';
import { findLink } from '../../../kernel/netns.ts';
import type { NetNs } from '../../../kernel/types.ts';
import type { IPAMData } from '../../driverapi/driverapi.ts';
import * as netlabel from '../../netlabel/labels.ts';
import { cidrsOverlapAddr } from './bridge_util.ts';

/** BridgeName is the option naming the Linux bridge (labels.go). */
export const BridgeName = 'com.docker.network.bridge.name';
/** EnableIPMasquerade turns the MASQUERADE rule on or off. */
export const EnableIPMasquerade = 'com.docker.network.bridge.enable_ip_masquerade';
/** IPv4GatewayMode is nat, nat-unprotected, routed or isolated. */
export const IPv4GatewayMode = 'com.docker.network.bridge.gateway_mode_ipv4';
/** IPv6GatewayMode is the IPv6 gateway mode. */
export const IPv6GatewayMode = 'com.docker.network.bridge.gateway_mode_ipv6';
/** EnableICC allows or drops traffic between containers of the network. */
export const EnableICC = 'com.docker.network.bridge.enable_icc';
/** InhibitIPv4 keeps the gateway address off the bridge. */
export const InhibitIPv4 = 'com.docker.network.bridge.inhibit_ipv4';
/** DefaultBindingIP is the host address ports publish on by default. */
export const DefaultBindingIP = 'com.docker.network.bridge.host_binding_ipv4';
/** DefaultBridge marks the default "bridge" network. */
export const DefaultBridge = 'com.docker.network.bridge.default_bridge';
/** TrustedHostInterfaces lists interfaces allowed to reach containers directly. */
export const TrustedHostInterfaces = 'com.docker.network.bridge.trusted_host_interfaces';
/** DefaultBridgeName is docker0. */
export const DefaultBridgeName = 'docker0';
/** DefaultGatewayV4AuxKey is the aux-address naming a default gateway other than the bridge. */
export const DefaultGatewayV4AuxKey = 'DefaultGatewayIPv4';

/** GwMode is the gateway mode: nat (default ''), nat-unprotected, routed, isolated. */
export type GwMode = '' | 'nat' | 'nat-unprotected' | 'routed' | 'isolated';

/** NetworkConfiguration is one bridge network's configuration. */
export interface NetworkConfiguration {
  id: string;
  bridgeName: string;
  enableIPv4: boolean;
  enableIPv6: boolean;
  enableIPMasquerade: boolean;
  gwModeIPv4: GwMode;
  gwModeIPv6: GwMode;
  enableICC: boolean;
  trustedHostInterfaces: string[];
  inhibitIPv4: boolean;
  mtu: number;
  defaultBindingIP: string;
  defaultBridge: boolean;
  hostIPv4: string;
  containerIfacePrefix: string;
  /** addressIPv4 is the bridge's address ("172.18.0.1/16"). */
  addressIPv4: string;
  defaultGatewayIPv4: string;
  internal: boolean;
  /** bridgeIfaceCreator is 1 when libnetwork created the bridge, 2 when the user did. */
  bridgeIfaceCreator: 0 | 1 | 2;
}

const parseErr = (label: string, value: string, err: string): Error =>
  invalidParameter(`failed to parse ${label} value: ${value} (${err})`);

function parseBool(label: string, v: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  throw parseErr(label, v, `strconv.ParseBool: parsing "${v}": invalid syntax`);
}

function newGwMode(label: string, v: string): GwMode {
  if (v === 'nat' || v === 'nat-unprotected' || v === 'routed' || v === 'isolated') return v;
  throw parseErr(label, v, `unknown gateway mode ${v}`);
}

/** fromLabels parses the -o options over the defaults (icc and masquerade on). */
export function fromLabels(id: string, labels: Record<string, string>): NetworkConfiguration {
  const c: NetworkConfiguration = {
    id,
    bridgeName: '',
    enableIPv4: false,
    enableIPv6: false,
    enableIPMasquerade: true,
    gwModeIPv4: '',
    gwModeIPv6: '',
    enableICC: true,
    trustedHostInterfaces: [],
    inhibitIPv4: false,
    mtu: 0,
    defaultBindingIP: '',
    defaultBridge: false,
    hostIPv4: '',
    containerIfacePrefix: '',
    addressIPv4: '',
    defaultGatewayIPv4: '',
    internal: false,
    bridgeIfaceCreator: 0,
  };
  for (const [label, value] of Object.entries(labels)) {
    switch (label) {
      case BridgeName:
        c.bridgeName = value;
        break;
      case netlabel.DriverMTU:
        if (!/^[+-]?\d+$/.test(value))
          throw parseErr(label, value, `strconv.Atoi: parsing "${value}": invalid syntax`);
        c.mtu = Number(value);
        break;
      case netlabel.EnableIPv4:
        c.enableIPv4 = parseBool(label, value);
        break;
      case netlabel.EnableIPv6:
        c.enableIPv6 = parseBool(label, value);
        break;
      case EnableIPMasquerade:
        c.enableIPMasquerade = parseBool(label, value);
        break;
      case IPv4GatewayMode:
        c.gwModeIPv4 = newGwMode(label, value);
        break;
      case IPv6GatewayMode:
        c.gwModeIPv6 = newGwMode(label, value);
        break;
      case EnableICC:
        c.enableICC = parseBool(label, value);
        break;
      case TrustedHostInterfaces:
        c.trustedHostInterfaces = value.split(':').filter(Boolean);
        break;
      case InhibitIPv4:
        c.inhibitIPv4 = parseBool(label, value);
        break;
      case DefaultBridge:
        c.defaultBridge = parseBool(label, value);
        break;
      case DefaultBindingIP:
        if (!isIPv4(value) && !value.includes(':')) throw parseErr(label, value, 'nil ip');
        c.defaultBindingIP = value;
        break;
      case netlabel.ContainerIfacePrefix:
        c.containerIfacePrefix = value;
        break;
      case netlabel.HostIPv4:
        if (!isIPv4(value)) throw parseErr(label, value, 'nil ip');
        c.hostIPv4 = value;
        break;
    }
  }
  return c;
}

/** parseNetworkOptions builds the configuration from a network's generic options. */
export function parseNetworkOptions(
  id: string,
  option: Record<string, unknown>,
  hostNs: NetNs,
): NetworkConfiguration {
  const c = fromLabels(id, (option[netlabel.GenericData] as Record<string, string> | undefined) ?? {});
  if (typeof option[netlabel.EnableIPv4] === 'boolean') c.enableIPv4 = option[netlabel.EnableIPv4] as boolean;
  if (typeof option[netlabel.EnableIPv6] === 'boolean') c.enableIPv6 = option[netlabel.EnableIPv6] as boolean;
  if (option[netlabel.Internal] === true) c.internal = true;
  if (c.bridgeName === '' && !c.defaultBridge) c.bridgeName = `br-${id.slice(0, 12)}`;
  const link = findLink(hostNs, c.bridgeName);
  if (link && link.kind !== 'bridge') throw new Error(`existing interface ${c.bridgeName} is not a bridge`);
  if ((c.gwModeIPv4 === 'isolated' || c.gwModeIPv6 === 'isolated') && !c.internal) {
    throw new Error("gateway mode 'isolated' can only be used for an internal network");
  }
  c.bridgeIfaceCreator = link ? 2 : 1;
  return c;
}

/** processIPAM takes the bridge address (the gateway, else the pool) and a default gateway aux-address. */
export function processIPAM(c: NetworkConfiguration, v4: IPAMData[], v6: IPAMData[]): void {
  if (v4.length > 1 || v6.length > 1) throw forbidden("bridge driver doesn't support multiple subnets");
  if (v4.length > 0) {
    c.addressIPv4 = v4[0].gateway ?? v4[0].pool;
    const gw = v4[0].auxAddresses?.[DefaultGatewayV4AuxKey];
    if (gw) c.defaultGatewayIPv4 = gw.split('/')[0];
  }
}

/** errInvalidGateway is returned when the default gateway is outside the bridge subnet. */
export const errInvalidGateway = (): Error =>
  invalidParameter('default gateway ip must be part of the network');

/** validate checks the configuration before anything is programmed (networkConfiguration.Validate). */
export function validate(c: NetworkConfiguration): void {
  if (c.mtu < 0) throw invalidParameter(`invalid MTU number: ${c.mtu}`);
  if (c.enableIPv4) {
    if (c.addressIPv4 === '') throw system('no IPv4 address was allocated for the bridge');
    if (c.defaultGatewayIPv4 && !inCidr(c.defaultGatewayIPv4, c.addressIPv4)) throw errInvalidGateway();
  }
}

/** conflicts tells why two bridge networks cannot coexist, or '' (networkConfiguration.Conflicts). */
export function conflicts(a: NetworkConfiguration, b: NetworkConfiguration): string {
  if (a.bridgeName === b.bridgeName) return 'networks have same bridge name';
  if (a.addressIPv4 && b.addressIPv4 && cidrsOverlapAddr(a.addressIPv4, b.addressIPv4))
    return 'networks have overlapping IPv4';
  return '';
}
