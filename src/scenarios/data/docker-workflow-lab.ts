// docker-workflow-lab: the Docker workflow lesson's lab. Two hosts share one registry. On host1 the
// editor holds a Dockerfile (nginx plus the page index.html); the setup built it as
// learner/myapp:1.0 and pushed it, as a release pipeline would have. The learner edits the Dockerfile,
// builds 1.1, tags and pushes it, then runs it on host2, and looks at the Engine API behind docker;
// the challenges build under a registry name, run the older release and call the API with curl.
import type { ScenarioInput } from '../schema.ts';

const DOCKERFILE = `# The base image: Debian with nginx, which serves /usr/share/nginx/html on port 80.
FROM nginx

# Our one change: the page nginx serves.
COPY index.html /usr/share/nginx/html/
`;

const PAGE = '<h1>Hello from myapp</h1>\n';

/** dockerWorkflowLab is the lab of the Docker workflow lesson. */
export const dockerWorkflowLab: ScenarioInput = {
  id: 'docker-workflow-lab',
  title: 'Build, push, pull, run',
  hosts: ['host1', 'host2'],
  files: [
    { host: 'host1', path: '/root/Dockerfile', content: DOCKERFILE },
    { host: 'host1', path: '/root/index.html', content: PAGE },
  ],
  setup: [
    { host: 'host1', line: 'docker pull -q nginx' },
    { host: 'host1', line: 'docker build -q -t learner/myapp:1.0 .' },
    { host: 'host1', line: 'docker push -q learner/myapp:1.0' },
  ],
  panes: ['terminal', 'editor', 'topology', 'challenges'],
  challenges: [
    {
      id: 'build-straight-to-registry-name',
      title:
        'On host1, build the Dockerfile straight into learner/myapp:1.2, with one docker build and no docker tag',
      host: 'host1',
      goal: { predicate: 'imageExists', args: { host: 'host1', name: 'learner/myapp:1.2' } },
      hints: [
        'The name you give with -t can be a full registry name, not only a local one.',
        '`docker build -t learner/myapp:1.2 .` (the dot is the build context: /root, where the Dockerfile is).',
      ],
      solution: ['docker build -t learner/myapp:1.2 .'],
    },
    {
      id: 'previous-release-on-host2',
      title: 'On host2, also run the previous release: a container named old from learner/myapp:1.0',
      host: 'host2',
      goal: {
        predicate: 'containerFromImage',
        args: { host: 'host2', name: 'old', image: 'learner/myapp:1.0' },
      },
      hints: [
        'Every version pushed stays in the registry under its tag; the tag picks which one host2 pulls.',
        'Port 8080 is taken by web, so publish old on another one: `docker run -d --name old -p 8081:80 learner/myapp:1.0`.',
      ],
      solution: ['docker run -d --name old -p 8081:80 learner/myapp:1.0'],
    },
    {
      id: 'network-through-the-api',
      title:
        'On host1, create a network named api-net by calling the Engine API with curl, not docker network create',
      host: 'host1',
      goal: { predicate: 'networkExists', args: { host: 'host1', name: 'api-net', driver: 'bridge' } },
      hints: [
        'docker network create sends POST /networks/create with a JSON body such as {"Name":"api-net"}.',
        "curl sends a body with -d, and dockerd wants it labelled as JSON: -H 'Content-Type: application/json'.",
      ],
      solution: [
        `curl -s --unix-socket /var/run/docker.sock -H 'Content-Type: application/json' -d '{"Name":"api-net"}' http://localhost/v1.50/networks/create`,
      ],
    },
  ],
};
