// The swarm goals (inSwarm, overlayPeers, serviceTasks) on hand-made state views, and on a live
// three-host world to be sure the views the simulator produces look the way the goals expect.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ContainerView, HostView, LabStateView, NetworkView } from '../sim/index.ts';
import { createWorld } from '../sim/index.ts';
import { GOALS } from './goals.ts';

const net = (name: string, driver: string): NetworkView => ({
  id: name,
  name,
  driver,
  internal: false,
  subnets: [],
  containers: [],
});

const ctr = (name: string, networks: string[], running = true): ContainerView => ({
  id: name,
  name,
  image: 'alpine',
  running,
  networks: Object.fromEntries(networks.map((n) => [n, { ip: '10.0.1.2', aliases: [] }])),
  ports: [],
});

const host = (networks: NetworkView[], containers: ContainerView[] = []): HostView => ({
  containers,
  networks,
  images: [],
  files: {},
});

const swarmNets = [net('bridge', 'bridge'), net('ingress', 'overlay'), net('backend', 'overlay')];

test('inSwarm is true only for a host that has the ingress overlay', () => {
  const state: LabStateView = {
    hosts: { host1: host(swarmNets), host2: host([net('bridge', 'bridge'), net('ingress', 'bridge')]) },
  };
  assert.equal(GOALS.inSwarm(state, { host: 'host1' }), true);
  assert.equal(GOALS.inSwarm(state, { host: 'host2' }), false);
  assert.equal(GOALS.inSwarm(state, { host: 'host9' }), false);
});

test('overlayPeers needs both containers running on a shared overlay', () => {
  const args = { from: 'client', fromHost: 'host2', to: 'db', toHost: 'host1' };
  const with2 = (client: ContainerView, nets = swarmNets): LabStateView => ({
    hosts: { host1: host(swarmNets, [ctr('db', ['backend'])]), host2: host(nets, [client]) },
  });
  assert.equal(GOALS.overlayPeers(with2(ctr('client', ['backend'])), args), true);
  assert.equal(GOALS.overlayPeers(with2(ctr('client', ['backend'], false)), args), false);
  assert.equal(GOALS.overlayPeers(with2(ctr('client', ['bridge'])), args), false);
  // A bridge that happens to share the name is not an overlay.
  const bridgeNamedBackend = [net('backend', 'bridge'), net('ingress', 'overlay')];
  assert.equal(GOALS.overlayPeers(with2(ctr('client', ['backend']), bridgeNamedBackend), args), false);
  assert.equal(GOALS.overlayPeers({ hosts: {} }, args), false);
});

test('serviceTasks counts running task containers of one service across hosts', () => {
  const state = (names: string[][], running = true): LabStateView => ({
    hosts: Object.fromEntries(
      names.map((list, i) => [
        `host${i + 1}`,
        host(
          swarmNets,
          list.map((n) => ctr(n, ['ingress'], running)),
        ),
      ]),
    ),
  });
  const args = { service: 'api', replicas: 3, network: 'ingress' };
  const three = [['api.1.abc', 'api.3.ghi'], ['api.2.def'], ['apis.1.zzz', 'api']];
  assert.equal(GOALS.serviceTasks(state(three), args), true);
  assert.equal(GOALS.serviceTasks(state(three, false), args), false);
  assert.equal(GOALS.serviceTasks(state([['api.1.abc', 'api.2.def']]), args), false);
  assert.equal(GOALS.serviceTasks(state(three), { ...args, network: 'backend' }), false);
  assert.equal(GOALS.serviceTasks(state(three), { service: 'api', replicas: 3 }), true);
  assert.equal(GOALS.serviceTasks(state([['a.b.1.x']]), { service: 'a.b', replicas: 1 }), true);
  assert.equal(GOALS.serviceTasks(state([['axb.1.x']]), { service: 'a.b', replicas: 1 }), false);
});

test('the goals read a live swarm the way the simulator shows it', () => {
  const sim = createWorld({ hosts: ['host1', 'host2'] });
  assert.equal(GOALS.inSwarm(sim.snapshot(), { host: 'host1' }), false);
  sim.exec('docker swarm init --advertise-addr 192.168.1.11', { host: 'host1' });
  const token = sim.exec('docker swarm join-token -q worker', { host: 'host1' }).stdout.trim();
  sim.exec(`docker swarm join --token ${token} 192.168.1.11:2377`, { host: 'host2' });
  assert.equal(GOALS.inSwarm(sim.snapshot(), { host: 'host2' }), true);
  sim.exec('docker network create -d overlay --attachable backend', { host: 'host1' });
  sim.exec('docker run -dit --name db --network backend alpine', { host: 'host1' });
  sim.exec('docker run -dit --name client --network backend alpine', { host: 'host2' });
  const peers = { from: 'client', fromHost: 'host2', to: 'db', toHost: 'host1' };
  assert.equal(GOALS.overlayPeers(sim.snapshot(), peers), true);
  sim.exec('docker service create -d --name api --replicas 2 --publish 8080:80 nginx', { host: 'host1' });
  assert.equal(GOALS.serviceTasks(sim.snapshot(), { service: 'api', replicas: 2, network: 'ingress' }), true);
});
