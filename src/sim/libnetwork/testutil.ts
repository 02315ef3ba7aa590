// A small harness for libnetwork's tests (and the daemon's): a world with one host, a controller,
// and the predefined networks created the way dockerd's configureNetworking does (none, host,
// bridge). Mirrors moby/moby daemon/daemon_unix.go configureNetworking; simplified: no restore.

import { Vfs } from '../kernel/vfs.ts';
import { createWorld } from '../world/build.ts';
import type { HostMachine, World } from '../world/world.ts';
import type { DaemonConfig } from './config.ts';
import { Controller } from './controller.ts';
import type { Endpoint, EndpointOptions } from './endpoint.ts';
import type { Sandbox } from './sandbox.ts';

/** TestBed is a world, its first host and that host's controller. */
export interface TestBed {
  world: World;
  host: HostMachine;
  c: Controller;
}

/** newTestBed builds a world and a controller with the none, host and bridge networks. */
export function newTestBed(daemonConfig?: DaemonConfig, seed = 1): TestBed {
  const world = createWorld({ seed });
  const host = world.hosts.get('host1');
  if (!host) throw new Error('createWorld made no host1');
  const c = new Controller({ host, world, daemonConfig });
  const now = world.clock.now();
  c.newNetwork('null', 'none', '', { created: now });
  c.newNetwork('host', 'host', '', { created: now });
  c.newNetwork('bridge', 'bridge', '', c.defaultBridgeOptions(now));
  return { world, host, c };
}

/** runContainer creates a sandbox and joins it to a network, as `docker run --network` does. */
export function runContainer(
  bed: TestBed,
  name: string,
  network: string,
  opts: { ep?: EndpointOptions; hostname?: string; useDefaultSandbox?: boolean } = {},
): { id: string; sb: Sandbox; ep: Endpoint; fs: Vfs } {
  const id = bed.c.rng.dockerId();
  const fs = new Vfs();
  const sb = bed.c.newSandbox(id, {
    hostname: opts.hostname ?? id.slice(0, 12),
    fs,
    useDefaultSandbox: opts.useDefaultSandbox,
  });
  const n = bed.c.mustNetworkByName(network);
  const predefined = ['bridge', 'host', 'none'].includes(network);
  const ep = n.createEndpoint(name, {
    disableResolution: predefined,
    dnsNames: predefined ? undefined : [name, id.slice(0, 12)],
    ...opts.ep,
  });
  ep.join(sb);
  return { id, sb, ep, fs };
}
