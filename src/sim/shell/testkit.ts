// A bench for the shell's tests (and anyone who needs a shell without a whole world): a bare World,
// a Place with a Vfs, and createShell wired to the text utilities. Mirrors nothing upstream.

import { Emitter } from '../event.ts';
import { createNetns } from '../kernel/netns.ts';
import { Vfs } from '../kernel/vfs.ts';
import { createManualClock } from '../world/clock.ts';
import { createRng } from '../world/rng.ts';
import type { TraceEvent, World } from '../world/world.ts';
import { createShell, type Shell } from './interpreter.ts';
import type { Place, Program } from './program.ts';
import { UTILS } from './utils/index.ts';

/** bareWorld builds a World with one host, a manual clock and a seeded rng, and nothing else. */
export function bareWorld(seed = 1): World {
  const fs = new Vfs();
  const ns = createNetns('host1', 'host1', { nextIndex: 2 });
  return {
    hosts: new Map([['host1', { name: 'host1', ns, fs, up: true }]]),
    namespaces: () => [ns],
    register: () => {},
    unregister: () => {},
    segmentMembers: () => [],
    rng: createRng(seed),
    clock: createManualClock(),
    traces: new Emitter<TraceEvent>(),
  };
}

/** benchPlace builds a Place: the host's root (GNU tools, all of them) or an alpine-like container. */
export function benchPlace(world: World, flavour: 'gnu' | 'busybox'): Place {
  const host = world.hosts.get('host1');
  if (!host) throw new Error('bareWorld has host1');
  if (flavour === 'gnu') {
    host.fs.mkdirp('/root');
    host.fs.mkdirp('/tmp');
    host.fs.writeFile('/etc/hostname', 'host1\n');
    return { host: 'host1', ns: host.ns, fs: host.fs, hostname: 'host1', tools: 'all', flavour };
  }
  const fs = new Vfs();
  for (const d of ['/bin', '/etc', '/root', '/tmp', '/usr/bin', '/var']) fs.mkdirp(d);
  fs.writeFile('/etc/hostname', '4f1c2a9b3d7e\n');
  return {
    host: 'host1',
    ns: host.ns,
    fs,
    hostname: '4f1c2a9b3d7e',
    container: { id: '4f1c2a9b3d7e'.padEnd(64, '0'), name: 'web', image: 'alpine' },
    tools: new Set(Object.keys(UTILS).concat(['sh', 'ash'])),
    flavour,
  };
}

/** benchShell builds a shell for tests: bash on the host or ash in an alpine-like container. */
export function benchShell(
  flavour: 'gnu' | 'busybox',
  extra: Record<string, Program> = {},
): Shell & { place: Place; world: World } {
  const world = bareWorld();
  const place = benchPlace(world, flavour);
  const programs: Record<string, Program> = { ...UTILS, ...extra };
  const lookup = (name: string, p: Place): Program | undefined => {
    if (!Object.hasOwn(programs, name)) return undefined;
    return p.tools === 'all' || p.tools.has(name) || Object.hasOwn(extra, name) ? programs[name] : undefined;
  };
  const env: Record<string, string> =
    flavour === 'gnu'
      ? {
          HOME: '/root',
          PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
          LANG: 'C.UTF-8',
          USER: 'root',
          SHELL: '/bin/bash',
          PWD: '/root',
        }
      : {
          HOME: '/root',
          PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
          HOSTNAME: place.hostname,
          PWD: '/',
        };
  const shell = createShell({
    place,
    world,
    lookup,
    env,
    history: [],
    dialect: flavour === 'gnu' ? 'bash' : 'ash',
    listPrograms: () => Object.keys(programs).map((name) => ({ name })),
  });
  return Object.assign(shell, { place, world });
}
