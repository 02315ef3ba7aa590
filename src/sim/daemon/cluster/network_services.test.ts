// Tests for network_services.ts: the Services map of `network inspect --verbose` (tasks of every
// node with their endpoint IDs and Host IP, standalone containers under "", VIPs, ingress ports,
// load balancer numbers from 256) and the ingress VIP a published service gets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../../index.ts';

function lab() {
  const sim = createWorld({ seed: 9, hosts: ['host1', 'host2'] });
  const out = sim.exec('docker swarm init', { host: 'host1' }).stdout;
  sim.exec(/docker swarm join --token \S+ \S+/.exec(out)?.[0] ?? '', { host: 'host2' });
  const run = (cmd: string, host = 'host1') => sim.exec(cmd, { host });
  run('docker network create -d overlay --attachable net');
  run('docker service create -d --name web --replicas 2 --network net -p 8080:80 nginx');
  run('docker run -d --name probe --network net alpine sleep 1d', 'host2');
  return run;
}

/** endpoints maps container name → endpoint ID, read from each host's own inspect. */
function endpoints(run: (c: string, h?: string) => { stdout: string }, net: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const host of ['host1', 'host2'])
    for (const line of run(
      `docker network inspect ${net} --format '{{range .Containers}}{{.Name}} {{.EndpointID}}{{println}}{{end}}'`,
      host,
    ).stdout.split('\n'))
      if (line.includes(' ')) m.set(line.split(' ')[0], line.split(' ')[1]);
  return m;
}

test('inspect --verbose groups the endpoints of every node by service', () => {
  const run = lab();
  const eps = endpoints(run, 'net');
  const [t1, t2] = [...eps.keys()].filter((n) => n.startsWith('web.')).sort();
  const task = (name: string, ip: string, host: string) => ({
    Name: name,
    EndpointID: eps.get(name),
    EndpointIP: ip,
    Info: { 'Host IP': host },
  });
  const expected = {
    '': {
      VIP: '<nil>',
      Ports: [],
      LocalLBIndex: 0,
      Tasks: [task('probe', '10.0.1.5', '192.168.1.12')],
    },
    web: {
      VIP: '10.0.1.2',
      Ports: [],
      LocalLBIndex: 257,
      Tasks: [task(t1, '10.0.1.3', '192.168.1.11'), task(t2, '10.0.1.4', '192.168.1.12')],
    },
  };
  for (const host of ['host1', 'host2']) {
    const doc = JSON.parse(run('docker network inspect -v net', host).stdout)[0];
    assert.deepEqual(doc.Services, expected, host);
    assert.deepEqual(Object.keys(doc).slice(-2), ['Peers', 'Services']);
  }
  assert.equal(run('docker network inspect net --format "{{json .Services}}"').stdout, 'null\n');
  assert.equal(run('docker network inspect -v bridge --format "{{json .Services}}"').stdout, 'null\n');
});

test('the ingress network shows published ports; a published service has an ingress VIP first', () => {
  const run = lab();
  const ingress = JSON.parse(run('docker network inspect --verbose ingress').stdout)[0].Services;
  assert.deepEqual(Object.keys(ingress), ['web']);
  assert.equal(ingress.web.VIP, '10.0.0.2');
  assert.deepEqual(ingress.web.Ports, ['Target: 80, Publish: 8080']);
  assert.equal(ingress.web.LocalLBIndex, 256);
  assert.deepEqual(
    ingress.web.Tasks.map((t: { EndpointIP: string }) => t.EndpointIP),
    ['10.0.0.4', '10.0.0.6'],
  );
  assert.equal(
    run("docker service inspect web --format '{{range .Endpoint.VirtualIPs}}{{.Addr}} {{end}}'").stdout,
    '10.0.0.2/24 10.0.1.2/24 \n',
  );
  run('docker service update -d --publish-rm 80 web');
  assert.equal(
    run("docker service inspect web --format '{{range .Endpoint.VirtualIPs}}{{.Addr}} {{end}}'").stdout,
    '10.0.1.2/24 \n',
  );
});
