// Mirrors moby/moby libnetwork/drivers/bridge/bridge_linux.go CreateNetwork / createNetwork /
// DeleteNetwork: parse and check the configuration, then queue and apply the setup steps.

import { forbidden, invalidParameter } from '../../../errdefs.ts';
import { delLink, findLink } from '../../../kernel/netns.ts';
import type { IPAMData } from '../../driverapi/driverapi.ts';
import { networkOfAddr } from '../../netutils/utils.ts';
import type { BridgeDriver, BridgeNetwork } from './bridge.ts';
import {
  conflicts,
  type NetworkConfiguration,
  parseNetworkOptions,
  processIPAM,
  validate,
} from './bridge_config.ts';
import { deleteEndpointRecord, deleteNetworkRecord, storeNetwork } from './bridge_store.ts';
import { FirewallerNetwork } from './internal/iptabler/network.ts';
import { releasePorts } from './port_mapping.ts';
import * as s from './setup.ts';

/** createNetwork checks the options and creates the network (driver.CreateNetwork). */
export function createNetwork(
  d: BridgeDriver,
  id: string,
  option: Record<string, unknown>,
  v4: IPAMData[],
  v6: IPAMData[],
): void {
  if (d.networks.has(id)) throw forbidden(`network ${id} exists`);
  const config = parseNetworkOptions(id, option, d.ctx.host.ns);
  if (!config.enableIPv4 && !config.enableIPv6) throw invalidParameter('IPv4 or IPv6 must be enabled');
  if (config.enableIPv4 && (v4.length === 0 || v4[0].pool === '0.0.0.0/0'))
    throw invalidParameter('ipv4 pool is empty');
  if (config.enableIPv6 && v6.length === 0) throw invalidParameter('ipv6 pool is empty');
  processIPAM(config, v4, v6);
  validate(config);
  for (const nw of d.networks.values()) {
    const why = conflicts(nw.config, config);
    if (why) {
      throw forbidden(
        `cannot create network ${config.id} (${config.bridgeName}): conflicts with network ${nw.id} (${nw.config.bridgeName}): ${why}`,
      );
    }
  }
  buildNetwork(d, config);
  storeNetwork(d, config);
}

function buildNetwork(d: BridgeDriver, config: NetworkConfiguration): void {
  const existing = findLink(d.ctx.host.ns, config.bridgeName);
  const n: BridgeNetwork = {
    id: config.id,
    config,
    bridge: { link: existing, bridgeIPv4: '', gatewayIPv4: '' },
    endpoints: new Map(),
    fw: undefined,
  };
  d.networks.set(config.id, n);
  const setup = new s.BridgeSetup(config, n.bridge);
  if (!existing) {
    setup.queueStep('setupDevice', s.setupDevice);
    setup.queueStep('setupDefaultSysctl', s.setupDefaultSysctl);
  }
  if (config.defaultBridge) setup.queueStep('setupDefaultSysctl', s.setupDefaultSysctl);
  if (config.mtu > 0) setup.queueStep('setupMTU', s.setupMTU);
  const cfg = d.ctx.config;
  const enableBrNfCallIptables = !config.enableICC || !cfg.userlandProxy;
  const steps: Array<[boolean, string, Parameters<typeof setup.queueStep>[1]]> = [
    [config.enableIPv4, 'setupBridgeIPv4', s.setupBridgeIPv4],
    [
      config.enableIPv4 && Boolean(existing) && !config.inhibitIPv4,
      'setupVerifyAndReconcileIPv4',
      s.setupVerifyAndReconcileIPv4,
    ],
    [config.enableIPv4 && cfg.ipForward, 'setupIPv4Forwarding', s.setupIPv4Forwarding],
    [!cfg.userlandProxy, 'setupLoopbackAddressesRouting', s.setupLoopbackAddressesRouting],
    [config.defaultGatewayIPv4 !== '', 'setupGatewayIPv4', s.setupGatewayIPv4],
    [enableBrNfCallIptables && cfg.iptables, 'setupIPv4BridgeNetFiltering', s.setupIPv4BridgeNetFiltering],
  ];
  for (const [cond, name, fn] of steps) if (cond) setup.queueStep(name, fn);
  setup.queueStep('addfirewallerNetwork', (c, i) => {
    n.fw = new FirewallerNetwork(d.fw, {
      ifName: c.bridgeName,
      internal: c.internal,
      icc: c.enableICC,
      masquerade: c.enableIPMasquerade,
      trustedHostInterfaces: c.trustedHostInterfaces,
      config4: {
        prefix: i.bridgeIPv4 ? networkOfAddr(i.bridgeIPv4) : '',
        hostIP: c.hostIPv4,
        routed: c.gwModeIPv4 === 'routed',
        unprotected: c.gwModeIPv4 === 'nat-unprotected',
      },
    });
  });
  setup.queueStep('setupDeviceUp', s.setupDeviceUp);
  try {
    setup.apply({ ctx: d.ctx, fw: d.fw });
  } catch (e) {
    d.networks.delete(config.id);
    n.fw?.delNetworkLevelRules();
    if (!existing && n.bridge.link) delLink(d.ctx.host.ns, n.bridge.link);
    throw e;
  }
}

/** deleteNetwork removes the network's endpoints, bridge and rules (driver.DeleteNetwork). */
export function deleteNetwork(d: BridgeDriver, nid: string): void {
  const n = d.networks.get(nid);
  if (!n) {
    deleteNetworkRecord(d, nid);
    throw new Error(`network ${nid} does not exist`);
  }
  const host = d.ctx.host;
  for (const ep of n.endpoints.values()) {
    releasePorts(d, n, ep);
    const link = findLink(host.ns, ep.srcName) ?? findLink(host.ns, ep.hostIfName);
    if (link) delLink(host.ns, link);
    deleteEndpointRecord(d, ep.id);
  }
  d.networks.delete(nid);
  if (n.config.bridgeIfaceCreator !== 2 && !n.config.defaultBridge && n.bridge.link) {
    delLink(host.ns, n.bridge.link);
    d.ctx.explain.record(
      `delete bridge ${n.config.bridgeName}`,
      `ip link delete ${n.config.bridgeName}`,
      'bridge.deleteNetwork',
    );
  }
  n.fw?.delNetworkLevelRules();
  deleteNetworkRecord(d, nid);
}
