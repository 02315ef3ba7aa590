// Tests for sandbox.go / endpoint.go behaviour: namespaces, interface naming, gateway selection, IPAM on endpoints.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSimError } from '../errdefs.ts';
import { findLink } from '../kernel/netns.ts';
import { Vfs } from '../kernel/vfs.ts';
import { newTestBed, runContainer } from './testutil.ts';

const opts = (o: Record<string, unknown> = {}) => ({ created: 0, driverOpts: {}, labels: {}, ...o });
const routes = (ns: {
  routes: Array<{ dst: string; via?: string; dev: number }>;
  links: Array<{ index: number; name: string }>;
}) =>
  ns.routes.map(
    (r) => `${r.dst}${r.via ? ` via ${r.via}` : ''} dev ${ns.links.find((l) => l.index === r.dev)?.name}`,
  );

describe('Sandbox', () => {
  it('gets a registered namespace with lo (127.0.0.1 and ::1) and a 12-hex key', () => {
    const bed = newTestBed();
    const sb = bed.c.newSandbox('c1c1c1c1c1c1aaaa', { hostname: 'c1', fs: new Vfs() });
    assert.match(sb.key, /^\/var\/run\/docker\/netns\/[0-9a-f]{12}$/);
    assert.equal(sb.key, `/var/run/docker/netns/${sb.id.slice(0, 12)}`);
    assert.ok(bed.world.namespaces().includes(sb.ns));
    assert.deepEqual(
      sb.ns.links[0].addrs.map((a) => `${a.ip}/${a.prefixLen}`),
      ['127.0.0.1/8', '::1/128'],
    );
    assert.throws(() => bed.c.newSandbox('c1c1c1c1c1c1aaaa', { hostname: 'c1', fs: new Vfs() }), {
      message: `container c1c1c1c1c1c1aaaa is already present in sandbox ${sb.id}`,
    });
    sb.delete();
    assert.ok(!bed.world.namespaces().includes(sb.ns));
    assert.equal(bed.c.sandboxByContainerId('c1c1c1c1c1c1aaaa'), undefined);
  });

  it('uses the host namespace for --network host and keeps only lo for none', () => {
    const bed = newTestBed();
    const h = runContainer(bed, 'h', 'host', { useDefaultSandbox: true });
    assert.equal(h.sb.ns, bed.host.ns);
    assert.equal(h.sb.key, '/var/run/docker/netns/default');
    assert.deepEqual(h.ep.iface(), { mac: '' });
    const none = runContainer(bed, 'n', 'none');
    assert.deepEqual(
      none.sb.ns.links.map((l) => l.name),
      ['lo'],
    );
    assert.deepEqual(
      none.sb.ns.routes.filter((r) => r.dst === 'default'),
      [],
    );
    h.sb.delete();
    assert.ok(bed.world.namespaces().includes(bed.host.ns));
  });

  it('names interfaces eth0, eth1 and routes via the first network by name', () => {
    const bed = newTestBed();
    bed.c.newNetwork('bridge', 'zeta', '', opts());
    bed.c.newNetwork('bridge', 'alpha', '', opts());
    const { sb } = runContainer(bed, 'app', 'zeta');
    const ep2 = bed.c.networkByName('alpha')!.createEndpoint('app', { dnsNames: ['app'] });
    ep2.join(sb);
    assert.deepEqual(
      sb.ns.links.map((l) => l.name),
      ['lo', 'eth0', 'eth1'],
    );
    assert.deepEqual(routes(sb.ns), [
      '172.18.0.0/16 dev eth0',
      '172.19.0.0/16 dev eth1',
      'default via 172.19.0.1 dev eth1',
    ]);
    assert.deepEqual(
      sb.endpoints().map((e) => e.network.name),
      ['alpha', 'zeta'],
    );
    ep2.leave(sb);
    assert.deepEqual(routes(sb.ns), ['172.18.0.0/16 dev eth0', 'default via 172.18.0.1 dev eth0']);
    assert.equal(findLink(bed.host.ns, ep2.iface().srcName!)?.kind, 'veth');
  });

  it('prefers the endpoint with the highest --gw-priority', () => {
    const bed = newTestBed();
    bed.c.newNetwork('bridge', 'zeta', '', opts());
    bed.c.newNetwork('bridge', 'alpha', '', opts());
    const { sb } = runContainer(bed, 'app', 'zeta', { ep: { gwPriority: 10 } });
    bed.c.networkByName('alpha')!.createEndpoint('app').join(sb);
    assert.deepEqual(
      routes(sb.ns).filter((r) => r.startsWith('default')),
      ['default via 172.18.0.1 dev eth0'],
    );
  });

  it('gives an internal-only container no default route', () => {
    const bed = newTestBed();
    bed.c.newNetwork('bridge', 'int', '', opts({ internal: true }));
    const { sb, ep } = runContainer(bed, 'db', 'int');
    assert.deepEqual(routes(sb.ns), ['172.18.0.0/16 dev eth0']);
    assert.equal(ep.iface().gateway, undefined);
  });

  it('moves published ports to the new gateway endpoint (alphabetical) and back when it leaves', () => {
    const bed = newTestBed();
    bed.c.newNetwork('bridge', 'web-net', '', opts());
    const pb = [{ proto: 'tcp' as const, containerPort: 80, hostIp: '', hostPort: '8080' }];
    const { sb, ep } = runContainer(bed, 'web', 'bridge', {
      ep: { portBindings: pb, disableResolution: true },
    });
    const ep2 = bed.c.networkByName('web-net')!.createEndpoint('web', { portBindings: pb });
    ep2.join(sb);
    assert.equal(ep.portMapping().length, 2);
    assert.equal(ep2.portMapping().length, 0);
    const ep3 = bed.c.newNetwork('bridge', 'a-net', '', opts()).createEndpoint('web', { portBindings: pb });
    ep3.join(sb);
    assert.deepEqual([ep.portMapping().length, ep3.portMapping().length], [0, 2]);
    ep3.leave(sb);
    assert.deepEqual([ep.portMapping().length, ep3.portMapping().length], [2, 0]);
    ep.leave(sb);
    assert.deepEqual(
      ep2.portMapping().map((p) => `${p.hostIp}:${p.hostPort}`),
      ['0.0.0.0:8080', ':::8080'],
    );
  });
});

describe('Endpoint', () => {
  it('takes a static --ip, refuses a taken one and a duplicate name', () => {
    const bed = newTestBed();
    const n = bed.c.newNetwork(
      'bridge',
      'static',
      '',
      opts({ ipam: { config: [{ subnet: '10.20.0.0/24' }] } }),
    );
    assert.equal(n.createEndpoint('a', { ipv4Address: '10.20.0.50' }).iface().address, '10.20.0.50/24');
    assert.throws(() => n.createEndpoint('b', { ipv4Address: '10.20.0.50' }), {
      message: 'Address already in use',
    });
    assert.throws(
      () => n.createEndpoint('a'),
      (e: unknown) =>
        isSimError(e, 'forbidden') && e.message === 'endpoint with name a already exists in network static',
    );
    assert.throws(() => n.createEndpoint('c', { ipv4Address: '10.30.0.5' }), {
      message: "invalid address 10.30.0.5: It does not belong to any of this network's subnets",
    });
  });

  it('skips aux addresses and reports a full pool', () => {
    const bed = newTestBed();
    const n = bed.c.newNetwork(
      'bridge',
      'tiny',
      '',
      opts({ ipam: { config: [{ subnet: '10.40.0.0/29', auxAddresses: { printer: '10.40.0.2' } }] } }),
    );
    const addrs = ['a', 'b', 'c', 'd'].map((x) => n.createEndpoint(x).iface().address);
    assert.deepEqual(addrs, ['10.40.0.3/29', '10.40.0.4/29', '10.40.0.5/29', '10.40.0.6/29']);
    assert.throws(() => n.createEndpoint('e'), {
      message: `no available IPv4 addresses on this network's address pools: tiny (${n.id})`,
    });
  });

  it('keeps its address while stopped only if not deleted: a deleted endpoint frees it', () => {
    const bed = newTestBed();
    const a = runContainer(bed, 'a', 'bridge');
    assert.equal(a.ep.iface().address, '172.17.0.2/16');
    a.sb.delete();
    assert.equal(runContainer(bed, 'b', 'bridge').ep.iface().address, '172.17.0.2/16');
  });

  it('cannot be deleted while joined, nor joined twice', () => {
    const bed = newTestBed();
    const { sb, ep } = runContainer(bed, 'a', 'bridge');
    assert.throws(() => ep.delete(), { message: `endpoint with name a id ${ep.id} has active containers` });
    assert.throws(() => ep.join(sb), {
      message: 'another container is attached to the same network endpoint',
    });
    ep.delete({ force: true });
    assert.deepEqual(sb.endpoints(), []);
  });

  it('is stored under endpoint/<nid>/<eid>/ with its interface and join info', () => {
    const bed = newTestBed();
    const { ep, sb } = runContainer(bed, 'web', 'bridge');
    const v = JSON.parse(bed.c.datastore.get(`docker/network/v1.0/endpoint/${ep.network.id}/${ep.id}/`)!);
    assert.equal(v.name, 'web');
    assert.equal(v.sandbox, sb.id);
    assert.deepEqual(v.joinInfo, { StaticRoutes: null, disableGatewayService: false, gw: '172.17.0.1' });
    assert.equal(v.ep_iface.addr, '172.17.0.2/16');
    assert.equal(v.virtualIP, '<nil>');
  });
});
