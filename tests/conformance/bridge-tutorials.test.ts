// Docker's networking tutorials for the default bridge and a user-defined bridge, as steps:
// https://docs.docker.com/engine/network/tutorials/standalone/
import { test } from 'node:test';
import { type Expect, ID64, runScenario } from './harness.ts';

const FRESH_LS =
  /^NETWORK ID {5}NAME {6}DRIVER {4}SCOPE\n[0-9a-f]{12} {3}bridge {4}bridge {4}local\n[0-9a-f]{12} {3}host {6}host {6}local\n[0-9a-f]{12} {3}none {6}null {6}local\n$/;

const pingOk = (name: string, ip: string): Expect => ({
  exitCode: 0,
  stdoutHas: [
    `PING ${name} (${ip}): 56 data bytes`,
    new RegExp(`^64 bytes from ${ip.replace(/\./g, '\\.')}: seq=0 ttl=64 time=\\d+\\.\\d{3} ms$`),
    `--- ${name} ping statistics ---`,
    '2 packets transmitted, 2 packets received, 0% packet loss',
    /^round-trip min\/avg\/max = [\d.]+\/[\d.]+\/[\d.]+ ms$/,
  ],
});
const pingInternet: Expect = {
  exitCode: 0,
  stdoutHas: [
    /^PING google\.com \((\d+\.){3}\d+\): 56 data bytes$/,
    /^64 bytes from (\d+\.){3}\d+: seq=1 ttl=\d+ time=[\d.]+ ms$/,
    '2 packets transmitted, 2 packets received, 0% packet loss',
  ],
};
const badAddress = (name: string): Expect => ({
  exitCode: 1,
  stdout: '',
  stderr: `ping: bad address '${name}'\n`,
});

test('use the default bridge network', () => {
  runScenario({
    name: 'default bridge',
    source: 'docs.docker.com/engine/network/tutorials/standalone/#use-the-default-bridge-network',
    steps: [
      { cmd: 'docker network ls', expect: { exitCode: 0, stdout: FRESH_LS } },
      { cmd: 'docker run -dit --name alpine1 alpine ash', expect: { exitCode: 0, stdout: ID64 } },
      { cmd: 'docker run -dit --name alpine2 alpine ash', expect: { exitCode: 0, stdout: ID64 } },
      {
        cmd: 'docker container ls',
        expect: {
          exitCode: 0,
          stdout:
            /^CONTAINER ID {3}IMAGE {5}COMMAND {3}CREATED +STATUS +PORTS {5}NAMES\n[0-9a-f]{12} {3}alpine {4}"ash" {5}.+ ago +Up .+ +alpine2\n[0-9a-f]{12} {3}alpine {4}"ash" {5}.+ ago +Up .+ +alpine1\n$/,
        },
      },
      {
        cmd: 'docker network inspect bridge',
        expect: {
          exitCode: 0,
          json: [
            ['0.Name', 'bridge'],
            ['0.IPAM.Config', [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }]],
            [
              '0.Options',
              {
                'com.docker.network.bridge.default_bridge': 'true',
                'com.docker.network.bridge.enable_icc': 'true',
                'com.docker.network.bridge.enable_ip_masquerade': 'true',
                'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
                'com.docker.network.bridge.name': 'docker0',
                'com.docker.network.driver.mtu': '1500',
              },
            ],
          ],
          stdoutHas: [
            /"Name": "alpine1",\n\s+"EndpointID": "[0-9a-f]{64}",\n\s+"MacAddress": "[0-9a-f:]{17}",\n\s+"IPv4Address": "172\.17\.0\.2\/16",\n\s+"IPv6Address": ""/,
            /"IPv4Address": "172\.17\.0\.3\/16"/,
          ],
        },
      },
      {
        cmd: 'docker attach alpine1',
        expect: { exitCode: 0 },
      },
      {
        cmd: 'ip addr show',
        expect: {
          exitCode: 0,
          stdoutHas: [
            /^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000$/,
            /^ {4}inet 127\.0\.0\.1\/8 scope host lo$/,
            /^\d+: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP(,M-DOWN)?> mtu 1500 qdisc noqueue state UP( qlen 1000| )?$/,
            /^ {4}inet 172\.17\.0\.2\/16 (brd 172\.17\.255\.255 )?scope global eth0$/,
          ],
        },
      },
      { cmd: 'ping -c 2 google.com', expect: pingInternet },
      { cmd: 'ping -c 2 172.17.0.3', expect: pingOk('172.17.0.3', '172.17.0.3') },
      { cmd: 'ping -c 2 alpine2', expect: badAddress('alpine2') },
      // ash's `exit` returns the last command's status: the failed ping's 1 ends the container.
      { cmd: 'exit', expect: { exitCode: 1 } },
      {
        cmd: 'docker container ls -a --format "{{.Names}} {{.Status}}"',
        expect: { stdout: /^alpine2 Up .+\nalpine1 Exited \(1\) .+ ago\n$/ },
      },
      { cmd: 'docker container stop alpine1 alpine2', expect: { exitCode: 0, stdout: 'alpine1\nalpine2\n' } },
      { cmd: 'docker container rm alpine1 alpine2', expect: { exitCode: 0, stdout: 'alpine1\nalpine2\n' } },
      {
        cmd: 'docker container ls -a',
        expect: {
          exitCode: 0,
          stdout: 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
        },
      },
    ],
  });
});

test('use user-defined bridge networks', () => {
  runScenario({
    name: 'user-defined bridge',
    source: 'docs.docker.com/engine/network/tutorials/standalone/#use-user-defined-bridge-networks',
    steps: [
      { cmd: 'docker network create --driver bridge alpine-net', expect: { exitCode: 0, stdout: ID64 } },
      {
        cmd: 'docker network ls',
        expect: {
          stdout:
            /^NETWORK ID {5}NAME {9}DRIVER {4}SCOPE\n[0-9a-f]{12} {3}alpine-net {3}bridge {4}local\n[0-9a-f]{12} {3}bridge {7}bridge {4}local\n[0-9a-f]{12} {3}host {9}host {6}local\n[0-9a-f]{12} {3}none {9}null {6}local\n$/,
        },
      },
      {
        cmd: 'docker network inspect alpine-net',
        expect: {
          json: [
            [
              '0.IPAM',
              {
                Driver: 'default',
                Options: {},
                Config: [{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }],
              },
            ],
            ['0.Containers', {}],
            ['0.Options', {}],
            ['0.Labels', {}],
            ['0.EnableIPv4', true],
            ['0.EnableIPv6', false],
          ],
        },
      },
      { cmd: 'docker run -dit --name alpine1 --network alpine-net alpine ash', expect: { stdout: ID64 } },
      { cmd: 'docker run -dit --name alpine2 --network alpine-net alpine ash', expect: { stdout: ID64 } },
      { cmd: 'docker run -dit --name alpine3 alpine ash', expect: { stdout: ID64 } },
      { cmd: 'docker run -dit --name alpine4 --network alpine-net alpine ash', expect: { stdout: ID64 } },
      { cmd: 'docker network connect bridge alpine4', expect: { exitCode: 0, stdout: '', stderr: '' } },
      {
        cmd: 'docker network inspect bridge --format "{{range .Containers}}{{.Name}}={{.IPv4Address}} {{end}}"',
        expect: {
          stdout:
            /^(alpine3=172\.17\.0\.2\/16 alpine4=172\.17\.0\.3\/16|alpine4=172\.17\.0\.3\/16 alpine3=172\.17\.0\.2\/16) \n$/,
        },
      },
      {
        cmd: 'docker inspect -f "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}" alpine4',
        expect: { stdout: '172.18.0.4 172.17.0.3 \n' },
      },
      { cmd: 'docker exec -it alpine1 sh', expect: { exitCode: 0, stdout: '' } },
      { cmd: 'ping -c 2 alpine2', expect: pingOk('alpine2', '172.18.0.3') },
      { cmd: 'ping -c 2 alpine4', expect: pingOk('alpine4', '172.18.0.4') },
      { cmd: 'ping -c 2 alpine1', expect: pingOk('alpine1', '172.18.0.2') },
      { cmd: 'ping -c 2 alpine3', expect: badAddress('alpine3') },
      {
        cmd: 'ping -c 2 -W 1 172.17.0.2',
        expect: {
          exitCode: 1,
          stdout:
            'PING 172.17.0.2 (172.17.0.2): 56 data bytes\n\n--- 172.17.0.2 ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n',
        },
      },
      { cmd: 'exit' },
      { cmd: 'docker exec -it alpine4 sh', expect: { exitCode: 0, stdout: '' } },
      { cmd: 'ping -c 2 alpine1', expect: pingOk('alpine1', '172.18.0.2') },
      { cmd: 'ping -c 2 alpine3', expect: badAddress('alpine3') },
      { cmd: 'ping -c 2 172.17.0.2', expect: pingOk('172.17.0.2', '172.17.0.2') },
      { cmd: 'ping -c 2 google.com', expect: pingInternet },
      { cmd: 'exit' },
      { cmd: 'docker exec alpine3 ping -c 2 google.com', expect: pingInternet },
      {
        cmd: 'docker container stop alpine1 alpine2 alpine3 alpine4',
        expect: { stdout: 'alpine1\nalpine2\nalpine3\nalpine4\n' },
      },
      {
        cmd: 'docker container rm alpine1 alpine2 alpine3 alpine4',
        expect: { stdout: 'alpine1\nalpine2\nalpine3\nalpine4\n' },
      },
      { cmd: 'docker network rm alpine-net', expect: { exitCode: 0, stdout: 'alpine-net\n' } },
      { cmd: 'docker network ls', expect: { stdout: FRESH_LS } },
    ],
  });
});
