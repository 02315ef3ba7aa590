// Unit tests for text.ts: the screen-reader table rows and the inspect JSON.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../../sim/index.ts';
import { sourceOf } from './graph.ts';
import { sampleGraph } from './testing.ts';
import { goJson, inspectOf, tableRows } from './text.ts';

test('tableRows lists every interface, then empty bridges', () => {
  const g = sampleGraph();
  g.hosts[0].sections.push({
    key: 'br:br-e',
    kind: 'bridge',
    label: 'br-e',
    network: { id: 'ne', name: 'empty', driver: 'bridge' },
    cidr: '172.20.0.1/16',
    order: '1e',
  });
  assert.deepEqual(tableRows(g), [
    ['host1', 'a (br-a 172.18.0.1/16)', 'web', 'eth0', '172.18.0.2/16', 'vethweb', 'running'],
    ['host1', 'b (br-b 172.19.0.1/16)', 'c1', 'eth0', '172.19.0.2/16', 'vethc1b', 'running'],
    ['host1', 'a (br-a 172.18.0.1/16)', 'c1', 'eth1', '172.18.0.3/16', 'vethc1a', 'running'],
    ['host1', 'bridge (docker0 172.17.0.1/16)', 'd1', 'eth0', '172.17.0.2/16', 'vethd1', 'running'],
    ['host1', 'bridge (docker0 172.17.0.1/16)', 'd2', 'eth0', '172.17.0.3/16', 'vethd2', 'running'],
    ['host1', 'empty (br-e 172.20.0.1/16)', '', '', '', '', ''],
  ]);
});

test('goJson indents with four spaces and escapes HTML characters as Go does', () => {
  assert.equal(goJson([{ a: '<b>&' }]), '[\n    {\n        "a": "\\u003cb\\u003e\\u0026"\n    }\n]');
});

test('inspectOf shows docker inspect and docker network inspect JSON', () => {
  const sim = createWorld({ seed: 1 });
  sim.exec('docker run -dit --name d1 alpine ash');
  const src = sourceOf(sim);
  const id = (sim.api().route({ method: 'GET', path: '/containers/d1/json' }).json as { Id: string }).Id;
  const c = inspectOf(src, { kind: 'container', host: 'host1', id });
  assert.equal(c.name, 'docker inspect d1');
  assert.equal(c.json, sim.exec('docker inspect d1').stdout.trimEnd());
  const n = inspectOf(src, { kind: 'network', host: 'host1', id: 'bridge' });
  assert.equal(n.name, 'docker network inspect bridge');
  assert.equal(n.json, sim.exec('docker network inspect bridge').stdout.trimEnd());
});
