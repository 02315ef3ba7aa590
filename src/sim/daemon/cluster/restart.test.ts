import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../../index.ts';

test('tasks of a missing image are rejected and restarted every 5 s (default restart policy)', () => {
  const sim = createWorld();
  sim.exec('docker swarm init');
  sim.exec('docker service create -d --name web --replicas 2 nosuchimage');
  const ps = (): string =>
    sim.exec('docker service ps web --format "{{.Name}}|{{.Image}}|{{.DesiredState}}|{{.Error}}"').stdout;
  const ages = (): string[] =>
    sim
      .exec('docker service ps web --filter name=web.1 --format "{{.CurrentState}}"')
      .stdout.split('\n')
      .filter(Boolean);
  const err = '"No such image: nosuchimage:la…"';
  const slot = (n: number, shutdown: number): string[] => [
    `web.${n}|nosuchimage|Ready|${err}`,
    ...Array(shutdown).fill(`web.${n}|nosuchimage|Shutdown|${err}`),
  ];
  assert.equal(ps(), [...slot(1, 1), ...slot(2, 1), ''].join('\n'));
  sim.exec('sleep 7');
  assert.equal(ps(), [...slot(1, 3), ...slot(2, 3), ''].join('\n'));
  assert.deepEqual(ages(), [
    'Rejected 1 second ago',
    'Rejected 6 seconds ago',
    'Rejected 11 seconds ago',
    'Rejected 11 seconds ago',
  ]);
  // Each slot keeps 5 tasks (TaskHistoryRetentionLimit); the replicas never come up.
  sim.exec('sleep 60');
  assert.equal(
    ps()
      .split('\n')
      .filter((l) => l.startsWith('web.1|')).length,
    5,
  );
  assert.equal(
    sim.exec('docker service ls --format "{{.Name}} {{.Replicas}} {{.Image}}"').stdout,
    'web 0/2 nosuchimage\n',
  );
  assert.equal(sim.exec('docker ps -aq').stdout, '');
});
