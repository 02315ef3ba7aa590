// capstone-lab: the capstone lesson's first lab. One host with the images pulled and a compose.yaml
// in the editor for a three-tier shop: nginx (frontend, published on 8080), a Python API (backend)
// and, once the learner adds it, Redis (db) on an internal network only the backend shares.
import { GOALS } from '../goals.ts';
import type { ScenarioInput } from '../schema.ts';

/** CAPSTONE_COMPOSE is the lab's starting compose.yaml: the database is the learner's to add. */
export const CAPSTONE_COMPOSE = `# The shop: nginx in front, a small Python API behind it, Redis for its data.
# Networks first: front is an ordinary bridge, back is internal (no way out).
name: shop
networks:
  front:
  back:
    internal: true
services:
  frontend:
    image: nginx:alpine
    ports:
      - "8080:80"
    networks: [front]
  backend:
    image: python:3-alpine
    command: python3 -m http.server 8000
    environment:
      REDIS_HOST: db
    networks: [front, back]
  # db: add the database here, on the back network only.
`;

/** capstoneLab is the lab where the learner builds and checks the three-tier app. */
export const capstoneLab: ScenarioInput = {
  id: 'capstone-lab',
  title: 'Capstone: a three-tier app',
  hosts: ['host1'],
  setup: [
    { line: 'docker pull -q nginx:alpine' },
    { line: 'docker pull -q python:3-alpine' },
    { line: 'docker pull -q redis' },
    { line: 'docker pull -q nicolaka/netshoot' },
  ],
  files: [{ path: '/root/compose.yaml', content: CAPSTONE_COMPOSE }],
  panes: ['terminal', 'editor', 'topology', 'challenges'],
  challenges: [
    {
      id: 'shop-up',
      title: 'Start the shop with Compose, its frontend published on port 8080 of the host',
      goal: (s) =>
        GOALS.portPublished(s, { container: 'shop-frontend-1', hostPort: '8080', containerPort: '80/tcp' }) &&
        GOALS.containerRunning(s, { name: 'shop-backend-1' }),
      hints: [
        'Compose reads compose.yaml in the current directory; `-d` leaves the containers running in the background.',
        '`docker compose up -d`',
      ],
      solution: ['docker compose up -d'],
    },
    {
      id: 'db-internal',
      title: 'Add a service db (image redis) whose only network is the internal network back',
      goal: (s) => {
        const host = s.hosts.host1;
        const db = host?.containers.find((c) => c.name === 'shop-db-1');
        const names = Object.keys(db?.networks ?? {});
        return (
          db?.running === true &&
          names.length > 0 &&
          names.every((n) => host?.networks.find((x) => x.name === n)?.internal === true)
        );
      },
      hints: [
        'In the editor, add a db service under services: with `image: redis` and `networks: [back]`, then run `docker compose up -d` again.',
        'Compose creates only what changed: the new db container; frontend and backend keep running.',
      ],
      solution: [
        "printf '  db:\\n    image: redis\\n    networks: [back]\\n' >> compose.yaml",
        'docker compose up -d',
      ],
    },
    {
      id: 'probe-back',
      title:
        'Run a toolbox container probe (nicolaka/netshoot) on the internal network, to test from the database’s side',
      goal: { predicate: 'runningOn', args: { name: 'probe', network: 'shop_back' } },
      hints: [
        'Compose prefixes network names with the project name: the network back of project shop is shop_back.',
        '`docker run -dit --name probe --network shop_back nicolaka/netshoot bash`',
      ],
      solution: [
        'docker compose up -d',
        'docker run -dit --name probe --network shop_back nicolaka/netshoot bash',
      ],
    },
  ],
};
