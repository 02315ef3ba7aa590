import assert from 'node:assert/strict';
import { test } from 'node:test';
import { curl } from './curl.ts';
import { nginxError } from './pages.ts';
import {
  dockerEntrypoint,
  httpd,
  logTime,
  nginx,
  python,
  redisServer,
  sleep,
  top,
  whoami,
} from './servers.ts';
import { lab, run } from './toolbench.ts';

test('nginx binds 0.0.0.0:80 and [::]:80 owned by the container and keeps running', () => {
  const L = lab();
  const r = run(L.world, L.web, nginx, ['nginx', '-g', 'daemon off;']);
  assert.equal(r.running, true);
  assert.deepEqual(
    L.web.ns.sockets.map((s) => `${s.ip}:${s.port}/${s.owner}/${s.ownerId === L.web.container?.id}`),
    ['0.0.0.0:80/nginx/true', ':::80/nginx/true'],
  );
  assert.equal(r.stderr.split('\n')[1], '2026/01/05 09:00:00 [notice] 1#1: nginx/1.29.4');
});

test('a second nginx in the same namespace retries five times then gives up (exit 1)', () => {
  const L = lab();
  run(L.world, L.web, nginx, ['nginx']);
  const r = run(L.world, L.web, nginx, ['nginx']);
  const lines = r.stderr.trim().split('\n');
  assert.equal(r.exitCode, 1);
  assert.equal(lines.length, 22);
  assert.equal(
    lines[0],
    '2026/01/05 09:00:00 [emerg] 1#1: bind() to 0.0.0.0:80 failed (98: Address already in use)',
  );
  assert.equal(lines[1], 'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)');
  assert.equal(lines[3], 'nginx: [emerg] bind() to [::]:80 failed (98: Address already in use)');
  assert.deepEqual(lines.slice(-2), [
    '2026/01/05 09:00:02 [emerg] 1#1: still could not bind()',
    'nginx: [emerg] still could not bind()',
  ]);
  assert.equal(L.web.ns.sockets.length, 2);
});

test('the nginx image entrypoint prints its configuration steps on stdout', () => {
  const L = lab();
  const r = run(L.world, L.web, dockerEntrypoint, ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
  assert.equal(
    r.stdout,
    `/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration
/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/
/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh
10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf
10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf
/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh
/docker-entrypoint.sh: Configuration complete; ready for start up
`,
  );
  assert.equal(r.running, true);
});

test('nginx logs requests and answers 404 with its built-in page', () => {
  const L = lab();
  run(L.world, L.web, nginx, ['nginx']);
  const app = L.web.ns.sockets[0].app;
  assert.equal(run(L.world, L.client, curl, 'curl -s http://172.17.0.2/x').stdout, nginxError(404, '1.29.4'));
  assert.ok(
    app.kind === 'http' &&
      /^172\.17\.0\.3 - - \[05\/Jan\/2026:09:00:00 \+0000\] "GET \/x HTTP\/1\.1" 404 \d+ "-" "curl\/8\.5\.0" "-"$/.test(
        app.accessLog?.[0] ?? '',
      ),
  );
});

test('httpd serves It works! with Apache headers', () => {
  const L = lab();
  const r = run(L.world, L.web, httpd, ['httpd-foreground']);
  assert.match(
    r.stderr,
    /AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172\.17\.0\.2\./,
  );
  assert.equal(
    run(L.world, L.client, curl, 'curl -s 172.17.0.2').stdout,
    '<html><body><h1>It works!</h1></body></html>\n',
  );
  assert.match(
    run(L.world, L.client, curl, 'curl -sI 172.17.0.2').stdout,
    /\r\nServer: Apache\/2\.4\.66 \(Unix\)\r\n/,
  );
});

test('whoami echoes hostname, addresses, the client as the server sees it and the request', () => {
  const L = lab();
  run(L.world, L.web, whoami, ['/whoami']);
  const out = run(L.world, L.client, curl, 'curl -s 172.17.0.2').stdout.replace(
    /RemoteAddr: 172\.17\.0\.3:\d+/,
    'RemoteAddr: 172.17.0.3:P',
  );
  assert.equal(
    out,
    'Hostname: web000000000\nIP: 127.0.0.1\nIP: 172.17.0.2\nRemoteAddr: 172.17.0.3:P\nGET / HTTP/1.1\r\nHost: 172.17.0.2\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n',
  );
});

test('python -m http.server lists the working directory', () => {
  const L = lab();
  L.web.fs.writeFile('/srv/a.txt', 'A');
  L.web.fs.mkdirp('/srv/sub');
  const r = python({
    argv: ['python3', '-m', 'http.server', '8000'],
    stdin: '',
    env: {},
    cwd: '/srv',
    place: L.web,
    world: L.world,
  });
  assert.equal(r.stdout, 'Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...\n');
  assert.equal(
    run(L.world, L.client, curl, 'curl -s 172.17.0.2:8000/').stdout,
    '<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n<li><a href="a.txt">a.txt</a></li>\n<li><a href="sub/">sub/</a></li>\n</ul>\n<hr>\n</body>\n</html>\n',
  );
  assert.equal(run(L.world, L.client, curl, 'curl -s 172.17.0.2:8000/a.txt').stdout, 'A');
});

test('redis-server banner, and the port conflict message', () => {
  const L = lab();
  const r = run(L.world, L.web, redisServer, ['redis-server']);
  assert.match(r.stdout, /^1:C 05 Jan 2026 09:00:00\.000 \* oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n/);
  assert.match(r.stdout, /\* Ready to accept connections tcp\n$/);
  const again = run(L.world, L.web, redisServer, ['redis-server']);
  assert.equal(again.exitCode, 1);
  assert.match(again.stdout, /# Failed listening on port 6379 \(tcp\), aborting\.\n$/);
});

test('top keeps running; logTime formats like nginx and Go', () => {
  const L = lab();
  assert.equal(run(L.world, L.web, top, ['top']).running, true);
  assert.equal(logTime(Date.UTC(2026, 0, 5, 9, 3, 7)), '2026/01/05 09:03:07');
});

test('sleep: a long sleep keeps a container running; a short one advances the clock', () => {
  const L = lab();
  assert.equal(run(L.world, L.web, sleep, 'sleep 3600').running, true);
  assert.equal(run(L.world, L.web, sleep, 'sleep infinity').running, true);
  const t0 = L.world.clock.now();
  const r = run(L.world, L.web, sleep, 'sleep 2');
  assert.deepEqual([r.running, r.exitCode, L.world.clock.now() - t0], [undefined, 0, 2000]);
});
