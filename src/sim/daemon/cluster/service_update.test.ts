// Tests for service_update.ts: networks added and removed (VIPs follow), dirty tasks replaced with
// their history kept (at most 5 per slot), PreviousSpec and UpdateStatus, port conflicts and the
// refused spec changes, and published ports leaving every node's routing mesh.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../../index.ts';

const DIGEST_WARNING =
  'image nosuchimage could not be accessed on a registry to record\nits digest. Each node will access nosuchimage independently,\npossibly leading to different nodes running different\nversions of the image.\n';

function swarm2() {
  const sim = createWorld({ seed: 11, hosts: ['host1', 'host2'] });
  const out = sim.exec('docker swarm init', { host: 'host1' }).stdout;
  sim.exec(/docker swarm join --token \S+ \S+/.exec(out)?.[0] ?? '', { host: 'host2' });
  const run = (cmd: string, host = 'host1') => sim.exec(cmd, { host });
  run('docker network create -d overlay a');
  run('docker network create -d overlay b');
  return { sim, run };
}
const fmt = (run: (c: string) => { stdout: string }, svc: string, f: string): string =>
  run(`docker service inspect ${svc} --format '${f}'`).stdout;

test('--network-add and --network-rm move the VIPs and replace every task', () => {
  const { run } = swarm2();
  run('docker service create -d --name web --replicas 2 --network a nginx');
  assert.equal(fmt(run, 'web', '{{range .Endpoint.VirtualIPs}}{{.Addr}} {{end}}'), '10.0.1.2/24 \n');
  const r = run('docker service update --network-add b --network-rm a web');
  assert.equal(r.exitCode, 0);
  assert.match(
    r.stdout,
    /^web\noverall progress: 0 out of 2 tasks\n1\/2: {2}\n2\/2: {2}\noverall progress: 2 out of 2 tasks\n/,
  );
  assert.match(r.stdout, /\nverify: Service web converged\n$/);
  assert.equal(fmt(run, 'web', '{{range .Endpoint.VirtualIPs}}{{.Addr}} {{end}}'), '10.0.2.2/24 \n');
  assert.equal(
    run('docker service ps web --format "{{.Name}} {{.DesiredState}}"').stdout,
    'web.1 Running\nweb.1 Shutdown\nweb.2 Running\nweb.2 Shutdown\n',
  );
  assert.equal(run('docker network inspect a --format "{{len .Containers}}"').stdout, '0\n');
  // the VIP on a went back to the pool: the next service gets it again
  run('docker service create -d --name other --network a nginx');
  assert.equal(fmt(run, 'other', '{{range .Endpoint.VirtualIPs}}{{.Addr}}{{end}}'), '10.0.1.2/24\n');
});

test('PreviousSpec is kept on every update; UpdateStatus only when tasks were replaced', () => {
  const { sim, run } = swarm2();
  run('docker service create -d --name web --replicas 1 nginx');
  assert.equal(fmt(run, 'web', '{{.PreviousSpec}} {{.UpdateStatus}}'), '<nil> <nil>\n');
  run('docker service update -d --image nginx:alpine web');
  assert.equal(
    fmt(run, 'web', '{{.UpdateStatus.State}} {{.UpdateStatus.Message}} {{.UpdateStatus.CompletedAt}}'),
    'updating update in progress <nil>\n',
  );
  run('sleep 6');
  assert.equal(
    fmt(run, 'web', '{{.UpdateStatus.State}} {{.UpdateStatus.Message}}'),
    'completed update completed\n',
  );
  assert.match(
    fmt(run, 'web', '{{.PreviousSpec.TaskTemplate.ContainerSpec.Image}}'),
    /^nginx:latest@sha256:/,
  );
  run('docker service scale -d web=2');
  assert.equal(fmt(run, 'web', '{{.UpdateStatus}} {{.PreviousSpec.Mode.Replicated.Replicas}}'), '<nil> 1\n');
  assert.equal(sim.exec('docker service ps -q web').stdout.split('\n').filter(Boolean).length, 3);
});

test('a slot keeps at most 5 tasks (TaskHistoryRetentionLimit)', () => {
  const { run } = swarm2();
  run('docker service create -d --name web --replicas 1 nginx');
  for (const image of ['nginx:alpine', 'nginx', 'nginx:alpine', 'nginx', 'nginx:alpine', 'nginx'])
    run(`docker service update -d --image ${image} web`);
  assert.equal(
    run('docker service ps web --format "{{.Name}} {{.DesiredState}}"').stdout,
    'web.1 Running\nweb.1 Shutdown\nweb.1 Shutdown\nweb.1 Shutdown\nweb.1 Shutdown\n',
  );
});

test('published ports: conflicts are refused; --publish-rm takes the port off every node', () => {
  const { run } = swarm2();
  run('docker service create -d --name web --replicas 2 -p 8080:80 nginx');
  const clash = run('docker service create -d --name two -p 8080:80 nginx');
  assert.equal(clash.exitCode, 1);
  assert.match(
    clash.stderr,
    /^Error response from daemon: rpc error: code = InvalidArgument desc = port '8080' is already in use by service 'web' \([0-9a-z]{25}\) as an ingress port\n$/,
  );
  run('docker service create -d --name two nginx');
  assert.match(
    run('docker service update -d --publish-add 8080:80 two').stderr,
    /port '8080' is already in use/,
  );
  assert.equal(run('docker service update -d --publish-rm 80 --publish-add 9090:80 web').stdout, 'web\n');
  assert.equal(
    run('iptables -t nat -S DOCKER-INGRESS', 'host2').stdout,
    '-N DOCKER-INGRESS\n-A DOCKER-INGRESS -p tcp -m tcp --dport 9090 -j DNAT --to-destination 172.18.0.2:9090\n-A DOCKER-INGRESS -j RETURN\n',
  );
  assert.equal(run('curl -s -o /dev/null -w "%{http_code}" localhost:9090', 'host2').stdout, '200');
  assert.notEqual(run('curl -s localhost:8080', 'host2').exitCode, 0);
});

test('update errors: already attached, unknown network, replicas on a global service', () => {
  const { run } = swarm2();
  run('docker service create -d --name web --network a nginx');
  run('docker service create -d --name g --mode global nginx');
  const cases: Array<[string, string]> = [
    ['docker service update --network-add a web', 'service is already attached to network a\n'],
    [
      'docker service update --network-add nosuch web',
      'Error response from daemon: network nosuch not found\n',
    ],
    [
      'docker service update --network-rm nosuch web',
      'Error response from daemon: network nosuch not found\n',
    ],
    ['docker service update --replicas 2 g', 'replicas can only be used with replicated mode\n'],
    ['docker service update --image nginx nosuch', 'Error response from daemon: service nosuch not found\n'],
  ];
  for (const [cmd, stderr] of cases) {
    const r = run(cmd);
    assert.deepEqual([r.exitCode, r.stdout, r.stderr], [1, '', stderr], cmd);
  }
});

test('a new task that fails pauses the update; the other slots keep the old spec', () => {
  const { run } = swarm2();
  run('docker service create -d --name web --replicas 3 nginx');
  const r = run('docker service update --image nosuchimage web');
  const failed = /task ([0-9a-z]{25})$/m.exec(r.stderr)?.[1] ?? '';
  assert.deepEqual(
    [r.exitCode, r.stdout, r.stderr],
    [
      1,
      'web\n',
      `${DIGEST_WARNING}\nservice update paused: update paused due to failure or early termination of task ${failed}\n`,
    ],
  );
  // The restart supervisor shuts the rejected task down and puts a new one (desired Ready) in its slot.
  assert.equal(
    run(
      'docker service ps web --no-trunc --format "{{.ID}} {{.Name}} {{.Image}} {{.DesiredState}} {{.Error}}"',
    ).stdout.split('\n')[1],
    `${failed} web.1 nosuchimage Shutdown "No such image: nosuchimage:latest"`,
  );
  assert.match(
    run('docker service ps web --format "{{.Name}} {{.Image}} {{.DesiredState}}"').stdout,
    /^web\.1 nosuchimage Ready\nweb\.1 nosuchimage Shutdown\nweb\.1 nginx:latest Shutdown\nweb\.2 nginx:latest Running\nweb\.3 nginx:latest Running\n$/,
  );
  assert.equal(fmt(run, 'web', '{{.UpdateStatus.State}}'), 'paused\n');
});

test("create prints each failing slot's error and the daemon's digest warning", () => {
  const { run } = swarm2();
  const r = run('docker service create --name bad --replicas 2 nosuchimage');
  const err = 'No such image: nosuchimage:latest';
  assert.match(
    r.stdout,
    new RegExp(
      `^[0-9a-z]{25}\\noverall progress: 0 out of 2 tasks\\n1/2:  \\n2/2:  \\n1/2: ${err}\\n2/2: ${err}\\noverall progress: 0 out of 2 tasks\\n$`,
    ),
  );
  assert.equal(r.stderr, `${DIGEST_WARNING}\n`);
});
