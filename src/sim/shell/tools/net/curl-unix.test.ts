// Tests for curl --unix-socket against a host's Docker socket: the Engine API's JSON and headers
// as Go's net/http frames them, and curl 8.5's verbose trace, failures and binary-output guard.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../../../index.ts';
import { decodeQuery, goResponse } from './curl-unix.ts';

const SOCK = '--unix-socket /var/run/docker.sock';

test('GET /_ping answers OK with dockerd’s headers in Go’s order', () => {
  const sim = createWorld();
  const r = sim.exec(`curl -i ${SOCK} http://localhost/_ping`);
  assert.equal(
    r.stdout,
    'HTTP/1.1 200 OK\r\nApi-Version: 1.50\r\nBuilder-Version: 2\r\nCache-Control: no-cache, no-store, must-revalidate\r\nContent-Type: text/plain; charset=utf-8\r\nDocker-Experimental: false\r\nOstype: linux\r\nPragma: no-cache\r\nServer: Docker/28.2.2 (linux)\r\nSwarm: inactive\r\nDate: Mon, 05 Jan 2026 09:00:00 GMT\r\nContent-Length: 2\r\n\r\nOK',
  );
  assert.equal(r.exitCode, 0);
});

test('GET /containers/json is the same JSON docker ps reads, with a trailing newline', () => {
  const sim = createWorld();
  assert.deepEqual(
    Object.values(sim.exec(`curl ${SOCK} http://localhost/v1.50/containers/json`)).slice(0, 3),
    ['[]\n', '', 0],
  );
  sim.exec('docker network create appnet');
  const body = sim.exec(
    `curl -s ${SOCK} "http://localhost/v1.50/networks?filters=%7B%22name%22%3A%5B%22appnet%22%5D%7D"`,
  );
  const list = JSON.parse(body.stdout) as Array<{ Name: string }>;
  assert.deepEqual(
    list.map((n) => n.Name),
    ['appnet'],
  );
  assert.ok(body.stdout.endsWith('}]\n'));
});

test('errors are dockerd’s {"message"} bodies with their status', () => {
  const sim = createWorld();
  const r = sim.exec(`curl -si ${SOCK} http://localhost/v1.50/containers/nope/json`);
  assert.match(r.stdout, /^HTTP\/1\.1 404 Not Found\r\n/);
  assert.ok(r.stdout.endsWith('Content-Length: 38\r\n\r\n{"message":"No such container: nope"}\n'));
  assert.equal(sim.exec(`curl -sf ${SOCK} http://localhost/v1.50/containers/nope/json`).exitCode, 22);
});

test('a POST without a body answers 204 with no Content-Length', () => {
  const sim = createWorld();
  sim.exec('docker run -dit --name box alpine ash');
  const r = sim.exec(`curl -si -X POST ${SOCK} http://localhost/v1.50/containers/box/stop`);
  assert.equal(
    r.stdout,
    'HTTP/1.1 204 No Content\r\nApi-Version: 1.50\r\nDocker-Experimental: false\r\nOstype: linux\r\nServer: Docker/28.2.2 (linux)\r\nDate: Mon, 05 Jan 2026 09:00:02 GMT\r\n\r\n',
  );
  assert.match(sim.exec('docker ps -a --format "{{.Status}}"').stdout, /^Exited/);
});

test('-v shows the AF_UNIX connection, the request and the response headers', () => {
  const sim = createWorld();
  const r = sim.exec(`curl -v ${SOCK} http://localhost/_ping`);
  assert.equal(r.stdout, 'OK');
  assert.equal(
    r.stderr,
    '*   Trying /var/run/docker.sock:0...\n* Connected to localhost (/var/run/docker.sock) port 80\n> GET /_ping HTTP/1.1\n> Host: localhost\n> User-Agent: curl/8.5.0\n> Accept: */*\n> \n< HTTP/1.1 200 OK\n< Api-Version: 1.50\n< Builder-Version: 2\n< Cache-Control: no-cache, no-store, must-revalidate\n< Content-Type: text/plain; charset=utf-8\n< Docker-Experimental: false\n< Ostype: linux\n< Pragma: no-cache\n< Server: Docker/28.2.2 (linux)\n< Swarm: inactive\n< Date: Mon, 05 Jan 2026 09:00:00 GMT\n< Content-Length: 2\n< \n* Connection #0 to host localhost left intact\n',
  );
});

test('no such socket, or no socket inside a container: exit 7', () => {
  const sim = createWorld();
  assert.deepEqual(
    Object.values(sim.exec('curl --unix-socket /tmp/x.sock http://localhost/_ping')).slice(0, 3),
    ['', "curl: (7) Failed to connect to localhost port 80 after 0 ms: Couldn't connect to server\n", 7],
  );
  assert.equal(sim.exec('curl -s --unix-socket /tmp/x.sock http://localhost/_ping').stderr, '');
  assert.equal(sim.exec('curl --unix-socket').exitCode, 2);
  sim.exec('docker run -d --name tools nicolaka/netshoot sleep 3600');
  const inside = sim.exec(`docker exec tools curl -sS ${SOCK} http://localhost/_ping`);
  assert.equal(inside.exitCode, 7);
});

test('a multiplexed stream is binary: curl refuses to print it on a terminal', () => {
  const sim = createWorld();
  sim.exec('docker run --name hi alpine echo hello');
  const r = sim.exec(`curl ${SOCK} "http://localhost/v1.50/containers/hi/logs?stdout=1"`);
  assert.deepEqual([r.stdout, r.exitCode], ['', 23]);
  assert.match(r.stderr, /^Warning: Binary output can mess up your terminal\./);
  const file = sim.exec(`curl -s ${SOCK} -o logs.bin "http://localhost/v1.50/containers/hi/logs?stdout=1"`);
  assert.equal(file.exitCode, 0);
  assert.equal(sim.readFile('/root/logs.bin'), '\u0001\0\0\0\0\0\0\u0006hello\n');
});

test('goResponse chunks bodies over 2048 bytes, as net/http does', () => {
  const big = goResponse({ status: 200, json: 'x'.repeat(3000), headers: {} }, 'GET', 0);
  assert.equal(big.headers['Transfer-Encoding'], 'chunked');
  assert.equal(big.headers['Content-Length'], undefined);
  const small = goResponse({ status: 200, json: { a: 1 }, headers: { Z: '1', A: '2' } }, 'GET', 0);
  assert.deepEqual(Object.keys(small.headers), ['A', 'Z', 'Date', 'Content-Length']);
  assert.equal(small.body, '{"a":1}\n');
  assert.equal(goResponse({ status: 200, json: { n: 'é' } }, 'GET', 0).headers['Content-Length'], '11');
});

test('decodeQuery keeps the first value and decodes + and %XX', () => {
  assert.deepEqual(decodeQuery('all=1&all=0&name=a+b%2Fc&bad=%E0&flag'), {
    all: '1',
    name: 'a b/c',
    bad: '%E0',
    flag: '',
  });
});
