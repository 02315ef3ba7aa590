// Mirrors moby/moby libnetwork/drivers/bridge/internal/iptabler/iptabler.go: the bridge driver's
// firewall set-up in Docker 28's layout — nat DOCKER, filter DOCKER, DOCKER-FORWARD, DOCKER-BRIDGE,
// DOCKER-CT, DOCKER-ISOLATION-STAGE-1/2, the jumps to them, and the FORWARD DROP policy.
// Simplified: IPv4 only (no ip6tables); rule specs are written in `iptables -S` order.

import type { Iptables } from '../../../../iptables/iptables.ts';

/** dockerChain is the DOCKER chain (nat: DNAT per published port; filter: per-port ACCEPT). */
export const dockerChain = 'DOCKER';
/** DockerForwardChain holds Docker's filter-FORWARD rules. */
export const DockerForwardChain = 'DOCKER-FORWARD';
/** dockerBridgeChain jumps to DOCKER for traffic going out of a bridge. */
export const dockerBridgeChain = 'DOCKER-BRIDGE';
/** dockerCTChain accepts replies (conntrack RELATED,ESTABLISHED) into bridges. */
export const dockerCTChain = 'DOCKER-CT';
/** isolationChain1 sends traffic leaving a bridge for another interface to stage 2. */
export const isolationChain1 = 'DOCKER-ISOLATION-STAGE-1';
/** isolationChain2 drops it if it is going into another bridge network. */
export const isolationChain2 = 'DOCKER-ISOLATION-STAGE-2';

/** FirewallerConfig is firewaller.Config: which tables to program and whether hairpin NAT is used. */
export interface FirewallerConfig {
  ipv4: boolean;
  /** hairpin is true when the userland proxy is off: DNAT applies to traffic from the bridge too. */
  hairpin: boolean;
  allowDirectRouting: boolean;
}

/** Iptabler is the bridge driver's firewaller (iptabler). */
export class Iptabler {
  readonly ipt: Iptables;
  readonly config: FirewallerConfig;

  /** constructor sets up the chains (NewIptabler → setupIPChains) when IPv4 iptables is enabled. */
  constructor(ipt: Iptables, config: FirewallerConfig) {
    this.ipt = ipt;
    this.config = config;
    if (config.ipv4) this.setupIPChains();
  }

  private setupIPChains(): void {
    const ipt = this.ipt;
    ipt.newChain('nat', dockerChain);
    ipt.newChain('filter', dockerChain);
    ipt.newChain('filter', DockerForwardChain);
    ipt.newChain('filter', dockerBridgeChain);
    ipt.newChain('filter', dockerCTChain);
    ipt.newChain('filter', isolationChain1);
    ipt.newChain('filter', isolationChain2);
    addNATJumpRules(ipt, this.config.hairpin);
    ipt.ensureJumpRule('FORWARD', DockerForwardChain);
    ipt.ensureJumpRule(DockerForwardChain, dockerBridgeChain);
    ipt.ensureJumpRule(DockerForwardChain, isolationChain1);
    ipt.ensureJumpRule(DockerForwardChain, dockerCTChain);
  }

  /** filterForwardDrop sets filter FORWARD's policy to DROP (done when Docker enables ip_forward). */
  filterForwardDrop(): void {
    this.ipt.setPolicy('filter', 'FORWARD', 'DROP');
  }
}

/** addNATJumpRules sends locally-addressed traffic to nat DOCKER from PREROUTING and OUTPUT. */
function addNATJumpRules(ipt: Iptables, hairpin: boolean): void {
  ipt.append('nat', 'PREROUTING', ['-m', 'addrtype', '--dst-type', 'LOCAL', '-j', dockerChain]);
  const output = hairpin
    ? ['-m', 'addrtype', '--dst-type', 'LOCAL', '-j', dockerChain]
    : ['!', '-d', '127.0.0.0/8', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', dockerChain];
  ipt.append('nat', 'OUTPUT', output);
}
