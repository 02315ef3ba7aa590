import assert from 'node:assert/strict';
import test from 'node:test';
import { containerCreate } from './create.ts';
import { containerInspect } from './inspect.ts';
import { createNetwork } from './network.ts';
import { containerStart } from './start.ts';
import { containerStop } from './stop.ts';
import { newTestDaemon } from './testkit.ts';

test('a running container on a user-defined network has DNSNames and operational data', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  const net = createNetwork(d, { Name: 'alpine-net' }).Id;
  const { Id } = containerCreate(d, 'alpine1', {
    Image: 'alpine',
    Cmd: ['ash'],
    HostConfig: { NetworkMode: 'alpine-net' },
  });
  containerStart(d, 'alpine1');
  const ns = containerInspect(d, 'alpine1').NetworkSettings as Record<string, unknown>;
  const ep = (ns.Networks as Record<string, Record<string, unknown>>)['alpine-net'];
  assert.deepEqual(
    [ep.NetworkID, ep.IPAddress, ep.IPPrefixLen, ep.Gateway],
    [net, '172.18.0.2', 16, '172.18.0.1'],
  );
  assert.deepEqual(ep.DNSNames, ['alpine1', Id.slice(0, 12)]);
  assert.match(ep.MacAddress as string, /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
  assert.equal(ns.IPAddress, '', 'top-level fields come only from the bridge network');
  assert.match(ns.SandboxKey as string, /^\/var\/run\/docker\/netns\/[0-9a-f]{12}$/);
  const s = containerInspect(d, 'alpine1');
  assert.equal(s.ResolvConfPath, `/var/lib/docker/containers/${Id}/resolv.conf`);
  assert.equal(s.AppArmorProfile, 'docker-default');
});

test('stopping clears operational data but keeps the attachment (cleanOperationalData)', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  createNetwork(d, { Name: 'n1' });
  containerCreate(d, 'c1', { Image: 'alpine', Cmd: ['sleep', '60'], HostConfig: { NetworkMode: 'n1' } });
  containerStart(d, 'c1');
  containerStop(d, 'c1');
  const ns = containerInspect(d, 'c1').NetworkSettings as Record<string, unknown>;
  const ep = (ns.Networks as Record<string, Record<string, unknown>>).n1;
  assert.deepEqual([ns.SandboxID, ns.SandboxKey, ns.Ports], ['', '', {}]);
  assert.deepEqual(
    [ep.EndpointID, ep.IPAddress, ep.Gateway, ep.MacAddress, ep.IPPrefixLen],
    ['', '', '', '', 0],
  );
  assert.notEqual(ep.NetworkID, '');
  assert.equal((ep.DNSNames as string[])[0], 'c1');
});
