// Tests for port_mapping_linux.go and iptabler/port.go against moby's golden rules: DNAT, ACCEPT, proxies, errors.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSimError } from '../../../errdefs.ts';
import { iptables } from '../../../kernel/iptables.ts';
import { bindSocket } from '../../../kernel/socket.ts';
import type { NetNs } from '../../../kernel/types.ts';
import { Vfs } from '../../../kernel/vfs.ts';
import type { PortBindingRequest } from '../../endpoint.ts';
import { newTestBed, runContainer, type TestBed } from '../../testutil.ts';

const S = (ns: NetNs, table: string, chain = ''): string =>
  iptables(ns, ['-t', table, '-S', ...(chain ? [chain] : [])]).stdout;
const pub = (
  hostPort: string,
  containerPort = 80,
  hostIp = '',
  proto: 'tcp' | 'udp' = 'tcp',
): PortBindingRequest => ({ proto, containerPort, hostIp, hostPort });
const run = (bed: TestBed, name: string, ...portBindings: PortBindingRequest[]) =>
  runContainer(bed, name, 'bridge', { ep: { portBindings } });
const proxies = (ns: NetNs) =>
  ns.sockets
    .filter((s) => s.owner === 'docker-proxy')
    .map(
      (s) =>
        `${s.proto} ${s.ip}:${s.port} -> ${s.app.kind === 'proxy' ? `${s.app.targetIp}:${s.app.targetPort}` : ''}`,
    );

describe('port publishing (-p)', () => {
  it('binds 0.0.0.0 and :: for -p 8080:80, with DNAT, an ACCEPT and two docker-proxies', () => {
    const bed = newTestBed();
    const { ep } = run(bed, 'web', pub('8080'));
    assert.deepEqual(ep.portMapping(), [
      { proto: 'tcp', containerPort: 80, hostIp: '0.0.0.0', hostPort: 8080 },
      { proto: 'tcp', containerPort: 80, hostIp: '::', hostPort: 8080 },
    ]);
    assert.equal(
      S(bed.host.ns, 'nat', 'DOCKER'),
      '-N DOCKER\n-A DOCKER -i docker0 -j RETURN\n-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80\n',
    );
    assert.equal(
      S(bed.host.ns, 'filter', 'DOCKER'),
      '-N DOCKER\n-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT\n-A DOCKER ! -i docker0 -o docker0 -j DROP\n',
    );
    assert.deepEqual(proxies(bed.host.ns), [
      'tcp 0.0.0.0:8080 -> 172.17.0.2:80',
      'tcp :::8080 -> 172.17.0.2:80',
    ]);
  });

  it('hands out ephemeral ports from 32768 upwards (ip_local_port_range)', () => {
    const bed = newTestBed();
    assert.equal(run(bed, 'a', pub('')).ep.portMapping()[0].hostPort, 32768);
    assert.deepEqual(
      run(bed, 'b', pub(''), pub('', 443))
        .ep.portMapping()
        .map((p) => `${p.hostIp}:${p.hostPort}->${p.containerPort}`),
      ['0.0.0.0:32769->80', ':::32769->80', '0.0.0.0:32770->443', ':::32770->443'],
    );
  });

  it("fails a second -p 8080:80 with dockerd's exact message and leaves nothing behind", () => {
    const bed = newTestBed();
    run(bed, 'web', pub('8080'));
    const nat = S(bed.host.ns, 'nat');
    const n = bed.c.networkByName('bridge')!;
    const id = bed.c.rng.dockerId();
    const sb = bed.c.newSandbox(id, { hostname: 'web2', fs: new Vfs() });
    const ep = n.createEndpoint('web2', { portBindings: [pub('8080')], disableResolution: true });
    assert.throws(
      () => ep.join(sb),
      (e: unknown) => {
        assert.ok(isSimError(e, 'system'));
        assert.equal(
          e.message,
          `driver failed programming external connectivity on endpoint web2 (${ep.id}): Bind for 0.0.0.0:8080 failed: port is already allocated`,
        );
        return true;
      },
    );
    assert.equal(S(bed.host.ns, 'nat'), nat);
    assert.equal(sb.ns.links.length, 1);
    assert.equal(ep.sandbox(), undefined);
  });

  it('reports a host process holding the port', () => {
    const bed = newTestBed();
    bindSocket(bed.host.ns, {
      proto: 'tcp',
      ip: '0.0.0.0',
      port: 8080,
      owner: 'nginx',
      app: { kind: 'tcp' },
    });
    assert.throws(() => run(bed, 'web', pub('8080')), {
      message:
        /^driver failed programming external connectivity on endpoint web \([0-9a-f]{64}\): failed to bind host port for 0\.0\.0\.0:8080:172\.17\.0\.2:80\/tcp: address already in use$/,
    });
  });

  it('publishes on 127.0.0.1 only, with the raw rule that drops remote access', () => {
    const bed = newTestBed();
    run(bed, 'db', pub('5432', 5432, '127.0.0.1'));
    assert.equal(
      S(bed.host.ns, 'raw'),
      '-P PREROUTING ACCEPT\n-P OUTPUT ACCEPT\n-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP\n-A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 5432 -j DROP\n',
    );
    assert.ok(
      S(bed.host.ns, 'nat').includes(
        '-A DOCKER -d 127.0.0.1/32 ! -i docker0 -p tcp -m tcp --dport 5432 -j DNAT --to-destination 172.17.0.2:5432\n',
      ),
    );
    assert.deepEqual(proxies(bed.host.ns), ['tcp 127.0.0.1:5432 -> 172.17.0.2:5432']);
  });

  it('takes the next free port of a range and handles udp', () => {
    const bed = newTestBed();
    run(bed, 'a', pub('8080'));
    assert.equal(run(bed, 'b', pub('8080-8082')).ep.portMapping()[0].hostPort, 8081);
    run(bed, 'dns', pub('53', 53, '0.0.0.0', 'udp'));
    assert.ok(
      S(bed.host.ns, 'nat').includes(
        '-A DOCKER ! -i docker0 -p udp -m udp --dport 53 -j DNAT --to-destination 172.17.0.4:53\n',
      ),
    );
  });

  it('releases rules, proxies and the port when the container leaves', () => {
    const bed = newTestBed();
    const nat = S(bed.host.ns, 'nat');
    const filter = S(bed.host.ns, 'filter');
    const { sb } = run(bed, 'web', pub('8080'));
    sb.delete();
    assert.equal(S(bed.host.ns, 'nat'), nat);
    assert.equal(S(bed.host.ns, 'filter'), filter);
    assert.deepEqual(proxies(bed.host.ns), []);
    assert.equal(run(bed, 'web', pub('8080')).ep.portMapping()[0].hostPort, 8080);
  });

  it('does not publish ports on an --internal network', () => {
    const bed = newTestBed();
    bed.c.newNetwork('bridge', 'int', '', { created: 0, internal: true });
    const { ep } = runContainer(bed, 'web', 'int', { ep: { portBindings: [pub('8080')] } });
    assert.deepEqual(ep.portMapping(), []);
    assert.deepEqual(proxies(bed.host.ns), []);
  });

  it('binds only IPv4 when the host has no IPv6, or the default binding address is set', () => {
    const bed = newTestBed();
    bed.c.ipv6Enabled = false;
    assert.deepEqual(
      run(bed, 'a', pub('81'))
        .ep.portMapping()
        .map((p) => p.hostIp),
      ['0.0.0.0'],
    );
    bed.c.newNetwork('bridge', 'lo-only', '', {
      created: 0,
      driverOpts: { 'com.docker.network.bridge.host_binding_ipv4': '127.0.0.1' },
    });
    bed.c.ipv6Enabled = true;
    const { ep } = runContainer(bed, 'b', 'lo-only', { ep: { portBindings: [pub('82')] } });
    assert.deepEqual(
      ep.portMapping().map((p) => p.hostIp),
      ['127.0.0.1'],
    );
  });
});

describe('port publishing without the userland proxy', () => {
  it('uses hairpin NAT: no RETURN, no docker-proxy, MASQUERADE from the host, route_localnet', () => {
    const bed = newTestBed({ userlandProxy: false });
    const { ep } = run(bed, 'web', pub('8080'));
    assert.deepEqual(
      ep.portMapping().map((p) => p.hostIp),
      ['0.0.0.0'],
    );
    assert.equal(
      S(bed.host.ns, 'nat'),
      `-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
-N DOCKER
-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
-A OUTPUT -m addrtype --dst-type LOCAL -j DOCKER
-A POSTROUTING -o docker0 -m addrtype --src-type LOCAL -j MASQUERADE
-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
-A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE
-A DOCKER -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
`,
    );
    assert.deepEqual(proxies(bed.host.ns), []);
    assert.equal(bed.host.ns.sysctl.routeLocalnet, true);
  });
});
