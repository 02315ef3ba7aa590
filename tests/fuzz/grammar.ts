// fast-check generators for terminal lines: grammar-aware docker commands (real subcommands with
// random flags in random order, names that collide on purpose, valid and broken subnets) and junk
// (quotes left open, control characters, huge arguments).

import fc from 'fast-check';

const NAMES = ['web', 'db', 'app', 'cache', 'c1', 'c2'];
const NETS = ['appnet', 'backend', 'front', 'n1', 'bridge', 'host', 'none'];
const IMAGES = ['nginx', 'nginx', 'nginx', 'alpine', 'busybox', 'nginx:alpine', 'nosuchimage'];

/** name picks a container name, mostly from a small pool so commands meet each other's objects. */
export const containerName = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,12}$/) },
  { weight: 1, arbitrary: fc.constantFrom('', '-x', 'a b', 'UPPER', 'x'.repeat(70)) },
);

/** networkName picks a network name, predefined ones included. */
export const networkName = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom(...NETS) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/) },
);

const octet = fc.integer({ min: 0, max: 255 });

/** subnet is an IPv4 CIDR: often private and overlapping, sometimes invalid. */
export const subnet = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(24, 16, 29, 28))
      .map(([b, p]) => `10.${b}.0.0/${p}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 16, max: 31 }), fc.constantFrom(16, 24))
      .map(([b, p]) => `172.${b}.0.0/${p}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(octet, octet, octet, fc.integer({ min: 0, max: 33 }))
      .map(([a, b, c, p]) => `${a}.${b}.${c}.0/${p}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('300.1.1.0/24', '10.0.0.0', 'fd00::/64', 'garbage', '') },
);

/** ipIn is an address that may or may not fall inside the generated subnets. */
export const ipAddr = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 9 })).map(([b, h]) => `10.${b}.0.${h}`),
  fc.tuple(octet, octet).map(([c, d]) => `172.20.${c}.${d}`),
  fc.constantFrom('999.1.1.1', 'not-an-ip', '::1'),
);

/** Flag is a group of tokens and how often (0..1) it appears in a generated command. */
type Flag = [number, fc.Arbitrary<string[]>];

/** flagsInOrder picks each flag group with its own odds and shuffles the picked groups. */
function flagsInOrder(groups: Flag[]): fc.Arbitrary<string[]> {
  return fc
    .tuple(
      ...groups.map(([p, g]) =>
        fc.oneof(
          { weight: Math.round(p * 100), arbitrary: g as fc.Arbitrary<string[] | undefined> },
          { weight: Math.round((1 - p) * 100), arbitrary: fc.constant(undefined) },
        ),
      ),
    )
    .chain((picked) => {
      const present = picked.filter((x): x is string[] => x !== undefined);
      return fc.shuffledSubarray(present, { minLength: present.length, maxLength: present.length });
    })
    .map((gs) => gs.flat());
}

const q = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
const line = (...parts: Array<string | string[]>): string =>
  parts
    .flat()
    .filter((p) => p !== '')
    .join(' ');

const networkCreate = fc
  .tuple(
    flagsInOrder([
      [
        0.2,
        fc.constantFrom('bridge', 'bridge', 'null', 'macvlan', 'nosuchdriver').map((d) => ['--driver', d]),
      ],
      [0.6, subnet.map((s) => [`--subnet=${q(s)}`])],
      [0.1, ipAddr.map((g) => ['--gateway', q(g)])],
      [0.1, subnet.map((s) => ['--ip-range', q(s)])],
      [0.15, fc.constant(['--internal'])],
      [0.1, fc.constant(['--attachable'])],
      [0.1, fc.constant(['--ipv6'])],
      [0.2, fc.constantFrom('env=prod', 'tier', 'a=b=c').map((l) => ['--label', l])],
      [
        0.1,
        fc
          .constantFrom('com.docker.network.bridge.name=br-x', 'com.docker.network.driver.mtu=1400')
          .map((o) => ['-o', o]),
      ],
    ]),
    networkName,
  )
  .map(([flags, name]) => line('docker network create', flags, q(name)));

const run = fc
  .tuple(
    fc.constantFrom('run -d', 'run -d', 'run -d', 'run', 'create', 'run --rm', 'run -d --rm'),
    flagsInOrder([
      [0.9, containerName.map((n) => ['--name', q(n)])],
      [0.6, networkName.map((n) => [`--network=${q(n)}`])],
      [0.1, ipAddr.map((ip) => ['--ip', q(ip)])],
      [
        0.2,
        fc
          .tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom(80, 53, 443))
          .map(([h, c]) => ['-p', `${h}:${c}`]),
      ],
      [0.1, fc.constant(['-P'])],
      [0.15, fc.constantFrom('alias1', 'db').map((a) => ['--network-alias', a])],
      [0.1, fc.constantFrom('a=b', 'x').map((l) => ['-l', l])],
      [0.05, fc.constantFrom('8.8.8.8', 'bad').map((d) => ['--dns', d])],
      [0.05, fc.constantFrom('myhost', '-bad').map((h) => ['--hostname', h])],
    ]),
    fc.constantFrom(...IMAGES),
    fc.constantFrom('', '', '', 'echo hi', 'sh -c "exit 3"', 'sleep 1', 'cat /etc/hosts', 'ip addr'),
  )
  .map(([verb, flags, image, cmd]) => line(`docker ${verb}`, flags, image, cmd));

const connect = fc
  .tuple(
    flagsInOrder([
      [0.15, ipAddr.map((ip) => ['--ip', q(ip)])],
      [0.2, fc.constantFrom('alias1', 'other').map((a) => ['--alias', a])],
    ]),
    networkName,
    containerName,
  )
  .map(([flags, n, c]) => line('docker network connect', flags, q(n), q(c)));

const disconnect = fc
  .tuple(fc.boolean(), networkName, containerName)
  .map(([force, n, c]) => line('docker network disconnect', force ? '-f' : '', q(n), q(c)));

const lifecycle = fc
  .tuple(
    fc.constantFrom('start', 'stop', 'kill', 'restart', 'rm', 'rm -f', 'logs', 'port'),
    fc.array(containerName, { minLength: 1, maxLength: 3 }),
  )
  .map(([verb, names]) => line(`docker ${verb}`, names.map(q)));

const networkRm = fc
  .tuple(
    fc.constantFrom('network rm', 'network rm -f', 'network inspect', 'network inspect -f {{.IPAM}}'),
    fc.array(networkName, { minLength: 1, maxLength: 3 }),
  )
  .map(([verb, names]) => line(`docker ${verb}`, names.map(q)));

const reads = fc.constantFrom(
  'docker ps',
  'docker ps -a --format "{{.Names}} {{.Networks}}"',
  'docker network ls',
  'docker network ls --filter driver=bridge -q',
  'docker network prune -f',
  'docker container prune -f',
  'docker inspect -f "{{json .NetworkSettings.Networks}}" web',
  'docker images',
  'docker info --format "{{.Containers}}"',
);

const SERVICES = ['web', 'svc', 'nosuch'];
const SWARM_NETS = ['ov', 'ov2', 'sw', 'ingress', 'bridge', 'nosuchnet'];

/** swarmLine covers swarm mode: init/leave, swarm networks, service update, node ps/rm, verbose inspect. */
const swarmLine = fc.oneof(
  fc.constantFrom(
    'docker swarm init',
    'docker swarm leave --force',
    'docker network create -d overlay --attachable ov',
    'docker network create -d overlay ov2',
    'docker network create --scope swarm sw',
    'docker service rm web svc',
    'docker node ps',
    'docker node ls -q',
    'docker service ls',
  ),
  fc
    .tuple(
      fc.constantFrom(...SERVICES),
      flagsInOrder([
        [0.6, fc.constantFrom(...SWARM_NETS).map((n) => ['--network', n])],
        [0.3, fc.constantFrom('8080:80', '80', 'x:y').map((p) => ['-p', p])],
        [0.3, fc.constantFrom('0', '2', '3', 'x').map((r) => ['--replicas', r])],
        [0.1, fc.constant(['--endpoint-mode', 'dnsrr'])],
      ]),
    )
    .map(([n, flags]) => line('docker service create -d --name', n, flags, 'nginx')),
  fc
    .tuple(
      flagsInOrder([
        [0.4, fc.constantFrom(...SWARM_NETS).map((n) => ['--network-add', n])],
        [0.3, fc.constantFrom(...SWARM_NETS).map((n) => ['--network-rm', n])],
        [0.2, fc.constantFrom('9090:80', '8080:80').map((p) => ['--publish-add', p])],
        [0.2, fc.constantFrom('80', '8080').map((p) => ['--publish-rm', p])],
        [0.2, fc.constantFrom('1', '4', '-1').map((r) => ['--replicas', r])],
        [0.1, fc.constantFrom('nginx:alpine', 'nosuchimage').map((i) => ['--image', i])],
      ]),
      fc.constantFrom(...SERVICES),
    )
    .map(([flags, n]) => line('docker service update -d', flags, n)),
  fc
    .tuple(
      fc.constantFrom(
        'node ps',
        'node ps -q',
        'node ps --filter desired-state=shutdown',
        'node rm',
        'node rm -f',
      ),
      fc.constantFrom('self', 'host1', 'nosuchnode', ''),
    )
    .map(([verb, n]) => line(`docker ${verb}`, n)),
  fc
    .tuple(
      fc.constantFrom('network inspect -v', 'network rm', 'service ps', 'service inspect'),
      fc.constantFrom(...SWARM_NETS, ...SERVICES),
    )
    .map(([verb, n]) => line(`docker ${verb}`, n)),
);

/** dockerLine is one grammar-aware docker command. */
export const dockerLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: networkCreate },
  { weight: 6, arbitrary: run },
  { weight: 3, arbitrary: connect },
  { weight: 2, arbitrary: disconnect },
  { weight: 2, arbitrary: lifecycle },
  { weight: 2, arbitrary: networkRm },
  { weight: 2, arbitrary: reads },
  { weight: 2, arbitrary: swarmLine },
);

const control = fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c));

/** junkLine is plain junk: open quotes, control characters, huge arguments, odd docker argv. */
export const junkLine: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .tuple(
      fc.constantFrom('docker ', 'docker network ', 'docker run ', 'echo ', ''),
      fc.string({ maxLength: 40 }),
      fc.constantFrom('"', "'", '`', '$(', '\\', '{{', ''),
    )
    .map((p) => p.join('')),
  fc.array(control, { maxLength: 8 }).map((cs) => `docker ${cs.join('')} ps`),
  fc.integer({ min: 10_000, max: 200_000 }).map((n) => `docker network create ${'a'.repeat(n)}`),
  fc.integer({ min: 1_000, max: 50_000 }).map((n) => `docker run --name ${'x'.repeat(n)} alpine`),
  fc.constantFrom(
    'docker --format',
    'docker network create --subnet',
    'docker -H',
    'docker run -p',
    '"unterminated',
    "docker 'x",
    'docker ps --format "{{.Foo',
    'docker ps --format "{{template \\"x\\"}}"',
  ),
);
