import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../index.ts';

test('--uts host: processes see the host name; Config.Hostname and /etc/hostname keep the short ID', () => {
  const sim = createWorld();
  sim.exec('docker pull -q alpine');
  const run = sim.exec('docker run --rm --uts host alpine hostname');
  assert.deepEqual([run.exitCode, run.stdout, run.stderr], [0, 'host1\n', '']);
  const id = sim.exec('docker run -d --name u1 --uts host alpine sleep 1000').stdout.trim();
  assert.equal(sim.exec('docker exec u1 hostname').stdout, 'host1\n');
  assert.equal(sim.exec('docker exec u1 cat /etc/hostname').stdout, `${id.slice(0, 12)}\n`);
  assert.equal(
    sim.exec('docker inspect -f "{{.Config.Hostname}} {{.HostConfig.UTSMode}}" u1').stdout,
    `${id.slice(0, 12)} host\n`,
  );
  const own = sim.exec('docker run --name u2 alpine hostname');
  assert.equal(own.stdout, `${sim.exec('docker inspect -f "{{.Config.Hostname}}" u2').stdout}`);
  const bad = sim.exec('docker run --rm --uts bogus alpine hostname');
  assert.deepEqual(
    [bad.exitCode, bad.stdout, bad.stderr],
    [125, '', "docker: --uts: invalid UTS mode\n\nRun 'docker run --help' for more information\n"],
  );
});
