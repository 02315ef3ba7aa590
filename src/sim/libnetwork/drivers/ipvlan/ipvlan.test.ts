// Tests for the ipvlan driver: l2/l3 links and routes, parent rules, errors.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLink } from '../../../kernel/netns.ts';
import { newTestBed, runContainer } from '../../testutil.ts';

const net = (opts: Record<string, string>, subnet = '192.168.1.0/24', gateway?: string) => ({
  created: 0,
  driverOpts: opts,
  ipam: { driver: 'default', config: [{ subnet, ...(gateway ? { gateway } : {}) }] },
});
const routes = (ns: { routes: Array<{ dst: string; via?: string; scope?: string }> }) =>
  ns.routes.map(
    (r) =>
      `${r.dst}${r.via ? ` via ${r.via}` : ''}${r.dst === 'default' && r.scope ? ` scope ${r.scope}` : ''}`,
  );

describe('ipvlan driver', () => {
  it('l2: shares the parent MAC and routes via the subnet gateway', () => {
    const bed = newTestBed();
    bed.c.newNetwork('ipvlan', 'l2net', '', net({ parent: 'eth0' }, '192.168.1.0/24', '192.168.1.1'));
    const { sb, ep } = runContainer(bed, 'web', 'l2net');
    const eth0 = findLink(sb.ns, 'eth0')!;
    assert.deepEqual([eth0.kind, eth0.mode, eth0.mac], ['ipvlan', 'l2', findLink(bed.host.ns, 'eth0')!.mac]);
    assert.equal(ep.iface().mac, '');
    assert.deepEqual(routes(sb.ns), ['192.168.1.0/24', 'default via 192.168.1.1']);
  });

  it('l3: no gateway, a connected default route out of eth0', () => {
    const bed = newTestBed();
    const n = bed.c.newNetwork(
      'ipvlan',
      'l3net',
      '',
      net({ parent: 'eth0', ipvlan_mode: 'l3' }, '10.77.0.0/24'),
    );
    assert.deepEqual(n.ipamConfig(), [{ subnet: '10.77.0.0/24' }]);
    const { sb, ep } = runContainer(bed, 'a', 'l3net');
    assert.equal(ep.iface().address, '10.77.0.1/24');
    assert.deepEqual(routes(sb.ns), ['10.77.0.0/24', 'default scope link']);
  });

  it('allows one network per parent and makes a di-<id12> dummy without one', () => {
    const bed = newTestBed();
    const first = bed.c.newNetwork('ipvlan', 'a', '', net({ parent: 'eth0' }, '10.1.0.0/24'));
    assert.throws(() => bed.c.newNetwork('ipvlan', 'b', '', net({ parent: 'eth0' }, '10.2.0.0/24')), {
      message: `network di-${first.id.slice(0, 12)} is already using parent interface eth0`,
    });
    const iso = bed.c.newNetwork('ipvlan', 'iso', '', net({}, '10.3.0.0/24'));
    assert.equal(findLink(bed.host.ns, `di-${iso.id.slice(0, 12)}`)?.kind, 'dummy');
    iso.delete();
    assert.equal(findLink(bed.host.ns, `di-${iso.id.slice(0, 12)}`), undefined);
  });

  it('refuses a custom MAC and a bad mode', () => {
    const bed = newTestBed();
    const n = bed.c.newNetwork('ipvlan', 'a', '', net({ parent: 'eth0' }, '10.1.0.0/24'));
    assert.throws(() => n.createEndpoint('x', { macAddress: '02:00:00:00:00:01' }), {
      message:
        'failed to create endpoint x on network a: ipvlan interfaces do not support custom mac address assignment',
    });
    assert.throws(() => bed.c.newNetwork('ipvlan', 'b', '', net({ ipvlan_mode: 'l4' }, '10.2.0.0/24')), {
      message: "requested ipvlan mode 'l4' is not valid, 'l2' mode is the ipvlan driver default",
    });
  });
});
