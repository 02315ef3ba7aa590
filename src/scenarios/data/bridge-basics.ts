// bridge-basics: two containers on the default bridge cannot find each other by name; a
// user-defined bridge fixes that; then publish a port.
import type { ScenarioInput } from '../schema.ts';

/** bridgeBasics is the default bridge versus a user-defined bridge. */
export const bridgeBasics: ScenarioInput = {
  id: 'bridge-basics',
  title: 'Bridge basics',
  hosts: ['host1'],
  setup: [
    { line: 'docker run -dit --name web alpine ash' },
    { line: 'docker run -dit --name db alpine ash' },
  ],
  panes: ['terminal', 'topology', 'challenges'],
  challenges: [
    {
      id: 'user-network',
      title: 'Create a user-defined bridge network named app',
      goal: { predicate: 'networkExists', args: { name: 'app', driver: 'bridge' } },
      hints: ['`docker network create NAME` creates a bridge network by default.'],
      solution: ['docker network create app'],
    },
    {
      id: 'web-reaches-db',
      title: 'Make web reach db by name',
      goal: { predicate: 'canResolve', args: { from: 'web', to: 'db' } },
      hints: [
        'The default bridge has no embedded DNS: containers need a user-defined network in common.',
        '`docker network connect NETWORK CONTAINER` attaches a running container.',
      ],
      solution: [
        'docker network create app',
        'docker network connect app web',
        'docker network connect app db',
      ],
    },
    {
      id: 'publish-8080',
      title: 'Run nginx as site, published on host port 8080',
      goal: {
        predicate: 'portPublished',
        args: { container: 'site', hostPort: '8080', containerPort: '80/tcp' },
      },
      hints: ['`-p HOST:CONTAINER` publishes a port.', 'nginx listens on port 80.'],
      solution: ['docker run -d --name site -p 8080:80 nginx'],
    },
  ],
};
