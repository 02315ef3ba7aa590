// Docker's overlay tutorial for standalone containers, on two hosts, plus swarm's refusals:
// https://docs.docker.com/engine/network/tutorials/overlay/#use-an-overlay-network-for-standalone-containers
// https://docs.docker.com/engine/network/drivers/overlay/
// Messages: docker/cli cli/command/swarm/*.go, moby/moby daemon/cluster/errors.go and cluster.go.
import { test } from 'node:test';
import { ID64, runScenario } from './harness.ts';

const BASE_LS = [
  /^NETWORK ID +NAME +DRIVER +SCOPE$/,
  /^[0-9a-f]{12} +docker_gwbridge +bridge +local$/,
  /^[0-9a-z]{12} +ingress +overlay +swarm$/,
];

test('overlay network for standalone containers on two hosts', () => {
  runScenario({
    name: 'overlay standalone',
    source: 'docs.docker.com/engine/network/tutorials/overlay/',
    hosts: ['host1', 'host2'],
    steps: [
      {
        host: 'host1',
        cmd: 'docker swarm init',
        expect: {
          exitCode: 0,
          stdoutHas: [
            /^Swarm initialized: current node \([0-9a-z]{25}\) is now a manager\.\n\nTo add a worker/,
            "\n\nTo add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n\n",
          ],
          capture: {
            JOIN: /^ {4}(docker swarm join --token SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25} 192\.168\.\d+\.\d+:2377)$/,
          },
        },
      },
      {
        host: 'host2',
        cmd: '${JOIN}',
        expect: { exitCode: 0, stdout: 'This node joined a swarm as a worker.\n' },
      },
      { host: 'host2', cmd: 'docker network ls', expect: { stdoutHas: BASE_LS } },
      {
        host: 'host1',
        cmd: 'docker node ls',
        expect: {
          stdoutHas: [
            /^ID {28}HOSTNAME {3}STATUS {4}AVAILABILITY {3}MANAGER STATUS {3}ENGINE VERSION$/,
            /^[0-9a-z]{25} \* {3}host1 {6}Ready {5}Active {9}Leader {11}28\.2\.2$/,
            /^[0-9a-z]{25} {5}host2 {6}Ready {5}Active {26}28\.2\.2$/,
          ],
        },
      },
      {
        host: 'host1',
        cmd: 'docker network create --driver=overlay --attachable test-net',
        expect: { exitCode: 0, stdout: /^[0-9a-z]{25}\n$/ },
      },
      {
        host: 'host1',
        cmd: 'docker network inspect test-net',
        expect: {
          json: [
            ['0.Scope', 'swarm'],
            ['0.Driver', 'overlay'],
            ['0.Attachable', true],
            ['0.IPAM.Config.0.Subnet', '10.0.1.0/24'],
            ['0.IPAM.Config.0.Gateway', '10.0.1.1'],
            [['0', 'Options', 'com.docker.network.driver.overlay.vxlanid_list'], '4097'],
          ],
        },
      },
      {
        host: 'host1',
        cmd: 'docker run -dit --name alpine1 --network test-net alpine',
        expect: { stdout: ID64 },
      },
      { host: 'host2', cmd: 'docker network ls', expect: { stdoutLacks: [/ test-net /] } },
      {
        host: 'host2',
        cmd: 'docker run -dit --name alpine2 --network test-net alpine',
        expect: { stdout: ID64 },
      },
      {
        host: 'host2',
        cmd: 'docker inspect -f \'{{(index .NetworkSettings.Networks "test-net").IPAddress}}\' alpine2',
        expect: { exitCode: 0, stdout: /^10\.0\.1\.\d+\n$/ },
      },
      {
        host: 'host2',
        cmd: 'docker exec alpine2 ip -4 addr',
        expect: {
          stdoutHas: [
            /^\d+: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1450 /,
            /inet 10\.0\.1\.\d+\/24 brd 10\.0\.1\.255 scope global eth0$/,
            /inet 172\.18\.0\.\d+\/16 brd 172\.18\.255\.255 scope global eth1$/,
          ],
        },
      },
      {
        host: 'host2',
        cmd: 'docker network ls',
        expect: { stdoutHas: [/^[0-9a-z]{12} +test-net +overlay +swarm$/] },
      },
      {
        host: 'host1',
        cmd: 'docker exec alpine1 ping -c 2 alpine2',
        expect: {
          exitCode: 0,
          stdoutHas: [
            /^PING alpine2 \(10\.0\.1\.\d+\): 56 data bytes$/,
            '2 packets received, 0% packet loss',
          ],
        },
      },
      {
        host: 'host2',
        cmd: 'docker run --rm --network test-net alpine ping -c 1 alpine1',
        expect: { exitCode: 0, stdoutHas: ['1 packets received, 0% packet loss'] },
      },
      {
        host: 'host2',
        cmd: 'docker exec alpine2 ping -c 1 google.com',
        expect: { exitCode: 0, stdoutHas: ['1 packets received, 0% packet loss'] },
      },
      { host: 'host2', cmd: 'iptables -A INPUT -p udp --dport 4789 -j DROP', expect: { exitCode: 0 } },
      {
        host: 'host1',
        cmd: 'docker exec alpine1 ping -c 1 -W 1 alpine2',
        expect: { exitCode: 1, stdoutHas: ['1 packets transmitted, 0 packets received, 100% packet loss'] },
      },
      { host: 'host2', cmd: 'iptables -D INPUT -p udp --dport 4789 -j DROP', expect: { exitCode: 0 } },
      { host: 'host2', cmd: 'docker rm -f alpine2', expect: { stdout: 'alpine2\n' } },
      { host: 'host2', cmd: 'docker network ls', expect: { stdoutLacks: [/ test-net /] } },
      { host: 'host1', cmd: 'docker rm -f alpine1', expect: { stdout: 'alpine1\n' } },
      { host: 'host1', cmd: 'docker network rm test-net', expect: { exitCode: 0, stdout: 'test-net\n' } },
      {
        host: 'host1',
        cmd: 'docker network ls',
        expect: { stdoutHas: BASE_LS, stdoutLacks: [/ test-net /] },
      },
    ],
  });
});

const NOT_IN_SWARM =
  'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n';

test("swarm refuses the wrong moves with Docker's messages", () => {
  runScenario({
    name: 'swarm errors',
    source: 'moby/moby daemon/cluster/errors.go, cluster.go; docker/cli cli/command/swarm',
    hosts: ['host1', 'host2'],
    steps: [
      { host: 'host1', cmd: 'docker node ls', expect: { exitCode: 1, stderr: NOT_IN_SWARM } },
      {
        host: 'host1',
        cmd: 'docker network create -d overlay ov',
        expect: { exitCode: 1, stderr: NOT_IN_SWARM },
      },
      {
        host: 'host1',
        cmd: 'docker swarm leave',
        expect: { exitCode: 1, stderr: 'Error response from daemon: This node is not part of a swarm\n' },
      },
      { host: 'host1', cmd: 'docker swarm init', expect: { exitCode: 0 } },
      {
        host: 'host1',
        cmd: 'docker swarm init',
        expect: {
          exitCode: 1,
          stderr:
            'Error response from daemon: This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.\n',
        },
      },
      {
        host: 'host1',
        cmd: 'docker swarm join-token -q worker',
        expect: { capture: { TOKEN: /^(SWMTKN-1-\S+)$/, DIGEST: /^SWMTKN-1-([0-9a-z]{50})-/ } },
      },
      {
        host: 'host1',
        cmd: 'docker swarm join-token boss',
        expect: { exitCode: 1, stderr: 'unknown role boss\n' },
      },
      {
        host: 'host2',
        cmd: 'docker swarm join --token SWMTKN-1-nope 192.168.1.11:2377',
        expect: { exitCode: 1, stderr: 'Error response from daemon: invalid join token\n' },
      },
      {
        host: 'host2',
        cmd: 'docker swarm join --token SWMTKN-1-${DIGEST}-0123456789abcdefghijklmno 192.168.1.11:2377',
        expect: {
          exitCode: 1,
          stderr:
            'Error response from daemon: rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster\n',
        },
      },
      { host: 'host1', cmd: 'iptables -A INPUT -p tcp --dport 2377 -j DROP', expect: { exitCode: 0 } },
      {
        host: 'host2',
        cmd: 'docker swarm join --token ${TOKEN} 192.168.1.11:2377',
        expect: {
          exitCode: 1,
          stderr: /^Error response from daemon: Timeout was reached before node joined\. /,
        },
      },
      { host: 'host1', cmd: 'iptables -F INPUT', expect: { exitCode: 0 } },
      { host: 'host2', cmd: 'docker swarm join --token ${TOKEN} 192.168.1.11:2377', expect: { exitCode: 0 } },
      {
        host: 'host2',
        cmd: 'docker network create -d overlay ov',
        expect: {
          exitCode: 1,
          // daemon/network.go checks IsManager before libnetwork's worker message is reached
          stderr:
            'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n',
        },
      },
      {
        host: 'host2',
        cmd: 'docker node ls',
        expect: {
          exitCode: 1,
          stderr:
            "Error response from daemon: This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.\n",
        },
      },
      {
        host: 'host1',
        cmd: 'docker swarm leave',
        expect: {
          exitCode: 1,
          stderr:
            'Error response from daemon: You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message.\n',
        },
      },
      { host: 'host2', cmd: 'docker swarm leave', expect: { exitCode: 0, stdout: 'Node left the swarm.\n' } },
      { host: 'host1', cmd: 'docker node ls', expect: { stdoutHas: [/ host2 +Down +Active +28\.2\.2$/] } },
      {
        host: 'host1',
        cmd: 'docker swarm leave --force',
        expect: { exitCode: 0, stdout: 'Node left the swarm.\n' },
      },
      { host: 'host1', cmd: 'docker info -f "{{.Swarm.LocalNodeState}}"', expect: { stdout: 'inactive\n' } },
    ],
  });
});
