import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findLink } from '../../../kernel/netns.ts';
import { newTestBed, runContainer } from '../../testutil.ts';
import { sandboxName } from './ov_network.ts';
import { macFromIP, parseVni } from './overlay.ts';

test('macFromIP is 02:42 and the IPv4 bytes', () => {
  assert.equal(macFromIP('10.0.1.3'), '02:42:0a:00:01:03');
  assert.equal(macFromIP('10.255.0.254'), '02:42:0a:ff:00:fe');
});

test('parseVni reads the first VXLAN ID and refuses junk', () => {
  assert.equal(parseVni('4097'), 4097);
  assert.equal(parseVni('4100,4101'), 4100);
  assert.throws(() => parseVni(undefined), /invalid vxlanid_list ""/);
  assert.throws(() => parseVni('16777216'), /invalid vxlanid_list/);
});

function overlayBed(peers: Array<{ ip: string; mac: string; vtep: string; names: string[] }>) {
  const bed = newTestBed();
  bed.c.clusterProvider = { isManager: () => false, isAgent: () => true, peers: () => peers };
  const id = 'k4n3xq8w2m7v5j1p9r6t0y2u4';
  bed.c.newNetwork('overlay', 'ov', id, {
    created: 0,
    dynamic: true,
    attachable: true,
    driverOpts: { 'com.docker.network.driver.overlay.vxlanid_list': '4097' },
    ipam: { config: [{ subnet: '10.0.1.0/24', gateway: '10.0.1.1' }] },
  });
  return { bed, id };
}

test('a container on an overlay: eth0 on br0 of the overlay namespace, eth1 on docker_gwbridge', () => {
  const { bed, id } = overlayBed([
    { ip: '10.0.1.3', mac: '02:42:0a:00:01:03', vtep: '192.168.1.12', names: ['far'] },
  ]);
  const nw = bed.c.mustNetworkByName('ov');
  assert.equal(nw.scope, 'swarm');
  const { sb } = runContainer(bed, 'near', 'ov', { ep: { ipv4Address: '10.0.1.2' } });
  const ovns = bed.world.namespaces().find((n) => n.id === `host1/${sandboxName(id)}`);
  assert.ok(ovns, 'overlay namespace registered with the world');
  const br0 = findLink(ovns, 'br0');
  const vx = findLink(ovns, 'vxlan0');
  assert.deepEqual(
    br0?.addrs.map((a) => `${a.ip}/${a.prefixLen}`),
    ['10.0.1.1/24'],
  );
  assert.deepEqual(vx?.vxlan, { vni: 4097, port: 4789 });
  assert.equal(vx?.master, br0?.index);
  assert.equal(findLink(ovns, 'veth0')?.master, br0?.index);
  const eth0 = findLink(sb.osl.ns, 'eth0');
  assert.equal(eth0?.mac, '02:42:0a:00:01:02');
  assert.equal(eth0?.mtu, 1450);
  assert.deepEqual(
    eth0?.addrs.filter((a) => a.family === 4).map((a) => a.ip),
    ['10.0.1.2'],
  );
  assert.ok(findLink(sb.osl.ns, 'eth1'), 'docker_gwbridge gives the egress interface');
  assert.ok(bed.c.networkByName('docker_gwbridge'));
  // the peer table: an ARP entry and a vxlan FDB entry pointing at the remote VTEP
  assert.deepEqual(
    ovns.neigh.map((n) => [n.ip, n.mac, n.dev === vx?.index]),
    [['10.0.1.3', '02:42:0a:00:01:03', true]],
  );
  assert.deepEqual(
    ovns.fdb.map((f) => [f.mac, f.dst]),
    [['02:42:0a:00:01:03', '192.168.1.12']],
  );
  // remote names resolve through the network DB
  assert.deepEqual(nw.resolveName('far', 4), { ips: ['10.0.1.3'], found: true });
  assert.deepEqual(nw.resolveName('near', 4), { ips: ['10.0.1.2'], found: true });
});

test('deleting the network removes its overlay namespace', () => {
  const { bed, id } = overlayBed([]);
  const { sb } = runContainer(bed, 'c1', 'ov', { ep: { ipv4Address: '10.0.1.2' } });
  sb.delete();
  bed.c.mustNetworkByName('ov').delete();
  assert.equal(
    bed.world.namespaces().find((n) => n.id === `host1/${sandboxName(id)}`),
    undefined,
  );
});
