// sim:daemon's wire format, checked with a plain HTTP client over the unix socket (no docker
// client needed): /_ping, JSON bodies and errors, unknown routes, stdcopy-framed logs, the exec
// hijack (101 UPGRADED), a wait answered only once the container has exited, and pull progress.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createWorld } from '../index.ts';
import { parseDaemonArgs, type Served, serveSim } from './daemon.ts';
import { decodeQuery, demuxStdcopy, stdcopyFrame } from './http-frame.ts';

let served: Served;
let socketPath: string;

before(async () => {
  const sim = createWorld();
  sim.exec('docker network create --subnet 10.7.0.0/24 appnet');
  sim.exec('docker run -d --name web --network appnet nginx');
  sim.exec('docker pull busybox');
  served = await serveSim(sim, join(mkdtempSync(join(tmpdir(), 'simd-test-')), 'sock'));
  socketPath = served.sockets.host1;
});
after(() => served.close());

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function call(method: string, path: string, body?: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        socketPath,
        method,
        path,
        headers: data
          ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) }
          : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** hijack sends a raw upgrade request and returns everything the server wrote until it closed. */
function hijack(path: string, body: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const sock = connect(socketPath);
    const chunks: Buffer[] = [];
    sock.on('data', (c: Buffer) => chunks.push(c));
    sock.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    sock.on('error', reject);
    sock.write(
      `POST ${path} HTTP/1.1\r\nHost: api.moby.localhost\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: ${data.length}\r\n\r\n${data}`,
    );
  });
}

test('parseDaemonArgs and the framing helpers', () => {
  assert.deepEqual(parseDaemonArgs(['--socket-dir', '/tmp/x', '--hosts=a,b', '--seed', '3']), {
    socketDir: '/tmp/x',
    hosts: ['a', 'b'],
    seed: 3,
  });
  assert.match(String(parseDaemonArgs(['--seed', '1'])), /--socket-dir is required/);
  assert.deepEqual([...stdcopyFrame(2, Buffer.from('hi'))], [2, 0, 0, 0, 0, 0, 0, 2, 104, 105]);
  assert.deepEqual(decodeQuery('all=1&filters=%7B%22name%22%3A%7B%22a%22%3Atrue%7D%7D&all=0'), {
    all: '1',
    filters: '{"name":{"a":true}}',
  });
});

test('GET and HEAD /_ping answer OK with dockerd headers', async () => {
  const get = await call('GET', '/_ping');
  assert.equal(get.status, 200);
  assert.equal(get.body.toString(), 'OK');
  assert.equal(get.headers['api-version'], '1.50');
  assert.equal(get.headers.ostype, 'linux');
  assert.equal(get.headers['docker-experimental'], 'false');
  assert.match(String(get.headers.server), /^Docker\/28\.\S+ \(linux\)$/);
  assert.equal(get.headers['content-type'], 'text/plain; charset=utf-8');
  const head = await call('HEAD', '/_ping');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
});

test('JSON bodies end in a newline; errors are {"message"}; unknown routes are 404 page not found', async () => {
  const ls = await call('GET', '/v1.50/networks?filters=%7B%22name%22%3A%7B%22appnet%22%3Atrue%7D%7D');
  assert.equal(ls.status, 200);
  assert.ok(ls.body.toString().endsWith('}]\n'));
  assert.deepEqual(
    (JSON.parse(ls.body.toString()) as Array<{ Name: string }>).map((n) => n.Name),
    ['appnet'],
  );
  const missing = await call('GET', '/v1.50/networks/nope');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.toString(), '{"message":"network nope not found"}\n');
  const unknown = await call('GET', '/v1.50/swarm/unlock');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.toString(), '{"message":"page not found"}\n');
  const bad = await call('POST', '/v1.50/networks/create', undefined);
  assert.equal(bad.status, 400);
});

test('logs of a non-TTY container are stdcopy frames', async () => {
  const logs = await call('GET', '/v1.50/containers/web/logs?stdout=1&stderr=1');
  assert.equal(logs.status, 200);
  assert.equal(logs.headers['content-type'], 'application/vnd.docker.multiplexed-stream');
  assert.ok(logs.body[0] === 1 || logs.body[0] === 2);
  const out = demuxStdcopy(logs.body);
  assert.match(out.stdout + out.stderr, /start worker processes/);
});

test('exec start hijacks the connection: 101 UPGRADED, then the framed output', async () => {
  const created = await call('POST', '/v1.50/containers/web/exec', {
    Cmd: ['echo', 'hello'],
    AttachStdout: true,
    AttachStderr: true,
  });
  assert.equal(created.status, 201);
  const id = (JSON.parse(created.body.toString()) as { Id: string }).Id;
  const raw = await hijack(`/v1.50/exec/${id}/start`, { Detach: false, Tty: false });
  const [head, rest] = [raw.slice(0, raw.indexOf('\r\n\r\n')), raw.slice(raw.indexOf('\r\n\r\n') + 4)];
  assert.match(
    head,
    /^HTTP\/1\.1 101 UPGRADED\r\nContent-Type: application\/vnd\.docker\.multiplexed-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n/,
  );
  assert.deepEqual(demuxStdcopy(Buffer.from(rest, 'latin1')), { stdout: 'hello\n', stderr: '' });
});

test('wait answers once the container has run, as `docker run` needs (wait, then start)', async () => {
  const created = await call('POST', '/v1.50/containers/create?name=once', {
    Image: 'busybox',
    Cmd: ['sh', '-c', 'exit 3'],
  });
  assert.equal(created.status, 201);
  const box: { waited?: Reply } = {};
  const waiting = call('POST', '/v1.50/containers/once/wait?condition=next-exit').then((r) => {
    box.waited = r;
  });
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(box.waited, undefined, 'wait must not answer before the container ran');
  const started = await call('POST', '/v1.50/containers/once/start');
  assert.equal(started.status, 204);
  await waiting;
  const waited = ((): Reply | undefined => box.waited)(); // read after the await, not the narrowed value
  assert.equal(waited?.status, 200);
  assert.equal(JSON.parse(String(waited?.body)).StatusCode, 3);
});

test('image pull progress is JSON lines ending in \\r\\n', async () => {
  const pull = await call('POST', '/v1.50/images/create?fromImage=alpine&tag=latest');
  assert.equal(pull.status, 200);
  const lines = pull.body.toString().split('\r\n');
  assert.equal(lines.pop(), '');
  assert.match(lines[0], /^\{"status":"Pulling from library\/alpine","id":"latest"\}$/);
  assert.match(lines[lines.length - 1], /^\{"status":"Status: Downloaded newer image for alpine:latest"\}$/);
});
