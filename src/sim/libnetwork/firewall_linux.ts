// Mirrors moby/moby libnetwork/firewall_linux.go: the DOCKER-USER chain, created when the
// controller starts and jumped to first from filter FORWARD. The daemon never edits its rules.

import type { Iptables } from './iptables/iptables.ts';

/** userChain is the chain users put their own filter rules in. */
export const userChain = 'DOCKER-USER';

/** setupUserChain creates DOCKER-USER and puts "-j DOCKER-USER" at the top of FORWARD. */
export function setupUserChain(ipt: Iptables): void {
  ipt.newChain('filter', userChain);
  ipt.ensureJumpRule('FORWARD', userChain);
}
