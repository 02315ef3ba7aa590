// Swarm's node and service housekeeping on three hosts, as Docker's docs tell it, and the error
// each wrong move gets: moving a service to another overlay network (the overlay tutorial's
// `service update --network-add … --network-rm …`), `node ps`, `node rm` of a node that is up, of
// a manager and after `swarm leave`, `service update` mistakes, and swarm-scoped networks.
// https://docs.docker.com/engine/network/tutorials/overlay/#use-the-default-overlay-network
// https://docs.docker.com/engine/swarm/swarm-tutorial/drain-node/
// https://docs.docker.com/reference/cli/docker/node/rm/
// Error texts: swarmkit manager/controlapi/{node,service,network}.go, docker/cli
// cli/command/service/update.go, libnetwork controller.go (v28.2.2).
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

test('moving a service to another overlay network redeploys its tasks', () => {
  runScenario({
    name: 'service update --network-add/--network-rm',
    source: 'docs.docker.com/engine/network/tutorials/overlay/#use-the-default-overlay-network',
    hosts: ['host1', 'host2', 'host3'],
    steps: [
      ...JOIN_STEPS,
      { cmd: 'docker network create -d overlay nginx-net', expect: { exitCode: 0 } },
      {
        cmd: 'docker service create -d --name my-nginx --publish target=80,published=80 --replicas=3 --network nginx-net nginx',
        expect: { exitCode: 0 },
      },
      { cmd: 'docker network create -d overlay nginx-net-2', expect: { exitCode: 0 } },
      {
        cmd: 'docker service update --network-add nginx-net-2 --network-rm nginx-net my-nginx',
        expect: {
          exitCode: 0,
          stdoutHas: [
            /^my-nginx\noverall progress: 0 out of 3 tasks\n1\/3: {2}\n2\/3: {2}\n3\/3: {2}\noverall progress: 3 out of 3 tasks\n/,
            /\nverify: Service my-nginx converged\n$/,
          ],
        },
      },
      {
        cmd: 'docker service ls --format "{{.Name}} {{.Replicas}} {{.Ports}}"',
        expect: { stdout: 'my-nginx 3/3 *:80->80/tcp\n' },
      },
      {
        cmd: 'docker service ps my-nginx --format "{{.Name}} {{.Node}} {{.DesiredState}}"',
        expect: {
          stdout:
            'my-nginx.1 host1 Running\nmy-nginx.1 host1 Shutdown\nmy-nginx.2 host2 Running\nmy-nginx.2 host2 Shutdown\nmy-nginx.3 host3 Running\nmy-nginx.3 host3 Shutdown\n',
        },
      },
      {
        cmd: 'docker network inspect nginx-net --format "{{len .Containers}}"',
        expect: { stdout: '0\n' },
      },
      {
        host: 'host2',
        cmd: 'docker network inspect nginx-net-2 --format "{{range .Containers}}{{.Name}}{{end}}"',
        expect: { stdout: /^my-nginx\.2\.[0-9a-z]{25}\n$/ },
      },
      {
        cmd: 'docker service inspect my-nginx --format "{{.UpdateStatus.State}} {{len .Spec.TaskTemplate.Networks}} {{len .PreviousSpec.TaskTemplate.Networks}}"',
        expect: { stdout: 'completed 1 1\n' },
      },
      {
        cmd: 'docker service update --network-add nginx-net-2 my-nginx',
        expect: { exitCode: 1, stdout: '', stderr: 'service is already attached to network nginx-net-2\n' },
      },
      {
        cmd: 'docker service update --network-add bridge my-nginx',
        expect: { exitCode: 1, stderr: 'Error response from daemon: network bridge not found\n' },
      },
      {
        cmd: 'docker service create -d --name other -p 80:8080 nginx',
        expect: {
          exitCode: 1,
          stderr:
            /^Error response from daemon: rpc error: code = InvalidArgument desc = port '80' is already in use by service 'my-nginx' \([0-9a-z]{25}\) as an ingress port\n$/,
        },
      },
      {
        cmd: 'docker service update -d --publish-rm 80 --publish-add 8080:80 my-nginx',
        expect: { stdout: 'my-nginx\n' },
      },
      {
        host: 'host3',
        cmd: 'iptables -t nat -S DOCKER-INGRESS',
        expect: {
          stdout:
            '-N DOCKER-INGRESS\n-A DOCKER-INGRESS -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.18.0.2:8080\n-A DOCKER-INGRESS -j RETURN\n',
        },
      },
      {
        host: 'host3',
        cmd: 'curl -s localhost:8080 | grep title',
        expect: { stdout: '<title>Welcome to nginx!</title>\n' },
      },
      { cmd: 'docker service rm my-nginx', expect: { stdout: 'my-nginx\n' } },
      { cmd: 'docker network rm nginx-net nginx-net-2', expect: { stdout: 'nginx-net\nnginx-net-2\n' } },
    ],
  });
});

test('node ps lists a node’s tasks; node rm needs the node down, or --force, and never a manager', () => {
  runScenario({
    name: 'node ps and node rm',
    source: 'docs.docker.com/reference/cli/docker/node/rm/',
    hosts: ['host1', 'host2', 'host3'],
    steps: [
      {
        cmd: 'docker node ps',
        expect: {
          exitCode: 1,
          stderr:
            'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n',
        },
      },
      ...JOIN_STEPS,
      { cmd: 'docker service create -d --name redis --replicas 3 nginx:alpine', expect: { exitCode: 0 } },
      {
        cmd: 'docker node ps',
        expect: {
          stdout:
            /^ID {13}NAME {6}IMAGE {10}NODE {6}DESIRED STATE {3}CURRENT STATE {11}ERROR {5}PORTS\n[0-9a-z]{12} {3}redis\.1 {3}nginx:alpine {3}host1 {5}Running {9}Running \d seconds ago {13}\n$/,
        },
      },
      {
        cmd: 'docker node ps -q --no-trunc host2',
        expect: { stdout: /^[0-9a-z]{25}\n$/ },
      },
      {
        host: 'host2',
        cmd: 'docker node ps',
        expect: {
          exitCode: 1,
          stderr:
            "Error response from daemon: This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.\n",
        },
      },
      {
        cmd: 'docker node ps --filter desired-state=gone',
        expect: { exitCode: 1, stderr: "Error response from daemon: Invalid desired-state filter: 'gone'\n" },
      },
      {
        cmd: 'docker node ps --filter color=blue',
        expect: { exitCode: 1, stderr: "Error response from daemon: invalid filter 'color'\n" },
      },
      {
        cmd: 'docker node ps nosuchnode',
        expect: { exitCode: 1, stderr: 'Error response from daemon: node nosuchnode not found\n' },
      },
      {
        cmd: 'docker node rm host2',
        expect: {
          exitCode: 1,
          stderr:
            /^Error response from daemon: rpc error: code = FailedPrecondition desc = node [0-9a-z]{25} is not down and can't be removed\n$/,
        },
      },
      {
        cmd: 'docker node rm --force host1',
        expect: {
          exitCode: 1,
          stderr:
            /^Error response from daemon: rpc error: code = FailedPrecondition desc = node [0-9a-z]{25} is a cluster manager and is a member of the raft cluster\. It must be demoted to worker before removal\n$/,
        },
      },
      { host: 'host3', cmd: 'docker swarm leave', expect: { stdout: 'Node left the swarm.\n' } },
      {
        cmd: 'docker node ls --format "{{.Hostname}} {{.Status}}"',
        expect: { stdout: 'host1 Ready\nhost2 Ready\nhost3 Down\n' },
      },
      { cmd: 'docker node rm host3', expect: { stdout: 'host3\n' } },
      {
        cmd: 'docker node rm host3 nosuchnode',
        expect: {
          exitCode: 1,
          stderr:
            'Error response from daemon: node host3 not found\nError response from daemon: node nosuchnode not found\n',
        },
      },
      { cmd: 'docker node rm --force host2', expect: { stdout: 'host2\n' } },
      {
        cmd: 'docker service ps redis --format "{{.Name}} {{.DesiredState}} {{.CurrentState}}" --filter desired-state=shutdown',
        expect: { stdout: /^redis\.2 Shutdown Orphaned \d+ seconds? ago\n/m },
      },
      {
        cmd: 'docker service ls --format "{{.Name}} {{.Replicas}}"',
        expect: { stdout: 'redis 3/3\n' },
      },
      {
        host: 'host2',
        cmd: 'docker info --format "{{.Swarm.LocalNodeState}}"',
        expect: { stdout: 'inactive\n' },
      },
    ],
  });
});

test('swarm-scoped networks: refused outside a swarm and on workers, listed from the cluster', () => {
  runScenario({
    name: 'network create --scope swarm',
    source: 'docs.docker.com/reference/cli/docker/network/create/#swarm',
    hosts: ['host1', 'host2'],
    steps: [
      {
        cmd: 'docker network create --scope swarm x',
        expect: {
          exitCode: 1,
          stderr:
            'Error response from daemon: cannot create a swarm scoped network when swarm is not active\n',
        },
      },
      ...JOIN_STEPS.slice(0, 2),
      { cmd: 'docker network create --scope swarm x', expect: { stdout: /^[0-9a-z]{25}\n$/ } },
      {
        cmd: 'docker network create x',
        expect: { exitCode: 1, stderr: 'Error response from daemon: network with name x already exists\n' },
      },
      {
        host: 'host2',
        cmd: 'docker network create --scope swarm y',
        expect: {
          exitCode: 1,
          stderr:
            'Error response from daemon: Cannot create a multi-host network from a worker node. Please create the network from a manager node.\n',
        },
      },
      {
        cmd: 'docker network ls --filter scope=swarm --format "{{.Name}} {{.Driver}} {{.Scope}}"',
        expect: { stdout: 'ingress overlay swarm\nx bridge swarm\n' },
      },
      { host: 'host2', cmd: 'docker network ls -q --filter name=^x$', expect: { stdout: '' } },
      {
        cmd: 'docker service create -d --name web --replicas 2 --network x nginx',
        expect: { exitCode: 0 },
      },
      {
        host: 'host2',
        cmd: 'docker network inspect x --format "{{.Scope}} {{.Driver}} {{len .Containers}}"',
        expect: { stdout: 'swarm bridge 1\n' },
      },
      {
        cmd: 'docker network rm x',
        expect: {
          exitCode: 1,
          stderrHas: [
            /^Error response from daemon: rpc error: code = FailedPrecondition desc = network [0-9a-z]{25} is in use by service [0-9a-z]{25}$/,
          ],
        },
      },
      { cmd: 'docker service rm web', expect: { stdout: 'web\n' } },
      { host: 'host2', cmd: 'docker network ls -q --filter name=^x$', expect: { stdout: '' } },
      { cmd: 'docker network rm x', expect: { stdout: 'x\n' } },
    ],
  });
});
