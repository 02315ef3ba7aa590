// capstone-broken-lab: the capstone lesson's second lab. The same shop is already running from a
// compose.yaml with three networking mistakes: the frontend publishes the wrong container port, the
// backend is not on the database's network, and the database is also on the frontend's network.
import { GOALS } from '../goals.ts';
import type { ScenarioInput } from '../schema.ts';

/** BROKEN_COMPOSE is the faulty compose.yaml the lab starts from (and has already brought up). */
export const BROKEN_COMPOSE = `# The shop again, but something is wrong with its networking.
name: shop
networks:
  front:
  back:
    internal: true
services:
  frontend:
    image: nginx:alpine
    ports:
      - "8080:8080"
    networks: [front]
  backend:
    image: python:3-alpine
    command: python3 -m http.server 8000
    environment:
      REDIS_HOST: db
    networks: [front]
  db:
    image: redis
    networks: [back, front]
`;

/** capstoneBrokenLab is the lab where the learner diagnoses and fixes the broken shop. */
export const capstoneBrokenLab: ScenarioInput = {
  id: 'capstone-broken-lab',
  title: 'Capstone: fix the broken shop',
  hosts: ['host1'],
  setup: [
    { line: 'docker pull -q nginx:alpine' },
    { line: 'docker pull -q python:3-alpine' },
    { line: 'docker pull -q redis' },
    { line: 'docker compose up -d' },
  ],
  files: [{ path: '/root/compose.yaml', content: BROKEN_COMPOSE }],
  panes: ['terminal', 'editor', 'topology', 'challenges'],
  challenges: [
    {
      id: 'fix-port',
      title: 'Make http://localhost:8080 on the host answer with the frontend’s page',
      goal: {
        predicate: 'portPublished',
        args: { container: 'shop-frontend-1', hostPort: '8080', containerPort: '80/tcp' },
      },
      hints: [
        '`docker compose ps` shows what is published where; what port does nginx listen on inside its container?',
        'A port mapping is HOST:CONTAINER. nginx listens on 80: change the mapping to "8080:80" and run `docker compose up -d`.',
      ],
      solution: ["sed -i 's/8080:8080/8080:80/' compose.yaml", 'docker compose up -d'],
    },
    {
      id: 'backend-reaches-db',
      title: 'Let the backend reach the database by the name db',
      goal: { predicate: 'runningOn', args: { name: 'shop-backend-1', network: 'shop_back' } },
      hints: [
        '`docker exec shop-backend-1 nslookup db` fails: names resolve only between containers that share a network.',
        'Which networks is db on? Add that network to the backend’s list: `networks: [front, back]`.',
      ],
      solution: [
        "sed -i '/^  backend:/,/^  db:/s/\\[front\\]/[front, back]/' compose.yaml",
        'docker compose up -d',
      ],
    },
    {
      id: 'db-private',
      title: 'Take the database off the frontend’s network, so that only the backend can reach it',
      goal: (s) =>
        GOALS.runningOn(s, { name: 'shop-db-1', network: 'shop_back' }) &&
        GOALS.notAttached(s, { container: 'shop-db-1', network: 'shop_front' }),
      hints: [
        '`docker network inspect shop_front` lists who is on the frontend’s network: the database should not be.',
        'The database needs only the internal network: `networks: [back]`.',
      ],
      solution: ["sed -i 's/\\[back, front\\]/[back]/' compose.yaml", 'docker compose up -d'],
    },
  ],
};
