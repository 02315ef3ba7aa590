// Mirrors libnetwork's testutils and moby's daemon test fakes; simplified: in-memory stand-ins for tests.
// Test support for daemon/ and api/: a small in-memory stand-in for libnetwork's Controller (the
// agreed contract, with libnetwork's error messages), a scripted Runtime and a one-host World.
// Production wiring passes the real libnetwork Controller.

import { conflict, forbidden, invalidParameter, notFound, system } from '../errdefs.ts';
import { Emitter } from '../event.ts';
import { intToIp, ipToInt, parseCidr } from '../kernel/inet.ts';
import { createNetns } from '../kernel/netns.ts';
import type { NetNs } from '../kernel/types.ts';
import { Vfs } from '../kernel/vfs.ts';
import { defaultBridgeOptions } from '../libnetwork/controller.ts';
import type { ProgramResult } from '../shell/program.ts';
import { createManualClock } from '../world/clock.ts';
import { createRng } from '../world/rng.ts';
import type { HostMachine, TraceEvent, World } from '../world/world.ts';
import { Daemon } from './daemon.ts';
import type {
  EndpointOptions,
  NetController,
  NetEndpoint,
  NetNetwork,
  NetSandbox,
  NetworkCreateOptions,
  SandboxOptions,
} from './libnetwork.ts';
import type { Runtime } from './runtime.ts';

/** makeWorld builds a world with one host "host1" and a seeded Rng. */
export function makeWorld(seed = 1): { world: World; host: HostMachine } {
  const counter = { nextIndex: 2 };
  const host: HostMachine = {
    name: 'host1',
    ns: createNetns('host1', 'host1', counter),
    fs: new Vfs(),
    up: true,
  };
  const extra: NetNs[] = [];
  const world: World = {
    hosts: new Map([[host.name, host]]),
    namespaces: () => [host.ns, ...extra],
    register: (ns) => void extra.push(ns),
    unregister: (ns) => void extra.splice(extra.indexOf(ns), 1),
    segmentMembers: () => [],
    rng: createRng(seed),
    clock: createManualClock(),
    traces: new Emitter<TraceEvent>(),
  };
  return { world, host };
}

/** FakeController implements the libnetwork contract closely enough for daemon tests. */
export class FakeController implements NetController {
  readonly nets: FakeNetwork[] = [];
  readonly sbs: FakeSandbox[] = [];
  readonly world: World;
  readonly host: HostMachine;
  /** boundPorts are host ports taken by published ports ("0.0.0.0:8080/tcp"). */
  readonly boundPorts = new Set<string>();

  constructor(world: World, host: HostMachine) {
    this.world = world;
    this.host = host;
  }

  /** defaultBridgeOptions are the real controller's (MTU 1500, no --bip). */
  defaultBridgeOptions(created: number): NetworkCreateOptions {
    return defaultBridgeOptions({ mtu: 1500 }, created);
  }

  newNetwork(type: string, name: string, id: string, o: NetworkCreateOptions): NetNetwork {
    if (name === '') throw invalidParameter('invalid name: name is empty');
    if (this.nets.some((n) => n.name === name)) throw conflict(`network with name ${name} already exists`);
    if (!['bridge', 'host', 'null', 'macvlan', 'ipvlan'].includes(type))
      throw notFound(`plugin "${type}" not found`);
    let config = (o.ipam?.config ?? [])
      .filter((c) => c.subnet)
      .map((c) => ({ ...c, subnet: c.subnet as string }));
    if (type === 'bridge' && config.length === 0) {
      const used = this.nets.flatMap((n) => n.config.map((c) => c.subnet));
      let third = 17;
      while (used.includes(`172.${third}.0.0/16`)) third++;
      config = [{ subnet: `172.${third}.0.0/16`, gateway: `172.${third}.0.1` }];
    } else if (config.length && !config[0].gateway && type === 'bridge') {
      const c = parseCidr(config[0].subnet);
      if (c) config[0].gateway = intToIp((ipToInt(c.ip) ?? 0) + 1);
    }
    const nw = new FakeNetwork(this, type, name, id, o, config);
    this.nets.push(nw);
    return nw;
  }

  networks(): NetNetwork[] {
    return [...this.nets];
  }

  networkByName(name: string): NetNetwork | undefined {
    return this.nets.find((n) => n.name === name);
  }

  networkById(id: string): NetNetwork | undefined {
    return this.nets.find((n) => n.id === id);
  }

  newSandbox(containerId: string, o: SandboxOptions): NetSandbox {
    const id = this.world.rng.hex(64);
    const ns = o.useDefaultSandbox
      ? this.host.ns
      : createNetns(`host1/${id.slice(0, 12)}`, 'host1', this.host.ns.counter);
    const sb = new FakeSandbox(this, id, containerId, ns, o);
    this.sbs.push(sb);
    return sb;
  }

  sandboxes(): NetSandbox[] {
    return [...this.sbs];
  }

  sandboxByContainerId(containerId: string): NetSandbox | undefined {
    return this.sbs.find((s) => s.containerId === containerId);
  }
}

class FakeNetwork implements NetNetwork {
  id: string;
  name: string;
  type: string;
  scope: 'local' = 'local';
  created: number;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  enableIPv4: boolean;
  enableIPv6: boolean;
  configOnly: boolean;
  configFrom: string;
  driverOpts: Record<string, string>;
  labels: Record<string, string>;
  ipamDriver: string;
  ipamOptions: Record<string, string> | null;
  config: Array<{
    subnet: string;
    ipRange?: string;
    gateway?: string;
    auxAddresses?: Record<string, string>;
  }>;
  eps: FakeEndpoint[] = [];
  ctl: FakeController;

  constructor(
    ctl: FakeController,
    type: string,
    name: string,
    id: string,
    o: NetworkCreateOptions,
    config: FakeNetwork['config'],
  ) {
    this.ctl = ctl;
    this.type = type;
    this.name = name;
    this.id = id;
    this.created = o.created;
    this.internal = !!o.internal;
    this.attachable = !!o.attachable;
    this.ingress = !!o.ingress;
    this.enableIPv4 = o.enableIPv4 ?? true;
    this.enableIPv6 = !!o.enableIPv6;
    this.configOnly = !!o.configOnly;
    this.configFrom = o.configFrom ?? '';
    this.driverOpts = o.driverOpts ?? {};
    this.labels = o.labels ?? {};
    this.ipamDriver = o.ipam?.driver ?? 'default';
    this.ipamOptions = o.ipam?.options ?? null;
    this.config = config;
  }

  ipamConfig(): FakeNetwork['config'] {
    return this.config;
  }

  endpoints(): NetEndpoint[] {
    return [...this.eps];
  }

  createEndpoint(name: string, o: EndpointOptions = {}): NetEndpoint {
    if (this.eps.some((e) => e.name === name))
      throw forbidden(`endpoint with name ${name} already exists in network ${this.name}`);
    let address: string | undefined;
    const pool = this.config[0];
    if (pool && this.type !== 'host' && this.type !== 'null') {
      const c = parseCidr(pool.subnet);
      if (!c) throw invalidParameter(`invalid subnet ${pool.subnet}`);
      const taken = new Set([pool.gateway, ...this.eps.map((e) => e.address?.split('/')[0])]);
      let ip = o.ipv4Address;
      if (ip && taken.has(ip)) throw forbidden('Address already in use');
      for (let n = (ipToInt(c.ip) ?? 0) + 1; !ip; n++) if (!taken.has(intToIp(n))) ip = intToIp(n);
      address = `${ip}/${c.prefixLen}`;
    }
    const ep = new FakeEndpoint(this, this.ctl.world.rng.hex(64), name, address, o);
    this.eps.push(ep);
    return ep;
  }

  delete(): void {
    if (this.eps.length) {
      const list = this.eps.map((e) => `name:"${e.name}" id:"${e.id.slice(0, 12)}"`).join(', ');
      throw forbidden(`network ${this.name} has active endpoints (${list})`);
    }
    this.ctl.nets.splice(this.ctl.nets.indexOf(this), 1);
  }
}

class FakeEndpoint implements NetEndpoint {
  id: string;
  name: string;
  network: FakeNetwork;
  aliases: string[];
  dnsNames: string[];
  address?: string;
  mac: string;
  opts: EndpointOptions;
  sb?: FakeSandbox;
  bound: Array<{ proto: 'tcp' | 'udp'; containerPort: number; hostIp: string; hostPort: number }> = [];

  constructor(nw: FakeNetwork, id: string, name: string, address: string | undefined, o: EndpointOptions) {
    this.network = nw;
    this.id = id;
    this.name = name;
    this.address = address;
    this.opts = o;
    this.aliases = o.aliases ?? [];
    this.dnsNames = o.dnsNames ?? [];
    this.mac = address ? (o.macAddress ?? nw.ctl.world.rng.mac()) : '';
  }

  iface(): ReturnType<NetEndpoint['iface']> {
    return {
      address: this.address,
      mac: this.mac,
      gateway: this.sb ? this.network.config[0]?.gateway : undefined,
      dstName: 'eth0',
    };
  }

  portMapping(): FakeEndpoint['bound'] {
    return [...this.bound];
  }

  sandbox(): NetSandbox | undefined {
    return this.sb;
  }

  join(sb: NetSandbox): void {
    for (const b of this.opts.portBindings ?? []) {
      if (this.network.type !== 'bridge') break;
      const port =
        b.hostPort === '' ? 49153 + this.network.ctl.boundPorts.size : Number(b.hostPort.split('-')[0]);
      for (const ip of b.hostIp ? [b.hostIp] : ['0.0.0.0', '::']) {
        const key = `${ip}:${port}/${b.proto}`;
        if (this.network.ctl.boundPorts.has(key)) {
          this.leaveBindings();
          throw system(
            `driver failed programming external connectivity on endpoint ${this.name} (${this.id}): Bind for ${ip}:${port} failed: port is already allocated`,
          );
        }
        this.network.ctl.boundPorts.add(key);
        this.bound.push({ proto: b.proto, containerPort: b.containerPort, hostIp: ip, hostPort: port });
      }
    }
    this.sb = sb as FakeSandbox;
    (sb as FakeSandbox).eps.push(this);
  }

  private leaveBindings(): void {
    for (const b of this.bound) this.network.ctl.boundPorts.delete(`${b.hostIp}:${b.hostPort}/${b.proto}`);
    this.bound = [];
  }

  leave(sb: NetSandbox): void {
    this.leaveBindings();
    (sb as FakeSandbox).eps = (sb as FakeSandbox).eps.filter((e) => e !== this);
    this.sb = undefined;
  }

  delete(): void {
    if (this.sb) this.leave(this.sb);
    this.network.eps = this.network.eps.filter((e) => e !== this);
  }
}

class FakeSandbox implements NetSandbox {
  id: string;
  containerId: string;
  key: string;
  ns: NetNs;
  opts: SandboxOptions;
  eps: FakeEndpoint[] = [];
  ctl: FakeController;

  constructor(ctl: FakeController, id: string, containerId: string, ns: NetNs, o: SandboxOptions) {
    this.ctl = ctl;
    this.id = id;
    this.containerId = containerId;
    this.ns = ns;
    this.opts = o;
    this.key = o.useDefaultSandbox
      ? '/var/run/docker/netns/default'
      : `/var/run/docker/netns/${id.slice(0, 12)}`;
    o.fs.writeFile('/etc/hostname', `${o.hostname}\n`);
  }

  endpoints(): NetEndpoint[] {
    return [...this.eps];
  }

  delete(): void {
    for (const ep of [...this.eps]) ep.delete();
    this.ctl.sbs.splice(this.ctl.sbs.indexOf(this), 1);
  }
}

/** ScriptedRuntime answers startProcess/exec from a function of argv; by default `sleep`/`nginx`/shells keep running. */
export class ScriptedRuntime implements Runtime {
  readonly calls: Array<{ kind: 'start' | 'exec'; argv: string[] }> = [];
  script: (argv: string[], kind: 'start' | 'exec') => ProgramResult;

  constructor(script?: (argv: string[], kind: 'start' | 'exec') => ProgramResult) {
    this.script = script ?? defaultScript;
  }

  startProcess(c: Parameters<Runtime['startProcess']>[0]): ProgramResult {
    this.calls.push({ kind: 'start', argv: c.argv });
    return this.script(c.argv, 'start');
  }

  exec(c: Parameters<Runtime['exec']>[0]): ProgramResult {
    this.calls.push({ kind: 'exec', argv: c.argv });
    return this.script(c.argv, 'exec');
  }
}

function defaultScript(argv: string[]): ProgramResult {
  const prog = argv.find((a) => !a.includes('docker-entrypoint')) ?? '';
  if (prog === 'echo') return { stdout: `${argv.slice(1).join(' ')}\n`, stderr: '', exitCode: 0 };
  if (prog === 'true') return { stdout: '', stderr: '', exitCode: 0 };
  if (prog === 'false') return { stdout: '', stderr: '', exitCode: 1 };
  if (prog === 'sh' && argv[1] === '-c') return { stdout: '', stderr: '', exitCode: 0 };
  return { stdout: '', stderr: '', exitCode: 0, running: true };
}

/** newTestDaemon builds a daemon on the fake controller and runtime, with images optionally pulled. */
export function newTestDaemon(opts: { seed?: number; pull?: string[]; runtime?: ScriptedRuntime } = {}): {
  d: Daemon;
  ctl: FakeController;
  rt: ScriptedRuntime;
  world: World;
} {
  const { world, host } = makeWorld(opts.seed ?? 1);
  const ctl = new FakeController(world, host);
  const rt = opts.runtime ?? new ScriptedRuntime();
  const d = new Daemon({ host, world, controller: ctl, runtime: rt });
  for (const ref of opts.pull ?? []) d.images.pull(ref, undefined);
  return { d, ctl, rt, world };
}
