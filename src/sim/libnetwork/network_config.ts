// Mirrors moby/moby libnetwork/network.go validateConfiguration and applyConfigurationTo: the rules
// for --config-only networks and networks created --config-from one.

import { forbidden } from '../errdefs.ts';
import { EnableIPv4, EnableIPv6, GenericData, Internal } from './netlabel/labels.ts';
import type { Network } from './network.ts';

/** validateConfiguration checks the config-only / config-from rules. */
export function validateConfiguration(n: Network): void {
  if (n.configOnly && (n.ingress || n.internal || n.attachable || n.requestedScope !== '')) {
    throw forbidden(
      'configuration network can only contain network specific fields. Network operator fields like [ ingress | internal | attachable | scope ] are not supported.',
    );
  }
  if (n.configFrom === '') return;
  if (n.configOnly) throw forbidden('a configuration network cannot depend on another configuration network');
  const userIpam =
    (n.ipamDriver !== '' && n.ipamDriver !== 'default') ||
    !n.enableIPv4 ||
    n.enableIPv6 ||
    Object.keys(n.labels).length > 0 ||
    Object.keys(n.ipamOptions ?? {}).length > 0 ||
    n.ipamV4Config.length > 0 ||
    n.ipamV6Config.length > 0;
  if (userIpam)
    throw forbidden(
      'user specified configurations are not supported if the network depends on a configuration network',
    );
  if (Object.keys(n.driverOpts).length > 0) {
    throw forbidden(
      'network driver options are not supported if the network depends on a configuration network',
    );
  }
}

/** applyConfigurationTo copies a config-only network's settings onto a network created from it. */
export function applyConfigurationTo(from: Network, to: Network): void {
  to.enableIPv4 = from.enableIPv4;
  to.enableIPv6 = from.enableIPv6;
  if (Object.keys(from.labels).length) to.storedLabels = { ...from.labels };
  if (from.ipamDriver !== '') to.ipamDriver = from.ipamDriver;
  if (from.ipamOptions && Object.keys(from.ipamOptions).length) to.ipamOptions = { ...from.ipamOptions };
  if (from.ipamV4Config.length) to.ipamV4Config = from.ipamV4Config.map((c) => ({ ...c }));
  if (from.ipamV6Config.length) to.ipamV6Config = from.ipamV6Config.map((c) => ({ ...c }));
  to.generic = {
    ...from.generic,
    [GenericData]: { ...(from.generic[GenericData] as Record<string, string>) },
  };
  to.generic[Internal] = to.internal;
  to.generic[EnableIPv4] = to.enableIPv4;
  to.generic[EnableIPv6] = to.enableIPv6;
}
