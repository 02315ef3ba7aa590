import assert from 'node:assert/strict';
import test from 'node:test';
import { newTestDaemon } from '../daemon/testkit.ts';
import { createEngineApi } from './router.ts';
import type { ApiRequest } from './types.ts';

/** SCRIPT is a short lab: pull, network, two containers, inspect, ps, stop. */
const SCRIPT: ApiRequest[] = [
  { method: 'POST', path: '/v1.50/images/create', query: { fromImage: 'alpine', tag: 'latest' } },
  { method: 'POST', path: '/v1.50/networks/create', body: { Name: 'alpine-net', Driver: 'bridge' } },
  {
    method: 'POST',
    path: '/v1.50/containers/create',
    query: { name: 'alpine1' },
    body: {
      Image: 'alpine',
      Cmd: ['ash'],
      Tty: true,
      OpenStdin: true,
      HostConfig: { NetworkMode: 'alpine-net' },
    },
  },
  { method: 'POST', path: '/v1.50/containers/alpine1/start' },
  { method: 'POST', path: '/v1.50/containers/create', body: { Image: 'alpine', Cmd: ['sleep', '60'] } },
  { method: 'GET', path: '/v1.50/containers/alpine1/json' },
  { method: 'GET', path: '/v1.50/networks/alpine-net' },
  { method: 'GET', path: '/v1.50/containers/json', query: { all: '1' } },
  { method: 'POST', path: '/v1.50/containers/alpine1/stop' },
  { method: 'GET', path: '/v1.50/info' },
];

function run(seed: number): string {
  const { d } = newTestDaemon({ seed });
  const engine = createEngineApi(d);
  return SCRIPT.map((req) => JSON.stringify(engine.route(req).json)).join('\n');
}

test('same seed and same requests give byte-identical answers', () => {
  assert.equal(run(5), run(5));
});

test('another seed gives other IDs', () => {
  assert.notEqual(run(5), run(6));
});

test("volumes: an empty list, and dockerd's not-found text", () => {
  const { d } = newTestDaemon();
  const engine = createEngineApi(d);
  assert.deepEqual(engine.route({ method: 'GET', path: '/volumes' }).json, { Volumes: [], Warnings: null });
  const res = engine.route({ method: 'GET', path: '/v1.50/volumes/data' });
  assert.deepEqual([res.status, res.json], [404, { message: 'get data: no such volume' }]);
});

test('info counts containers by state', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  const engine = createEngineApi(d);
  engine.route({
    method: 'POST',
    path: '/containers/create',
    query: { name: 'up' },
    body: { Image: 'alpine', Cmd: ['sleep', '9'] },
  });
  engine.route({ method: 'POST', path: '/containers/up/start' });
  engine.route({ method: 'POST', path: '/containers/create', body: { Image: 'alpine' } });
  const info = engine.route({ method: 'GET', path: '/info' }).json as Record<string, number>;
  assert.deepEqual(
    [info.Containers, info.ContainersRunning, info.ContainersPaused, info.ContainersStopped],
    [2, 1, 0, 1],
  );
});

test('image tag adds a reference that inspect and list show', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  const engine = createEngineApi(d);
  assert.equal(
    engine.route({ method: 'POST', path: '/images/alpine/tag', query: { repo: 'myalpine', tag: 'v1' } })
      .status,
    201,
  );
  const doc = engine.route({ method: 'GET', path: '/images/myalpine:v1/json' }).json as Record<
    string,
    unknown
  >;
  assert.deepEqual(doc.RepoTags, ['alpine:latest', 'myalpine:v1']);
  assert.match((doc.Metadata as { LastTagTime: string }).LastTagTime, /^2026-01-05T/);
  const del = engine.route({ method: 'DELETE', path: '/images/myalpine:v1' }).json;
  assert.deepEqual(del, [{ Untagged: 'myalpine:v1' }]);
});

test('ps through the API honours all, limit and JSON filters', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  const engine = createEngineApi(d);
  for (const name of ['c1', 'c2', 'c3'])
    engine.route({ method: 'POST', path: '/containers/create', query: { name }, body: { Image: 'alpine' } });
  const names = (q: Record<string, string>): unknown[] =>
    (
      engine.route({ method: 'GET', path: '/containers/json', query: q }).json as Array<{ Names: string[] }>
    ).map((c) => c.Names[0]);
  assert.deepEqual(names({}), []);
  assert.deepEqual(names({ all: '1' }), ['/c3', '/c2', '/c1']);
  assert.deepEqual(names({ limit: '2' }), ['/c3', '/c2']);
  assert.deepEqual(names({ all: 'true', filters: '{"name":{"c2":true}}' }), ['/c2']);
  assert.equal(
    engine.route({
      method: 'GET',
      path: '/containers/json',
      query: { filters: '{"status":{"zombie":true}}' },
    }).status,
    400,
  );
});
