// servers-to-containers-lab: the lab of "From servers to containers". One host with a long-running
// alpine container, `mystery`, started with a hostname of its own. The learner compares what the
// host and containers see (kernel, hostname, interfaces) and shows that each container has its own
// network namespace.
import { GOALS } from '../goals.ts';
import type { ScenarioInput } from '../schema.ts';

/** serversToContainersLab is the lab of the first lesson. */
export const serversToContainersLab: ScenarioInput = {
  id: 'servers-to-containers-lab',
  title: 'One kernel, many namespaces',
  hosts: ['host1'],
  setup: [
    { line: 'docker pull -q alpine' },
    { line: 'docker run -dit --name mystery --hostname orion alpine ash' },
  ],
  panes: ['terminal', 'topology', 'challenges'],
  challenges: [
    {
      id: 'kernel-release',
      title: 'Save the kernel release that a container reports into /root/kernel.txt',
      goal: { predicate: 'fileContains', args: { path: '/root/kernel.txt', text: '6.8.0-60-generic' } },
      hints: [
        '`uname -r` prints the release of the kernel the calling process runs on.',
        'Run it in a throwaway container and let the host’s shell redirect the output: `docker run --rm alpine uname -r > /root/kernel.txt`.',
      ],
      solution: ['docker run --rm alpine uname -r > /root/kernel.txt'],
    },
    {
      id: 'mystery-hostname',
      title: 'Find the hostname of the container mystery and save it into /root/hostname.txt',
      goal: { predicate: 'fileContains', args: { path: '/root/hostname.txt', text: 'orion' } },
      hints: [
        'The hostname lives in the container’s own UTS namespace, so ask a process inside it.',
        '`docker exec mystery hostname` runs `hostname` inside mystery; add `> /root/hostname.txt`.',
      ],
      solution: ['docker exec mystery hostname > /root/hostname.txt'],
    },
    {
      id: 'two-namespaces',
      title: 'Run two long-lived alpine containers, left and right, each in a network namespace of its own',
      goal: (s) => {
        if (!GOALS.runningOn(s, { name: 'left', network: 'bridge' })) return false;
        if (!GOALS.runningOn(s, { name: 'right', network: 'bridge' })) return false;
        const containers = Object.values(s.hosts)[0]?.containers ?? [];
        const ip = (name: string) => containers.find((c) => c.name === name)?.networks.bridge?.ip;
        return ip('left') !== ip('right');
      },
      hints: [
        'Every `docker run` creates a new network namespace unless you pass `--network host` or `--network container:NAME`.',
        '`-dit … ash` keeps an alpine shell running in the background: `docker run -dit --name left alpine ash`, then the same for right.',
      ],
      solution: ['docker run -dit --name left alpine ash', 'docker run -dit --name right alpine ash'],
    },
  ],
};
