// Tests for node_remove.ts and the node lookups it uses: `node rm` refusals (manager, node up),
// removal after `swarm leave` and by force (tasks orphaned and replaced, the host out of the
// swarm), and a hostname that matches two nodes after a leave and rejoin.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../../index.ts';

function swarm3() {
  const sim = createWorld({ seed: 5, hosts: ['host1', 'host2', 'host3'] });
  const out = sim.exec('docker swarm init', { host: 'host1' }).stdout;
  const join = /docker swarm join --token \S+ \S+/.exec(out)?.[0] ?? '';
  sim.exec(join, { host: 'host2' });
  sim.exec(join, { host: 'host3' });
  const run = (cmd: string, host = 'host1') => sim.exec(cmd, { host });
  return { sim, run, join };
}

test('node rm refuses a manager and a node that is up; --force removes a live worker', () => {
  const { run } = swarm3();
  const id = (h: string): string => run(`docker node inspect ${h} --format "{{.ID}}"`).stdout.trim();
  const [m, w] = [id('host1'), id('host2')];
  assert.deepEqual(
    [run('docker node rm host1').stderr, run('docker node rm host2').stderr],
    [
      `Error response from daemon: rpc error: code = FailedPrecondition desc = node ${m} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal\n`,
      `Error response from daemon: rpc error: code = FailedPrecondition desc = node ${w} is not down and can't be removed\n`,
    ],
  );
  run('docker service create -d --name web --replicas 3 nginx');
  assert.equal(run('docker node rm --force host2').stdout, 'host2\n');
  assert.equal(
    run('docker service ps web --format "{{.Name}} {{.Node}} {{.DesiredState}} {{.Error}}"').stdout,
    `web.1 host1 Running \nweb.2 host1 Running \nweb.2 ${w} Shutdown \nweb.3 host3 Running \n`,
  );
  assert.match(
    run('docker service ps web --format "{{.CurrentState}}" --filter desired-state=shutdown').stdout,
    /^Orphaned \d+ seconds? ago\n$/,
  );
  assert.equal(run('docker info --format "{{.Swarm.LocalNodeState}}"', 'host2').stdout, 'inactive\n');
  assert.equal(run('docker node ls -q').stdout.split('\n').filter(Boolean).length, 2);
});

test('after leave and rejoin the hostname is ambiguous until the old node is removed', () => {
  const { run, join } = swarm3();
  run('docker swarm leave', 'host3');
  run(join, 'host3');
  assert.equal(
    run('docker node ls --format "{{.Hostname}} {{.Status}}"').stdout,
    'host1 Ready\nhost2 Ready\nhost3 Down\nhost3 Ready\n',
  );
  assert.equal(
    run('docker node rm host3').stderr,
    'Error response from daemon: node host3 is ambiguous (2 matches found)\n',
  );
  const old = /^(\S+) Down$/m.exec(run('docker node ls --format "{{.ID}} {{.Status}}"').stdout)?.[1];
  assert.ok(old);
  assert.equal(run(`docker node rm ${old}`).stdout, `${old}\n`);
  assert.equal(run('docker info --format "{{.Swarm.LocalNodeState}}"', 'host3').stdout, 'active\n');
  assert.equal(run('docker node ps host3 -q').exitCode, 0);
});

test('node ps: self by default, several nodes, errors joined after the tasks found', () => {
  const { run } = swarm3();
  run('docker service create -d --name web --replicas 3 nginx');
  assert.equal(run('docker node ps --format "{{.Name}} {{.Node}}"').stdout, 'web.1 host1\n');
  const r = run('docker node ps --format "{{.Name}} {{.Node}}" host3 nosuch');
  assert.deepEqual(
    [r.exitCode, r.stdout, r.stderr],
    [1, 'web.3 host3\n', 'Error response from daemon: node nosuch not found\n'],
  );
  const none = run('docker node ps nosuch1 nosuch2');
  assert.deepEqual(
    [none.stdout, none.stderr],
    [
      '',
      'Error response from daemon: node nosuch1 not found\nError response from daemon: node nosuch2 not found\n',
    ],
  );
  assert.equal(
    run('docker node ps', 'host2').stderr,
    "Error response from daemon: This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.\n",
  );
});
