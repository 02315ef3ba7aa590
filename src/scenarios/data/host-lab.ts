// host-lab: the host lesson's lab. Two nginx containers were started on the host network; the
// second could not bind port 80 and exited. The learner frees the port, uses a bridge instead, and
// runs a tool container on the host network.
import type { ScenarioInput } from '../schema.ts';

/** hostLab is the lab of the host lesson. */
export const hostLab: ScenarioInput = {
  id: 'host-lab',
  title: 'The host driver',
  hosts: ['host1'],
  setup: [
    { line: 'docker pull -q nginx' },
    { line: 'docker pull -q alpine' },
    { line: 'docker run -d --name web1 --network host nginx' },
    { line: 'docker run -d --name web2 --network host nginx' },
  ],
  panes: ['terminal', 'topology', 'challenges'],
  challenges: [
    {
      id: 'web2-running',
      title: 'Get web2 running on the host network (port 80 must be free for it)',
      goal: { predicate: 'runningOn', args: { name: 'web2', network: 'host' } },
      hints: [
        '`docker logs web2` says why it stopped: web1 already holds port 80 in the same network namespace.',
        'Remove web1 (`docker rm -f web1`), then `docker start web2`.',
      ],
      solution: ['docker rm -f web1', 'docker start web2'],
    },
    {
      id: 'web3-bridge',
      title: 'Run a third nginx, web3, next to web1, reachable on the host’s port 8080',
      goal: {
        predicate: 'portPublished',
        args: { container: 'web3', hostPort: '8080', containerPort: '80/tcp' },
      },
      hints: [
        'On the host network, -p is discarded: the container would try port 80 again.',
        'Leave it on the default bridge and publish: `-p 8080:80`.',
      ],
      solution: ['docker run -d --name web3 -p 8080:80 nginx'],
    },
    {
      id: 'monitor-host',
      title: 'Run an alpine container called monitor that sees the host’s own interfaces',
      goal: { predicate: 'runningOn', args: { name: 'monitor', network: 'host' } },
      hints: ['Only the host network shares the host’s network namespace: `--network host`.'],
      solution: ['docker run -dit --name monitor --network host alpine ash'],
    },
  ],
};
