// The simulator's one facade. Components, the headless runner and tests use only this file.
// createWorld builds hosts on a LAN, each with a Linux network stack, libnetwork, a dockerd with
// its Engine API and a docker CLI; exec runs a terminal line on a host.

import { createEngineApi } from './api/index.ts';
import type { EngineApi } from './api/types.ts';
import { createDaemon, type Daemon } from './daemon/index.ts';
import type { Disposable } from './event.ts';
import { Emitter } from './event.ts';
import { createProgramTable, dockerProgram } from './lab/programs.ts';
import { createRuntime } from './lab/runtime.ts';
import { Session } from './lab/session.ts';
import { Controller } from './libnetwork/index.ts';
import type { ExecResult } from './types.ts';
import { createWorld as buildWorld } from './world/build.ts';
import type { Clock } from './world/clock.ts';
import type { TraceEvent, World } from './world/world.ts';

export type { ExecResult } from './types.ts';
export type { TraceEvent } from './world/world.ts';

/** SimOptions configure a new simulated world. */
export interface SimOptions {
  /** seed makes IDs, MACs and timings reproducible (default 1). */
  seed?: number;
  /** hosts names the machines on the LAN (default ["host1"]). */
  hosts?: string[];
  clock?: Clock;
}

/** CommandEvent is emitted after every executed line. */
export interface CommandEvent extends ExecResult {
  host: string;
  line: string;
}

/** Sim is a running simulated world. */
export interface Sim {
  /** hosts lists the machines' names in LAN order. */
  hosts(): string[];
  /** exec runs one terminal line on a host (default: the first) and returns what it printed. */
  exec(line: string, opts?: { host?: string }): ExecResult;
  /** prompt is the prompt the host's terminal shows now (`root@host1:~# ` or `/ # `). */
  prompt(host?: string): string;
  /** api is a host's Engine API (what `docker` talks to). */
  api(host?: string): EngineApi;
  /** readFile and writeFile reach a host's files (the editor's view of the lab). */
  readFile(path: string, host?: string): string | undefined;
  writeFile(path: string, content: string, host?: string): void;
  /** onCommand, onTrace: subscribe to executed lines and packet walks. */
  onCommand(listener: (e: CommandEvent) => void): Disposable;
  onTrace(listener: (e: TraceEvent) => void): Disposable;
  /** world is the model itself, read-only by convention, for views and challenge checks. */
  readonly world: World;
}

interface HostParts {
  daemon: Daemon;
  api: EngineApi;
  session: Session;
}

/** COMMAND_MS is how long the clock moves per typed line, so `docker ps` ages sensibly. */
const COMMAND_MS = 1000;

/** createWorld builds a simulated world and returns its facade. */
export function createWorld(options: SimOptions = {}): Sim {
  const world = buildWorld({ seed: options.seed ?? 1, hosts: options.hosts, clock: options.clock });
  const parts = new Map<string, HostParts>();
  for (const host of world.hosts.values()) {
    const controller = new Controller({ host, world });
    let api: EngineApi | undefined;
    const table = createProgramTable(
      dockerProgram({ route: (req) => (api as EngineApi).route(req) }, () => world.clock.now()),
    );
    const daemon = createDaemon({ host, world, controller, runtime: createRuntime(world, table) });
    api = createEngineApi(daemon);
    parts.set(host.name, { daemon, api, session: new Session(world, host, daemon, table) });
  }
  const commands = new Emitter<CommandEvent>();
  const first = [...world.hosts.keys()][0];
  const partsOf = (host = first): HostParts | undefined => parts.get(host);

  return {
    world,
    hosts: () => [...world.hosts.keys()],
    exec(line, opts = {}) {
      const host = opts.host ?? first;
      const p = partsOf(host);
      if (!p) return { stdout: '', stderr: `sim: no such host: ${host}\n`, exitCode: 127 };
      let res: ExecResult;
      try {
        const r = p.session.run(line);
        res = { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
      } catch (e) {
        // A bug in the simulator must never break the terminal: report it as a command failure.
        res = { stdout: '', stderr: `sim: internal error: ${(e as Error).message}\n`, exitCode: 1 };
      }
      for (const q of parts.values()) q.session.leaveStopped();
      world.clock.advance(COMMAND_MS);
      commands.fire({ host, line, ...res });
      return res;
    },
    prompt: (host) => partsOf(host)?.session.prompt() ?? '$ ',
    api: (host) => (partsOf(host) as HostParts).api,
    readFile: (path, host = first) => world.hosts.get(host)?.fs.readFile(path),
    writeFile: (path, content, host = first) => world.hosts.get(host)?.fs.writeFile(path, content),
    onCommand: commands.event,
    onTrace: world.traces.event,
  };
}
