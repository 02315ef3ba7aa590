// Tests for the bridge driver against moby's v28 iptabler golden files (whole `iptables -S` outputs).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iptables } from '../../../kernel/iptables.ts';
import { findLink } from '../../../kernel/netns.ts';
import type { NetNs } from '../../../kernel/types.ts';
import { newTestBed, runContainer } from '../../testutil.ts';

const S = (ns: NetNs, table: string): string => iptables(ns, ['-t', table, '-S']).stdout;
const opts = (o: Record<string, unknown> = {}) => ({ created: 0, driverOpts: {}, labels: {}, ...o });

const filterHead = `-P INPUT ACCEPT
-P FORWARD DROP
-P OUTPUT ACCEPT
-N DOCKER
-N DOCKER-BRIDGE
-N DOCKER-CT
-N DOCKER-FORWARD
-N DOCKER-ISOLATION-STAGE-1
-N DOCKER-ISOLATION-STAGE-2
-N DOCKER-USER
-A FORWARD -j DOCKER-USER
-A FORWARD -j DOCKER-FORWARD
`;
const natHead = `-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
-N DOCKER
-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
`;

describe('bridge driver: default bridge', () => {
  it('programs docker0, ip_forward, FORWARD DROP and the v28 chains', () => {
    const { host } = newTestBed();
    const br = findLink(host.ns, 'docker0')!;
    assert.equal(br.kind, 'bridge');
    assert.equal(br.up, true);
    assert.equal(br.mtu, 1500);
    assert.deepEqual(br.addrs, [
      { family: 4, ip: '172.17.0.1', prefixLen: 16, scope: 'global', broadcast: '172.17.255.255' },
    ]);
    assert.equal(host.ns.sysctl.ipForward, true);
    assert.equal(
      S(host.ns, 'filter'),
      `${filterHead}-A DOCKER ! -i docker0 -o docker0 -j DROP
-A DOCKER-BRIDGE -o docker0 -j DOCKER
-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A DOCKER-FORWARD -j DOCKER-CT
-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1
-A DOCKER-FORWARD -j DOCKER-BRIDGE
-A DOCKER-FORWARD -i docker0 -j ACCEPT
-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
`,
    );
    assert.equal(
      S(host.ns, 'nat'),
      `${natHead}-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE\n-A DOCKER -i docker0 -j RETURN\n`,
    );
    assert.equal(S(host.ns, 'raw'), '-P PREROUTING ACCEPT\n-P OUTPUT ACCEPT\n');
  });

  it('records each setup step in the explain log', () => {
    const { c } = newTestBed();
    const steps = c.explainLog.steps.filter((s) => s.source?.startsWith('bridge.')).map((s) => s.source);
    assert.deepEqual(steps, [
      'bridge.setupDevice',
      'bridge.setupDefaultSysctl',
      'bridge.setupDefaultSysctl',
      'bridge.setupMTU',
      'bridge.setupBridgeIPv4',
      'bridge.setupIPv4Forwarding',
      'bridge.setupDeviceUp',
    ]);
    assert.ok(c.explainLog.steps.some((s) => s.detail === 'iptables -t filter -P FORWARD DROP'));
  });

  it('creates no rules with --iptables=false but still enables forwarding', () => {
    const { host } = newTestBed({ iptables: false });
    assert.equal(S(host.ns, 'filter'), '-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n');
    assert.equal(host.ns.sysctl.ipForward, true);
  });
});

describe('bridge driver: user-defined networks', () => {
  it("adds br-<id12> and orders two networks' rules as moby does", () => {
    const { c, host } = newTestBed();
    const n = c.newNetwork('bridge', 'net1', '', opts());
    const br = `br-${n.id.slice(0, 12)}`;
    assert.deepEqual(
      findLink(host.ns, br)!.addrs.map((a) => `${a.ip}/${a.prefixLen}`),
      ['172.18.0.1/16'],
    );
    assert.equal(
      S(host.ns, 'filter'),
      `${filterHead}-A DOCKER ! -i docker0 -o docker0 -j DROP
-A DOCKER ! -i ${br} -o ${br} -j DROP
-A DOCKER-BRIDGE -o docker0 -j DOCKER
-A DOCKER-BRIDGE -o ${br} -j DOCKER
-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A DOCKER-CT -o ${br} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A DOCKER-FORWARD -j DOCKER-CT
-A DOCKER-FORWARD -j DOCKER-ISOLATION-STAGE-1
-A DOCKER-FORWARD -j DOCKER-BRIDGE
-A DOCKER-FORWARD -i docker0 -j ACCEPT
-A DOCKER-FORWARD -i ${br} -j ACCEPT
-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
-A DOCKER-ISOLATION-STAGE-1 -i ${br} ! -o ${br} -j DOCKER-ISOLATION-STAGE-2
-A DOCKER-ISOLATION-STAGE-2 -o ${br} -j DROP
-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
`,
    );
    assert.equal(
      S(host.ns, 'nat'),
      `${natHead}-A POSTROUTING -s 172.18.0.0/16 ! -o ${br} -j MASQUERADE
-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
-A DOCKER -i ${br} -j RETURN
-A DOCKER -i docker0 -j RETURN
`,
    );
  });

  it('programs an --internal network without NAT, conntrack or bridge jumps', () => {
    const { c, host } = newTestBed();
    const before = S(host.ns, 'nat');
    const n = c.newNetwork('bridge', 'int', '', opts({ internal: true }));
    const br = `br-${n.id.slice(0, 12)}`;
    assert.equal(S(host.ns, 'nat'), before);
    const lines = S(host.ns, 'filter')
      .split('\n')
      .filter((l) => l.includes(br));
    assert.deepEqual(lines, [
      `-A DOCKER-FORWARD -i ${br} -o ${br} -j ACCEPT`,
      `-A DOCKER-ISOLATION-STAGE-1 ! -s 172.18.0.0/16 -o ${br} -j DROP`,
      `-A DOCKER-ISOLATION-STAGE-1 ! -d 172.18.0.0/16 -i ${br} -j DROP`,
    ]);
    assert.deepEqual(n.ipamConfig(), [{ subnet: '172.18.0.0/16', gateway: '172.18.0.1' }]);
  });

  it('drops bridge-internal traffic with enable_icc=false', () => {
    const { c, host } = newTestBed();
    const n = c.newNetwork(
      'bridge',
      'noicc',
      '',
      opts({ driverOpts: { 'com.docker.network.bridge.enable_icc': 'false' } }),
    );
    const br = `br-${n.id.slice(0, 12)}`;
    const lines = S(host.ns, 'filter')
      .split('\n')
      .filter((l) => l.startsWith('-A DOCKER-FORWARD') && l.includes(br));
    assert.deepEqual(lines, [
      `-A DOCKER-FORWARD -i ${br} -o ${br} -j DROP`,
      `-A DOCKER-FORWARD -i ${br} ! -o ${br} -j ACCEPT`,
    ]);
  });

  it('honours bridge name, MTU and masquerade options', () => {
    const { c, host } = newTestBed();
    c.newNetwork(
      'bridge',
      'named',
      '',
      opts({
        driverOpts: {
          'com.docker.network.bridge.name': 'lab0',
          'com.docker.network.driver.mtu': '1400',
          'com.docker.network.bridge.enable_ip_masquerade': 'false',
        },
      }),
    );
    assert.equal(findLink(host.ns, 'lab0')!.mtu, 1400);
    assert.ok(!S(host.ns, 'nat').includes('lab0'));
  });

  it('refuses a second network on the same bridge name, and bad option values', () => {
    const { c } = newTestBed();
    c.newNetwork('bridge', 'a', '', opts({ driverOpts: { 'com.docker.network.bridge.name': 'lab0' } }));
    assert.throws(
      () =>
        c.newNetwork('bridge', 'b', '', opts({ driverOpts: { 'com.docker.network.bridge.name': 'lab0' } })),
      /^SimError: cannot create network [0-9a-f]{64} \(lab0\): conflicts with network [0-9a-f]{64} \(lab0\): networks have same bridge name$/,
    );
    assert.throws(
      () =>
        c.newNetwork(
          'bridge',
          'c',
          '',
          opts({ driverOpts: { 'com.docker.network.bridge.enable_icc': 'maybe' } }),
        ),
      {
        message:
          'failed to parse com.docker.network.bridge.enable_icc value: maybe (strconv.ParseBool: parsing "maybe": invalid syntax)',
      },
    );
  });

  it('removes the bridge and every rule when the network is deleted', () => {
    const { c, host } = newTestBed();
    const filter = S(host.ns, 'filter');
    const nat = S(host.ns, 'nat');
    const n = c.newNetwork('bridge', 'tmp', '', opts());
    n.delete();
    assert.equal(findLink(host.ns, `br-${n.id.slice(0, 12)}`), undefined);
    assert.equal(S(host.ns, 'filter'), filter);
    assert.equal(S(host.ns, 'nat'), nat);
  });
});

describe('bridge driver: endpoints', () => {
  it('plugs a veth into docker0, moves its peer in as eth0 and drops direct access', () => {
    const bed = newTestBed();
    const { host } = bed;
    const { sb, ep } = runContainer(bed, 'web', 'bridge');
    const hostVeth = host.ns.links.find((l) => l.kind === 'veth')!;
    assert.match(hostVeth.name, /^veth[0-9a-f]{7}$/);
    assert.equal(hostVeth.master, findLink(host.ns, 'docker0')!.index);
    const eth0 = findLink(sb.ns, 'eth0')!;
    assert.equal(eth0.index + 1, hostVeth.index);
    assert.equal(eth0.mac, ep.iface().mac);
    assert.match(eth0.mac, /^[0-9a-f][26ae](:[0-9a-f]{2}){5}$/);
    assert.deepEqual(
      sb.ns.routes.map((r) => [r.dst, r.via ?? '', r.dev === eth0.index]),
      [
        ['172.17.0.0/16', '', true],
        ['default', '172.17.0.1', true],
      ],
    );
    assert.equal(
      S(host.ns, 'raw'),
      '-P PREROUTING ACCEPT\n-P OUTPUT ACCEPT\n-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP\n',
    );
    sb.delete();
    assert.equal(
      host.ns.links.some((l) => l.kind === 'veth'),
      false,
    );
    assert.equal(S(host.ns, 'raw'), '-P PREROUTING ACCEPT\n-P OUTPUT ACCEPT\n');
  });

  it('skips the raw drop rule with gateway_mode_ipv4=nat-unprotected and accepts by default', () => {
    const bed = newTestBed();
    const n = bed.c.newNetwork(
      'bridge',
      'open',
      '',
      opts({ driverOpts: { 'com.docker.network.bridge.gateway_mode_ipv4': 'nat-unprotected' } }),
    );
    runContainer(bed, 'a', 'open');
    const br = `br-${n.id.slice(0, 12)}`;
    assert.equal(S(bed.host.ns, 'raw'), '-P PREROUTING ACCEPT\n-P OUTPUT ACCEPT\n');
    assert.ok(S(bed.host.ns, 'filter').includes(`-A DOCKER ! -i ${br} -o ${br} -j ACCEPT\n`));
  });
});
