// Mirrors moby/moby libnetwork/drivers/bridge/setup.go and its setup_*.go steps: creating a bridge
// network is a queue of named steps (setupDevice, setupBridgeIPv4, setupIPv4Forwarding …) applied in
// order; each step records what it did in the explain log.
// Simplified: sysctls the kernel model lacks (accept_ra, bridge-nf-call-iptables) are only recorded.

import { forbidden, invalidParameter } from '../../../errdefs.ts';
import { inCidr } from '../../../kernel/inet.ts';
import { addAddr, addLink, findLink, setUp } from '../../../kernel/netns.ts';
import type { Link } from '../../../kernel/types.ts';
import type { DriverContext } from '../../driverapi/driverapi.ts';
import { DefaultBridgeName, errInvalidGateway, type NetworkConfiguration } from './bridge_config.ts';
import type { Iptabler } from './internal/iptabler/iptabler.ts';

/** BridgeInterface is the bridge's L3 interface state (bridgeInterface). */
export interface BridgeInterface {
  link: Link | undefined;
  /** bridgeIPv4 is "ip/len" of the bridge, gatewayIPv4 the containers' gateway. */
  bridgeIPv4: string;
  gatewayIPv4: string;
}

/** StepEnv is what the steps can reach: the driver's context and its firewaller. */
export interface StepEnv {
  ctx: DriverContext;
  fw: Iptabler;
}

type StepFn = (c: NetworkConfiguration, i: BridgeInterface, env: StepEnv) => void;

/** BridgeSetup is the queue of named steps (bridgeSetup). */
export class BridgeSetup {
  private readonly steps: Array<{ name: string; fn: StepFn }> = [];
  private readonly config: NetworkConfiguration;
  private readonly bridge: BridgeInterface;

  constructor(config: NetworkConfiguration, bridge: BridgeInterface) {
    this.config = config;
    this.bridge = bridge;
  }

  /** queueStep adds a named step. */
  queueStep(name: string, fn: StepFn): void {
    this.steps.push({ name, fn });
  }

  /** stepNames lists the queued steps in order. */
  stepNames(): string[] {
    return this.steps.map((s) => s.name);
  }

  /** apply runs the steps in order, stopping at the first error. */
  apply(env: StepEnv): void {
    for (const s of this.steps) s.fn(this.config, this.bridge, env);
  }
}

const rec = (env: StepEnv, step: string, detail: string, source: string): void =>
  env.ctx.explain.record(step, detail, `bridge.${source}`);

/** setupDevice creates the Linux bridge with a random MAC. */
export const setupDevice: StepFn = (c, i, env) => {
  if (c.bridgeName !== DefaultBridgeName && c.defaultBridge) {
    throw forbidden(`bridge device with non default name ${c.bridgeName} must be created manually`);
  }
  i.link = addLink(env.ctx.host.ns, { name: c.bridgeName, kind: 'bridge', mac: env.ctx.rng.mac() });
  rec(env, `create bridge ${c.bridgeName}`, `ip link add ${c.bridgeName} type bridge`, 'setupDevice');
};

/** setupDefaultSysctl turns off IPv6 router advertisements on the bridge (accept_ra=0). */
export const setupDefaultSysctl: StepFn = (c, _i, env) => {
  rec(
    env,
    `ignore router advertisements on ${c.bridgeName}`,
    `sysctl -w net.ipv6.conf.${c.bridgeName}.accept_ra=0`,
    'setupDefaultSysctl',
  );
};

/** setupMTU sets the bridge MTU. */
export const setupMTU: StepFn = (c, i, env) => {
  if (i.link) i.link.mtu = c.mtu;
  rec(env, `set ${c.bridgeName} MTU to ${c.mtu}`, `ip link set ${c.bridgeName} mtu ${c.mtu}`, 'setupMTU');
};

/** setupBridgeIPv4 gives the bridge its gateway address (unless inhibited or isolated). */
export const setupBridgeIPv4: StepFn = (c, i, env) => {
  i.bridgeIPv4 = c.addressIPv4;
  if (!c.inhibitIPv4 && c.gwModeIPv4 !== 'isolated' && i.link) {
    const [ip, len] = c.addressIPv4.split('/');
    const cur = i.link.addrs.find((a) => a.family === 4);
    if (!cur || cur.ip !== ip || String(cur.prefixLen) !== len) {
      addAddr(env.ctx.host.ns, c.bridgeName, c.addressIPv4);
      rec(
        env,
        `give ${c.bridgeName} the gateway address ${c.addressIPv4}`,
        `ip addr add ${c.addressIPv4} dev ${c.bridgeName}`,
        'setupBridgeIPv4',
      );
    }
  }
  if (!c.internal) i.gatewayIPv4 = c.addressIPv4.split('/')[0];
};

/** setupVerifyAndReconcileIPv4 checks a pre-existing bridge has the expected address. */
export const setupVerifyAndReconcileIPv4: StepFn = (c, i) => {
  if (c.gwModeIPv4 === 'isolated') return;
  const a = i.link?.addrs.find((x) => x.family === 4);
  if (!a) throw new Error('bridge has no IPv4 address configured');
  if (c.addressIPv4 && a.ip !== c.addressIPv4.split('/')[0]) {
    throw new Error(
      `bridge IPv4 (${a.ip}) does not match requested configuration ${c.addressIPv4.split('/')[0]}`,
    );
  }
};

/** setupIPv4Forwarding enables ip_forward and, when it was off, sets filter FORWARD's policy to DROP. */
export const setupIPv4Forwarding: StepFn = (_c, _i, env) => {
  const ns = env.ctx.host.ns;
  if (ns.sysctl.ipForward) return;
  ns.sysctl.ipForward = true;
  rec(env, 'enable IPv4 forwarding', 'sysctl -w net.ipv4.ip_forward=1', 'setupIPv4Forwarding');
  if (env.ctx.config.iptables && !env.ctx.config.ipForwardNoDrop) env.fw.filterForwardDrop();
};

/** setupLoopbackAddressesRouting lets DNAT reach containers from 127.0.0.1 (userland proxy off). */
export const setupLoopbackAddressesRouting: StepFn = (c, _i, env) => {
  env.ctx.host.ns.sysctl.routeLocalnet = true;
  rec(
    env,
    `route 127.0.0.0/8 traffic into ${c.bridgeName}`,
    `sysctl -w net.ipv4.conf.${c.bridgeName}.route_localnet=1`,
    'setupLoopbackAddressesRouting',
  );
};

/** setupGatewayIPv4 uses the DefaultGatewayIPv4 aux-address as the containers' gateway. */
export const setupGatewayIPv4: StepFn = (c, i) => {
  if (!inCidr(c.defaultGatewayIPv4, i.bridgeIPv4)) throw errInvalidGateway();
  if (c.internal) throw invalidParameter('no gateway can be set on an internal bridge network');
  i.gatewayIPv4 = c.defaultGatewayIPv4;
};

/** setupIPv4BridgeNetFiltering makes bridged traffic traverse iptables (br_netfilter). */
export const setupIPv4BridgeNetFiltering: StepFn = (_c, _i, env) => {
  if (!env.ctx.host.ns.sysctl.ipForward) return;
  env.ctx.host.ns.sysctl.brNetfilter = true;
  rec(
    env,
    'pass bridged traffic through iptables',
    'sysctl -w net.bridge.bridge-nf-call-iptables=1',
    'setupIPv4BridgeNetFiltering',
  );
};

/** setupDeviceUp brings the bridge up. */
export const setupDeviceUp: StepFn = (c, i, env) => {
  const link = i.link ?? findLink(env.ctx.host.ns, c.bridgeName);
  if (!link) throw new Error(`Failed to set link up for ${c.bridgeName}: Link not found`);
  setUp(link, true);
  i.link = link;
  rec(env, `bring ${c.bridgeName} up`, `ip link set ${c.bridgeName} up`, 'setupDeviceUp');
};
