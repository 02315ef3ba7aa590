import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../index.ts';

test('docker build, push and pull move one image between hosts with its tools', () => {
  const sim = createWorld({ hosts: ['host1', 'host2'] });
  sim.writeFile(
    '/root/Dockerfile',
    'FROM alpine\nRUN apk add --no-cache curl\nCOPY index.html /srv/\nEXPOSE 80\nCMD ["sleep", "3600"]\n',
  );
  sim.writeFile('/root/index.html', 'hi\n');
  const b = sim.exec('docker build -t app .');
  assert.equal(b.exitCode, 0, b.stderr);
  assert.match(
    b.stderr,
    /^#0 building with "default" instance using docker driver\n\n#1 \[internal\] load build definition from Dockerfile\n/,
  );
  assert.match(b.stderr, /#6 \[2\/3\] RUN apk add --no-cache curl\n#6 0\.\d{3} fetch https:\/\/dl-cdn/);
  assert.match(b.stderr, /#8 naming to docker\.io\/library\/app:latest done\n#8 DONE 0\.1s\n$/);
  const again = sim.exec('docker build -t app .');
  assert.match(again.stderr, /#6 \[2\/3\] RUN apk add --no-cache curl\n#6 CACHED\n/);
  const id = sim.exec('docker images -q app').stdout;
  assert.equal(sim.exec('docker push app').stderr, 'denied: requested access to the resource is denied\n');
  sim.exec('docker tag app learner/app');
  const push = sim.exec('docker push learner/app');
  assert.match(
    push.stdout,
    /^Using default tag: latest\nThe push refers to repository \[docker\.io\/learner\/app\]\n/,
  );
  assert.match(push.stdout, /95252f7eb113: Mounted from library\/alpine\n/);
  assert.match(push.stdout, /latest: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
  const pull = sim.exec('docker pull learner/app', { host: 'host2' });
  assert.equal(pull.exitCode, 0, pull.stderr);
  assert.equal(sim.exec('docker images -q learner/app', { host: 'host2' }).stdout, id);
  sim.exec('docker run -d --name web learner/app', { host: 'host2' });
  assert.equal(sim.exec('docker exec web cat /srv/index.html', { host: 'host2' }).stdout, 'hi\n');
  assert.notEqual(sim.exec('docker exec web curl -s http://localhost/', { host: 'host2' }).exitCode, 127);
  sim.exec('docker run -d --name plain alpine sleep 60', { host: 'host2' });
  assert.equal(sim.exec('docker exec plain curl -s http://localhost/', { host: 'host2' }).exitCode, 127);
});

test("a failing RUN prints buildkit's error block", () => {
  const sim = createWorld();
  sim.writeFile('/root/Dockerfile', 'FROM alpine\nRUN apk add nosuchpkg\n');
  const r = sim.exec('docker build .');
  assert.equal(r.exitCode, 1);
  assert.match(
    r.stderr,
    /#5 ERROR: process "\/bin\/sh -c apk add nosuchpkg" did not complete successfully: exit code: 1\n------\n > \[2\/2\] RUN apk add nosuchpkg:\n/,
  );
  assert.match(
    r.stderr,
    /ERROR: failed to build: failed to solve: process "\/bin\/sh -c apk add nosuchpkg" did not complete successfully: exit code: 1\n$/,
  );
});

test('localhost:5000 is the shared lab registry; missing tags answer manifest unknown', () => {
  const sim = createWorld({ hosts: ['host1', 'host2'] });
  sim.writeFile('/root/Dockerfile', 'FROM alpine\nCMD ["echo", "hi"]\n');
  sim.exec('docker build -q -t app:v1 .');
  sim.exec('docker tag app:v1 localhost:5000/app:v1');
  const first = sim.exec('docker push localhost:5000/app:v1');
  assert.match(
    first.stdout,
    /^The push refers to repository \[localhost:5000\/app\]\n95252f7eb113: Preparing\n95252f7eb113: Mounted from library\/alpine\nv1: digest: sha256:[0-9a-f]{64} size: \d+\n$/,
  );
  assert.match(sim.exec('docker push localhost:5000/app:v1').stdout, /95252f7eb113: Layer already exists\n/);
  assert.equal(sim.exec('docker run --rm localhost:5000/app:v1', { host: 'host2' }).stdout, 'hi\n');
  assert.equal(
    sim.exec('docker pull localhost:5000/app:v2', { host: 'host2' }).stderr,
    'Error response from daemon: manifest for localhost:5000/app:v2 not found: manifest unknown: manifest unknown\n',
  );
});

test('Dockerfile config instructions and .dockerignore shape the image', () => {
  const sim = createWorld();
  sim.writeFile(
    '/root/ctx/Dockerfile',
    'ARG VERSION=1.2\nFROM alpine\nARG VERSION\nENV APP_VERSION=$VERSION MODE="prod"\nLABEL org.opencontainers.image.title=demo\nWORKDIR /app\nCOPY . .\nEXPOSE 8080/tcp 53/udp\nENTRYPOINT ["/bin/sh", "-c"]\nCMD ["echo $APP_VERSION"]\n',
  );
  sim.writeFile('/root/ctx/main.sh', 'echo hi\n');
  sim.writeFile('/root/ctx/secret.txt', 'nope\n');
  sim.writeFile('/root/ctx/.dockerignore', 'secret.txt\n');
  const b = sim.exec('docker build -t demo /root/ctx');
  assert.equal(b.exitCode, 0, b.stderr);
  assert.match(b.stderr, /#3 \[internal\] load \.dockerignore\n#3 transferring context: 11B done\n/);
  const cfg = sim.exec("docker image inspect -f '{{json .Config}}' demo").stdout;
  assert.equal(
    cfg,
    '{"ExposedPorts":{"53/udp":{},"8080/tcp":{}},"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","APP_VERSION=1.2","MODE=prod"],"Entrypoint":["/bin/sh","-c"],"Cmd":["echo $APP_VERSION"],"WorkingDir":"/app","Labels":{"org.opencontainers.image.title":"demo"}}\n',
  );
  sim.exec('docker run -d --name dd demo "sleep 60"');
  assert.equal(sim.exec('docker exec dd ls /app').stdout.includes('secret.txt'), false);
  assert.equal(sim.exec('docker exec dd cat /app/main.sh').stdout, 'echo hi\n');
});
