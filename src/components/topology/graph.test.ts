// Unit tests for graph.ts against a real simulated world: what the picture shows after commands.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../../sim/index.ts';
import { buildGraph, sourceOf, type TopoGraph } from './graph.ts';

function summary(g: TopoGraph): string[] {
  const out: string[] = [`router ${g.router?.lanIp} ${g.router?.wanIp}`];
  for (const h of g.hosts) {
    out.push(`host ${h.name} ${h.lanIp}`);
    for (const s of h.sections)
      out.push(`  ${s.key} ${s.kind} ${s.label} ${s.network?.name ?? '-'} ${s.cidr ?? '-'}`);
    for (const c of h.containers)
      out.push(
        `  ${c.name} ${c.state} ${c.primary ?? '-'} ${c.ifaces.map((i) => `${i.name}=${i.ip}@${i.section}/${i.peer ?? '-'}`).join(' ')}`,
      );
  }
  return out;
}

test('containers on the default bridge, user-defined bridges, host and none networks', () => {
  const sim = createWorld({ seed: 1 });
  for (const line of [
    'docker network create a',
    'docker run -d --name web --network a nginx',
    'docker run -dit --name d1 alpine ash',
    'docker network connect a d1',
    'docker run -d --name hostnet --network host nginx',
    'docker run -dit --name nonet --network none alpine ash',
    'docker create --name idle alpine',
  ])
    sim.exec(line);
  const g = buildGraph(sourceOf(sim));
  const lines = summary(g);
  const veth = (s: string) => s.replace(/veth[0-9a-f]{7}/g, 'vethX');
  assert.deepEqual(lines.map(veth), [
    'router 192.168.1.1/24 203.0.113.2/24',
    'host host1 192.168.1.11/24',
    '  br:docker0 bridge docker0 bridge 172.17.0.1/16',
    '  br:br-c4118391326e bridge br-c4118391326e a 172.18.0.1/16',
    '  host host host host -',
    '  none none none none -',
    '  web running br:br-c4118391326e eth0=172.18.0.2/16@br:br-c4118391326e/vethX',
    '  d1 running br:docker0 eth0=172.17.0.2/16@br:docker0/vethX eth1=172.18.0.3/16@br:br-c4118391326e/vethX',
    '  hostnet running host ',
    '  nonet running none ',
    '  idle created - ',
  ]);
  assert.deepEqual(g.outside, ['dns.google', 'example.com', 'google.com', 'isp', 'one.one.one.one']);
});

test('only the given host is read', () => {
  const sim = createWorld({ seed: 1, hosts: ['host1', 'host2'] });
  assert.deepEqual(
    buildGraph(sourceOf(sim)).hosts.map((h) => h.name),
    ['host1', 'host2'],
  );
  assert.deepEqual(
    buildGraph(sourceOf(sim), 'host2').hosts.map((h) => `${h.name} ${h.lanIp}`),
    ['host2 192.168.1.12/24'],
  );
});
