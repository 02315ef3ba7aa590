import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../index.ts';

const FILE = (net: string): string =>
  `services:\n  web:\n    image: nginx\n  db:\n    image: alpine\n    command: sleep 1000\n    networks: [back]\nnetworks:\n  back:${net}\n`;

test('a network whose config changed is removed and created again; its containers then fail to start (v2.36.2)', () => {
  const sim = createWorld();
  sim.writeFile('/root/app/compose.yaml', FILE(' {}'));
  sim.exec('cd /root/app');
  assert.equal(sim.exec('docker compose up -d').exitCode, 0);
  const oldId = sim.exec('docker network inspect -f "{{.Id}}" app_back').stdout.trim();
  sim.writeFile('/root/app/compose.yaml', FILE('\n    internal: true'));
  const r = sim.exec('docker compose up -d');
  assert.deepEqual(
    [r.exitCode, r.stdout, r.stderr],
    [
      1,
      '',
      [
        ' Container app-db-1  Stopping',
        ' Container app-db-1  Stopped',
        ' Network app_back  Removed',
        ' Network app_back  Creating',
        ' Network app_back  Created',
        ' Container app-db-1  Created',
        ' Container app-web-1  Running',
        ' Container app-db-1  Starting',
        `Error response from daemon: failed to set up container networking: network ${oldId} not found`,
        '',
      ].join('\n'),
    ],
  );
  assert.equal(sim.exec('docker network inspect -f "{{.Internal}}" app_back').stdout, 'true\n');
  // An unchanged network is left alone; web never left the default network.
  assert.equal(sim.exec('docker inspect -f "{{.State.Status}}" app-web-1').stdout, 'running\n');
});
