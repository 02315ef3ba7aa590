// Mirrors bash jobs.c (the job table, `[1] PID` on `&`, `[1]+  Done …` before the next prompt,
// `jobs`) and the `kill`/`wait` builtins (builtins/kill.def, wait.def); simplified: only programs
// that keep running (tcpdump) become jobs, there is no fg/bg/disown or stopped state, and both
// shell dialects print bash's layout.

import { flushCaptures } from '../trace/capture/registry.ts';
import type { World } from '../world/world.ts';
import type { ProgramResult } from './program.ts';
import type { Io } from './redirect.ts';
import type { ShellState } from './state.ts';

/** TerminalChunk is text a terminal received, from stdout or stderr. */
export interface TerminalChunk {
  stream: 'stdout' | 'stderr';
  text: string;
  /** at is the simulated time the text was written, when known (captured packets). */
  at?: number;
}

/** TerminalQueue holds what background jobs wrote to a terminal since it was last read. */
export class TerminalQueue {
  private chunks: TerminalChunk[] = [];
  /** onWrite is told whenever something is queued (the lab terminal prints it at once). */
  onWrite?: () => void;

  /** write queues text for the terminal. */
  write(stream: TerminalChunk['stream'], text: string, at?: number): void {
    if (!text) return;
    const last = this.chunks[this.chunks.length - 1];
    if (last?.stream === stream && at === undefined && last.at === undefined) last.text += text;
    else this.chunks.push(at === undefined ? { stream, text } : { stream, text, at });
    this.onWrite?.();
  }

  /** pending tells whether output is waiting. */
  pending(): boolean {
    return this.chunks.length > 0;
  }

  /** take returns and clears the queued output. */
  take(): TerminalChunk[] {
    const out: TerminalChunk[] = [];
    for (const c of this.chunks.splice(0)) {
      const last = out[out.length - 1];
      if (last?.stream === c.stream) last.text += c.text;
      else out.push({ stream: c.stream, text: c.text });
    }
    return out;
  }

  /** takeTimed returns and clears the queued output as written, with the times it carries. */
  takeTimed(): TerminalChunk[] {
    return this.chunks.splice(0);
  }
}

/** JobProcess is the running program behind a job. */
export interface JobProcess {
  /** signal delivers INT (Ctrl-C), TERM (kill) or KILL (kill -9); the process then ends the job. */
  signal(sig: 'INT' | 'TERM' | 'KILL'): void;
}

/** Job is one entry of the job table. */
export interface Job {
  id: number;
  pid: number;
  /** text is the command as bash shows it (without the trailing `&`). */
  text: string;
  fg: boolean;
  state: 'Running' | 'Done' | 'Killed';
  proc?: JobProcess;
}

/** JobTable is one shell's jobs and the terminal they write to. */
export class JobTable {
  readonly terminal: TerminalQueue;
  private readonly list: Job[] = [];
  private pids: number;

  constructor(terminal: TerminalQueue, firstPid: number) {
    this.terminal = terminal;
    this.pids = firstPid;
  }

  /** start adds a running job (its pid is the next free one). */
  start(text: string, fg: boolean): Job {
    const id = fg ? 0 : Math.max(0, ...this.list.filter((j) => !j.fg).map((j) => j.id)) + 1;
    const job: Job = { id, pid: this.pids++, text, fg, state: 'Running' };
    this.list.push(job);
    return job;
  }

  /** end marks a job finished; a foreground job leaves the table at once. */
  end(job: Job, how: 'Done' | 'Killed' = 'Done'): void {
    job.state = how;
    if (job.fg) this.remove(job);
  }

  /** foreground is the job holding the terminal, if any. */
  foreground(): Job | undefined {
    return this.list.find((j) => j.fg && j.state === 'Running');
  }

  /** background lists the background jobs, oldest first. */
  background(): Job[] {
    return this.list.filter((j) => !j.fg);
  }

  /** mark is `+` for the current job, `-` for the previous one, else a space. */
  mark(job: Job): string {
    const bg = this.background();
    const i = bg.indexOf(job);
    return i === bg.length - 1 ? '+' : i === bg.length - 2 ? '-' : ' ';
  }

  /** notices reports finished background jobs (bash does it before the next prompt) and forgets them. */
  notices(): string {
    let out = '';
    for (const j of this.background()) {
      if (j.state === 'Running') continue;
      out += `[${j.id}]${this.mark(j)}  ${j.state.padEnd(24)}${j.text}\n`;
    }
    for (const j of this.background()) if (j.state !== 'Running') this.remove(j);
    return out;
  }

  /** find resolves a job spec: %N, %%, %+, %-, or a pid. */
  find(spec: string): Job | undefined {
    const bg = this.background().filter((j) => j.state === 'Running');
    if (spec === '%%' || spec === '%+' || spec === '%') return bg[bg.length - 1];
    if (spec === '%-') return bg[bg.length - 2];
    if (/^%\d+$/.test(spec)) return bg.find((j) => j.id === Number(spec.slice(1)));
    if (/^\d+$/.test(spec)) return this.list.find((j) => j.pid === Number(spec) && j.state === 'Running');
    return undefined;
  }

  private remove(job: Job): void {
    const i = this.list.indexOf(job);
    if (i >= 0) this.list.splice(i, 1);
  }
}

/** Launch is what a program started by an interactive shell may claim to become a job. */
export interface Launch {
  table: JobTable;
  background: boolean;
  /** text is the command line as the job table shows it. */
  text: string;
  job?: Job;
}

const launches = new WeakMap<World, Launch | null>();

/** launchOf returns the interactive command being run in the world, if a program may become a job. */
export function launchOf(world: World): Launch | undefined {
  return launches.get(world) ?? undefined;
}

/** withLaunch runs fn with launch as the world's current launch (null hides it: a container's main process). */
export function withLaunch<T>(world: World, launch: Launch | null, fn: () => T): T {
  const before = launches.get(world);
  launches.set(world, launch);
  try {
    return fn();
  } finally {
    launches.set(world, before ?? null);
  }
}

/** claimJob turns the current launch into a job for a long-running program (tcpdump). */
export function claimJob(world: World, proc: JobProcess): { job: Job; table: JobTable } | undefined {
  const l = launchOf(world);
  if (!l || l.job) return undefined;
  l.job = l.table.start(l.text, !l.background);
  l.job.proc = proc;
  return { job: l.job, table: l.table };
}

const SIGNALS: Record<string, 'INT' | 'TERM' | 'KILL'> = {
  '2': 'INT',
  INT: 'INT',
  SIGINT: 'INT',
  '15': 'TERM',
  TERM: 'TERM',
  SIGTERM: 'TERM',
  '9': 'KILL',
  KILL: 'KILL',
  SIGKILL: 'KILL',
};

/** killBuiltin is `kill [-s SIG | -SIG] %job|pid…` for the shell's jobs. */
export function killBuiltin(argv: string[], io: Io, st: ShellState): number {
  let sig: 'INT' | 'TERM' | 'KILL' = 'TERM';
  let args = argv.slice(1);
  if (args[0] === '-s' && args[1]) {
    sig = SIGNALS[args[1].toUpperCase()] ?? sig;
    args = args.slice(2);
  } else if (args[0]?.startsWith('-') && args[0] !== '-') {
    const s = SIGNALS[args[0].slice(1).toUpperCase()];
    if (!s) {
      io.err.write(`${st.argv0}: kill: ${args[0].slice(1)}: invalid signal specification\n`);
      return 1;
    }
    sig = s;
    args = args.slice(1);
  }
  if (!args.length) {
    io.err.write(
      `${st.argv0}: kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n`,
    );
    return 2;
  }
  let status = 0;
  for (const a of args) {
    const job = st.jobs?.find(a);
    if (!job?.proc) {
      io.err.write(
        a.startsWith('%')
          ? `${st.argv0}: kill: ${a}: no such job\n`
          : /^\d+$/.test(a)
            ? `${st.argv0}: kill: (${a}) - No such process\n`
            : `${st.argv0}: kill: ${a}: arguments must be process or job IDs\n`,
      );
      status = 1;
      continue;
    }
    job.proc.signal(sig);
  }
  return status;
}

/** jobsBuiltin is `jobs [-l]`: the running and finished background jobs. */
export function jobsBuiltin(argv: string[], io: Io, st: ShellState): number {
  const table = st.jobs;
  if (!table) return 0;
  const long = argv.includes('-l');
  for (const j of table.background()) {
    const state = j.state === 'Running' ? 'Running' : j.state;
    const pid = long ? `${String(j.pid)} ` : '';
    io.out.write(
      `[${j.id}]${table.mark(j)}  ${pid}${state.padEnd(24)}${j.text}${j.state === 'Running' ? ' &' : ''}\n`,
    );
  }
  table.notices();
  return 0;
}

/** waitBuiltin is `wait`: every background job here keeps running until stopped, so wait returns at once for finished ones. */
export function waitBuiltin(argv: string[], io: Io, st: ShellState): number {
  for (const a of argv.slice(1)) {
    if (a.startsWith('%') && !st.jobs?.find(a)) {
      io.err.write(`${st.argv0}: wait: ${a}: no such job\n`);
      return 127;
    }
  }
  return 0;
}

/**
 * writeWithJobs writes a program's output to the terminal together with what background jobs
 * printed meanwhile: before it, or, when the program says when it wrote (marks), in time order;
 * a program's own stdout and stderr in the order it wrote them when it says (output).
 */
export function writeWithJobs(r: ProgramResult, io: Io, st: ShellState): void {
  let pending: TerminalChunk[] = [];
  if (st.jobs && io.out.tty) {
    flushCaptures(st.world);
    pending = st.jobs.terminal.takeTimed();
  }
  const put = (c: TerminalChunk): void => (c.stream === 'stdout' ? io.out : io.err).write(c.text);
  let k = 0;
  let pos = 0;
  for (const m of r.marks ?? []) {
    while (k < pending.length && (pending[k].at ?? Number.NEGATIVE_INFINITY) <= m.at) put(pending[k++]);
    io.out.write(r.stdout.slice(pos, m.end));
    pos = Math.max(pos, m.end);
  }
  while (k < pending.length) put(pending[k++]);
  if (r.output && !r.marks?.length) {
    // the program kept its streams in writing order (docker: pull progress, then the ID)
    for (const piece of r.output) put(piece);
    return;
  }
  io.out.write(r.stdout.slice(pos));
  io.err.write(r.stderr);
}
