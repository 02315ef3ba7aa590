// Test fixtures for the topology's unit tests: a small graph (one host, the default bridge with d1
// and d2, user-defined bridges a (web) and b (c1, also on a)) and hop builders. Not used at runtime.
import type { ContainerNode, TopoGraph } from './graph.ts';
import type { HopLike, TraceLike } from './walk.ts';

/** container builds a container on one or more bridges: [bridge, ip, veth] per interface. */
export function container(name: string, order: number, nets: Array<[string, string, string]>): ContainerNode {
  return {
    id: `${name}-id`,
    name,
    state: 'running',
    image: 'alpine',
    nsId: `host1/${name}`,
    primary: nets[0] ? `br:${nets[0][0]}` : undefined,
    ifaces: nets.map(([br, ip, peer], i) => ({
      name: `eth${i}`,
      kind: 'veth',
      ip,
      section: `br:${br}`,
      peer,
    })),
    order: String(order).padStart(4, '0'),
  };
}

/** sampleGraph returns the fixture graph, with extra containers on bridge a when asked. */
export function sampleGraph(extra: ContainerNode[] = []): TopoGraph {
  return {
    hosts: [
      {
        name: 'host1',
        nsId: 'host1',
        lanIp: '192.168.1.11/24',
        sections: [
          {
            key: 'br:docker0',
            kind: 'bridge',
            label: 'docker0',
            network: { id: 'n0', name: 'bridge', driver: 'bridge' },
            cidr: '172.17.0.1/16',
            order: '0',
          },
          {
            key: 'br:br-a',
            kind: 'bridge',
            label: 'br-a',
            network: { id: 'na', name: 'a', driver: 'bridge' },
            cidr: '172.18.0.1/16',
            order: '1a',
          },
          {
            key: 'br:br-b',
            kind: 'bridge',
            label: 'br-b',
            network: { id: 'nb', name: 'b', driver: 'bridge' },
            cidr: '172.19.0.1/16',
            order: '1b',
          },
        ],
        containers: [
          container('web', 1, [['br-a', '172.18.0.2/16', 'vethweb']]),
          container('c1', 2, [
            ['br-b', '172.19.0.2/16', 'vethc1b'],
            ['br-a', '172.18.0.3/16', 'vethc1a'],
          ]),
          container('d1', 3, [['docker0', '172.17.0.2/16', 'vethd1']]),
          container('d2', 4, [['docker0', '172.17.0.3/16', 'vethd2']]),
          ...extra,
        ],
      },
    ],
    router: { nsId: 'router', lanIp: '192.168.1.1/24', wanIp: '203.0.113.2/24' },
    outside: ['dns.google', 'isp'],
  };
}

/** hop builds a request hop with defaults. */
export function hop(ns: string, what: string, more: Partial<HopLike> = {}): HopLike {
  return {
    ns,
    host: ns.split('/')[0],
    what,
    verdict: 'pass',
    reason: '',
    src: '',
    dst: '',
    dir: 'request',
    ...more,
  };
}

/** trace builds a trace from a sender, a destination and hops. */
export function trace(from: string, dst: string, hops: HopLike[], more: Partial<TraceLike> = {}): TraceLike {
  return {
    tool: 'ping',
    from,
    request: { proto: 'icmp', src: '', dst, sport: 1, dport: 1 },
    hops,
    verdict: 'delivered',
    reason: 'the answer came back',
    ...more,
  };
}
