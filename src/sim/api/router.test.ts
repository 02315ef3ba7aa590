import assert from 'node:assert/strict';
import test from 'node:test';
import { newTestDaemon } from '../daemon/testkit.ts';
import { createEngineApi } from './router.ts';
import type { ApiRequest, ApiResponse } from './types.ts';

function api(pull: string[] = []): {
  call: (
    method: ApiRequest['method'],
    path: string,
    query?: Record<string, string>,
    body?: unknown,
  ) => ApiResponse;
} {
  const { d } = newTestDaemon({ pull });
  const engine = createEngineApi(d);
  return { call: (method, path, query, body) => engine.route({ method, path, query, body }) };
}

test('unknown routes and wrong methods answer 404 page not found', () => {
  const { call } = api();
  for (const [m, p] of [
    ['GET', '/nope'],
    ['GET', '/v1.50/containers/create'],
    ['PUT', '/networks/create'],
    ['DELETE', '/_ping'],
  ] as const) {
    const res = call(m, p);
    assert.equal(res.status, 404, `${m} ${p}`);
    assert.deepEqual(res.json, { message: 'page not found' });
  }
});

test('the /vX.Y prefix is optional and bounded by 1.24 … 1.50', () => {
  const { call } = api();
  assert.equal(call('GET', '/v1.50/networks').status, 200);
  assert.equal(call('GET', '/v1.44/networks').status, 200);
  assert.equal(call('GET', '/networks').status, 200);
  assert.deepEqual(call('GET', '/v1.51/networks').json, {
    message: 'client version 1.51 is too new. Maximum supported API version is 1.50',
  });
  const old = call('GET', '/v1.12/networks');
  assert.equal(old.status, 400);
  assert.deepEqual(old.json, {
    message:
      'client version 1.12 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version',
  });
});

test("/_ping answers OK with dockerd's headers (HEAD without a body)", () => {
  const { call } = api();
  const res = call('GET', '/_ping');
  assert.equal(res.status, 200);
  assert.equal(res.json, 'OK');
  assert.deepEqual(res.headers, {
    'Api-Version': '1.50',
    'Docker-Experimental': 'false',
    Ostype: 'linux',
    Server: 'Docker/28.2.2 (linux)',
    'Cache-Control': 'no-cache, no-store, must-revalidate',
    Pragma: 'no-cache',
    'Builder-Version': '2',
    Swarm: 'inactive',
    'Content-Type': 'text/plain; charset=utf-8',
  });
  const head = call('HEAD', '/_ping');
  assert.equal(head.json, undefined);
  assert.equal(head.headers?.['Content-Length'], '0');
});

test('/version and /info describe Engine 28.2.2 (API 1.50) on Ubuntu 24.04', () => {
  const { call } = api(['alpine']);
  const v = call('GET', '/version').json as Record<string, unknown>;
  assert.deepEqual(
    [v.Version, v.ApiVersion, v.MinAPIVersion, v.GitCommit, v.GoVersion, v.Os, v.Arch, v.KernelVersion],
    ['28.2.2', '1.50', '1.24', '45873be', 'go1.24.3', 'linux', 'amd64', '6.8.0-60-generic'],
  );
  const info = call('GET', '/info').json as Record<string, unknown>;
  assert.deepEqual(
    [
      info.Containers,
      info.Images,
      info.Driver,
      info.OperatingSystem,
      info.NCPU,
      info.Name,
      info.ServerVersion,
      info.CgroupVersion,
    ],
    [0, 1, 'overlay2', 'Ubuntu 24.04.2 LTS', 2, 'host1', '28.2.2', '2'],
  );
  assert.deepEqual(Object.keys(info).slice(0, 8), [
    'ID',
    'Containers',
    'ContainersRunning',
    'ContainersPaused',
    'ContainersStopped',
    'Images',
    'Driver',
    'DriverStatus',
  ]);
});

test('error kinds map to dockerd status codes with {"message"} bodies', () => {
  const { call } = api(['alpine']);
  assert.deepEqual([call('POST', '/containers/create', { name: 'a1' }, { Image: 'nginx' }).status], [404]);
  assert.equal(
    call('POST', '/containers/create', { name: 'web' }, { Image: 'alpine', Cmd: ['sleep', '9'] }).status,
    201,
  );
  const dup = call('POST', '/containers/create', { name: 'web' }, { Image: 'alpine' });
  assert.equal(dup.status, 409);
  assert.match(
    (dup.json as { message: string }).message,
    /^Conflict\. The container name "\/web" is already in use/,
  );
  assert.equal(call('POST', '/networks/create', {}, { Name: 'bridge' }).status, 403);
  assert.equal(call('GET', '/containers/json', { filters: '{"bogus":{"x":true}}' }).status, 400);
  assert.equal(call('POST', '/containers/web/start').status, 204);
  const again = call('POST', '/containers/web/start');
  assert.equal(again.status, 304);
  assert.equal(again.json, undefined);
});

test('network routes: create 201, inspect, ambiguous and missing names, delete 204', () => {
  const { call } = api();
  const created = call('POST', '/networks/create', {}, { Name: 'mynet', Driver: 'bridge' });
  assert.equal(created.status, 201);
  const id = (created.json as { Id: string }).Id;
  assert.deepEqual(Object.keys(created.json as object), ['Id', 'Warning']);
  assert.equal((call('GET', `/networks/${id.slice(0, 5)}`).json as { Name: string }).Name, 'mynet');
  assert.deepEqual(call('GET', '/networks/nosuchnet').json, { message: 'network nosuchnet not found' });
  assert.deepEqual(
    call('POST', '/networks/create', {}, { Name: 'x', IPAM: { Config: [{ Subnet: '10.0.0.1/8' }] } }).json,
    {
      message: 'invalid network config:\ninvalid subnet 10.0.0.1/8: it should be 10.0.0.0/8',
    },
  );
  assert.equal(call('DELETE', '/networks/mynet').status, 204);
  assert.equal(call('DELETE', '/networks/mynet').status, 404);
  assert.deepEqual(call('POST', '/networks/create').json, {
    message: 'invalid JSON: got EOF while reading request body',
  });
});

test('run flow: create, attach, wait (next-exit), start, then read attach and wait', () => {
  const { call } = api(['alpine']);
  const id = (
    call('POST', '/v1.50/containers/create', {}, { Image: 'alpine', Cmd: ['echo', 'hi'] }).json as {
      Id: string;
    }
  ).Id;
  const attach = call('POST', `/v1.50/containers/${id}/attach`, { stream: '1', stdout: '1', stderr: '1' });
  const wait = call('POST', `/v1.50/containers/${id}/wait`, { condition: 'next-exit' });
  assert.equal(call('POST', `/v1.50/containers/${id}/start`).status, 204);
  assert.deepEqual(attach.stream?.(), { stdout: 'hi\n', stderr: '' });
  assert.deepEqual(wait.json, { StatusCode: 0 });
  assert.equal(wait.headers?.['Api-Version'], '1.50');
});

test('pull via /images/create returns the JSON message sequence; unknown repos are 404', () => {
  const { call } = api();
  const res = call('POST', '/images/create', { fromImage: 'busybox', tag: 'latest' });
  assert.equal(res.status, 200);
  const msgs = res.json as Array<{ status: string }>;
  assert.equal(msgs[0].status, 'Pulling from library/busybox');
  assert.equal(msgs.at(-1)?.status, 'Status: Downloaded newer image for busybox:latest');
  assert.equal(call('POST', '/images/create', { fromImage: 'nosuch', tag: 'latest' }).status, 404);
  assert.equal((call('GET', '/images/json').json as unknown[]).length, 1);
  assert.equal(call('GET', '/images/busybox/json').status, 200);
  assert.equal(call('DELETE', '/images/busybox').status, 200);
  assert.equal(call('GET', '/images/busybox/json').status, 404);
});

test("exec routes: create 201, start streams, inspect; a stopped container's error rides the stream", () => {
  const { call } = api(['alpine']);
  call('POST', '/containers/create', { name: 'box' }, { Image: 'alpine', Cmd: ['sleep', '9'] });
  call('POST', '/containers/box/start');
  const exec = call('POST', '/containers/box/exec', {}, { Cmd: ['echo', 'yo'], AttachStdout: true });
  assert.equal(exec.status, 201);
  const id = (exec.json as { Id: string }).Id;
  assert.deepEqual(call('POST', `/exec/${id}/start`, {}, { Detach: false, Tty: false }).stream?.(), {
    stdout: 'yo\n',
    stderr: '',
  });
  assert.equal((call('GET', `/exec/${id}/json`).json as { ExitCode: number }).ExitCode, 0);
  assert.equal(call('GET', '/exec/nope/json').status, 404);
  assert.equal(call('POST', '/containers/box/exec', {}, { Cmd: [] }).status, 400);
});

test('container routes: stop/kill/restart/rename/rm status codes and kill prefix', () => {
  const { call } = api(['alpine']);
  call('POST', '/containers/create', { name: 'c1' }, { Image: 'alpine', Cmd: ['sleep', '9'] });
  call('POST', '/containers/c1/start');
  assert.equal(call('POST', '/containers/c1/restart', { t: '1' }).status, 204);
  assert.equal(call('POST', '/containers/c1/rename', { name: 'c2' }).status, 204);
  assert.equal(call('DELETE', '/containers/c2').status, 409);
  assert.equal(call('POST', '/containers/c2/stop', { t: '0' }).status, 204);
  const kill = call('POST', '/containers/c2/kill');
  assert.equal(kill.status, 409);
  assert.match(
    (kill.json as { message: string }).message,
    /^cannot kill container: c2: container [0-9a-f]{64} is not running$/,
  );
  assert.equal(call('DELETE', '/containers/c2').status, 204);
  assert.equal(call('GET', '/containers/c2/json').status, 404);
});
