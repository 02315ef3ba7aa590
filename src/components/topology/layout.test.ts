// Unit tests for layout.ts: sticky slots, stable positions and readability at 50 containers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layout, type Scene, type SlotMemory, sticky } from './layout.ts';
import { container, sampleGraph } from './testing.ts';

const boxAt = (s: Scene, key: string) => {
  const b = s.boxes.find((x) => x.key === key);
  return b && [b.x, b.y, b.w, b.h];
};

test('sticky keeps known slots and gives new keys the lowest free one', () => {
  const m: SlotMemory = new Map();
  assert.deepEqual(
    [...sticky(m, 's', ['a', 'b', 'c'])],
    [
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ],
  );
  assert.deepEqual(
    [...sticky(m, 's', ['a', 'c'])],
    [
      ['a', 0],
      ['c', 2],
    ],
  );
  assert.deepEqual(
    [...sticky(m, 's', ['0', 'a', 'c', 'd'])],
    [
      ['a', 0],
      ['c', 2],
      ['0', 1],
      ['d', 3],
    ],
  );
});

test('layout draws the router, the LAN, the host, its bridges and containers', () => {
  const s = layout(sampleGraph(), 3);
  assert.deepEqual(
    s.boxes.map((b) => `${b.kind} ${b.title} @${b.x},${b.y} ${b.w}x${b.h} | ${b.lines.join(' | ')}`),
    [
      'internet Internet @16,16 176x40 | ISP, public DNS, web',
      'router router @16,80 176x50 | eth0 192.168.1.1/24 | eth1 203.0.113.2/24 · NAT',
      'host host1 @16,200 530x414 | eth0 192.168.1.11/24 · routing, iptables',
      'section bridge (bridge) @42,254 468x26 | docker0 · 172.17.0.1/16',
      'container d1 @54,300 140x50 | eth0 172.17.0.2',
      'container d2 @210,300 140x50 | eth0 172.17.0.3',
      'section a (bridge) @42,374 468x26 | br-a · 172.18.0.1/16',
      'container web @54,420 140x50 | eth0 172.18.0.2',
      'section b (bridge) @42,494 468x26 | br-b · 172.19.0.1/16',
      'container c1 @54,540 140x50 | eth0 172.19.0.2 | eth1 172.18.0.3',
    ],
  );
  assert.equal(s.width, 562);
  assert.equal(s.height, 630);
  assert.deepEqual(s.anchors.get('port:host1|vethd1'), { at: [124, 290], el: 'veth:host1:d1-id:eth0' });
  assert.deepEqual(s.anchors.get('bport:host1|vethc1a'), { at: [510, 387], el: 'section:host1:br:br-a' });
  assert.equal(s.wires.find((w) => w.key === 'veth:host1:c1-id:eth1')?.kind, 'secondary');
});

test('adding or removing a container moves no other container', () => {
  const memory: SlotMemory = new Map();
  const before = layout(sampleGraph(), 3, memory);
  // "aaa" sorts before every name and was created first: it still must not push others.
  const withNew = layout(
    sampleGraph([container('aaa', 0, [['docker0', '172.17.0.4/16', 'vethaaa']])]),
    3,
    memory,
  );
  for (const key of ['container:host1:d1-id', 'container:host1:d2-id'])
    assert.deepEqual(boxAt(withNew, key), boxAt(before, key));
  assert.deepEqual(boxAt(withNew, 'container:host1:aaa-id'), [366, 300, 140, 50]);
  const g = sampleGraph();
  g.hosts[0].containers = g.hosts[0].containers.filter((c) => c.name !== 'd1');
  const without = layout(g, 3, memory);
  assert.deepEqual(boxAt(without, 'container:host1:d2-id'), boxAt(before, 'container:host1:d2-id'));
});

test('fifty containers stay readable: no two boxes overlap and every label has its own box', () => {
  const extra = Array.from({ length: 46 }, (_, i) =>
    container(`n${i + 1}`, 10 + i, [['br-a', `172.18.1.${i + 1}/16`, `vethn${i + 1}`]]),
  );
  const s = layout(sampleGraph(extra), 4);
  const boxes = s.boxes.filter((b) => b.kind === 'container');
  assert.equal(boxes.length, 50);
  for (const a of boxes)
    for (const b of boxes)
      if (a !== b)
        assert.ok(
          a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y,
          `${a.title} overlaps ${b.title}`,
        );
  assert.ok(s.width <= 720, `width ${s.width}`);
});
