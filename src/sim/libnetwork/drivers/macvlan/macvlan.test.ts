// Tests for the macvlan driver: links on the parent, VLAN and dummy parents, errors.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLink } from '../../../kernel/netns.ts';
import { newTestBed, runContainer } from '../../testutil.ts';

const lanNet = (
  extra: Record<string, string> = {},
  config: Array<{ subnet: string; gateway?: string }> = [
    { subnet: '192.168.1.0/24', gateway: '192.168.1.1' },
  ],
) => ({
  created: 0,
  driverOpts: { parent: 'eth0', ...extra },
  ipam: { driver: 'default', config },
});
const routes = (ns: { routes: Array<{ dst: string; via?: string }> }) =>
  ns.routes.map((r) => `${r.dst}${r.via ? ` via ${r.via}` : ''}`);

describe('macvlan driver', () => {
  it('puts a bridge-mode macvlan link on eth0 into the container, routed via the LAN gateway', () => {
    const bed = newTestBed();
    const n = bed.c.newNetwork('macvlan', 'lan', '', lanNet());
    assert.equal(n.scope, 'local');
    const { sb, ep } = runContainer(bed, 'web', 'lan');
    const eth0 = findLink(sb.ns, 'eth0')!;
    const hostEth0 = findLink(bed.host.ns, 'eth0')!;
    assert.equal(eth0.kind, 'macvlan');
    assert.equal(eth0.mode, 'bridge');
    assert.deepEqual([eth0.parent?.ns, eth0.parent?.index], [bed.host.ns, hostEth0.index]);
    assert.equal(eth0.mac, ep.iface().mac);
    assert.equal(ep.iface().address, '192.168.1.2/24');
    assert.deepEqual(routes(sb.ns), ['192.168.1.0/24', 'default via 192.168.1.1']);
    sb.delete();
    assert.equal(
      bed.host.ns.links.some((l) => l.kind === 'macvlan'),
      false,
    );
  });

  it('defaults the gateway to the first usable address of the subnet', () => {
    const bed = newTestBed();
    const n = bed.c.newNetwork(
      'macvlan',
      'half',
      '',
      lanNet({ macvlan_mode: 'vepa' }, [{ subnet: '192.168.1.128/25' }]),
    );
    const { sb, ep } = runContainer(bed, 'a', 'half');
    assert.equal(n.ipamV4Info[0].data.gateway, '192.168.1.129/25');
    assert.equal(ep.iface().address, '192.168.1.130/25');
    assert.equal(findLink(sb.ns, 'eth0')!.mode, 'vepa');
  });

  it('creates the 802.1q link for parent=eth0.50 and deletes it with the network', () => {
    const bed = newTestBed();
    const n = bed.c.newNetwork(
      'macvlan',
      'v50',
      '',
      lanNet({ parent: 'eth0.50' }, [{ subnet: '10.50.0.0/24' }]),
    );
    const vlan = findLink(bed.host.ns, 'eth0.50')!;
    const eth0 = findLink(bed.host.ns, 'eth0')!;
    assert.deepEqual(
      [vlan.kind, vlan.vlanId, vlan.parent?.index, vlan.mac, vlan.up],
      ['vlan', 50, eth0.index, eth0.mac, true],
    );
    n.delete();
    assert.equal(findLink(bed.host.ns, 'eth0.50'), undefined);
  });

  it('gives a parent-less network a dm-<id12> dummy and no gateway', () => {
    const bed = newTestBed();
    const n = bed.c.newNetwork('macvlan', 'iso', '', { created: 0, driverOpts: {} });
    const dummy = findLink(bed.host.ns, `dm-${n.id.slice(0, 12)}`)!;
    assert.deepEqual([dummy.kind, dummy.up], ['dummy', true]);
    assert.deepEqual(n.ipamConfig(), [{ subnet: '172.18.0.0/16' }]);
    const { sb } = runContainer(bed, 'a', 'iso');
    assert.deepEqual(routes(sb.ns), ['172.18.0.0/16']);
    assert.equal(sb.ns.sockets.length, 2);
    const v = JSON.parse(bed.c.datastore.get(`docker/network/v1.0/macvlan/network/${n.id}/`)!);
    assert.deepEqual(v, {
      CreatedSubIface: true,
      ID: n.id,
      Internal: true,
      Ipv4Subnets: '[{"SubnetIP":"172.18.0.0/16","GwIP":"\\u003cnil\\u003e"}]',
      MacvlanMode: 'bridge',
      Mtu: 0,
      Parent: `dm-${n.id.slice(0, 12)}`,
    });
  });

  it("reports bad options with moby's messages", () => {
    const bed = newTestBed();
    const mk = (o: Record<string, string>) => () =>
      bed.c.newNetwork(
        'macvlan',
        `m${Object.values(o).join('')}`,
        '',
        lanNet(o, [{ subnet: '10.9.0.0/24' }]),
      );
    assert.throws(mk({ macvlan_mode: 'turbo' }), {
      message: "requested macvlan mode 'turbo' is not valid, 'bridge' mode is the macvlan driver default",
    });
    assert.throws(mk({ parent: 'lo' }), { message: 'loopback interface is not a valid macvlan parent link' });
    assert.throws(mk({ parent: 'eth9' }), {
      message: 'invalid subinterface vlan name eth9, example formatting is eth0.10',
    });
    assert.throws(mk({ parent: 'eth9.10' }), {
      message: '-o parent interface was not found on the host: eth9',
    });
    assert.throws(mk({ parent: 'eth0.5000' }), { message: 'vlan id must be between 1-4094, received: 5000' });
  });

  it('lets several networks share a parent, except in passthru mode', () => {
    const bed = newTestBed();
    const first = bed.c.newNetwork('macvlan', 'a', '', lanNet({}, [{ subnet: '10.1.0.0/24' }]));
    bed.c.newNetwork('macvlan', 'b', '', lanNet({}, [{ subnet: '10.2.0.0/24' }]));
    assert.throws(
      () =>
        bed.c.newNetwork(
          'macvlan',
          'c',
          '',
          lanNet({ macvlan_mode: 'passthru' }, [{ subnet: '10.3.0.0/24' }]),
        ),
      {
        message: `cannot use mode passthru, macvlan network ${first.id} is already using parent interface eth0`,
      },
    );
  });
});
