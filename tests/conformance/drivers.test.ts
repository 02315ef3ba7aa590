// Docker's tutorials for the host, none and macvlan drivers, as steps:
// https://docs.docker.com/engine/network/tutorials/host/
// https://docs.docker.com/engine/network/drivers/none/
// https://docs.docker.com/engine/network/tutorials/macvlan/
import { test } from 'node:test';
import { ID64, runScenario } from './harness.ts';

const NGINX_TITLE = '<title>Welcome to nginx!</title>';

test('networking using the host network', () => {
  runScenario({
    name: 'host network',
    source: 'docs.docker.com/engine/network/tutorials/host/',
    steps: [
      {
        cmd: 'ip addr show eth0',
        expect: { exitCode: 0, capture: { HOSTIP: /inet (\d+\.\d+\.\d+\.\d+)\/24/ } },
      },
      {
        cmd: 'docker run --rm -d --network host --name my_nginx nginx',
        expect: { exitCode: 0, stdout: ID64 },
      },
      { cmd: 'curl -s localhost:80', expect: { exitCode: 0, stdoutHas: [NGINX_TITLE] } },
      { cmd: 'curl -s http://${HOSTIP}/', expect: { exitCode: 0, stdoutHas: [NGINX_TITLE] } },
      { cmd: 'ss -ltnp | grep :80', expect: { exitCode: 0, stdoutHas: [/0\.0\.0\.0:80 .*nginx/] } },
      { cmd: 'ip link show', expect: { stdoutHas: [/^\d+: docker0: </], stdoutLacks: [/^\d+: veth/] } },
      {
        cmd: 'docker inspect -f "{{.HostConfig.NetworkMode}} [{{.NetworkSettings.Networks.host.IPAddress}}]" my_nginx',
        expect: { stdout: 'host []\n' },
      },
      {
        cmd: 'docker run -d --network host -p 8080:80 --name warn busybox top',
        expect: {
          exitCode: 0,
          stdout: ID64,
          stderr: /\nWARNING: Published ports are discarded when using host network mode\n$/,
        },
      },
      { cmd: 'docker run -d --network host --name nginx2 nginx', expect: { exitCode: 0, stdout: ID64 } },
      {
        cmd: 'docker logs nginx2',
        expect: {
          stderrHas: [
            'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)',
            'nginx: [emerg] still could not bind()',
          ],
        },
      },
      {
        cmd: 'docker ps -a --format "{{.Names}}: {{.Status}}"',
        expect: { stdoutHas: [/^nginx2: Exited \(1\) .+ ago$/, /^my_nginx: Up .+$/] },
      },
      {
        cmd: 'docker network disconnect host warn',
        expect: {
          exitCode: 1,
          stderr:
            'Error response from daemon: cannot disconnect container from host network - container was created in host network mode\n',
        },
      },
      { cmd: 'docker container stop my_nginx', expect: { exitCode: 0, stdout: 'my_nginx\n' } },
      { cmd: 'curl -s localhost:80', expect: { exitCode: 7, stdout: '' } },
    ],
  });
});

test('the none network', () => {
  runScenario({
    name: 'none network',
    source: 'docs.docker.com/engine/network/drivers/none/',
    steps: [
      {
        cmd: 'docker run --rm --network none --name no-net-alpine alpine:latest ip link show',
        expect: {
          exitCode: 0,
          stdoutHas: [
            /^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n {4}link\/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00$/,
          ],
          stdoutLacks: [/eth\d/],
        },
      },
      {
        cmd: 'docker run --rm --network none alpine ping -c 1 -W 1 8.8.8.8',
        expect: { exitCode: 1, stderr: /^ping: sendto: Network unreachable$/m },
      },
      {
        cmd: 'docker run --rm --network none alpine ping -c 1 google.com',
        expect: { exitCode: 1, stdout: '', stderr: "ping: bad address 'google.com'\n" },
      },
      { cmd: 'docker run -d --name isolated --network none busybox top', expect: { stdout: ID64 } },
      {
        cmd: 'docker inspect -f "{{json .NetworkSettings.Networks.none.IPAddress}} {{.HostConfig.NetworkMode}}" isolated',
        expect: { stdout: '"" none\n' },
      },
    ],
  });
});

test('macvlan in bridge mode', () => {
  runScenario({
    name: 'macvlan bridge',
    source: 'docs.docker.com/engine/network/tutorials/macvlan/#bridge-example',
    steps: [
      { cmd: 'ip addr show eth0', expect: { capture: { HOSTIP: /inet (\d+\.\d+\.\d+\.\d+)\/24/ } } },
      {
        cmd: 'docker network create -d macvlan --subnet=172.16.86.0/24 --gateway=172.16.86.1 -o parent=eth0 my-macvlan-net',
        expect: { exitCode: 0, stdout: ID64 },
      },
      {
        cmd: 'docker run --rm -dit --network my-macvlan-net --name my-macvlan-alpine alpine:latest ash',
        expect: { stdout: ID64 },
      },
      {
        cmd: 'docker container inspect my-macvlan-alpine',
        expect: {
          json: [
            ['0.NetworkSettings.Networks.my-macvlan-net.Gateway', '172.16.86.1'],
            ['0.NetworkSettings.Networks.my-macvlan-net.IPAddress', '172.16.86.2'],
            ['0.NetworkSettings.Networks.my-macvlan-net.IPPrefixLen', 24],
          ],
        },
      },
      {
        cmd: 'docker exec my-macvlan-alpine ip route',
        expect: {
          stdout: 'default via 172.16.86.1 dev eth0 \n172.16.86.0/24 dev eth0 scope link  src 172.16.86.2 \n',
        },
      },
      {
        cmd: 'docker run --rm --network my-macvlan-net alpine ping -c 1 172.16.86.2',
        expect: { exitCode: 0, stdoutHas: ['1 packets transmitted, 1 packets received, 0% packet loss'] },
      },
      { cmd: 'ping -c 1 -W 1 172.16.86.2', expect: { exitCodeNot: 0, stdoutHas: ['100% packet loss'] } },
      {
        cmd: 'docker exec my-macvlan-alpine ping -c 1 -W 1 ${HOSTIP}',
        expect: { exitCode: 1, stdoutHas: ['1 packets transmitted, 0 packets received, 100% packet loss'] },
      },
      { cmd: 'docker container stop my-macvlan-alpine', expect: { stdout: 'my-macvlan-alpine\n' } },
      { cmd: 'docker network rm my-macvlan-net', expect: { stdout: 'my-macvlan-net\n' } },
      {
        cmd: 'docker network create -d macvlan --subnet=172.16.86.0/24 --gateway=172.16.86.1 -o parent=eth0.10 my-8021q-macvlan-net',
        expect: { exitCode: 0, stdout: ID64 },
      },
      {
        cmd: 'ip link show eth0.10',
        expect: {
          exitCode: 0,
          stdoutHas: [/^\d+: eth0\.10@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 /],
        },
      },
      { cmd: 'docker network rm my-8021q-macvlan-net', expect: { stdout: 'my-8021q-macvlan-net\n' } },
      { cmd: 'ip link show eth0.10', expect: { exitCode: 1, stderr: 'Device "eth0.10" does not exist.\n' } },
    ],
  });
});
