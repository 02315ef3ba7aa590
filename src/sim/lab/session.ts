// A host's terminal session: the host's bash at the bottom and, on top, container shells entered
// with `docker run -it`, `docker attach` or `docker exec -it`, each left with `exit`.

import type { EngineApi } from '../api/types.ts';
import { type Daemon, execExited, placeOf, processExited } from '../daemon/index.ts';
import { type CompletionResult, complete } from '../shell/complete.ts';
import { BUILTINS, createShell, type Shell, type ShellResult } from '../shell/index.ts';
import { type Job, JobTable, TerminalQueue } from '../shell/jobs.ts';
import type { Place } from '../shell/program.ts';
import { flushCaptures } from '../trace/capture/registry.ts';
import type { HostMachine, World } from '../world/world.ts';
import { labProviders } from './complete.ts';
import type { ProgramTable } from './programs.ts';
import { dialectOf } from './runtime.ts';

interface Frame {
  shell: Shell;
  /** attach: the container's main process; exec: an exec instance; host: the host's own shell. */
  kind: 'host' | 'attach' | 'exec';
  containerId?: string;
  execId?: string;
}

/** HOST_ENV is the environment of a host's root shell. */
const HOST_ENV = (host: string): Record<string, string> => ({
  HOME: '/root',
  HOSTNAME: host,
  LANG: 'C.UTF-8',
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  PWD: '/root',
  SHELL: '/bin/bash',
  TERM: 'xterm-256color',
  USER: 'root',
});

/** Session is one host's terminal: a stack of shells. */
export class Session {
  private readonly frames: Frame[] = [];
  /** history is shared by the session's shells, like one terminal's scrollback of commands. */
  readonly history: string[] = [];
  private readonly world: World;
  private readonly daemon: Daemon;
  private readonly table: ProgramTable;
  /** terminal is what background jobs wrote to this terminal and nobody has shown yet. */
  readonly terminal = new TerminalQueue();

  constructor(world: World, host: HostMachine, daemon: Daemon, table: ProgramTable) {
    this.world = world;
    this.daemon = daemon;
    this.table = table;
    const place: Place = {
      host: host.name,
      ns: host.ns,
      fs: host.fs,
      hostname: host.name,
      tools: 'all',
      flavour: 'gnu',
    };
    this.frames.push({ shell: this.shellFor(place, HOST_ENV(host.name), 'bash'), kind: 'host' });
  }

  private shellFor(place: Place, env: Record<string, string>, dialect: 'ash' | 'bash'): Shell {
    // bash numbers its children from its own pid; a container's shell starts near 1
    const jobs = new JobTable(this.terminal, place.container ? 12 + this.frames.length : 1451);
    return createShell({
      jobs,
      place,
      world: this.world,
      lookup: this.table.lookup,
      env,
      history: this.history,
      dialect,
      listPrograms: this.table.list,
      cwd: env.PWD,
    });
  }

  /** prompt is what the terminal shows before the next line (nothing while a job holds it). */
  prompt(): string {
    return this.foreground() ? '' : this.top().shell.prompt();
  }

  /** foreground is the job holding the terminal (a foreground tcpdump), if any. */
  foreground(): Job | undefined {
    for (const f of this.frames) {
      const j = f.shell.state.jobs?.foreground();
      if (j) return j;
    }
    return undefined;
  }

  /** interrupt is Ctrl-C: it stops the foreground job and returns what it printed on the way out. */
  interrupt(): ShellResult {
    this.foreground()?.proc?.signal('INT');
    flushCaptures(this.world);
    return withChunks({ stdout: '', stderr: '', exitCode: 0, transcript: [] }, this.terminal.take(), []);
  }

  /** place is where the next line runs. */
  place(): Place {
    return this.top().shell.state.place;
  }

  /** inContainer tells whether the session is inside a container's shell. */
  inContainer(): boolean {
    return this.frames.length > 1;
  }

  /** complete computes Tab completion for a line being edited in the innermost shell. */
  complete(line: string, cursor: number, api: EngineApi): CompletionResult {
    const shell = this.top().shell;
    const place = shell.state.place;
    const programs = (): string[] => [
      ...Object.keys(BUILTINS),
      ...this.table
        .list()
        .map((p) => p.name)
        // Image entrypoint scripts live in the program table but only exist inside their images.
        .filter((n) => this.table.lookup(n, place) && !(place.tools === 'all' && n.includes('-entrypoint'))),
    ];
    const providers = labProviders(place.container ? undefined : api, programs);
    return complete({ line, cursor, fs: place.fs, cwd: shell.cwd(), home: shell.state.env.HOME, providers });
  }

  private top(): Frame {
    return this.frames[this.frames.length - 1];
  }

  /** run executes one line in the innermost shell and follows the session effects it asks for. */
  run(line: string): ShellResult {
    // a line typed while a job holds the terminal ends it first (as Ctrl-C would), then runs
    this.foreground()?.proc?.signal('INT');
    const early = this.terminal.take();
    const frame = this.top();
    const res = withChunks(frame.shell.run(line), early, this.afterLine(frame));
    if (res.exit && frame.kind !== 'host') {
      this.frames.pop();
      if (frame.kind === 'attach' && frame.containerId)
        processExited(this.daemon, frame.containerId, res.exit.code);
      if (frame.kind === 'exec' && frame.execId) execExited(this.daemon, frame.execId, res.exit.code);
    }
    const enter = res.effect?.enter;
    if (enter) this.enter(enter.containerId, enter.execId);
    return res;
  }

  /** afterLine delivers the frames of the line's traffic, then what jobs wrote and bash's job notices. */
  private afterLine(frame: Frame): ShellResult['transcript'] {
    flushCaptures(this.world);
    const late = this.terminal.take();
    const notices = frame.shell.state.jobs?.notices() ?? '';
    return notices ? [...late, { stream: 'stderr', text: notices }] : late;
  }

  private enter(containerId: string, execId?: string): void {
    const c = this.daemon.containers.get(containerId);
    if (!c) return;
    const place = placeOf(this.daemon, c);
    const env: Record<string, string> = { HOME: '/root', PWD: '/', TERM: 'xterm', HOSTNAME: place.hostname };
    for (const kv of (c.config.Env as string[] | undefined) ?? []) {
      const i = kv.indexOf('=');
      if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
    }
    const shell = this.shellFor(place, env, dialectOf(place));
    this.frames.push({ shell, kind: execId ? 'exec' : 'attach', containerId, execId });
  }

  /** leaveStopped pops container shells whose container is no longer running (stopped elsewhere). */
  leaveStopped(): void {
    while (this.frames.length > 1) {
      const f = this.top();
      const c = f.containerId ? this.daemon.containers.get(f.containerId) : undefined;
      if (c?.state.running) return;
      this.frames.pop();
    }
  }
}

/** withChunks puts terminal output before and after a line's own output. */
function withChunks(
  res: ShellResult,
  before: ShellResult['transcript'],
  after: ShellResult['transcript'],
): ShellResult {
  if (!before.length && !after.length) return res;
  const transcript = [...before, ...res.transcript, ...after];
  const text = (s: 'stdout' | 'stderr'): string =>
    transcript
      .filter((c) => c.stream === s)
      .map((c) => c.text)
      .join('');
  return { ...res, transcript, stdout: text('stdout'), stderr: text('stderr') };
}
