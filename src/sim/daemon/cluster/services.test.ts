// Tests for services.ts, ingress.ts and node_update.ts: scheduling (spread, constraints, global,
// drain, a host going down), service DNS records, VIP release and the routing mesh's plumbing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../../index.ts';

function swarm3() {
  const sim = createWorld({ seed: 3, hosts: ['host1', 'host2', 'host3'] });
  const out = sim.exec('docker swarm init', { host: 'host1' }).stdout;
  const join = /docker swarm join --token \S+ \S+/.exec(out)?.[0] ?? '';
  sim.exec(join, { host: 'host2' });
  sim.exec(join, { host: 'host3' });
  const run = (cmd: string, host = 'host1') => sim.exec(cmd, { host });
  return { sim, run };
}
const placement = (run: (c: string) => { stdout: string }, svc: string): string =>
  run(`docker service ps ${svc} --format "{{.Name}}@{{.Node}}:{{.DesiredState}}"`).stdout;

test('replicas spread over the active nodes, one slot each', () => {
  const { run } = swarm3();
  run('docker service create -d --name web --replicas 4 nginx');
  assert.equal(
    placement(run, 'web'),
    'web.1@host1:Running\nweb.2@host2:Running\nweb.3@host3:Running\nweb.4@host1:Running\n',
  );
  run('docker service scale -d web=2');
  assert.equal(placement(run, 'web'), 'web.1@host1:Running\nweb.2@host2:Running\n');
});

test('constraints and global mode choose the nodes', () => {
  const { run } = swarm3();
  run('docker service create -d --name w --replicas 2 --constraint node.role==worker nginx');
  assert.equal(placement(run, 'w'), 'w.1@host2:Running\nw.2@host3:Running\n');
  const id = run('docker service create -d --name g --mode global nginx').stdout.trim();
  assert.match(id, /^[0-9a-z]{25}$/);
  const nodes = run('docker service ps g --format "{{.Node}}"').stdout.split('\n').filter(Boolean).sort();
  assert.deepEqual(nodes, ['host1', 'host2', 'host3']);
  assert.equal(
    run('docker service ls --format "{{.Name}} {{.Mode}} {{.Replicas}}"').stdout,
    'g global 3/3\nw replicated 2/2\n',
  );
});

test('draining a node and taking a host down reschedule its tasks', () => {
  const { sim, run } = swarm3();
  run('docker service create -d --name web --replicas 3 nginx');
  run('docker node update --availability drain host3');
  assert.equal(
    placement(run, 'web'),
    'web.1@host1:Running\nweb.2@host2:Running\nweb.3@host1:Running\nweb.3@host3:Shutdown\n',
  );
  assert.equal(run('docker ps -q', 'host3').stdout, '');
  run('docker node update --availability active host3');
  sim.setHostUp('host2', false);
  assert.match(run('docker node ls --format "{{.Hostname}} {{.Status}}"').stdout, /^host2 Down$/m);
  assert.match(placement(run, 'web'), /^web\.2@host3:Running\nweb\.2@host2:Shutdown$/m);
  sim.setHostUp('host2', true);
  assert.match(run('docker node ls --format "{{.Hostname}} {{.Status}}"').stdout, /^host2 Ready$/m);
  assert.equal(run('docker ps -q', 'host2').stdout, '');
});

test('service names resolve to the VIP (vip) or the tasks (dnsrr); rm releases the VIP', () => {
  const { run } = swarm3();
  run('docker network create -d overlay --attachable net');
  run('docker service create -d --name web --replicas 2 --network net nginx');
  run('docker run -d --name probe --network net nicolaka/netshoot sleep 1d');
  assert.equal(run('docker exec probe dig +short web').stdout, '10.0.1.2\n');
  assert.equal(run('docker exec probe dig +short tasks.web').stdout, '10.0.1.3\n10.0.1.4\n');
  assert.equal(
    run('docker service inspect web --format "{{(index .Endpoint.VirtualIPs 0).Addr}}"').stdout,
    '10.0.1.2/24\n',
  );
  run('docker service rm web');
  assert.equal(run('docker exec probe dig +short web').stdout, '');
  run('docker service create -d --name rr --endpoint-mode dnsrr --replicas 1 --network net nginx');
  assert.equal(run('docker exec probe dig +short rr').stdout, '10.0.1.2\n');
});

test('VIP connections are balanced round-robin over the tasks', () => {
  const { run } = swarm3();
  run('docker network create -d overlay --attachable net');
  run('docker service create -d --name who --replicas 3 --network net traefik/whoami');
  run('docker run -d --name probe --network net nicolaka/netshoot sleep 1d');
  const hosts = [1, 2, 3, 4].map(
    (_) => /^Hostname: (\w+)$/m.exec(run('docker exec probe curl -s who').stdout)?.[1],
  );
  assert.equal(new Set(hosts.slice(0, 3)).size, 3);
  assert.equal(hosts[3], hosts[0]);
});

test('the routing mesh: ingress-sbox on every node, DNAT on the host, IPVS to the tasks', () => {
  const { run } = swarm3();
  run('docker service create -d --name web --replicas 1 --constraint node.hostname==host1 -p 8080:80 nginx');
  const ingress = run('docker network inspect ingress --format "{{json .Containers}}"', 'host3').stdout;
  assert.match(ingress, /"ingress-sbox":\{"Name":"ingress-endpoint",/);
  const gw = run('docker network inspect docker_gwbridge --format "{{json .Containers}}"', 'host3').stdout;
  assert.match(gw, /"ingress-sbox":\{"Name":"gateway_ingress-sbox",.*"IPv4Address":"172\.18\.0\.2\/16"/);
  assert.match(run('curl -s 192.168.1.13:8080', 'host2').stdout, /Welcome to nginx!/);
  assert.match(run('curl -s localhost:8080', 'host3').stdout, /Welcome to nginx!/);
  assert.equal(
    run('iptables -S DOCKER-INGRESS', 'host3').stdout,
    '-N DOCKER-INGRESS\n-A DOCKER-INGRESS -p tcp -m tcp --dport 8080 -j ACCEPT\n-A DOCKER-INGRESS -p tcp -m state --state RELATED,ESTABLISHED -m tcp --sport 8080 -j ACCEPT\n-A DOCKER-INGRESS -j RETURN\n',
  );
});

test('service errors: duplicate names, unknown services and networks, workers', () => {
  const { run } = swarm3();
  run('docker service create -d --name web nginx');
  const dup = run('docker service create -d --name web nginx');
  assert.equal(dup.exitCode, 1);
  assert.equal(
    dup.stderr,
    'Error response from daemon: rpc error: code = AlreadyExists desc = name conflicts with an existing object: service web already exists\n',
  );
  assert.equal(run('docker service ps nope').stderr, 'no such service: nope\n');
  assert.equal(run('docker service logs nope').stderr, 'no such task or service: nope\n');
  assert.equal(
    run('docker service create -d --network nope nginx').stderr,
    'Error response from daemon: network nope not found\n',
  );
  assert.match(
    run('docker service ls', 'host2').stderr,
    /^Error response from daemon: This node is not a swarm manager\. Worker nodes/,
  );
});
