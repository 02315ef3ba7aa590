// What each interface sees of one traced exchange: headers as they are at that point (MASQUERADE
// on the way out of eth0, un-NAT on the way back), ARP on first contact only, a bridge's
// promiscuous copy, and a TCP connection replayed as Linux's whole conversation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../../index.ts';
import type { Trace } from '../types.ts';
import { framesOf } from './frames.ts';
import { addCapture, layOut } from './registry.ts';

function traced(lines: string[]): { traces: Trace[]; sim: ReturnType<typeof createWorld> } {
  const sim = createWorld();
  for (const l of lines.slice(0, -1)) sim.exec(l);
  const traces: Trace[] = [];
  const sub = sim.onTrace((e) => traces.push(e.trace as Trace));
  const stop = addCapture(sim.world, { deliver: () => undefined });
  sim.exec(lines[lines.length - 1]);
  stop();
  sub.dispose();
  return { traces, sim };
}

const view = (t: Trace): string[] =>
  framesOf(t).map(
    (f) =>
      `${f.ns.includes('/') ? 'ctr' : f.ns} ${f.ifname.replace(/^veth\w+/, 'vethX')} ${f.dir}${f.promisc ? ' promisc' : ''} ${f.arp ? `arp ${f.arp.op}` : `${f.pkt.src} > ${f.pkt.dst}${f.tcp ? ` [${f.tcp.flags}] len ${f.tcp.len}` : ''}`}`,
  );

test('a container pinging the internet: ARP first, MASQUERADE on eth0, un-NAT on the way back', () => {
  const { traces } = traced([
    'docker run -d --name c1 busybox sleep 3600',
    'docker exec c1 ping -c 1 8.8.8.8',
  ]);
  const ping = traces.find((t) => t.tool === 'ping') as Trace;
  const lines = view(ping).filter((l) => /^(ctr|host1) /.test(l));
  assert.deepEqual(lines, [
    'ctr eth0 out arp request',
    'host1 vethX in arp request',
    'host1 docker0 in arp request',
    'host1 docker0 out arp reply',
    'host1 vethX out arp reply',
    'ctr eth0 in arp reply',
    'ctr eth0 out 172.17.0.2 > 8.8.8.8',
    'host1 vethX in 172.17.0.2 > 8.8.8.8',
    'host1 docker0 in 172.17.0.2 > 8.8.8.8',
    'host1 eth0 out arp request',
    'host1 eth0 in arp reply',
    'host1 eth0 out 192.168.1.11 > 8.8.8.8',
    'host1 eth0 in 8.8.8.8 > 192.168.1.11',
    'host1 docker0 out 8.8.8.8 > 172.17.0.2',
    'host1 vethX out 8.8.8.8 > 172.17.0.2',
    'ctr eth0 in 8.8.8.8 > 172.17.0.2',
  ]);
});

test('two containers on a bridge: the bridge copy is promiscuous; a curl is a whole TCP conversation', () => {
  const { traces } = traced([
    'docker network create appnet',
    'docker run -d --name web --network appnet nginx',
    'docker run -d --name box --network appnet nicolaka/netshoot sleep infinity',
    'docker exec box curl -s -o /dev/null web',
  ]);
  const conn = traces.find((t) => t.tool === 'curl' && t.request.proto === 'tcp') as Trace;
  const onBridge = view(conn).filter((l) => /^host1 br-/.test(l));
  assert.deepEqual(
    onBridge.map((l) => l.replace(/br-\w+/, 'br')),
    [
      'host1 br in promisc arp request',
      'host1 br in promisc arp reply',
      'host1 br in promisc 172.18.0.3 > 172.18.0.2 [S] len 0',
      'host1 br in promisc 172.18.0.2 > 172.18.0.3 [S.] len 0',
      'host1 br in promisc 172.18.0.3 > 172.18.0.2 [.] len 0',
      'host1 br in promisc 172.18.0.3 > 172.18.0.2 [P.] len 66',
      'host1 br in promisc 172.18.0.2 > 172.18.0.3 [.] len 0',
      'host1 br in promisc 172.18.0.2 > 172.18.0.3 [P.] len 853',
      'host1 br in promisc 172.18.0.3 > 172.18.0.2 [.] len 0',
      'host1 br in promisc 172.18.0.3 > 172.18.0.2 [F.] len 0',
      'host1 br in promisc 172.18.0.2 > 172.18.0.3 [F.] len 0',
      'host1 br in promisc 172.18.0.3 > 172.18.0.2 [.] len 0',
    ],
  );
  // a name lookup and the connection it led to are laid out one after the other on the clock
  const frames = layOut(traces);
  const dns = frames.findIndex((f) => f.pkt.dns);
  const syn = frames.findIndex((f) => f.tcp?.flags === 'S');
  assert.ok(dns >= 0 && syn > dns);
  for (let i = 1; i < frames.length; i++) assert.ok(frames[i].at >= frames[i - 1].at);
});
