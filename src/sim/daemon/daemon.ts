// Mirrors moby/moby daemon/daemon.go, daemon_unix.go (configureNetworking, initBridgeDriver) and
// daemon/container.go (GetContainer): the daemon's state and the predefined networks none/host/bridge.
// Operations live in files named after moby's (create.ts, start.ts, network.ts …) and take the daemon.

import { invalidParameter, notFound } from '../errdefs.ts';
import type { Rng } from '../world/rng.ts';
import type { HostMachine, World } from '../world/world.ts';
import type { Container, ExecConfig, Stamp } from './container.ts';
import { ImageStore } from './images.ts';
import type { NetController, NetNetwork } from './libnetwork.ts';
import { NameRegistry } from './names.ts';
import type { Runtime } from './runtime.ts';

/** DaemonConfig is the part of daemon.json the simulator honours. */
export interface DaemonConfig {
  /** serverVersion is what /version reports (28.2.2). */
  serverVersion?: string;
}

/** DaemonOptions are createDaemon's inputs. */
export interface DaemonOptions {
  host: HostMachine;
  world: World;
  controller: NetController;
  runtime: Runtime;
  config?: DaemonConfig;
}

/** Daemon is one host's dockerd: containers, images, exec instances and the network controller. */
export class Daemon {
  readonly host: HostMachine;
  readonly world: World;
  readonly controller: NetController;
  readonly runtime: Runtime;
  readonly config: Required<Pick<DaemonConfig, 'serverVersion'>> & DaemonConfig;
  readonly rng: Rng;
  readonly images: ImageStore;
  /** containers in creation order. */
  readonly containers = new Map<string, Container>();
  readonly names = new NameRegistry();
  readonly execs = new Map<string, ExecConfig>();
  /** userSubnets remembers which networks were created with a user-configured subnet (for --ip). */
  readonly userSubnets = new Map<string, string[]>();
  /** portEndpoints are the endpoints that carry their container's exposed and published ports. */
  readonly portEndpoints = new Set<string>();
  /** networkNanos gives the networks this daemon created sub-millisecond creation times. */
  readonly networkNanos = new Map<string, number>();
  /** startedAt is when this daemon started (info's SystemTime is computed from the clock). */
  readonly startedAt: Stamp;

  constructor(opts: DaemonOptions) {
    this.host = opts.host;
    this.world = opts.world;
    this.controller = opts.controller;
    this.runtime = opts.runtime;
    this.config = { serverVersion: '28.2.2', ...opts.config };
    this.rng = opts.world.rng.fork(`dockerd/${opts.host.name}`);
    this.images = new ImageStore(this.rng.fork('images'));
    this.cosmetic = this.rng.fork('cosmetic');
    const h = this.rng.hex(32);
    this.engineId = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[this.rng.int(4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    this.startedAt = this.now();
    this.createPredefinedNetworks();
  }

  /** now returns the current time with sub-millisecond nanoseconds from the daemon's Rng. */
  now(): Stamp {
    return { ms: this.world.clock.now(), ns: this.rng.int(1_000_000) };
  }

  /** advance moves the world clock: operations take a little simulated time. */
  advance(ms: number): void {
    this.world.clock.advance(ms);
  }

  private pid = 0;
  /** engineId is the engine's ID (/info "ID"), a UUID. */
  readonly engineId: string;
  /** cosmetic draws values that must not shift IDs (sub-second times of read-only calls). */
  readonly cosmetic: Rng;

  /** nextPid hands out process IDs for containers' main processes and execs. */
  nextPid(): number {
    if (this.pid === 0) this.pid = 1800 + this.rng.int(900);
    this.pid += 1 + this.rng.int(40);
    return this.pid;
  }

  /** newId returns a 64-hex ID (pkg/stringid.GenerateRandomID). */
  newId(): string {
    return this.rng.dockerId();
  }

  private createPredefinedNetworks(): void {
    const created = (): number => this.world.clock.now();
    const stamp = (nw: NetNetwork): void => void this.networkNanos.set(nw.id, this.rng.int(1_000_000));
    stamp(this.controller.newNetwork('null', 'none', this.newId(), { created: created(), persist: true }));
    stamp(this.controller.newNetwork('host', 'host', this.newId(), { created: created(), persist: true }));
    const bridge = this.controller.newNetwork(
      'bridge',
      'bridge',
      this.newId(),
      this.controller.defaultBridgeOptions(created()),
    );
    stamp(bridge);
    this.userSubnets.set(
      bridge.id,
      bridge.ipamConfig().map((c) => c.ipRange || c.subnet),
    );
  }

  /** getContainer is daemon.GetContainer: full ID, exact name, then unique ID prefix. */
  getContainer(prefixOrName: string): Container {
    if (prefixOrName === '') throw invalidParameter('invalid name or ID supplied: ""');
    const byId = this.containers.get(prefixOrName);
    if (byId) return byId;
    const named = this.names.lookup(prefixOrName);
    if (named !== undefined) {
      const c = this.containers.get(named);
      if (c) return c;
    }
    const matches = [...this.containers.values()].filter((c) => c.id.startsWith(prefixOrName));
    if (matches.length > 1)
      throw invalidParameter(`multiple IDs found with provided prefix: ${prefixOrName}`);
    if (matches.length === 1) return matches[0];
    throw notFound(`No such container: ${prefixOrName}`);
  }

  /** findContainer is getContainer without the error. */
  findContainer(prefixOrName: string): Container | undefined {
    try {
      return this.getContainer(prefixOrName);
    } catch {
      return undefined;
    }
  }

  /** networks lists the controller's networks. */
  networks(): NetNetwork[] {
    return this.controller.networks();
  }
}

/** createDaemon starts a dockerd on a host: it creates the predefined networks none, host and bridge. */
export function createDaemon(opts: DaemonOptions): Daemon {
  return new Daemon(opts);
}
