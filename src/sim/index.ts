// The simulator's one facade. Components, the headless runner and tests use only this file.
// createWorld builds hosts on a LAN, each with a Linux network stack, libnetwork, a dockerd with
// its Engine API and a docker CLI; exec runs a terminal line on a host.

import { createEngineApi } from './api/index.ts';
import type { EngineApi } from './api/types.ts';
import { setHostUp } from './daemon/cluster/node_update.ts';
import { createDaemon, type Daemon } from './daemon/index.ts';
import type { Disposable } from './event.ts';
import { Emitter } from './event.ts';
import { createProgramTable, dockerProgram } from './lab/programs.ts';
import { createRuntime } from './lab/runtime.ts';
import { Session } from './lab/session.ts';
import { hostView, type LabStateView, linkSwarmViews } from './lab/state-view.ts';
import { Controller } from './libnetwork/index.ts';
import type { CompletionResult } from './shell/complete.ts';
import type { ExecResult } from './types.ts';
import { createWorld as buildWorld } from './world/build.ts';
import type { Clock } from './world/clock.ts';
import type { TraceEvent, World } from './world/world.ts';

export { type ComposeDiagnostic, validateComposeFile } from './compose/validate.ts';
export { type LabLogEntry, replayWorld } from './lab/replay.ts';
export type { ContainerView, HostView, LabStateView, NetworkView } from './lab/state-view.ts';
export type {
  ServicePortView,
  ServiceView,
  SwarmNodeView,
  SwarmView,
} from './lab/state-view-swarm.ts';
export type { CompletionResult } from './shell/complete.ts';
export type { ExecResult } from './types.ts';
export type { TraceEvent } from './world/world.ts';

/** LAB_HOME is the directory that holds a lab's editable files on every host. */
export const LAB_HOME = '/root';

/** SimOptions configure a new simulated world. */
export interface SimOptions {
  /** seed makes IDs, MACs and timings reproducible (default 1). */
  seed?: number;
  /** hosts names the machines on the LAN (default ["host1"]). */
  hosts?: string[];
  clock?: Clock;
}

/** OutputChunk is a piece of a command's output in the order it was written. */
export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** LabExecResult is an ExecResult plus its output interleaved in writing order, for terminals. */
export interface LabExecResult extends ExecResult {
  transcript: OutputChunk[];
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
  exec(line: string, opts?: { host?: string }): LabExecResult;
  /** prompt is the prompt the host's terminal shows now (`root@host1:~# ` or `/ # `). */
  prompt(host?: string): string;
  /** api is a host's Engine API (what `docker` talks to). */
  api(host?: string): EngineApi;
  /** readFile and writeFile reach a host's files (the editor's view of the lab). */
  readFile(path: string, host?: string): string | undefined;
  writeFile(path: string, content: string, host?: string): void;
  /** complete computes Tab completion for `line` with the cursor at `cursor` in a host's terminal. */
  complete(line: string, cursor: number, host?: string): CompletionResult;
  /** files lists the lab's editable files on a host (regular files under LAB_HOME, no dotfiles). */
  files(host?: string): string[];
  /** snapshot reads the world's state view, the input of challenge goals. */
  snapshot(): LabStateView;
  /** onChange fires after anything that may change the world: a command or a file write. */
  onChange(listener: (e: ChangeEvent) => void): Disposable;
  /** onCommand, onTrace: subscribe to executed lines and packet walks. */
  onCommand(listener: (e: CommandEvent) => void): Disposable;
  onTrace(listener: (e: TraceEvent) => void): Disposable;
  /** world is the model itself, read-only by convention, for views and challenge checks. */
  readonly world: World;
  /** setHostUp takes a host's swarm node down (its tasks move elsewhere) or brings it back. */
  setHostUp(host: string, up: boolean): void;
  /** onOutput tells that background jobs (tcpdump) wrote to a host's terminal between its commands. */
  onOutput(listener: (e: { host: string }) => void): Disposable;
  /** takeOutput returns and clears what background jobs wrote to a host's terminal. */
  takeOutput(host?: string): OutputChunk[];
  /** busy tells whether a foreground job (tcpdump) holds a host's terminal; interrupt is its Ctrl-C. */
  busy(host?: string): boolean;
  interrupt(host?: string): LabExecResult;
}

/** ChangeEvent says what just changed the world. */
export interface ChangeEvent {
  host: string;
  kind: 'command' | 'file';
  /** line is the command that ran, or path the file written. */
  line?: string;
  path?: string;
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
    const engine: EngineApi = { route: (req) => (api as EngineApi).route(req) };
    const table = createProgramTable(
      dockerProgram(engine, () => world.clock.now()),
      engine,
    );
    const daemon = createDaemon({ host, world, controller, runtime: createRuntime(world, table) });
    api = createEngineApi(daemon);
    parts.set(host.name, { daemon, api, session: new Session(world, host, daemon, table) });
  }
  const commands = new Emitter<CommandEvent>();
  const outputs = new Emitter<{ host: string }>();
  const changes = new Emitter<ChangeEvent>();
  const labFiles = (host: string): string[] => {
    const fs = world.hosts.get(host)?.fs;
    if (!fs) return [];
    return fs
      .files()
      .map(([path]) => path)
      .filter(
        (path) => path.startsWith(`${LAB_HOME}/`) && !path.split('/').some((part) => part.startsWith('.')),
      );
  };
  const first = [...world.hosts.keys()][0];
  const partsOf = (host = first): HostParts | undefined => parts.get(host);

  return {
    world,
    hosts: () => [...world.hosts.keys()],
    exec(line, opts = {}) {
      const host = opts.host ?? first;
      const p = partsOf(host);
      if (!p) {
        const stderr = `sim: no such host: ${host}\n`;
        return { stdout: '', stderr, exitCode: 127, transcript: [{ stream: 'stderr', text: stderr }] };
      }
      let res: LabExecResult;
      try {
        const r = p.session.run(line);
        res = { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, transcript: r.transcript };
      } catch (e) {
        // A bug in the simulator must never break the terminal: report it as a command failure.
        const stderr = `sim: internal error: ${(e as Error).message}\n`;
        res = { stdout: '', stderr, exitCode: 1, transcript: [{ stream: 'stderr', text: stderr }] };
      }
      for (const q of parts.values()) q.session.leaveStopped();
      world.clock.advance(COMMAND_MS);
      commands.fire({ host, line, stdout: res.stdout, stderr: res.stderr, exitCode: res.exitCode });
      for (const [name, q] of parts)
        if (name !== host && q.session.terminal.pending()) outputs.fire({ host: name });
      changes.fire({ host, kind: 'command', line });
      return res;
    },
    complete(line, cursor, host = first) {
      const p = partsOf(host);
      if (!p) return { start: cursor, end: cursor, prefix: '', candidates: [], common: '', insert: '' };
      try {
        return p.session.complete(line, cursor, p.api);
      } catch {
        return { start: cursor, end: cursor, prefix: '', candidates: [], common: '', insert: '' };
      }
    },
    files: (host = first) => labFiles(host),
    snapshot() {
      const hosts: LabStateView['hosts'] = {};
      for (const [name, p] of parts) {
        const files: Record<string, string> = {};
        for (const path of labFiles(name)) files[path] = world.hosts.get(name)?.fs.readFile(path) ?? '';
        hosts[name] = hostView(p.api, files);
      }
      linkSwarmViews(Object.values(hosts).map((h) => h.swarm));
      return { hosts };
    },
    onChange: changes.event,
    prompt: (host) => partsOf(host)?.session.prompt() ?? '$ ',
    api: (host) => (partsOf(host) as HostParts).api,
    readFile: (path, host = first) => world.hosts.get(host)?.fs.readFile(path),
    writeFile(path, content, host = first) {
      const fs = world.hosts.get(host)?.fs;
      if (!fs) return;
      const dir = path.slice(0, path.lastIndexOf('/'));
      if (dir) fs.mkdirp(dir);
      fs.writeFile(path, content);
      changes.fire({ host, kind: 'file', path });
    },
    onCommand: commands.event,
    onTrace: world.traces.event,
    onOutput: outputs.event,
    takeOutput: (host) => partsOf(host)?.session.terminal.take() ?? [],
    busy: (host) => !!partsOf(host)?.session.foreground(),
    interrupt(host = first) {
      const r = partsOf(host)?.session.interrupt();
      const res = r ?? { stdout: '', stderr: '', exitCode: 0, transcript: [] };
      changes.fire({ host, kind: 'command', line: '^C' });
      return { stdout: res.stdout, stderr: res.stderr, exitCode: res.exitCode, transcript: res.transcript };
    },
    setHostUp(host, up) {
      const p = partsOf(host);
      if (!p) return;
      setHostUp(p.daemon, up);
      changes.fire({ host, kind: 'command', line: up ? '# host up' : '# host down' });
    },
  };
}
