import assert from 'node:assert/strict';
import test from 'node:test';
import { createEngineApi } from '../api/router.ts';
import { Controller } from '../libnetwork/index.ts';
import { createWorld } from '../world/build.ts';
import { createDaemon } from './index.ts';
import { ScriptedRuntime } from './testkit.ts';

// The daemon on the real libnetwork Controller and world: the wiring the simulator uses.
function engine(): ReturnType<typeof createEngineApi> {
  const world = createWorld({ seed: 1 });
  const host = world.hosts.get('host1');
  if (!host) throw new Error('no host1');
  const d = createDaemon({
    host,
    world,
    controller: new Controller({ host, world }),
    runtime: new ScriptedRuntime(),
  });
  d.images.pull('alpine', undefined);
  d.images.pull('nginx', undefined);
  return createEngineApi(d);
}

test('with real libnetwork: bridge is 172.17.0.0/16 and a user network gets 172.18.0.0/16', () => {
  const api = engine();
  const bridge = api.route({ method: 'GET', path: '/networks/bridge' }).json as { IPAM: unknown };
  assert.deepEqual(bridge.IPAM, {
    Driver: 'default',
    Options: null,
    Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }],
  });
  api.route({
    method: 'POST',
    path: '/networks/create',
    body: { Name: 'alpine-net', Driver: 'bridge', IPAM: { Driver: 'default', Options: {}, Config: [] } },
  });
  const net = api.route({ method: 'GET', path: '/networks/alpine-net' }).json as {
    IPAM: { Config: unknown };
  };
  assert.deepEqual(net.IPAM.Config, [{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }]);
});

test('with real libnetwork: published ports, and the busy-port error of a second container', () => {
  const api = engine();
  const body = {
    Image: 'nginx',
    ExposedPorts: { '80/tcp': {} },
    HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } },
  };
  api.route({ method: 'POST', path: '/containers/create', query: { name: 'web' }, body });
  assert.equal(api.route({ method: 'POST', path: '/containers/web/start' }).status, 204);
  const ns = (
    api.route({ method: 'GET', path: '/containers/web/json' }).json as {
      NetworkSettings: Record<string, unknown>;
    }
  ).NetworkSettings;
  assert.equal(ns.IPAddress, '172.17.0.2');
  assert.deepEqual(ns.Ports, {
    '80/tcp': [
      { HostIp: '0.0.0.0', HostPort: '8080' },
      { HostIp: '::', HostPort: '8080' },
    ],
  });
  api.route({ method: 'POST', path: '/containers/create', query: { name: 'web2' }, body });
  const res = api.route({ method: 'POST', path: '/containers/web2/start' });
  assert.match(
    (res.json as { message: string }).message,
    /^failed to set up container networking: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated$/,
  );
});

test('with real libnetwork: network rm with an endpoint, then after the container stops', () => {
  const api = engine();
  api.route({ method: 'POST', path: '/networks/create', body: { Name: 'mynet' } });
  api.route({
    method: 'POST',
    path: '/containers/create',
    query: { name: 'c1' },
    body: { Image: 'alpine', Cmd: ['sleep', '9'], HostConfig: { NetworkMode: 'mynet' } },
  });
  api.route({ method: 'POST', path: '/containers/c1/start' });
  const busy = api.route({ method: 'DELETE', path: '/networks/mynet' });
  assert.equal(busy.status, 403);
  assert.match(
    (busy.json as { message: string }).message,
    /^error while removing network: network mynet has active endpoints \(name:"c1" id:"[0-9a-f]{12}"\)$/,
  );
  api.route({ method: 'POST', path: '/containers/c1/stop' });
  assert.equal(api.route({ method: 'DELETE', path: '/networks/mynet' }).status, 204);
});
