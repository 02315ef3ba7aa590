// Differential suite for swarm housekeeping on three hosts: the real docker client (28.2.2) and our
// CLI read the same simulated swarm after services were moved between overlay networks, ports were
// republished, an image update failed and paused, a worker left and was removed (`node ps`,
// `node rm` errors, `service ps` with history and orphaned tasks, `service inspect` after update,
// `network inspect --verbose`).
// Task tables leave out CURRENT STATE ("Running 3 seconds ago"): the real client computes it from
// its own clock.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareReads, DOCKER_BIN, describeDiff, type Mutations } from './harness.ts';

const SWARM: Mutations = {
  name: 'swarm nodes and updates',
  seed: 7,
  hosts: ['host1', 'host2', 'host3'],
  lines: [
    'docker swarm init',
    '@host2 ${JOIN}',
    '@host3 ${JOIN}',
    'docker network create -d overlay --attachable appnet',
    'docker network create -d overlay backnet',
    'docker network create --scope swarm localnet',
    'docker service create -q --name web --replicas 3 --network appnet -p 8080:80 nginx',
    'docker service create -q --name dns --endpoint-mode dnsrr --network appnet traefik/whoami',
    'docker service update -q --network-add backnet --publish-add 9090:80 web',
    'docker service update -q --network-rm appnet --network-add backnet dns',
    'docker service update -q --image nginx:alpine --publish-rm 80 web',
    'docker service scale -d dns=2',
    'docker service create -q --name api --replicas 2 nginx',
    'docker service update -d --image nosuchimage api',
    '@host2 docker run -d --name probe --network appnet alpine sleep 1d',
    '@host3 docker swarm leave',
    'docker node rm host3',
  ],
};

const TASKS = 'table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.Error}}\t{{.Ports}}';

const READS: string[][] = [
  ['node', 'ps', '--format', TASKS],
  ['node', 'ps', '-q'],
  ['node', 'ps', '--no-trunc', '-q', 'host2'],
  ['node', 'ps', '--format', '{{.Name}} {{.Node}} {{.DesiredState}}', 'host1', 'host2'],
  ['node', 'ps', '--filter', 'desired-state=running', '--format', '{{.ID}} {{.Name}}', 'self'],
  ['node', 'ps', '-f', 'desired-state=shutdown', '--no-resolve', '--format', '{{.Name}} {{.Node}}', 'host1'],
  ['node', 'ps', '--filter', 'name=web', '--format', TASKS, 'host2'],
  ['node', 'ps', 'nosuchnode'],
  ['node', 'ps', '--format', '{{.Name}} {{.Node}}', 'host1', 'nosuchnode'],
  ['node', 'ps', '--filter', 'color=blue'],
  ['node', 'ps', '--filter', 'desired-state=gone'],
  ['node', 'rm', 'host2'],
  ['node', 'rm', '--force', 'host1'],
  ['node', 'rm', 'nosuchnode', 'host3'],
  ['node', 'ls', '--format', '{{.Hostname}} {{.Status}} {{.Availability}} {{.ManagerStatus}}'],
  ['service', 'ps', '--format', TASKS, 'web', 'dns'],
  ['service', 'ps', '--filter', 'desired-state=running', '-q', 'web'],
  ['service', 'ps', '--filter', 'node=host2', '--format', '{{.Name}} {{.Node}}', 'web'],
  ['service', 'ps', '--format', '{{.Name}}', 'web', 'nosuchservice'],
  ['service', 'inspect', 'web'],
  ['service', 'inspect', 'dns'],
  ['service', 'inspect', '-f', '{{json .UpdateStatus}} {{json .PreviousSpec.EndpointSpec}}', 'web'],
  ['service', 'inspect', '--pretty', 'dns'],
  ['service', 'inspect', '-f', '{{json .UpdateStatus}}', 'api'],
  ['service', 'ps', '--format', '{{.Name}} {{.Image}} {{.DesiredState}} {{.Error}}', 'api'],
  ['service', 'ls', '--format', '{{.Name}} {{.Replicas}} {{.Image}}'],
  ['service', 'ls'],
  ['service', 'update', '--network-add', 'backnet', 'web'],
  ['service', 'update', '--network-add', 'nosuchnet', 'web'],
  ['service', 'update', '--network-add', 'bridge', 'web'],
  ['service', 'update', '--replicas', '2', 'nosuchservice'],
  ['network', 'inspect', '-v', 'appnet'],
  ['network', 'inspect', '--verbose', 'backnet'],
  ['network', 'inspect', '-v', 'ingress'],
  ['network', 'inspect', '-v', '--format', '{{json .Services}} {{len .Peers}}', 'backnet'],
  ['network', 'inspect', '-v', 'localnet'],
  ['network', 'inspect', '-v', 'bridge'],
  ['network', 'ls', '--filter', 'scope=swarm'],
  ['network', 'rm', 'backnet'],
];

const missing = DOCKER_BIN === undefined;

test('real docker client and our CLI agree on swarm nodes, updates and verbose inspect', {
  skip: missing,
}, async () => {
  const outcomes = await compareReads(SWARM, READS);
  const diffs = outcomes.filter((o) => !o.same);
  console.log(
    `# differential swarm nodes: ${outcomes.length - diffs.length}/${outcomes.length} commands matched`,
  );
  assert.equal(
    diffs.length,
    0,
    `${diffs.length} of ${outcomes.length} reads differ:\n\n${diffs.map(describeDiff).join('\n\n')}`,
  );
});
