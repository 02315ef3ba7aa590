import assert from 'node:assert/strict';
import { test } from 'node:test';
import { iptablesOk } from '../../../kernel/iptables.ts';
import { bindSocket } from '../../../kernel/socket.ts';
import { publish } from '../../../trace/testbench.ts';
import { curl, progressMeter } from './curl.ts';
import { NGINX_INDEX } from './pages.ts';
import { nginx } from './servers.ts';
import type { Lab } from './toolbench.ts';
import { lab, run } from './toolbench.ts';
import { smartSize5, wget } from './wget.ts';

function webLab(proxy = true): Lab {
  const L = lab();
  run(L.world, L.web, nginx, ['nginx', '-g', 'daemon off;']);
  publish(L.host.ns, 'docker0', '172.17.0.2', 8080, 80);
  if (proxy)
    bindSocket(L.host.ns, {
      proto: 'tcp',
      ip: '0.0.0.0',
      port: 8080,
      owner: 'docker-proxy',
      app: { kind: 'proxy', targetIp: '172.17.0.2', targetPort: 80 },
    });
  return L;
}

test('curl -s localhost:8080 through docker-proxy returns the nginx page', () => {
  const L = webLab();
  assert.deepEqual(Object.values(run(L.world, L.host, curl, 'curl -s http://localhost:8080')), [
    NGINX_INDEX,
    '',
    0,
  ]);
});

test('curl -I prints nginx headers with CRLF', () => {
  const L = webLab();
  assert.equal(
    run(L.world, L.host, curl, 'curl -sI localhost:8080').stdout,
    'HTTP/1.1 200 OK\r\nServer: nginx/1.29.4\r\nDate: Mon, 05 Jan 2026 09:00:00 GMT\r\nContent-Type: text/html\r\nContent-Length: 615\r\nLast-Modified: Tue, 09 Dec 2025 15:18:04 GMT\r\nConnection: keep-alive\r\nETag: "69383dac-267"\r\nAccept-Ranges: bytes\r\n\r\n',
  );
});

test('curl to a closed port: exit 7, silent with -s, message with -sS', () => {
  const L = webLab();
  assert.deepEqual(Object.values(run(L.world, L.host, curl, 'curl -s http://localhost:8081')), ['', '', 7]);
  assert.deepEqual(Object.values(run(L.world, L.host, curl, 'curl -sS http://localhost:8081')), [
    '',
    "curl: (7) Failed to connect to localhost port 8081 after 0 ms: Couldn't connect to server\n",
    7,
  ]);
});

test('curl from another LAN host is DNATed straight to the container', () => {
  const L = webLab(false);
  const h2 = L.world.hosts.get('host2')!;
  const place = {
    host: 'host2',
    ns: h2.ns,
    fs: h2.fs,
    hostname: 'host2',
    tools: 'all' as const,
    flavour: 'gnu' as const,
  };
  assert.equal(run(L.world, place, curl, 'curl -s 192.168.1.11:8080').stdout, NGINX_INDEX);
});

test('curl: unknown host is exit 6; proxy with a dead backend is exit 56', () => {
  const L = lab();
  assert.deepEqual(Object.values(run(L.world, L.host, curl, 'curl nope.invalid')), [
    '',
    'curl: (6) Could not resolve host: nope.invalid\n',
    6,
  ]);
  bindSocket(L.host.ns, {
    proto: 'tcp',
    ip: '0.0.0.0',
    port: 9000,
    owner: 'docker-proxy',
    app: { kind: 'proxy', targetIp: '172.17.0.2', targetPort: 80 },
  });
  assert.deepEqual(Object.values(run(L.world, L.host, curl, 'curl localhost:9000')), [
    '',
    'curl: (56) Recv failure: Connection reset by peer\n',
    56,
  ]);
});

test('curl --connect-timeout when the firewall drops: exit 28', () => {
  const L = webLab(false);
  iptablesOk(L.host.ns, ['-I', 'DOCKER-USER', '-j', 'DROP']);
  const h2 = L.world.hosts.get('host2')!;
  const place = {
    host: 'host2',
    ns: h2.ns,
    fs: h2.fs,
    hostname: 'host2',
    tools: 'all' as const,
    flavour: 'gnu' as const,
  };
  assert.deepEqual(Object.values(run(L.world, place, curl, 'curl --connect-timeout 3 192.168.1.11:8080')), [
    '',
    'curl: (28) Connection timed out after 3001 milliseconds\n',
    28,
  ]);
});

test('curl -L follows google.com to www.google.com; without -L prints the 301 body', () => {
  const L = lab();
  assert.match(
    run(L.world, L.client, curl, 'curl -s google.com').stdout,
    /^<HTML><HEAD><meta http-equiv="content-type" content="text\/html;charset=utf-8">\n<TITLE>301 Moved<\/TITLE>/,
  );
  assert.match(run(L.world, L.client, curl, 'curl -sL google.com').stdout, /<title>Google<\/title>/);
});

test('curl -v trace lines', () => {
  const L = webLab();
  const r = run(L.world, L.client, curl, 'curl -v -o /dev/null http://172.17.0.2/nope');
  assert.equal(
    r.stderr.split('\n').slice(0, 8).join('\n'),
    '*   Trying 172.17.0.2:80...\n* Connected to 172.17.0.2 (172.17.0.2) port 80\n> GET /nope HTTP/1.1\n> Host: 172.17.0.2\n> User-Agent: curl/8.5.0\n> Accept: */*\n> \n< HTTP/1.1 404 Not Found',
  );
  assert.match(r.stderr, /\* Connection #0 to host 172\.17\.0\.2 left intact\n$/);
});

test('curl -f turns 404 into exit 22; -w prints the status', () => {
  const L = webLab();
  assert.deepEqual(Object.values(run(L.world, L.client, curl, 'curl -sSf http://172.17.0.2/missing')), [
    '',
    'curl: (22) The requested URL returned error: 404\n',
    22,
  ]);
  assert.equal(
    run(L.world, L.client, curl, [
      'curl',
      '-s',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}\\n',
      'http://172.17.0.2/',
    ]).stdout,
    '200\n',
  );
});

test('curl progress meter layout', () => {
  assert.equal(
    progressMeter(615, 1),
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\r100   615  100   615    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n',
  );
});

test('busybox wget -qO- by container IP; refused; bad address', () => {
  const L = webLab();
  assert.deepEqual(Object.values(run(L.world, L.client, wget, 'wget -qO- http://172.17.0.2')), [
    NGINX_INDEX,
    '',
    0,
  ]);
  assert.deepEqual(Object.values(run(L.world, L.client, wget, 'wget -q -O - http://172.17.0.2:81/')), [
    '',
    "wget: can't connect to remote host (172.17.0.2): Connection refused\n",
    1,
  ]);
  assert.deepEqual(Object.values(run(L.world, L.client, wget, 'wget http://my-nginx')), [
    '',
    "wget: bad address 'my-nginx'\n",
    1,
  ]);
});

test('busybox wget saves index.html with its status bar', () => {
  const L = webLab();
  const r = run(L.world, L.client, wget, 'wget http://172.17.0.2/');
  assert.equal(
    r.stderr,
    "Connecting to 172.17.0.2 (172.17.0.2:80)\nsaving to 'index.html'\nindex.html           100% |********************************|   615  0:00:00 ETA\n'index.html' saved\n",
  );
  assert.equal(L.client.fs.readFile('/index.html'), NGINX_INDEX);
  assert.equal(
    run(L.world, L.client, wget, 'wget -q http://172.17.0.2/404').stderr,
    'wget: server returned error: HTTP/1.1 404 Not Found\n',
  );
  assert.equal(smartSize5(123456), ' 120k');
});

test('GNU wget on a host: the classic transcript and the 404 error', () => {
  const L = webLab();
  const place = { ...L.host, cwd: '/root' };
  const r = wget({
    argv: ['wget', 'http://172.17.0.2/'],
    stdin: '',
    env: { LANG: 'C.UTF-8' },
    cwd: '/root',
    place,
    world: L.world,
  });
  assert.equal(
    r.stderr.replace(/\(\d+\.\d MB\/s\)/, '(R)'),
    `--2026-01-05 09:00:00--  http://172.17.0.2/
Connecting to 172.17.0.2:80... connected.
HTTP request sent, awaiting response... 200 OK
Length: 615 [text/html]
Saving to: \u2018index.html\u2019

index.html          100%[===================>]     615  --.-KB/s    in 0s      

2026-01-05 09:00:00 (R) - \u2018index.html\u2019 saved [615/615]

`,
  );
  assert.equal(L.host.fs.readFile('/root/index.html'), NGINX_INDEX);
  const e = run(L.world, L.host, wget, 'wget -q http://172.17.0.2/none');
  assert.deepEqual([e.stderr, e.exitCode], ['2026-01-05 09:00:00 ERROR 404: Not Found.\n\n', 8]);
  assert.equal(
    run(L.world, L.host, wget, 'wget -q nope.invalid').stderr,
    "wget: unable to resolve host address 'nope.invalid'\n",
  );
});
