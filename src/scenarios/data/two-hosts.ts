// two-hosts: two Docker hosts on one LAN, each with its own engine, networks, containers and files
// (host1 has a Dockerfile to build, host2 a Compose file that runs the image host1 pushes).
import type { ScenarioInput } from '../schema.ts';

/** twoHosts shows that each machine has its own engine. */
export const twoHosts: ScenarioInput = {
  id: 'two-hosts',
  title: 'Two hosts',
  hosts: ['host1', 'host2'],
  files: [
    { host: 'host1', path: '/root/Dockerfile', content: 'FROM alpine\n' },
    { host: 'host2', path: '/root/compose.yaml', content: 'services:\n  web:\n    image: learner/web\n' },
  ],
  panes: ['terminal', 'editor', 'topology', 'challenges'],
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
