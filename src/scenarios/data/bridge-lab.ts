// bridge-lab: the bridge lesson's lab. Two containers start on the default bridge; the learner
// gives them a user-defined bridge (DNS, an alias), an internal network, a published port, and
// takes a container off the default bridge.
import { GOALS } from '../goals.ts';
import type { ScenarioInput } from '../schema.ts';

/** bridgeLab is the lab of the bridge lesson. */
export const bridgeLab: ScenarioInput = {
  id: 'bridge-lab',
  title: 'The bridge driver',
  hosts: ['host1'],
  setup: [
    { line: 'docker pull -q nginx' },
    { line: 'docker run -dit --name web alpine ash' },
    { line: 'docker run -dit --name db alpine ash' },
  ],
  panes: ['terminal', 'topology', 'challenges'],
  challenges: [
    {
      id: 'web-reaches-db',
      title: 'Make web reach db by name, on a user-defined bridge called app',
      goal: { predicate: 'canResolve', args: { from: 'web', to: 'db' } },
      hints: [
        'The default bridge has no name resolution: the two containers need a user-defined network in common.',
        '`docker network create app` makes one; `docker network connect app CONTAINER` attaches a running container.',
      ],
      solution: [
        'docker network create app',
        'docker network connect app web',
        'docker network connect app db',
      ],
    },
    {
      id: 'cache-alias',
      title: 'Run an alpine container cache on app that also answers to the name redis',
      goal: { predicate: 'hasAlias', args: { container: 'cache', network: 'app', alias: 'redis' } },
      hints: [
        'An alias is an extra, per-network DNS name, given when the container joins the network.',
        '`docker run --network app --network-alias NAME …` (or `docker network connect --alias NAME …`).',
      ],
      solution: [
        'docker network create app',
        'docker run -dit --name cache --network app --network-alias redis alpine ash',
      ],
    },
    {
      id: 'internal-backend',
      title: 'Create an internal network backend and run a container vault on it',
      goal: (s) =>
        GOALS.internalNetwork(s, { name: 'backend' }) &&
        GOALS.runningOn(s, { name: 'vault', network: 'backend' }),
      hints: [
        '`docker network create --internal NAME` makes a bridge with no route out of the host.',
        '`docker run -dit --name vault --network backend alpine ash`.',
      ],
      solution: [
        'docker network create --internal backend',
        'docker run -dit --name vault --network backend alpine ash',
      ],
    },
    {
      id: 'publish-site',
      title: 'Run nginx as site, published on port 8080 of the host’s loopback address only',
      goal: {
        predicate: 'portPublished',
        args: { container: 'site', hostPort: '8080', containerPort: '80/tcp' },
      },
      hints: [
        '`-p HOST_PORT:CONTAINER_PORT` publishes on every host address; put an address in front to limit it.',
        '`-p 127.0.0.1:8080:80`; nginx listens on port 80.',
      ],
      solution: ['docker run -d --name site -p 127.0.0.1:8080:80 nginx'],
    },
    {
      id: 'web-off-default',
      title: 'Keep web on app but take it off the default bridge',
      goal: (s) =>
        GOALS.attached(s, { container: 'web', network: 'app' }) &&
        GOALS.notAttached(s, { container: 'web', network: 'bridge' }),
      hints: ['`docker network disconnect NETWORK CONTAINER`; the default bridge is called bridge.'],
      solution: [
        'docker network create app',
        'docker network connect app web',
        'docker network disconnect bridge web',
      ],
    },
  ],
};
