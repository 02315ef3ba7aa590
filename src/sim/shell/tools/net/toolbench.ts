// Mirrors nothing upstream; simplified: test helpers for the network tools (a world with a
// Docker-like host, places for the host and alpine containers, a runner calling a Program).

import type { NetNs } from '../../../kernel/types.ts';
import { Vfs } from '../../../kernel/vfs.ts';
import { addBridge, addContainer, dockerFirewall } from '../../../trace/testbench.ts';
import { createWorld } from '../../../world/build.ts';
import type { World } from '../../../world/world.ts';
import type { Place, Program, ProgramResult } from '../../program.ts';
import { NGINX_INDEX } from './pages.ts';

/** Lab is a small world with docker0 and two alpine containers (172.17.0.2 web, 172.17.0.3 client). */
export interface Lab {
  world: World;
  host: Place;
  web: Place;
  client: Place;
}

/** containerPlace wraps a sandbox namespace as an alpine (busybox) container place. */
export function containerPlace(
  _world: World,
  ns: NetNs,
  name: string,
  ip: string,
  image = 'alpine',
  resolv = 'nameserver 192.168.1.1\n',
): Place {
  const fs = new Vfs();
  const id = `${name}0000000000000000000000000000000000000000000000000000000000000000`.slice(0, 64);
  fs.writeFile('/etc/hostname', `${id.slice(0, 12)}\n`);
  fs.writeFile(
    '/etc/hosts',
    `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${ip}\t${id.slice(0, 12)}\n`,
  );
  fs.writeFile('/etc/resolv.conf', resolv);
  // every bench container can run the nginx server program: give it the image's html root
  fs.writeFile('/usr/share/nginx/html/index.html', NGINX_INDEX);
  return {
    host: 'host1',
    ns,
    fs,
    hostname: id.slice(0, 12),
    container: { id, name, image },
    tools: 'all',
    flavour:
      image.startsWith('nicolaka') || image.startsWith('debian') || image.startsWith('ubuntu')
        ? 'gnu'
        : 'busybox',
  };
}

/** lab builds the standard bench. */
export function lab(seed = 3): Lab {
  const world = createWorld({ seed, hosts: ['host1', 'host2'] });
  const h = world.hosts.get('host1');
  if (!h) throw new Error('no host1');
  addBridge(h.ns, 'docker0', '172.17.0.1/16');
  dockerFirewall(h.ns, 'docker0', '172.17.0.0/16');
  const webNs = addContainer(world, h.ns, 'docker0', '172.17.0.2/16', '172.17.0.1', 'web');
  const clientNs = addContainer(world, h.ns, 'docker0', '172.17.0.3/16', '172.17.0.1', 'client');
  return {
    world,
    host: { host: 'host1', ns: h.ns, fs: h.fs, hostname: 'host1', tools: 'all', flavour: 'gnu' },
    web: containerPlace(world, webNs, 'web', '172.17.0.2'),
    client: containerPlace(world, clientNs, 'client', '172.17.0.3'),
  };
}

/** run calls a program in a place with a command line split on spaces (or an argv array). */
export function run(
  world: World,
  place: Place,
  prog: Program,
  line: string | string[],
  stdin = '',
): ProgramResult {
  const argv = Array.isArray(line) ? line : line.split(' ');
  return prog({ argv, stdin, env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', place, world });
}
