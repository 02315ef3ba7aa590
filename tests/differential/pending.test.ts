// Differential suite for Pending tasks: the real docker client (28.2.2) and our CLI read a two-node
// swarm where no node can take some tasks (a constraint naming a host outside the swarm; workers
// only, with the only worker drained), so they stay Pending with the scheduler's error; a constraint
// update replaces Pending tasks and keeps placed tasks whose node meets the new constraints.
// Task tables leave out CURRENT STATE ("Pending 3 seconds ago"): the real client computes it from
// its own clock.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareReads, DOCKER_BIN, describeDiff, type Mutations } from './harness.ts';

const SWARM: Mutations = {
  name: 'pending tasks',
  seed: 11,
  hosts: ['host1', 'host2'],
  lines: [
    'docker swarm init',
    '@host2 ${JOIN}',
    'docker service create -d -q --name pinned --constraint node.hostname==host3 nginx',
    'docker node update --availability drain host2',
    'docker service create -d -q --name workers --replicas 2 --constraint node.role==worker nginx',
    'docker service create -d -q --name web --replicas 2 -p 8080:80 nginx',
    'docker service create -d -q --name moved --replicas 2 --constraint node.hostname==host3 nginx',
    'docker service update -d -q --constraint-rm node.hostname==host3 --constraint-add node.role==manager moved',
    'docker service update -d -q --constraint-add node.hostname==host1 web',
  ],
};

const TASKS = 'table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.Error}}\t{{.Ports}}';

const READS: string[][] = [
  ['service', 'ls'],
  ['service', 'ls', '--format', '{{.Name}} {{.Replicas}}'],
  ['service', 'ps', '--format', TASKS, 'pinned', 'workers', 'web'],
  ['service', 'ps', '--no-trunc', '--format', TASKS, 'pinned', 'workers'],
  ['service', 'ps', '--format', '{{.Name}}|{{.Node}}|{{.DesiredState}}|{{.Error}}', 'pinned'],
  ['service', 'ps', '-f', 'desired-state=running', '-q', 'workers'],
  ['service', 'inspect', '-f', '{{.Spec.TaskTemplate.Placement.Constraints}}', 'pinned'],
  ['node', 'ps', '--format', TASKS, 'host1', 'host2'],
  ['service', 'ps', '--format', TASKS, 'moved', 'web'],
  ['service', 'inspect', 'moved'],
  ['service', 'inspect', '-f', '{{json .UpdateStatus}} {{.Spec.TaskTemplate.Placement.Constraints}}', 'web'],
  ['service', 'ls'],
];

const missing = DOCKER_BIN === undefined;

test('real docker client and our CLI agree on Pending tasks', { skip: missing }, async () => {
  const outcomes = await compareReads(SWARM, READS);
  const diffs = outcomes.filter((o) => !o.same);
  console.log(
    `# differential pending: ${outcomes.length - diffs.length}/${outcomes.length} commands matched`,
  );
  assert.equal(
    diffs.length,
    0,
    `${diffs.length} of ${outcomes.length} reads differ:\n\n${diffs.map(describeDiff).join('\n\n')}`,
  );
});
