import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../../index.ts';

test('docker history prints the catalogue history of alpine and busybox', () => {
  const sim = createWorld();
  sim.exec('docker pull -q alpine');
  sim.exec('docker pull -q busybox');
  assert.equal(
    sim.exec('docker history alpine').stdout,
    'IMAGE          CREATED        CREATED BY                                      SIZE      COMMENT\n' +
      'fe42545217a4   5 months ago   CMD ["/bin/sh"]                                 0B        buildkit.dockerfile.v0\n' +
      '<missing>      5 months ago   ADD alpine-minirootfs-3.22.1-x86_64.tar.gz /…   8.31MB    buildkit.dockerfile.v0\n',
  );
  assert.equal(
    sim.exec('docker image history --no-trunc -H=false busybox').stdout,
    'IMAGE                                                                     CREATED AT             CREATED BY                          SIZE      COMMENT\n' +
      'sha256:79f05b831f4494dee1a78fe36fe93e847eeb1dc9917753bf80fce5824eb4a819   2024-09-26T21:31:42Z   BusyBox 1.37.0 (glibc), Debian 12   4277910   \n',
  );
  assert.equal(sim.exec('docker history -q alpine').stdout, 'fe42545217a4\n<missing>\n');
  assert.equal(
    sim.exec("docker history --format '{{.ID}}|{{.CreatedBy}}|{{.Size}}' alpine").stdout,
    'fe42545217a4|CMD ["/bin/sh"]|0B\n<missing>|ADD alpine-minirootfs-3.22.1-x86_64.tar.gz /…|8.31MB\n',
  );
  const r = sim.exec('docker history nosuchimage');
  assert.deepEqual(
    [r.stdout, r.stderr, r.exitCode],
    ['', 'Error response from daemon: No such image: nosuchimage:latest\n', 1],
  );
});

test('GET /images/{name}/history: newest first, only the top entry has the ID and tags', () => {
  const sim = createWorld();
  sim.exec('docker pull -q alpine');
  sim.exec('docker tag alpine learner/base:v1');
  const r = sim.exec(
    'curl -s --unix-socket /var/run/docker.sock http://localhost/v1.50/images/alpine/history',
  );
  // Compared parsed: our curl prints the body with JSON.stringify (no Go \u003c escaping).
  assert.deepEqual(JSON.parse(r.stdout), [
    {
      Comment: 'buildkit.dockerfile.v0',
      Created: 1752577276,
      CreatedBy: 'CMD ["/bin/sh"]',
      Id: 'sha256:fe42545217a406e81da675f9d52a253293c5e8a78769b169441cb787d1edc1f9',
      Size: 0,
      Tags: ['learner/base:v1', 'alpine:latest'],
    },
    {
      Comment: 'buildkit.dockerfile.v0',
      Created: 1752577276,
      CreatedBy: 'ADD alpine-minirootfs-3.22.1-x86_64.tar.gz / # buildkit',
      Id: '<missing>',
      Size: 8309111,
      Tags: null,
    },
  ]);
});

test('a built image has one history entry per instruction, as BuildKit commits them', () => {
  const sim = createWorld();
  sim.writeFile(
    '/root/Dockerfile',
    'FROM alpine\nARG V=1\nRUN apk add curl\nENV MODE=prod\nWORKDIR /app\nCOPY index.html /usr/share/nginx/html/\nEXPOSE 8080 80\nUSER nobody\nCMD ["sleep", "3600"]\n',
  );
  sim.writeFile('/root/index.html', 'hi\n');
  assert.equal(sim.exec('docker build -q -t app .').exitCode, 0);
  const id = sim.exec('docker images -q app').stdout.trim();
  assert.equal(
    sim.exec("docker history --no-trunc --format '{{.ID}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}' app")
      .stdout,
    [
      `sha256:${sim.exec('docker images -q --no-trunc app').stdout.trim().slice(7)}\tCMD ["sleep" "3600"]\t0B\tbuildkit.dockerfile.v0`,
      '<missing>\tUSER nobody\t0B\tbuildkit.dockerfile.v0',
      '<missing>\tEXPOSE map[80/tcp:{} 8080/tcp:{}]\t0B\tbuildkit.dockerfile.v0',
      '<missing>\tCOPY index.html /usr/share/nginx/html/ # buildkit\t203B\tbuildkit.dockerfile.v0',
      '<missing>\tWORKDIR /app\t0B\tbuildkit.dockerfile.v0',
      '<missing>\tENV MODE=prod\t0B\tbuildkit.dockerfile.v0',
      '<missing>\tRUN |1 V=1 /bin/sh -c apk add curl # buildkit\t3.78MB\tbuildkit.dockerfile.v0',
      '<missing>\tARG V=1\t0B\tbuildkit.dockerfile.v0',
      '<missing>\tCMD ["/bin/sh"]\t0B\tbuildkit.dockerfile.v0',
      '<missing>\tADD alpine-minirootfs-3.22.1-x86_64.tar.gz / # buildkit\t8.31MB\tbuildkit.dockerfile.v0',
      '',
    ].join('\n'),
  );
  assert.ok(id.length === 12);
  // The new entries carry the build's time; the base image's keep theirs.
  assert.equal(
    sim.exec("docker history -H=false --format '{{.CreatedAt}}' app").stdout,
    `${'2026-01-05T09:00:01Z\n'.repeat(8)}${'2025-07-15T11:01:16Z\n'.repeat(2)}`,
  );
  // A rebuild from cache gives the same image (same config, same times).
  assert.equal(sim.exec('docker build -q -t app2 .').stdout.trim().slice(7, 19), id);
});

test('a metadata-only build is dated by its base image', () => {
  const sim = createWorld();
  sim.writeFile('/root/Dockerfile', 'FROM alpine\nCMD echo hi\n');
  sim.exec('docker build -q -t hi .');
  assert.equal(
    sim.exec("docker history -H=false --no-trunc --format '{{.CreatedAt}} {{.CreatedBy}}' hi").stdout,
    '2025-07-15T11:01:16Z CMD ["/bin/sh" "-c" "echo hi"]\n2025-07-15T11:01:16Z CMD ["/bin/sh"]\n2025-07-15T11:01:16Z ADD alpine-minirootfs-3.22.1-x86_64.tar.gz / # buildkit\n',
  );
  assert.equal(sim.exec("docker image inspect -f '{{.Created}}' hi").stdout, '2025-07-15T11:01:16Z\n');
});
