// Port publishing, network errors and prune, from Docker's docs and moby's integration tests:
// https://docs.docker.com/engine/network/port-publishing/ · docker/cli docs network_prune.md ·
// moby integration-cli docker_cli_network_unix_test.go
import { test } from 'node:test';
import { ID64, runScenario } from './harness.ts';

const NGINX_TITLE = '<title>Welcome to nginx!</title>';

test('publishing ports', () => {
  runScenario({
    name: 'published ports',
    source: 'docs.docker.com/engine/network/port-publishing/',
    steps: [
      { cmd: 'docker network create my-net', expect: { stdout: ID64 } },
      {
        cmd: 'docker run -d --name my-nginx --network my-net -p 8080:80 nginx',
        expect: { exitCode: 0, stdout: ID64 },
      },
      { cmd: 'docker port my-nginx', expect: { stdoutHas: [/^80\/tcp -> 0\.0\.0\.0:8080$/] } },
      { cmd: 'docker port my-nginx 80', expect: { stdoutHas: [/^0\.0\.0\.0:8080$/] } },
      {
        cmd: 'docker ps --format "{{.Names}} {{.Ports}}"',
        expect: { stdoutHas: [/^my-nginx 0\.0\.0\.0:8080->80\/tcp/] },
      },
      { cmd: 'curl -s http://localhost:8080', expect: { exitCode: 0, stdoutHas: [NGINX_TITLE] } },
      {
        cmd: 'docker run --rm --network my-net busybox wget -qO- http://my-nginx',
        expect: { exitCode: 0, stdoutHas: [NGINX_TITLE] },
      },
      {
        cmd: 'docker run -d --name my-nginx2 -p 8080:80 nginx',
        expect: {
          exitCode: 125,
          stdout: ID64,
          stderr:
            /^docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint my-nginx2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n\nRun 'docker run --help' for more information\n$/,
        },
      },
      {
        cmd: 'docker ps -a --format "{{.Names}} {{.Status}}"',
        expect: { stdoutHas: [/^my-nginx2 Created$/] },
      },
      { cmd: 'curl -s http://localhost:8081', expect: { exitCode: 7, stdout: '' } },
      { cmd: 'docker run -d --name web-lo -p 127.0.0.1:8082:80 nginx', expect: { stdout: ID64 } },
      { cmd: 'docker port web-lo', expect: { stdout: '80/tcp -> 127.0.0.1:8082\n' } },
      { cmd: 'curl -s http://127.0.0.1:8082', expect: { exitCode: 0, stdoutHas: [NGINX_TITLE] } },
      { cmd: 'docker rm -f my-nginx', expect: { stdout: 'my-nginx\n' } },
      { cmd: 'curl -s http://localhost:8080', expect: { exitCode: 7, stdout: '' } },
    ],
  });
});

test('network errors', () => {
  const daemon = (msg: string) => `Error response from daemon: ${msg}\n`;
  runScenario({
    name: 'network errors',
    source: 'moby libnetwork/error.go, daemon/network.go; integration-cli network tests',
    steps: [
      { cmd: 'docker network create alpine-net', expect: { stdout: ID64 } },
      {
        cmd: 'docker network create alpine-net',
        expect: { exitCode: 1, stderr: daemon('network with name alpine-net already exists') },
      },
      { cmd: 'docker run -dit --name alpine1 --network alpine-net alpine ash', expect: { stdout: ID64 } },
      {
        cmd: 'docker network rm alpine-net',
        expect: {
          exitCode: 1,
          stderr:
            /^Error response from daemon: error while removing network: network alpine-net has active endpoints \(name:"alpine1" id:"[0-9a-f]{12}"\)\n/,
        },
      },
      {
        cmd: 'docker network rm bridge',
        expect: {
          exitCode: 1,
          stderr: /^Error response from daemon: bridge is a pre-defined network and cannot be removed\n/,
        },
      },
      {
        cmd: 'docker network create host',
        expect: { exitCode: 1, stderr: daemon('operation is not permitted on predefined host network') },
      },
      {
        cmd: 'docker network connect nosuchnet alpine1',
        expect: { exitCode: 1, stderr: daemon('network nosuchnet not found') },
      },
      { cmd: 'docker network rm -f nosuchnet', expect: { exitCode: 0, stdout: '', stderr: '' } },
      {
        cmd: 'docker network inspect nosuchnet',
        expect: { exitCode: 1, stdout: '[]\n', stderr: daemon('network nosuchnet not found') },
      },
      {
        cmd: 'docker network connect alpine-net alpine1',
        expect: {
          exitCode: 1,
          stderr: daemon('endpoint with name alpine1 already exists in network alpine-net'),
        },
      },
      {
        cmd: 'docker network disconnect bridge alpine1',
        expect: {
          exitCode: 1,
          stderr: /^Error response from daemon: container [0-9a-f]{64} is not connected to network bridge\n$/,
        },
      },
      {
        cmd: 'docker run --rm --network nosuchnet alpine true',
        expect: {
          exitCode: 125,
          stdout: '',
          stderr:
            /^docker: Error response from daemon: failed to set up container networking: network nosuchnet not found\n\nRun 'docker run --help' for more information\n$/,
        },
      },
      {
        cmd: 'docker network create --subnet 172.20.0.1/16 bad',
        expect: {
          exitCode: 1,
          stderr: daemon('invalid network config:\ninvalid subnet 172.20.0.1/16: it should be 172.20.0.0/16'),
        },
      },
      {
        cmd: 'docker network create --subnet 172.18.0.0/24 overlapping',
        expect: {
          exitCode: 1,
          stderr: daemon('invalid pool request: Pool overlaps with other one on this address space'),
        },
      },
      {
        cmd: 'docker run --rm --ip 172.17.0.9 alpine true',
        expect: {
          exitCode: 125,
          stderrHas: ['user specified IP address is supported on user defined networks only'],
        },
      },
      {
        cmd: 'docker run --rm --network-alias x alpine true',
        expect: {
          exitCode: 125,
          stderr:
            "docker: network-scoped aliases are only supported for user-defined networks\n\nRun 'docker run --help' for more information\n",
        },
      },
      { cmd: 'docker rm -f alpine1', expect: { stdout: 'alpine1\n' } },
      { cmd: 'docker network rm alpine-net', expect: { exitCode: 0, stdout: 'alpine-net\n', stderr: '' } },
      {
        cmd: 'docker network frobnicate',
        expect: { exitCode: 1, stderrHas: [/^docker: unknown command: docker network frobnicate$/] },
      },
      {
        cmd: 'docker network create --frob x',
        expect: {
          exitCode: 125,
          stderr:
            "unknown flag: --frob\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information\n",
        },
      },
    ],
  });
});

test('network prune', () => {
  runScenario({
    name: 'network prune',
    source: 'docker/cli docs/reference/commandline/network_prune.md',
    steps: [
      { cmd: 'docker network create n1', expect: { stdout: ID64 } },
      { cmd: 'docker network create n2', expect: { stdout: ID64 } },
      { cmd: 'docker network create n3', expect: { stdout: ID64 } },
      { cmd: 'docker run -d --name c3 --network n3 busybox top', expect: { stdout: ID64 } },
      { cmd: 'docker network prune -f', expect: { exitCode: 0, stdout: 'Deleted Networks:\nn1\nn2\n\n' } },
      { cmd: 'docker network prune -f', expect: { exitCode: 0, stdout: '' } },
      { cmd: 'docker rm -f c3', expect: { stdout: 'c3\n' } },
      { cmd: 'docker network prune -f', expect: { stdout: 'Deleted Networks:\nn3\n\n' } },
    ],
  });
});
