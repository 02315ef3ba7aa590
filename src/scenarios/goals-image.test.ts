// The containerFromImage goal on hand-made state views, and on a live world where an image is
// built on host1, pushed, and run on host2 under its registry name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ContainerView, LabStateView } from '../sim/index.ts';
import { createWorld } from '../sim/index.ts';
import { GOALS } from './goals.ts';

const ctr = (name: string, image: string, running = true): ContainerView => ({
  id: name,
  name,
  image,
  running,
  networks: {},
  ports: [],
});

const state = (...containers: ContainerView[]): LabStateView => ({
  hosts: { host1: { containers, networks: [], images: [], files: {} } },
});

test('containerFromImage matches the repository, and the tag when one is asked for', () => {
  const s = state(ctr('web', 'learner/myapp:1.1'), ctr('old', 'docker.io/learner/myapp'), ctr('px', 'nginx'));
  const goal = (name: string, image: string) => GOALS.containerFromImage(s, { name, image });
  assert.equal(goal('web', 'learner/myapp'), true);
  assert.equal(goal('web', 'learner/myapp:1.1'), true);
  assert.equal(goal('web', 'docker.io/learner/myapp:1.1'), true);
  assert.equal(goal('web', 'learner/myapp:1.0'), false);
  assert.equal(goal('web', 'myapp'), false);
  assert.equal(goal('old', 'learner/myapp:latest'), true);
  assert.equal(goal('px', 'docker.io/library/nginx:latest'), true);
  assert.equal(goal('nobody', 'nginx'), false);
});

test('containerFromImage is false for a stopped container', () => {
  assert.equal(
    GOALS.containerFromImage(state(ctr('web', 'nginx', false)), { name: 'web', image: 'nginx' }),
    false,
  );
});

test('containerFromImage on a live world: built on host1, pushed, run on host2', () => {
  const sim = createWorld({ hosts: ['host1', 'host2'] });
  sim.writeFile('/root/Dockerfile', 'FROM nginx\nCOPY index.html /usr/share/nginx/html/\n');
  sim.writeFile('/root/index.html', '<h1>hi</h1>\n');
  for (const line of ['docker build -q -t learner/myapp:1.1 .', 'docker push -q learner/myapp:1.1'])
    assert.equal(sim.exec(line).exitCode, 0, line);
  const args = { host: 'host2', name: 'web', image: 'learner/myapp:1.1' };
  assert.equal(GOALS.containerFromImage(sim.snapshot(), args), false);
  assert.equal(sim.exec('docker run -d --name web learner/myapp:1.1', { host: 'host2' }).exitCode, 0);
  assert.equal(GOALS.containerFromImage(sim.snapshot(), args), true);
  assert.equal(GOALS.containerFromImage(sim.snapshot(), { ...args, host: 'host1' }), false);
});
