// Mirrors moby/moby libnetwork/drivers/bridge/internal/iptabler/network.go, endpoint.go and port.go:
// the per-network rules (masquerade, ICC, isolation, default drop), the per-endpoint raw rule that
// drops direct access, and the per-port DNAT/ACCEPT rules. Specs are in `iptables -S` order.
// Simplified: IPv4 only; no firewalld; no legacy-rule clean-up (there is no older daemon to upgrade from).

import { isLoopback } from '../../../../../kernel/inet.ts';
import type { Iptables } from '../../../../iptables/iptables.ts';
import { isIPv6, type PortBinding } from '../../../../types/types.ts';
import {
  DockerForwardChain,
  dockerBridgeChain,
  dockerChain,
  dockerCTChain,
  type Iptabler,
  isolationChain1,
  isolationChain2,
} from './iptabler.ts';

/** NetworkConfigFam is the per-family configuration (firewaller.NetworkConfigFam). */
export interface NetworkConfigFam {
  /** prefix is the bridge subnet ("172.18.0.0/16"), or '' when the family is not enabled. */
  prefix: string;
  /** hostIP is com.docker.network.host_ipv4: SNAT to this address instead of MASQUERADE. */
  hostIP: string;
  routed: boolean;
  unprotected: boolean;
}

/** NetworkConfig describes one bridge network to the firewaller. */
export interface NetworkConfig {
  ifName: string;
  internal: boolean;
  icc: boolean;
  masquerade: boolean;
  trustedHostInterfaces: string[];
  config4: NetworkConfigFam;
}

const portMatch = (b: PortBinding, port: number): string[] => [
  '-p',
  b.proto,
  '-m',
  b.proto,
  '--dport',
  String(port),
];

/** FirewallerNetwork programs one network's rules (iptabler network). */
export class FirewallerNetwork {
  private readonly fw: Iptabler;
  readonly config: NetworkConfig;

  /** constructor applies the network-level rules (NewNetwork → ReapplyNetworkLevelRules). */
  constructor(fw: Iptabler, config: NetworkConfig) {
    this.fw = fw;
    this.config = config;
    if (fw.config.ipv4 && config.config4.prefix !== '') this.setupIPTables(true);
  }

  private get ipt(): Iptables {
    return this.fw.ipt;
  }

  /** delNetworkLevelRules removes what the constructor added. */
  delNetworkLevelRules(): void {
    if (this.fw.config.ipv4 && this.config.config4.prefix !== '') this.setupIPTables(false);
  }

  private setupIPTables(enable: boolean): void {
    const c = this.config;
    const br = c.ifName;
    const ipt = this.ipt;
    if (c.internal) {
      this.setupInternalNetworkRules(enable);
      return;
    }
    this.setupNonInternalNetworkRules(enable);
    ipt.appendOrDelete(
      'filter',
      dockerChain,
      ['!', '-i', br, '-o', br, '-j', c.config4.unprotected ? 'ACCEPT' : 'DROP'],
      enable,
    );
    ipt.appendOrDelete(
      'filter',
      dockerCTChain,
      ['-o', br, '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT'],
      enable,
    );
    ipt.appendOrDelete('filter', dockerBridgeChain, ['-o', br, '-j', dockerChain], enable);
    this.setINC(enable);
  }

  private setupNonInternalNetworkRules(enable: boolean): void {
    const c = this.config;
    const br = c.ifName;
    const prefix = c.config4.prefix;
    const ipt = this.ipt;
    const natTarget = c.config4.hostIP
      ? ['-j', 'SNAT', '--to-source', c.config4.hostIP]
      : ['-j', 'MASQUERADE'];
    if (c.masquerade) {
      if (!c.config4.routed)
        ipt.insertOrDelete('nat', 'POSTROUTING', ['-s', prefix, '!', '-o', br, ...natTarget], enable);
      if (!this.fw.config.hairpin) ipt.insertOrDelete('nat', dockerChain, ['-i', br, '-j', 'RETURN'], enable);
    }
    ipt.insertOrDelete(
      'nat',
      'POSTROUTING',
      ['-o', br, '-m', 'addrtype', '--src-type', 'LOCAL', ...natTarget],
      enable && this.fw.config.hairpin,
    );
    this.setIcc(false, enable);
    if (c.config4.routed)
      ipt.appendOrDelete('filter', dockerChain, ['-o', br, '-p', 'icmp', '-j', 'ACCEPT'], enable);
    if (c.icc) ipt.appendOrDelete('filter', DockerForwardChain, ['-i', br, '-j', 'ACCEPT'], enable);
    else ipt.appendOrDelete('filter', DockerForwardChain, ['-i', br, '!', '-o', br, '-j', 'ACCEPT'], enable);
  }

  private setIcc(internal: boolean, insert: boolean): void {
    const br = this.config.ifName;
    const accept = ['-i', br, '-o', br, '-j', 'ACCEPT'];
    const drop = ['-i', br, '-o', br, '-j', 'DROP'];
    if (insert && this.config.icc && internal) this.ipt.append('filter', DockerForwardChain, accept);
    else this.ipt.delete('filter', DockerForwardChain, accept);
    if (insert && !this.config.icc) this.ipt.append('filter', DockerForwardChain, drop);
    else this.ipt.delete('filter', DockerForwardChain, drop);
  }

  private setINC(enable: boolean): void {
    const br = this.config.ifName;
    const ipt = this.ipt;
    if (this.config.config4.routed) {
      ipt.insertOrDelete('filter', isolationChain1, ['-o', br, '-j', 'RETURN'], enable);
      ipt.insertOrDelete(
        'filter',
        isolationChain1,
        ['-i', br, '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT'],
        enable,
      );
    }
    ipt.appendOrDelete('filter', isolationChain1, ['-i', br, '!', '-o', br, '-j', isolationChain2], enable);
    ipt.insertOrDelete('filter', isolationChain2, ['-o', br, '-j', 'DROP'], enable);
  }

  private setupInternalNetworkRules(insert: boolean): void {
    const br = this.config.ifName;
    const prefix = this.config.config4.prefix;
    this.ipt.insertOrDelete('filter', isolationChain1, ['!', '-d', prefix, '-i', br, '-j', 'DROP'], insert);
    this.ipt.insertOrDelete('filter', isolationChain1, ['!', '-s', prefix, '-o', br, '-j', 'DROP'], insert);
    this.setIcc(true, insert);
  }

  /** addEndpoint drops packets routed straight to the container from outside the bridge. */
  addEndpoint(ip: string): void {
    this.filterDirectAccess(ip, true);
  }

  /** delEndpoint removes addEndpoint's rules. */
  delEndpoint(ip: string): void {
    this.filterDirectAccess(ip, false);
  }

  private filterDirectAccess(ip: string, enable: boolean): void {
    const c = this.config;
    if (!this.fw.config.ipv4 || ip === '' || c.internal || c.config4.unprotected || c.config4.routed) return;
    const on = enable && !this.fw.config.allowDirectRouting;
    for (const ifName of c.trustedHostInterfaces) {
      this.ipt.appendOrDelete('raw', 'PREROUTING', ['-d', `${ip}/32`, '-i', ifName, '-j', 'ACCEPT'], on);
    }
    this.ipt.appendOrDelete('raw', 'PREROUTING', ['-d', `${ip}/32`, '!', '-i', c.ifName, '-j', 'DROP'], on);
  }

  /** addPorts programs the rules for published ports (AddPorts). */
  addPorts(pbs: PortBinding[]): void {
    for (const b of pbs) this.setPerPortIptables(b, true);
  }

  /** delPorts removes them. */
  delPorts(pbs: PortBinding[]): void {
    for (const b of pbs) this.setPerPortIptables(b, false);
  }

  private setPerPortIptables(b: PortBinding, enable: boolean): void {
    if (isIPv6(b.ip) || !this.fw.config.ipv4 || this.config.internal) return;
    const br = this.config.ifName;
    if (b.hostPort !== 0 && !isIPv6(b.hostIP) && b.hostIP !== '' && isLoopback(b.hostIP)) {
      this.ipt.appendOrDelete(
        'raw',
        'PREROUTING',
        ['-d', `${b.hostIP}/32`, '!', '-i', 'lo', ...portMatch(b, b.hostPort), '-j', 'DROP'],
        enable,
      );
    }
    if (isIPv6(b.hostIP)) return; // host IPv6 → container IPv4 is docker-proxy's job
    if (b.hostPort !== 0) {
      const dst = b.hostIP === '0.0.0.0' || b.hostIP === '' ? [] : ['-d', `${b.hostIP}/32`];
      const notFromBridge = this.fw.config.hairpin ? [] : ['!', '-i', br];
      const dnat = [
        ...dst,
        ...notFromBridge,
        ...portMatch(b, b.hostPort),
        '-j',
        'DNAT',
        '--to-destination',
        `${b.ip}:${b.port}`,
      ];
      this.ipt.appendOrDelete('nat', dockerChain, dnat, enable);
      const masq = ['-s', `${b.ip}/32`, '-d', `${b.ip}/32`, ...portMatch(b, b.port), '-j', 'MASQUERADE'];
      this.ipt.appendOrDelete('nat', 'POSTROUTING', masq, this.fw.config.hairpin && enable);
    }
    if (!this.config.config4.unprotected) {
      const accept = ['-d', `${b.ip}/32`, '!', '-i', br, '-o', br, ...portMatch(b, b.port), '-j', 'ACCEPT'];
      this.ipt.insertOrDelete('filter', dockerChain, accept, enable);
    }
  }
}
