// Tests for state-view-swarm.ts: the swarm part of the lab's state view, read through each host's
// Engine API (managers list nodes and services; workers only know their own node).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../index.ts';

test('the state view shows each node, and the services on managers', () => {
  const sim = createWorld({ seed: 4, hosts: ['host1', 'host2', 'host3'] });
  const run = (line: string, host = 'host1') => sim.exec(line, { host });
  run('docker swarm init');
  run(
    run('docker swarm join-token worker').stdout.match(/docker swarm join \S+ \S+ \S+/)?.[0] ?? '',
    'host2',
  );
  run('docker network create -d overlay appnet');
  run(
    'docker service create -d --name api --replicas 2 --network appnet -p 8080:80 -p 53:53/udp traefik/whoami',
  );
  run('docker service create -d --name dns --endpoint-mode dnsrr --network appnet traefik/whoami');
  run('docker service create -d --name agent --mode global alpine sleep 1d');
  run('docker node update --availability drain host2');
  const view = sim.snapshot();
  const [id1, id2] = run('docker node ls -q').stdout.trim().split('\n');
  assert.equal(view.hosts.host3.swarm, undefined);
  assert.deepEqual(view.hosts.host2.swarm, { nodeId: id2, role: 'worker', availability: 'drain' });
  assert.deepEqual(view.hosts.host1.swarm, {
    nodeId: id1,
    role: 'manager',
    availability: 'active',
    nodes: [
      { id: id1, hostname: 'host1', role: 'manager', availability: 'active', state: 'ready' },
      { id: id2, hostname: 'host2', role: 'worker', availability: 'drain', state: 'ready' },
    ],
    services: [
      { name: 'agent', mode: 'global', desired: 1, running: 1, ports: [], networks: [], endpointMode: 'vip' },
      {
        name: 'api',
        mode: 'replicated',
        desired: 2,
        running: 2,
        ports: [
          { target: 80, published: 8080, protocol: 'tcp', mode: 'ingress' },
          { target: 53, published: 53, protocol: 'udp', mode: 'ingress' },
        ],
        networks: ['appnet'],
        endpointMode: 'vip',
      },
      {
        name: 'dns',
        mode: 'replicated',
        desired: 1,
        running: 1,
        ports: [],
        networks: ['appnet'],
        endpointMode: 'dnsrr',
      },
    ],
  });
});
