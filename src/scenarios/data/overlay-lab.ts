// overlay-lab: the overlay lesson's lab. Three hosts on one LAN (192.168.1.11–13). host1 has
// initialised a swarm and host2 has joined it as a worker; host3 is still outside. An attachable
// overlay `backend` carries a redis `db` on host1. The learner joins host3, puts a standalone
// container on host2 next to `db`, and runs a replicated service behind the routing mesh.
//
// The join token below is the one host1's `swarm init` prints in this world: the world is seeded,
// so the same setup always yields the same token (the scenario tests fail if that ever changes).
import type { ScenarioInput } from '../schema.ts';

/** OVERLAY_LAB_WORKER_TOKEN is the worker join token host1's swarm issues in this lab. */
export const OVERLAY_LAB_WORKER_TOKEN =
  'SWMTKN-1-odh79dszjstumw6t16otiv8ge9mqhaaa75wgb5vmbt4202egus-5s4302snw7oamsc4j0nto7s8w';

const join = `docker swarm join --token ${OVERLAY_LAB_WORKER_TOKEN} 192.168.1.11:2377`;

const pulls = (host: string, images: string[]) =>
  images.map((image) => ({ host, line: `docker pull -q ${image}` }));

/** overlayLab is the lab of the overlay lesson. */
export const overlayLab: ScenarioInput = {
  id: 'overlay-lab',
  title: 'A three-host swarm and its overlays',
  hosts: ['host1', 'host2', 'host3'],
  setup: [
    ...pulls('host1', ['alpine', 'nginx', 'traefik/whoami', 'redis']),
    ...pulls('host2', ['alpine', 'nginx', 'traefik/whoami']),
    ...pulls('host3', ['alpine', 'nginx', 'traefik/whoami']),
    { host: 'host1', line: 'docker swarm init --advertise-addr 192.168.1.11' },
    { host: 'host2', line: join },
    { host: 'host1', line: 'docker network create -d overlay --attachable backend' },
    { host: 'host1', line: 'docker run -d --name db --network backend redis' },
  ],
  panes: ['terminal', 'topology', 'challenges'],
  challenges: [
    {
      id: 'join-host3',
      title: 'Join host3 to the swarm as a worker, so it has three nodes',
      host: 'host3',
      goal: { predicate: 'inSwarm', args: { host: 'host3', role: 'worker' } },
      hints: [
        'The manager prints the join command: run `docker swarm join-token worker` on host1.',
        'Run that `docker swarm join --token … 192.168.1.11:2377` line in host3’s terminal.',
      ],
      solution: [join],
    },
    {
      id: 'client-on-host2',
      title: 'Run an alpine container client on host2, on the overlay backend, next to db on host1',
      host: 'host2',
      goal: {
        predicate: 'overlayPeers',
        args: { from: 'client', fromHost: 'host2', to: 'db', toHost: 'host1' },
      },
      hints: [
        'backend was created with --attachable, so a plain `docker run --network backend` works on any node.',
        'In host2’s terminal: `docker run -dit --name client --network backend alpine`, then try `docker exec client ping -c 1 db`.',
      ],
      solution: ['docker run -dit --name client --network backend alpine'],
    },
    {
      id: 'api-service',
      title: 'Run a service api: 3 replicas of traefik/whoami, published on port 8080 of every node',
      goal: {
        predicate: 'servicePublished',
        args: { service: 'api', replicas: 3, published: 8080, target: 80 },
      },
      hints: [
        'Services are created on a manager (host1) with `docker service create`.',
        '`docker service create -d --name api --replicas 3 --publish 8080:80 traefik/whoami`',
      ],
      solution: ['docker service create -d --name api --replicas 3 --publish 8080:80 traefik/whoami'],
    },
  ],
};
