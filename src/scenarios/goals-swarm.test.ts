// The swarm goals (inSwarm, nodeCount, servicePublished, overlayPeers, serviceTasks) on hand-made state views, and on a live
// three-host world to be sure the views the simulator produces look the way the goals expect.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ContainerView, HostView, LabStateView, NetworkView, ServiceView } from '../sim/index.ts';
import { createWorld } from '../sim/index.ts';
import { GOALS, goalMet } from './goals.ts';
import { SCENARIOS } from './index.ts';
import { startScenario } from './start.ts';

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

const node = (hostname: string, role: 'manager' | 'worker', state = 'ready', availability = 'active') => ({
  id: `id-${hostname}`,
  hostname,
  role,
  availability,
  state,
});

const api = (running: number, ports: ServiceView['ports']): ServiceView => ({
  name: 'api',
  mode: 'replicated',
  desired: 3,
  running,
  ports,
  networks: [],
  endpointMode: 'vip',
});

const manager = (services: ServiceView[], nodes = [node('host1', 'manager')]): HostView => ({
  ...host(swarmNets),
  swarm: { nodeId: 'id-host1', role: 'manager', availability: 'active', nodes, services },
});

test('inSwarm reads the host swarm membership, and its role when asked', () => {
  const worker: HostView = { ...host(swarmNets), swarm: { nodeId: 'id-host2', role: 'worker' } };
  const state: LabStateView = {
    hosts: { host1: manager([]), host2: worker, host3: host([net('ingress', 'overlay')]) },
  };
  assert.equal(GOALS.inSwarm(state, { host: 'host1' }), true);
  assert.equal(GOALS.inSwarm(state, { host: 'host1', role: 'worker' }), false);
  assert.equal(GOALS.inSwarm(state, { host: 'host2', role: 'worker' }), true);
  assert.equal(GOALS.inSwarm(state, { host: 'host3' }), false);
  assert.equal(GOALS.inSwarm(state, { host: 'host9' }), false);
});

test('nodeCount counts Ready nodes, by role and availability when asked', () => {
  const nodes = [
    node('host1', 'manager'),
    node('host2', 'worker'),
    node('host3', 'worker', 'ready', 'drain'),
    node('host4', 'worker', 'down'),
  ];
  const state: LabStateView = { hosts: { host1: manager([], nodes), host2: host(swarmNets) } };
  assert.equal(GOALS.nodeCount(state, { count: 3 }), true);
  assert.equal(GOALS.nodeCount(state, { count: 4 }), false);
  assert.equal(GOALS.nodeCount(state, { count: 2, role: 'worker' }), true);
  assert.equal(GOALS.nodeCount(state, { count: 1, role: 'worker', availability: 'active' }), true);
  assert.equal(GOALS.nodeCount(state, { host: 'host2', count: 0 }), false, 'a non-manager has no node list');
});

test('servicePublished needs every replica running and the exact published and target ports', () => {
  const tcp = (published: number, target: number, mode = 'ingress') => ({
    published,
    target,
    protocol: 'tcp',
    mode,
  });
  const on = (svc: ServiceView): LabStateView => ({
    hosts: { host1: manager([svc]), host2: { ...host(swarmNets), swarm: { nodeId: 'w', role: 'worker' } } },
  });
  const args = { service: 'api', replicas: 3, published: 8080, target: 80 };
  assert.equal(GOALS.servicePublished(on(api(3, [tcp(8080, 80)])), args), true);
  assert.equal(GOALS.servicePublished(on(api(2, [tcp(8080, 80)])), args), false);
  assert.equal(GOALS.servicePublished(on(api(3, [tcp(8081, 80)])), args), false);
  assert.equal(GOALS.servicePublished(on(api(3, [tcp(8080, 8080)])), args), false);
  assert.equal(GOALS.servicePublished(on(api(3, [tcp(8080, 80, 'host')])), args), false);
  assert.equal(GOALS.servicePublished(on(api(3, [tcp(8080, 80, 'host')])), { ...args, mode: 'host' }), true);
  assert.equal(GOALS.servicePublished(on(api(3, [tcp(8080, 80)])), { ...args, protocol: 'udp' }), false);
  assert.equal(GOALS.servicePublished(on(api(3, [tcp(8080, 80)])), { ...args, host: 'host2' }), false);
  assert.equal(GOALS.servicePublished({ hosts: {} }, args), false);
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
  const published = { service: 'api', replicas: 2, published: 8080, target: 80 };
  assert.equal(GOALS.servicePublished(sim.snapshot(), published), true);
  assert.equal(GOALS.inSwarm(sim.snapshot(), { host: 'host2', role: 'worker' }), true);
  assert.equal(GOALS.nodeCount(sim.snapshot(), { count: 2 }), true);
  sim.exec('docker node update --availability drain host2', { host: 'host1' });
  assert.equal(sim.snapshot().hosts.host2.swarm?.availability, 'drain');
  assert.equal(GOALS.nodeCount(sim.snapshot(), { count: 1, availability: 'active' }), true);
  sim.exec('docker service create -d --name pinned --constraint node.hostname==host3 nginx', {
    host: 'host1',
  });
  const pinned = sim.snapshot().hosts.host1.swarm?.services?.find((x) => x.name === 'pinned');
  assert.deepEqual(pinned, {
    name: 'pinned',
    mode: 'replicated',
    desired: 1,
    running: 0,
    ports: [],
    networks: [],
    endpointMode: 'vip',
  });
});

test('overlay-lab api-service wants port 8080 to port 80 and three running replicas exactly', () => {
  const scenario = SCENARIOS.get('overlay-lab');
  const challenge = scenario?.challenges.find((c) => c.id === 'api-service');
  assert.ok(scenario && challenge);
  const attempt = (lines: string[]): boolean => {
    const sim = startScenario(scenario);
    for (const line of lines) sim.exec(line, { host: 'host1' });
    return goalMet(challenge, sim.snapshot());
  };
  const create = 'docker service create -d --name api --replicas 3';
  assert.equal(attempt([`${create} --publish 8081:80 traefik/whoami`]), false);
  assert.equal(attempt([`${create} --publish 8080:8080 traefik/whoami`]), false);
  assert.equal(attempt([`${create} traefik/whoami`]), false);
  assert.equal(
    attempt([`${create} --constraint node.hostname==host3 --publish 8080:80 traefik/whoami`]),
    false,
    'Pending tasks are not running',
  );
  assert.equal(attempt([`${create} -p 8080:80 traefik/whoami`]), true);
  assert.equal(
    attempt([
      'docker service create -d --name api traefik/whoami',
      'docker service update -d --replicas 3 --publish-add 8080:80 api',
    ]),
    true,
  );
});
