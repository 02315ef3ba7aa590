// Differential suite for swarm services: the real docker client (28.2.2) and our CLI read the same
// simulated swarm (one manager; services on an overlay, published, global and dnsrr). Reads avoid
// CURRENT STATE ("Running 3 seconds ago"), which the real client computes from its own clock.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareReads, DOCKER_BIN, describeDiff, type Mutations } from './harness.ts';

const SWARM: Mutations = {
  name: 'swarm services',
  seed: 5,
  lines: [
    'docker swarm init',
    'docker network create -d overlay appnet',
    'docker service create -q --name web --replicas 3 --network appnet -p 8080:80 nginx',
    'docker service create -q --name dns --endpoint-mode dnsrr --network appnet traefik/whoami',
    'docker service create -q --name agent --mode global alpine sleep 1d',
    'docker service scale -d web=2',
    'docker service create -d -q --name broken --replicas 2 nosuchimage',
  ],
};

const READS: string[][] = [
  ['service', 'ls'],
  ['service', 'ls', '-q'],
  ['service', 'ls', '--format', '{{.Name}} {{.Mode}} {{.Replicas}} {{.Image}} {{.Ports}}'],
  ['service', 'ls', '--format', 'json'],
  ['service', 'ls', '--filter', 'name=we'],
  ['service', 'ls', '-f', 'mode=global', '-q'],
  ['service', 'ls', '-f', 'bogus=1'],
  ['service', 'ls', '-f', 'nonsense'],
  ['service', 'ps', '--format', '{{.Name}} {{.Image}} {{.Node}} {{.DesiredState}} {{.Error}}', 'web'],
  ['service', 'ps', '-q', 'web', 'dns'],
  ['service', 'ps', '--no-trunc', '--format', '{{.ID}} {{.Name}} {{.Image}}', 'agent'],
  ['service', 'inspect', 'web'],
  [
    'service',
    'inspect',
    '-f',
    '{{.Spec.Name}} {{.Spec.EndpointSpec.Mode}} {{json .Endpoint.VirtualIPs}}',
    'web',
    'dns',
  ],
  ['service', 'inspect', 'nosuchservice'],
  ['service', 'inspect', '--pretty', 'web', 'dns', 'agent'],
  ['service', 'inspect', '--pretty', 'nosuchservice'],
  ['service', 'ps', 'nosuchservice'],
  ['service', 'ps', '--format', '{{.Name}} {{.Image}} {{.Node}} {{.DesiredState}} {{.Error}}', 'broken'],
  ['service', 'ps', '--no-trunc', '--format', '{{.Name}} {{.Error}}', 'broken'],
  ['service', 'rm', 'nosuchservice'],
];

const missing = DOCKER_BIN === undefined;

test('real docker client and our CLI agree on swarm services', { skip: missing }, async () => {
  const outcomes = await compareReads(SWARM, READS);
  const diffs = outcomes.filter((o) => !o.same);
  console.log(
    `# differential services: ${outcomes.length - diffs.length}/${outcomes.length} commands matched`,
  );
  assert.equal(
    diffs.length,
    0,
    `${diffs.length} of ${outcomes.length} reads differ:\n\n${diffs.map(describeDiff).join('\n\n')}`,
  );
});
