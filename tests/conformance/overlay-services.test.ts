// Docker's overlay tutorials for swarm services, retold on three hosts: the default overlay network
// (an nginx service published on port 80 through the routing mesh) and a user-defined overlay
// (VIP and tasks.<service> DNS, round-robin load balancing), plus draining and losing a node.
// https://docs.docker.com/engine/network/tutorials/overlay/#use-the-default-overlay-network
// https://docs.docker.com/engine/network/tutorials/overlay/#use-a-user-defined-overlay-network
// Output formats: docker/cli cli/command/service/{list,progress/progress}.go, task/print.go.
import { test } from 'node:test';
import { runScenario } from './harness.ts';

const JOIN_STEPS = [
  {
    host: 'host1',
    cmd: 'docker swarm init',
    expect: {
      exitCode: 0,
      capture: { JOIN: /^ {4}(docker swarm join --token \S+ 192\.168\.\d+\.\d+:2377)$/ },
    },
  },
  { host: 'host2', cmd: '${JOIN}', expect: { stdout: 'This node joined a swarm as a worker.\n' } },
  { host: 'host3', cmd: '${JOIN}', expect: { stdout: 'This node joined a swarm as a worker.\n' } },
];

test('the default overlay network: a published nginx service answers on every node', () => {
  runScenario({
    name: 'overlay services (default overlay)',
    source: 'docs.docker.com/engine/network/tutorials/overlay/#use-the-default-overlay-network',
    hosts: ['host1', 'host2', 'host3'],
    steps: [
      ...JOIN_STEPS,
      {
        host: 'host1',
        cmd: 'docker network create -d overlay nginx-net',
        expect: { stdout: /^[0-9a-z]{25}\n$/ },
      },
      {
        host: 'host1',
        cmd: 'docker service create --name my-nginx --publish target=80,published=80 --replicas=5 --network nginx-net nginx',
        expect: {
          exitCode: 0,
          stdoutHas: [
            /^[0-9a-z]{25}\noverall progress: 0 out of 5 tasks\n1\/5: {2}\n2\/5: {2}\n3\/5: {2}\n4\/5: {2}\n5\/5: {2}\noverall progress: 5 out of 5 tasks\nverify: Waiting 5 seconds to verify that tasks are stable\.\.\.\n/,
            /^verify: Waiting 1 seconds to verify that tasks are stable\.\.\.\nverify: Service [0-9a-z]{25} converged\n$/,
          ],
        },
      },
      {
        host: 'host1',
        cmd: 'docker service ls',
        expect: {
          stdoutHas: [
            /^ID {13}NAME {7}MODE {9}REPLICAS {3}IMAGE {10}PORTS$/,
            /^[0-9a-z]{12} {3}my-nginx {3}replicated {3}5\/5 {8}nginx:latest {3}\*:80->80\/tcp$/,
          ],
        },
      },
      {
        host: 'host1',
        cmd: 'docker service ps my-nginx --format "{{.Name}} {{.Node}} {{.DesiredState}} {{.CurrentState}}"',
        expect: {
          stdout:
            /^my-nginx\.1 host1 Running Running \d+ seconds? ago\nmy-nginx\.2 host2 Running Running .*\nmy-nginx\.3 host3 Running .*\nmy-nginx\.4 host1 .*\nmy-nginx\.5 host2 .*\n$/,
        },
      },
      {
        host: 'host2',
        cmd: 'docker ps --format "{{.Names}}"',
        expect: { stdout: /^my-nginx\.5\.[0-9a-z]{25}\nmy-nginx\.2\.[0-9a-z]{25}\n$/ },
      },
      {
        host: 'host3',
        cmd: 'docker network inspect nginx-net --format "{{.Name}} {{.Scope}} {{len .Containers}}"',
        expect: { stdout: 'nginx-net swarm 1\n' },
      },
      {
        host: 'host1',
        cmd: 'docker service inspect my-nginx --format "{{.Spec.EndpointSpec.Mode}} {{(index .Endpoint.Ports 0).PublishedPort}} {{len .Endpoint.VirtualIPs}}"',
        expect: { stdout: 'vip 80 2\n' },
      },
      {
        host: 'host3',
        cmd: 'curl -s localhost:80 | grep title',
        expect: { exitCode: 0, stdout: '<title>Welcome to nginx!</title>\n' },
      },
      {
        host: 'host2',
        cmd: 'iptables -t nat -S DOCKER-INGRESS',
        expect: {
          stdout:
            '-N DOCKER-INGRESS\n-A DOCKER-INGRESS -p tcp -m tcp --dport 80 -j DNAT --to-destination 172.18.0.2:80\n-A DOCKER-INGRESS -j RETURN\n',
        },
      },
      { host: 'host1', cmd: 'docker service rm my-nginx', expect: { stdout: 'my-nginx\n' } },
      { host: 'host2', cmd: 'docker ps -q', expect: { stdout: '' } },
      { host: 'host1', cmd: 'docker network rm nginx-net', expect: { stdout: 'nginx-net\n' } },
    ],
  });
});

test('a user-defined overlay network: VIP, tasks.<service> and round-robin balancing', () => {
  runScenario({
    name: 'overlay services (user-defined overlay)',
    source: 'docs.docker.com/engine/network/tutorials/overlay/#use-a-user-defined-overlay-network',
    hosts: ['host1', 'host2', 'host3'],
    steps: [
      ...JOIN_STEPS,
      { host: 'host1', cmd: 'docker network create -d overlay my-overlay', expect: { exitCode: 0 } },
      {
        host: 'host1',
        cmd: 'docker service create -d --name web --replicas 3 --network my-overlay traefik/whoami',
        expect: { stdout: /^[0-9a-z]{25}\n$/ },
      },
      {
        host: 'host1',
        cmd: 'docker service create -q --name client --mode global --network my-overlay nicolaka/netshoot sleep 1d',
        expect: { stdout: /^[0-9a-z]{25}\n$/ },
      },
      {
        host: 'host2',
        cmd: 'docker ps -q --filter name=client',
        expect: { capture: { C: /^([0-9a-f]{12})$/ } },
      },
      {
        host: 'host2',
        cmd: 'docker exec ${C} dig +short web',
        expect: { stdout: '10.0.1.2\n' },
      },
      {
        host: 'host2',
        cmd: 'docker exec ${C} dig +short tasks.web',
        expect: { stdout: '10.0.1.3\n10.0.1.4\n10.0.1.5\n' },
      },
      {
        host: 'host2',
        cmd: 'for i in 1 2 3; do docker exec ${C} curl -s web | grep ^IP: | grep 10.0.1; done',
        expect: { stdout: 'IP: 10.0.1.3\nIP: 10.0.1.4\nIP: 10.0.1.5\n' },
      },
      {
        host: 'host1',
        cmd: 'docker service create -d --name rr --endpoint-mode dnsrr --replicas 2 --network my-overlay traefik/whoami',
        expect: { exitCode: 0 },
      },
      {
        host: 'host2',
        cmd: 'docker exec ${C} dig +short rr',
        expect: { stdout: /^10\.0\.1\.\d+\n10\.0\.1\.\d+\n$/ },
      },
      {
        host: 'host1',
        cmd: 'docker service scale web=1',
        expect: {
          stdoutHas: [
            /^web scaled to 1\noverall progress: 0 out of 1 tasks\n1\/1: {2}\n/,
            'verify: Service web converged\n',
          ],
        },
      },
      { host: 'host2', cmd: 'docker exec ${C} dig +short tasks.web', expect: { stdout: '10.0.1.3\n' } },
      { host: 'host1', cmd: 'docker service rm web rr client', expect: { stdout: 'web\nrr\nclient\n' } },
    ],
  });
});

test('draining a node moves its tasks; node errors', () => {
  runScenario({
    name: 'overlay services (drain)',
    source: 'docs.docker.com/engine/swarm/swarm-tutorial/drain-node/',
    hosts: ['host1', 'host2', 'host3'],
    steps: [
      ...JOIN_STEPS,
      {
        host: 'host1',
        cmd: 'docker service create -q --name redis --replicas 3 redis:8',
        expect: { exitCode: 0 },
      },
      { host: 'host1', cmd: 'docker node update --availability drain host2', expect: { stdout: 'host2\n' } },
      {
        host: 'host1',
        cmd: 'docker service ps redis --format "{{.Name}} {{.Node}} {{.DesiredState}}"',
        expect: {
          stdout:
            'redis.1 host1 Running\nredis.2 host1 Running\nredis.2 host2 Shutdown\nredis.3 host3 Running\n',
        },
      },
      {
        host: 'host1',
        cmd: 'docker node ls --format "{{.Hostname}} {{.Status}} {{.Availability}}"',
        expect: { stdout: 'host1 Ready Active\nhost2 Ready Drain\nhost3 Ready Active\n' },
      },
      {
        host: 'host1',
        cmd: 'docker node demote host1',
        expect: {
          exitCode: 1,
          stderr:
            'Error response from daemon: rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm\n',
        },
      },
      {
        host: 'host2',
        cmd: 'docker service ls',
        expect: { exitCode: 1, stderrHas: ['This node is not a swarm manager.'] },
      },
      {
        host: 'host1',
        cmd: 'docker node promote host2',
        expect: { stdout: 'Node host2 promoted to a manager in the swarm.\n' },
      },
      { host: 'host2', cmd: 'docker service ls -q', expect: { stdout: /^[0-9a-z]{12}\n$/ } },
    ],
  });
});
