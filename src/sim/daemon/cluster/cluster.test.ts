import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../../index.ts';
import {
  errBadToken,
  errJoinTimeout,
  errNoSwarm,
  errNotInSwarm,
  errSwarmExists,
  errWorker,
} from './cluster.ts';

type Api = ReturnType<ReturnType<typeof createWorld>['api']>;
const call = (
  api: Api,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  query?: Record<string, string>,
) => api.route({ method, path: `/v1.50${path}`, query: query ?? {}, body });
const msg = (r: { json?: unknown }): string => (r.json as { message: string }).message;

function twoHosts() {
  const sim = createWorld({ seed: 7, hosts: ['host1', 'host2'] });
  return { sim, h1: sim.api('host1'), h2: sim.api('host2') };
}

test('swarm API errors carry dockerd status codes and messages', () => {
  const { h1, h2 } = twoHosts();
  let r = call(h1, 'GET', '/nodes');
  assert.deepEqual([r.status, msg(r)], [503, errNotInSwarm]);
  r = call(h1, 'POST', '/swarm/leave');
  assert.deepEqual([r.status, msg(r)], [503, errNoSwarm]);
  assert.equal(call(h1, 'POST', '/swarm/init', {}).status, 200);
  r = call(h1, 'POST', '/swarm/init', {});
  assert.deepEqual([r.status, msg(r)], [503, errSwarmExists]);
  const tokens = (call(h1, 'GET', '/swarm').json as { JoinTokens: { Worker: string; Manager: string } })
    .JoinTokens;
  assert.match(tokens.Worker, /^SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}$/);
  assert.equal(tokens.Worker.slice(0, 60), tokens.Manager.slice(0, 60));
  r = call(h2, 'POST', '/swarm/join', { JoinToken: 'SWMTKN-1-x', RemoteAddrs: ['192.168.1.11:2377'] });
  assert.deepEqual([r.status, msg(r)], [400, 'invalid join token']);
  const wrong = `${tokens.Worker.slice(0, 60)}${'z'.repeat(25)}`;
  r = call(h2, 'POST', '/swarm/join', { JoinToken: wrong, RemoteAddrs: ['192.168.1.11:2377'] });
  assert.deepEqual([r.status, msg(r)], [400, errBadToken]);
  r = call(h2, 'POST', '/swarm/join', { JoinToken: tokens.Worker, RemoteAddrs: ['192.168.1.99:2377'] });
  assert.deepEqual([r.status, msg(r)], [503, errJoinTimeout]);
  assert.equal(
    call(h2, 'POST', '/swarm/join', { JoinToken: tokens.Worker, RemoteAddrs: ['192.168.1.11:2377'] }).status,
    200,
  );
  r = call(h2, 'GET', '/swarm');
  assert.deepEqual([r.status, msg(r)], [503, errWorker]);
  const info = call(h2, 'GET', '/info').json as { Swarm: Record<string, unknown> };
  assert.equal(info.Swarm.LocalNodeState, 'active');
  assert.equal(info.Swarm.ControlAvailable, false);
  assert.deepEqual(info.Swarm.RemoteManagers, [
    {
      NodeID: (call(h1, 'GET', '/info').json as { Swarm: { NodeID: string } }).Swarm.NodeID,
      Addr: '192.168.1.11:2377',
    },
  ]);
});

test('a manager token makes a manager; the last manager needs --force to leave', () => {
  const { sim } = twoHosts();
  sim.exec('docker swarm init --advertise-addr eth0', { host: 'host1' });
  const token = sim.exec('docker swarm join-token -q manager', { host: 'host1' }).stdout.trim();
  const j = sim.exec(`docker swarm join --token ${token} 192.168.1.11:2377`, { host: 'host2' });
  assert.equal(j.stdout, 'This node joined a swarm as a manager.\n');
  assert.match(
    sim.exec('docker node ls', { host: 'host2' }).stdout,
    /^[0-9a-z]{25} \* {3}host2 +Ready +Active +Reachable +28\.2\.2$/m,
  );
  const leave = sim.exec('docker swarm leave', { host: 'host2' });
  assert.match(leave.stderr, /Removing this node leaves 1 managers out of 2\. Without a Raft quorum/);
  assert.equal(sim.exec('docker swarm leave --force', { host: 'host2' }).stdout, 'Node left the swarm.\n');
  assert.equal(sim.exec('docker swarm leave --force', { host: 'host1' }).exitCode, 0);
  assert.equal(sim.exec('docker network ls -q -f name=ingress', { host: 'host1' }).stdout, '');
});

test('the overlay hop is VXLAN between the hosts: outer LAN IPs and UDP 4789', () => {
  const { sim } = twoHosts();
  sim.exec('docker swarm init', { host: 'host1' });
  const join =
    sim.exec('docker swarm join-token worker', { host: 'host1' }).stdout.match(/docker swarm join .*/)?.[0] ??
    '';
  sim.exec(join, { host: 'host2' });
  const nid = sim.exec('docker network create -d overlay --attachable ov', { host: 'host1' }).stdout.trim();
  const a = sim.exec('docker run -dit --name ca --network ov alpine', { host: 'host1' });
  assert.equal(a.exitCode, 0, a.stderr);
  assert.equal(sim.exec('docker run -dit --name cb --network ov alpine', { host: 'host2' }).exitCode, 0);
  // gossip: host1, whose container joined first, learnt host2's endpoint (ARP + FDB towards 192.168.1.12)
  const ovns = sim.world.namespaces().find((n) => n.id === `host1/1-${nid.slice(0, 10)}`);
  assert.deepEqual(
    ovns?.fdb.map((f) => [f.mac, f.dst]),
    [['02:42:0a:00:01:03', '192.168.1.12']],
  );
  assert.deepEqual(
    ovns?.neigh.map((n) => n.ip),
    ['10.0.1.3'],
  );
  const reasons: string[] = [];
  const sub = sim.onTrace((e) => {
    for (const h of (e.trace as { hops: Array<{ what: string; reason: string }> }).hops)
      if (h.what === 'vxlan') reasons.push(h.reason);
  });
  const ping = sim.exec('docker exec ca ping -c 1 cb', { host: 'host1' });
  sub.dispose();
  assert.equal(ping.exitCode, 0, ping.stdout + ping.stderr);
  assert.ok(
    reasons.some((r) =>
      /^encapsulated in VXLAN \(VNI 4097\): outer UDP 192\.168\.1\.11:\d+ → 192\.168\.1\.12:4789/.test(r),
    ),
    reasons.join('\n'),
  );
  assert.ok(
    reasons.some((r) => /outer UDP 192\.168\.1\.12:\d+ → 192\.168\.1\.11:4789/.test(r)),
    'the reply is encapsulated too',
  );
  sim.exec('iptables -I OUTPUT -p udp --dport 4789 -j DROP', { host: 'host1' });
  assert.equal(sim.exec('docker exec ca ping -c 1 -W 1 cb', { host: 'host1' }).exitCode, 1);
});
