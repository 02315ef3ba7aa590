// Unit tests for explain.ts: each of Docker's usual reasons, said in plain words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explain, whoIs } from './explain.ts';
import { hop, sampleGraph, trace } from './testing.ts';

const g = sampleGraph();
const drop = (rule: string, reason = 'raw PREROUTING: dropped by PREROUTING') =>
  hop('host1', 'iptables', { verdict: 'drop', rule, reason });

test('whoIs names containers, hosts, the router and the internet', () => {
  assert.deepEqual(
    ['host1/d1', 'host1', 'router', 'dns.google', 'elsewhere'].map((id) => whoIs(g, id).name),
    ['d1', 'host1', 'the router', 'dns.google (internet)', 'elsewhere'],
  );
});

test('two user-defined bridges are isolated', () => {
  const t = trace(
    'host1/c1',
    '172.18.0.2',
    [hop('host1/c1', 'send'), drop('-A PREROUTING -d 172.18.0.2/32 ! -i br-a -j DROP')],
    {
      verdict: 'dropped',
    },
  );
  // c1 is on b and a; web on a. The sender's networks are listed as they are attached.
  assert.deepEqual(explain(g, t), {
    status: 'drop',
    hop: 1,
    where: 'host1, raw PREROUTING',
    why: 'isolated: different user-defined bridges (a, b → a). Connect a container to both networks to let them talk.',
  });
});

test('the default bridge and a user-defined bridge are isolated', () => {
  const t = trace(
    'host1/d1',
    '172.18.0.2',
    [drop('-A DOCKER-ISOLATION-STAGE-2 -o br-a -j DROP', 'filter DOCKER-ISOLATION-STAGE-2: dropped')],
    {
      verdict: 'dropped',
    },
  );
  assert.equal(
    explain(g, t).why,
    'isolated: the containers are on different bridge networks (bridge → a), and Docker drops traffic between bridges.',
  );
  assert.equal(explain(g, t).where, 'host1, filter DOCKER-ISOLATION-STAGE-2');
});

test('a container address reached from outside its bridge', () => {
  const t = trace('router', '172.18.0.2', [drop('-A PREROUTING -d 172.18.0.2/32 ! -i br-a -j DROP')], {
    verdict: 'dropped',
  });
  assert.equal(
    explain(g, t).why,
    "blocked: web's address is reachable only through its own bridge; publish a port (-p) to reach it from outside.",
  );
});

test('icc=false, internal networks, unpublished ports and the FORWARD policy', () => {
  const why = (rule: string) =>
    explain(g, trace('host1/d1', '172.17.0.3', [drop(rule)], { verdict: 'dropped' })).why;
  assert.equal(
    why('-A DOCKER-FORWARD -i docker0 -o docker0 -j DROP'),
    'inter-container communication is off on this bridge (icc=false): containers on it cannot talk to each other.',
  );
  assert.equal(
    why('-A DOCKER-ISOLATION-STAGE-1 ! -d 172.18.0.0/16 -i br-a -j DROP'),
    'internal network: traffic may not leave it (docker network create --internal).',
  );
  assert.equal(
    why('-A DOCKER ! -i docker0 -o docker0 -j DROP'),
    'not published: from outside its bridge a container is reachable only on published ports (-p).',
  );
  assert.equal(
    why('-P FORWARD DROP'),
    'no rule accepted this forwarded packet, so the FORWARD chain’s default policy (DROP) dropped it.',
  );
  assert.equal(why('-A INPUT -j DROP'), 'a firewall rule dropped it: -A INPUT -j DROP');
});

test('no DNS on the default bridge', () => {
  const t = trace('host1/d1', '192.168.1.1', [
    hop('router', 'reply', { reason: 'dnsmasq answers A d2: NXDOMAIN' }),
  ]);
  t.request = { proto: 'udp', src: '172.17.0.2', dst: '192.168.1.1', sport: 40000, dport: 53 };
  assert.deepEqual(explain(g, t), {
    status: 'fail',
    where: 'd1',
    why: 'no DNS on the default bridge: container names such as "d2" resolve only on user-defined networks; the question went to the host\'s resolver, which does not know it (NXDOMAIN).',
  });
  t.from = 'host1/web';
  assert.equal(explain(g, t).why, 'name not found: no server knows "d2" (NXDOMAIN).');
});

test('refused, unreachable, timeout and delivered', () => {
  const refused = trace(
    'host1',
    '172.17.0.2',
    [hop('host1/d1', 'reply', { verdict: 'reject', reason: 'no socket listening' })],
    { verdict: 'refused' },
  );
  refused.request = { proto: 'tcp', src: '172.17.0.1', dst: '172.17.0.2', sport: 40000, dport: 81 };
  assert.deepEqual(explain(g, refused), {
    status: 'fail',
    hop: 0,
    where: 'd1',
    why: 'connection refused: nothing listens on 172.17.0.2:81.',
  });
  const noRoute = trace('host1/d1', '10.9.9.9', [], { verdict: 'unreachable', errno: 'ENETUNREACH' });
  assert.equal(explain(g, noRoute).why, 'no route: d1 has no route to 10.9.9.9.');
  const lost = trace('host1/d1', '172.17.0.9', [hop('host1/d1', 'arp')], {
    verdict: 'timeout',
    reason: 'no ARP answer for 172.17.0.9',
  });
  assert.deepEqual(explain(g, lost), {
    status: 'fail',
    hop: 0,
    where: 'd1',
    why: 'no answer: no ARP answer for 172.17.0.9.',
  });
  assert.deepEqual(explain(g, trace('host1/d1', '172.17.0.3', [])), {
    status: 'ok',
    where: '',
    why: 'the answer came back.',
  });
});

test('no way out of an internal network', () => {
  const internal = sampleGraph();
  internal.hosts[0].sections[1].internal = true;
  const t = trace(
    'host1/web',
    '8.8.8.8',
    [hop('host1/web', 'route', { verdict: 'error', reason: 'no route to 8.8.8.8' })],
    {
      verdict: 'unreachable',
    },
  );
  assert.deepEqual(explain(internal, t), {
    status: 'fail',
    hop: 0,
    where: 'web',
    why: 'internal network: web has no route to 8.8.8.8, because Docker gives an internal network no gateway (docker network create --internal).',
  });
  assert.equal(explain(g, t).why, 'no route: web has no route to 8.8.8.8.');
});
