// playground-3: the course's closing free lab. Three hosts on one LAN (host1 .11, host2 .12, host3
// .13) with alpine and nginx already pulled, a Compose file and a Dockerfile on host1, and open-ended
// goals that any correct setup on any host meets.
import type { LabStateView } from '../../sim/index.ts';
import { GOALS } from '../goals.ts';
import type { ScenarioInput } from '../schema.ts';

/** PLAYGROUND_COMPOSE is host1's starting compose.yaml (port 8090, so it does not clash with the cheat sheet's web). */
export const PLAYGROUND_COMPOSE = `services:
  web:
    image: nginx
    ports:
      - "8090:80"
  api:
    image: traefik/whoami
`;

/** onAnyHost is true when `check` holds on some host of the world. */
const onAnyHost = (s: LabStateView, check: (host: string) => boolean): boolean =>
  Object.keys(s.hosts).some(check);

/** playground3 is the three-host playground of the last lesson. */
export const playground3: ScenarioInput = {
  id: 'playground-3',
  title: 'Playground: three hosts',
  hosts: ['host1', 'host2', 'host3'],
  setup: ['host1', 'host2', 'host3'].flatMap((host) => [
    { host, line: 'docker pull -q alpine' },
    { host, line: 'docker pull -q nginx' },
  ]),
  files: [
    { path: '/root/compose.yaml', content: PLAYGROUND_COMPOSE },
    { path: '/root/Dockerfile', content: 'FROM alpine\nRUN apk add curl\nCMD ["sh"]\n' },
  ],
  panes: ['terminal', 'editor', 'topology', 'challenges'],
  challenges: [
    {
      id: 'pair-by-name',
      title: 'Two running containers that can reach each other by name (on any host)',
      goal: (s) =>
        onAnyHost(s, (host) => {
          const names = s.hosts[host].containers.filter((c) => c.running).map((c) => c.name);
          return names.some((from) =>
            names.some((to) => from !== to && GOALS.canResolve(s, { host, from, to })),
          );
        }),
      hints: [
        'Names resolve through Docker’s embedded DNS, which only user-defined networks have.',
        '`docker network create app`, then two `docker run -dit --name … --network app alpine ash`.',
      ],
      solution: [
        'docker network create app',
        'docker run -dit --name a1 --network app alpine ash',
        'docker run -dit --name a2 --network app alpine ash',
      ],
    },
    {
      id: 'published-port',
      title: 'A running container with a port published on its host',
      goal: (s) =>
        onAnyHost(s, (host) => s.hosts[host].containers.some((c) => c.running && c.ports.length > 0)),
      hints: ['`-p HOST_PORT:CONTAINER_PORT`; nginx listens on port 80.'],
      solution: ['docker run -d --name web -p 8080:80 nginx'],
    },
    {
      id: 'sealed',
      title: 'A running container with no network but its loopback interface',
      goal: (s) =>
        onAnyHost(s, (host) =>
          s.hosts[host].containers.some((c) => GOALS.loopbackOnly(s, { host, name: c.name })),
        ),
      hints: ['One of the three built-in networks gives a container only `lo`.'],
      solution: ['docker run -dit --name sealed --network none alpine ash'],
    },
    {
      id: 'overlay',
      title: 'A swarm with host1 as its manager, and an attachable overlay network',
      goal: (s) =>
        onAnyHost(s, (host) =>
          s.hosts[host].networks.some((n) => n.driver === 'overlay' && n.name !== 'ingress'),
        ),
      hints: [
        'Overlay networks need swarm mode: `docker swarm init --advertise-addr 192.168.1.11` on host1.',
        '`docker network create -d overlay --attachable mesh`; `--attachable` lets plain `docker run` use it.',
      ],
      solution: [
        'docker swarm init --advertise-addr 192.168.1.11',
        'docker network create -d overlay --attachable mesh',
      ],
    },
  ],
};
