// Tests for resolver.go: what the embedded DNS answers and when it forwards.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DnsAnswer, DnsQuestion } from '../kernel/types.ts';
import { Vfs } from '../kernel/vfs.ts';
import type { Sandbox } from './sandbox.ts';
import { newTestBed, runContainer } from './testutil.ts';

function ask(sb: Sandbox, name: string, type: DnsQuestion['type'] = 'A'): DnsAnswer {
  const sock = sb.ns.sockets.find((s) => s.ip === '127.0.0.11' && s.port === 53 && s.proto === 'udp');
  assert.ok(sock && sock.app.kind === 'dns', 'no embedded DNS socket');
  return sock.app.resolve({ name, type, client: '127.0.0.1' });
}
const ips = (a: DnsAnswer): string[] => a.answers.map((x) => x.data).sort();

function lab() {
  const bed = newTestBed();
  bed.c.newNetwork('bridge', 'mynet', '', { created: 0 });
  bed.c.newNetwork('bridge', 'other', '', { created: 0 });
  const web = runContainer(bed, 'web', 'mynet', {
    ep: { dnsNames: ['web', 'frontend', '3f2a1b4c5d6e', 'webhost'], aliases: ['frontend'] },
  });
  const client = runContainer(bed, 'client', 'mynet');
  const stranger = runContainer(bed, 'stranger', 'other');
  return { bed, web, client, stranger };
}

describe('embedded DNS (127.0.0.11)', () => {
  it('answers container names, aliases, short IDs and hostnames with TTL 600', () => {
    const { client } = lab();
    for (const name of ['web', 'frontend', '3f2a1b4c5d6e', 'webhost', 'WEB', 'web.']) {
      assert.deepEqual(
        ask(client.sb, name),
        {
          rcode: 'NOERROR',
          authoritative: false,
          answers: [{ name, type: 'A', ttl: 600, data: '172.18.0.2' }],
        },
        name,
      );
    }
  });

  it('answers "name.network" and only for networks the asker shares', () => {
    const { client, stranger } = lab();
    assert.deepEqual(ips(ask(client.sb, 'web.mynet')), ['172.18.0.2']);
    assert.deepEqual(ask(client.sb, 'stranger'), {
      rcode: 'SERVFAIL',
      answers: [],
      forward: ['192.168.1.1'],
    });
    assert.deepEqual(ask(stranger.sb, 'web').forward, ['192.168.1.1']);
  });

  it('answers AAAA with no records for an IPv4-only container, and PTR with name.network', () => {
    const { client } = lab();
    assert.deepEqual(ask(client.sb, 'web', 'AAAA'), { rcode: 'NOERROR', authoritative: false, answers: [] });
    assert.deepEqual(ask(client.sb, '2.0.18.172.in-addr.arpa', 'PTR').answers, [
      { name: '2.0.18.172.in-addr.arpa', type: 'PTR', ttl: 600, data: 'web.mynet' },
    ]);
    assert.equal(ask(client.sb, '9.9.18.172.in-addr.arpa', 'PTR').forward?.[0], '192.168.1.1');
  });

  it('returns every address behind a shared alias', () => {
    const { bed, client } = lab();
    runContainer(bed, 'web2', 'mynet', { ep: { dnsNames: ['web2', 'frontend'] } });
    assert.deepEqual(ips(ask(client.sb, 'frontend')), ['172.18.0.2', '172.18.0.4']);
  });

  it('forwards nothing for a container only on --internal networks, but still resolves peers', () => {
    const bed = newTestBed();
    bed.c.newNetwork('bridge', 'int', '', { created: 0, internal: true });
    runContainer(bed, 'db', 'int');
    const app = runContainer(bed, 'app', 'int');
    assert.deepEqual(ips(ask(app.sb, 'db')), ['172.18.0.2']);
    assert.deepEqual(ask(app.sb, 'example.com'), { rcode: 'SERVFAIL', answers: [] });
    bed.c.networkByName('bridge')!.createEndpoint('app', { disableResolution: true }).join(app.sb);
    assert.deepEqual(ask(app.sb, 'example.com').forward, ['192.168.1.1']);
  });

  it('forwards to --dns servers from the container even on internal networks', () => {
    const bed = newTestBed();
    bed.c.newNetwork('bridge', 'int', '', { created: 0, internal: true });
    const sb = bed.c.newSandbox('abc123abc123', { hostname: 'x', fs: new Vfs(), dns: ['1.1.1.1'] });
    bed.c.networkByName('int')!.createEndpoint('x').join(sb);
    assert.deepEqual(ask(sb, 'example.com').forward, ['1.1.1.1']);
  });

  it('is not started for containers only on the default bridge', () => {
    const bed = newTestBed();
    const { sb } = runContainer(bed, 'web', 'bridge');
    assert.deepEqual(sb.ns.sockets, []);
  });

  it('stops answering for a container once it is deleted', () => {
    const { bed, web, client } = lab();
    web.sb.delete();
    assert.equal(ask(client.sb, 'web').forward?.[0], '192.168.1.1');
    client.sb.delete();
    assert.equal(bed.c.sandboxes().length, 1);
  });
});
