// Unit tests for walk.ts: hops become steps on the drawing; the trace shown first is chosen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layout } from './layout.ts';
import { hop, sampleGraph, trace } from './testing.ts';
import { asTrace, groupTraces, stepsOf } from './walk.ts';

const scene = layout(sampleGraph(), 3);

test('asTrace accepts the tracer shape and rejects anything else', () => {
  assert.equal(asTrace(undefined), undefined);
  assert.equal(asTrace({ hops: [] }), undefined);
  const t = trace('host1/d1', '172.17.0.3', []);
  assert.equal(asTrace(t), t);
});

test('a ping between two containers on docker0 walks box → veth → bridge → veth → box', () => {
  const t = trace('host1/d1', '172.17.0.3', [
    hop('host1/d1', 'send', { out: 'eth0' }),
    hop('host1', 'veth', { in: 'vethd1' }),
    hop('host1', 'bridge', { in: 'vethd1', out: 'vethd2' }),
    hop('host1', 'iptables', { in: 'docker0', rule: '-A FORWARD -j DOCKER-FORWARD' }),
    hop('host1/d2', 'veth', { in: 'eth0' }),
    hop('host1/d2', 'deliver', { verdict: 'deliver' }),
  ]);
  assert.deepEqual(
    stepsOf(t, scene).map((s) => [s.hop.what, s.el, s.path, s.bad]),
    [
      ['send', 'container:host1:d1-id', [[124, 325]], false],
      [
        'veth',
        'veth:host1:d1-id:eth0',
        [
          [124, 325],
          [124, 290],
        ],
        false,
      ],
      [
        'bridge',
        'section:host1:br:docker0',
        [
          [124, 290],
          [280, 280],
        ],
        false,
      ],
      [
        'iptables',
        'host:host1',
        [
          [280, 280],
          [281, 223],
        ],
        false,
      ],
      [
        'veth',
        'container:host1:d2-id',
        [
          [281, 223],
          [280, 280],
          [280, 325],
        ],
        false,
      ],
      ['deliver', 'container:host1:d2-id', [[280, 325]], false],
    ],
  );
});

test('a packet to the router leaves through eth0 and along the LAN', () => {
  const t = trace('host1', '192.168.1.1', [
    hop('host1', 'arp', { out: 'eth0' }),
    hop('router', 'wire', { in: 'eth0' }),
  ]);
  assert.deepEqual(stepsOf(t, scene)[1].path, [
    [281, 223],
    [56, 200],
    [56, 164],
    [104, 164],
    [104, 105],
  ]);
});

test('a drop is marked bad; hops in namespaces not drawn land on the LAN', () => {
  const t = trace('host1/d1', '172.18.0.2', [
    hop('host1', 'iptables', { verdict: 'drop', rule: '-A PREROUTING -d 172.18.0.2/32 ! -i br-a -j DROP' }),
    hop('host9', 'deliver'),
  ]);
  const steps = stepsOf(t, scene);
  assert.deepEqual([steps[0].bad, steps[1].el, steps[1].path.at(-1)], [true, 'lan', [104, 164]]);
});

test('groupTraces shows the first failed exchange, else the last of the command’s own', () => {
  const ok = trace('host1/d1', '1.1.1.1', []);
  const dns = { ...trace('router', '8.8.8.8', []), tool: 'dns-forward' };
  const bad = trace('host1/d1', '1.1.1.1', [], { verdict: 'timeout' });
  assert.equal(groupTraces('x', 'host1', [dns, ok, ok], (t) => t.verdict !== 'delivered').main, 2);
  assert.equal(groupTraces('x', 'host1', [ok, dns, bad, bad], (t) => t.verdict !== 'delivered').main, 2);
  assert.equal(groupTraces('x', 'host1', [dns], () => false).main, 0);
});
