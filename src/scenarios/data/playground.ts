// playground: one host, a Compose file and a Dockerfile to edit, and two warm-up challenges.
import type { ScenarioInput } from '../schema.ts';

/** playground is the open lab of "How this course works". */
export const playground: ScenarioInput = {
  id: 'playground',
  title: 'Playground',
  hosts: ['host1'],
  files: [
    {
      path: '/root/compose.yaml',
      content: 'services:\n  web:\n    image: nginx\n    ports:\n      - "8080:80"\n',
    },
    { path: '/root/Dockerfile', content: 'FROM alpine\nRUN apk add curl\nCMD ["sh"]\n' },
  ],
  panes: ['terminal', 'editor', 'topology', 'challenges'],
  challenges: [
    {
      id: 'run-web',
      title: 'Start a container named web from the nginx image',
      goal: { predicate: 'containerRunning', args: { name: 'web' } },
      hints: [
        '`docker run` starts a container; `-d` keeps it in the background.',
        'Name it with `--name web`.',
      ],
      solution: ['docker run -d --name web nginx'],
    },
    {
      id: 'make-network',
      title: 'Create a network named app',
      goal: { predicate: 'networkExists', args: { name: 'app', driver: 'bridge' } },
      hints: ['Networks have their own command group: `docker network --help`.'],
      solution: ['docker network create app'],
    },
  ],
};
