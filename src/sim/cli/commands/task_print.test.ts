// Tests for task_print.ts (the task table of `service ps` and `node ps`) and the pure spec edits of
// service_update.ts (updatePorts): whole outputs, with the " \_ " rows of a slot's older tasks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../../index.ts';
import { updatePorts } from './service_update.ts';
import { newTaskFormat } from './task_print.ts';

function swarm() {
  const sim = createWorld({ seed: 21 });
  sim.exec('docker swarm init');
  sim.exec('docker service create -d --name web --replicas 2 nginx');
  sim.exec('docker service update -d --image nginx:alpine web');
  return sim;
}

test('the table puts a slot together, newest first, older tasks indented', () => {
  const sim = swarm();
  const r = sim.exec(
    "docker service ps web --format 'table {{.Name}}\\t{{.Image}}\\t{{.Node}}\\t{{.DesiredState}}'",
  );
  assert.equal(
    r.stdout,
    [
      'NAME        IMAGE          NODE      DESIRED STATE',
      'web.1       nginx:alpine   host1     Running',
      ' \\_ web.1   nginx:latest   host1     Shutdown',
      'web.2       nginx:alpine   host1     Running',
      ' \\_ web.2   nginx:latest   host1     Shutdown',
      '',
    ].join('\n'),
  );
  // not a table: no indent
  assert.equal(sim.exec("docker node ps --format '{{.Name}}'").stdout, 'web.1\nweb.1\nweb.2\nweb.2\n');
});

test('quiet, --no-trunc, --no-resolve and raw', () => {
  const sim = swarm();
  const ids = sim.exec('docker service ps -q web').stdout.split('\n').filter(Boolean);
  assert.equal(ids.length, 4);
  assert.ok(ids.every((id) => /^[0-9a-z]{25}$/.test(id)));
  const short = sim.exec('docker node ps -q').stdout.split('\n').filter(Boolean);
  assert.deepEqual(
    short,
    ids.map((id) => id.slice(0, 12)),
  );
  const nodeId = sim.exec('docker node inspect self --format "{{.ID}}"').stdout.trim();
  const svcId = sim.exec('docker service inspect web --format "{{.ID}}"').stdout.trim();
  assert.equal(
    sim.exec("docker node ps --no-resolve --format '{{.Name}} {{.Node}}' --filter desired-state=running")
      .stdout,
    `${svcId}.1 ${nodeId}\n${svcId}.2 ${nodeId}\n`,
  );
  assert.match(
    sim.exec('docker node ps --format raw --filter desired-state=running').stdout,
    /^id: [0-9a-z]{12}\nname: web\.1\nimage: nginx:alpine\nnode: host1\ndesired_state: Running\ncurrent_state: Running \d+ seconds? ago\nerror: \nports: \n\nid: /,
  );
  assert.equal(newTaskFormat('table', true), '{{.ID}}');
  assert.equal(newTaskFormat('raw', true), 'id: {{.ID}}');
  assert.equal(newTaskFormat('{{.Name}}', false), '{{.Name}}');
});

test('updatePorts: --publish-rm matches the target port, the result sorts by its key', () => {
  const p = (published: number, target: number, proto = 'tcp') => ({
    Protocol: proto,
    TargetPort: target,
    PublishedPort: published,
    PublishMode: 'ingress',
  });
  assert.deepEqual(updatePorts([p(8080, 80), p(53, 53, 'udp')], [p(9090, 80), p(8080, 80)], []), [
    p(53, 53, 'udp'),
    p(8080, 80),
    p(9090, 80),
  ]);
  assert.deepEqual(updatePorts([p(8080, 80), p(9090, 90)], [], [p(0, 80)]), [p(9090, 90)]);
  assert.deepEqual(updatePorts([p(8080, 80)], [], [p(0, 8080)]), [p(8080, 80)]);
  assert.deepEqual(updatePorts([p(53, 53, 'udp')], [], [p(0, 53)]), [p(53, 53, 'udp')]);
});
