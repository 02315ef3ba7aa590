// Tests for `--scope swarm` networks of node-local drivers (networks.ts and daemon/network.ts): kept
// by the cluster and listed from it on managers (BasicNetworkFromGRPC's shape), created on a node
// only while a task there uses it, removed through the cluster; refused outside a swarm and on
// workers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../../index.ts';

function swarm2() {
  const sim = createWorld({ seed: 4, hosts: ['host1', 'host2'] });
  const run = (cmd: string, host = 'host1') => sim.exec(cmd, { host });
  return {
    run,
    init: () => {
      const out = run('docker swarm init').stdout;
      run(/docker swarm join --token \S+ \S+/.exec(out)?.[0] ?? '', 'host2');
    },
  };
}

test('outside a swarm a swarm-scoped network is refused; on a manager the cluster keeps it', () => {
  const { run, init } = swarm2();
  assert.equal(
    run('docker network create --scope swarm x').stderr,
    'Error response from daemon: cannot create a swarm scoped network when swarm is not active\n',
  );
  init();
  const id = run('docker network create --scope swarm --attachable x').stdout.trim();
  assert.match(id, /^[0-9a-z]{25}$/);
  const created = JSON.parse(run('docker network inspect x').stdout)[0].Created;
  assert.deepEqual(JSON.parse(run('docker network inspect x').stdout), [
    {
      Name: 'x',
      Id: id,
      Created: created,
      Scope: 'swarm',
      Driver: 'bridge',
      EnableIPv4: true,
      EnableIPv6: false,
      IPAM: { Driver: '', Options: null, Config: [] },
      Internal: false,
      Attachable: true,
      Ingress: false,
      ConfigFrom: { Network: '' },
      ConfigOnly: false,
      Containers: null,
      Options: null,
      Labels: null,
    },
  ]);
  assert.equal(
    run('docker network ls --filter name=x --format "{{.ID}} {{.Name}} {{.Driver}} {{.Scope}}"').stdout,
    `${id.slice(0, 12)} x bridge swarm\n`,
  );
  assert.equal(run(`ip link show br-${id.slice(0, 12)}`).exitCode, 1);
  assert.equal(
    run('docker network create --scope swarm y', 'host2').stderr,
    'Error response from daemon: Cannot create a multi-host network from a worker node. Please create the network from a manager node.\n',
  );
  assert.equal(
    run('docker network create --scope swarm --ipv4=false z').stderr,
    'Error response from daemon: IPv4 cannot be disabled in a Swarm scoped network\n',
  );
});

test('a task brings the network to its node (local IPAM, br-<id>), and it goes with the last task', () => {
  const { run, init } = swarm2();
  init();
  const id = run('docker network create --scope swarm x').stdout.trim();
  run('docker service create -d --name web --replicas 2 --network x nginx');
  for (const host of ['host1', 'host2']) {
    assert.equal(
      run('docker network inspect x --format "{{.Scope}} {{.Driver}} {{len .Containers}}"', host).stdout,
      'swarm bridge 1\n',
    );
    assert.equal(run(`ip -br link show br-${id.slice(0, 12)}`, host).exitCode, 0);
  }
  assert.equal(run('docker service inspect web --format "{{.Endpoint.VirtualIPs}}"').stdout, '<nil>\n');
  assert.match(
    run('docker network rm x').stderr,
    /^Error response from daemon: rpc error: code = FailedPrecondition desc = network [0-9a-z]{25} is in use by service [0-9a-z]{25}\n/,
  );
  run('docker service rm web');
  assert.equal(run('docker network ls -q --filter name=^x$', 'host2').stdout, '');
  assert.equal(run('docker network rm x').stdout, 'x\n');
  assert.equal(run('docker network ls -q --filter name=^x$').stdout, '');
});
