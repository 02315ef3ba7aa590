// two-hosts: two Docker hosts on one LAN, each with its own engine, networks and containers.
import type { ScenarioInput } from '../schema.ts';

/** twoHosts shows that each machine has its own engine. */
export const twoHosts: ScenarioInput = {
  id: 'two-hosts',
  title: 'Two hosts',
  hosts: ['host1', 'host2'],
  panes: ['terminal', 'topology', 'challenges'],
  challenges: [
    {
      id: 'web-on-host2',
      title: 'Start a container named web on host2',
      host: 'host2',
      goal: { predicate: 'containerRunning', args: { host: 'host2', name: 'web' } },
      hints: ['Each host has its own terminal tab and its own engine.'],
      solution: ['docker run -d --name web nginx'],
    },
  ],
};
