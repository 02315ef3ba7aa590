// Mirrors bash shell.c/eval.c (reader_loop → parse_command → execute_command) and busybox ash's
// cmdloop: one line in, everything it printed out; simplified: the line is parsed whole before it
// runs, output is collected (not streamed) in the order it was written, `&` runs in the foreground.

import type { World } from '../world/world.ts';
import { BUILTINS, type BuiltinApi, KEYWORDS } from './builtins.ts';
import { Executor, ExitSignal, LoopSignal } from './exec.ts';
import { ExpansionError } from './expand.ts';
import { type JobTable, writeWithJobs } from './jobs.ts';
import { runPathCommand, runShellProgram, shellProgramAvailable } from './launch.ts';
import { parseScript } from './parse.ts';
import { commandPath } from './paths.ts';
import type { Place, Program, ProgramResult, SessionEffect } from './program.ts';
import type { Io, Sink } from './redirect.ts';
import type { ProgramInfo, ShellState } from './state.ts';
import { type Dialect, ShellSyntaxError, syntaxErrorMessage } from './syntax-error.ts';
import type { UtilContext } from './utils/common.ts';

/** ShellOptions configures one interactive shell (the host's bash or a container's sh). */
export interface ShellOptions {
  place: Place;
  world: World;
  /** lookup returns the program a name runs in a place (honouring the place's tools), if any. */
  lookup: (name: string, place: Place) => Program | undefined;
  /** env is the exported environment; the shell changes it in place (export, cd) across lines. */
  env: Record<string, string>;
  /** history receives every non-blank line before it runs (bash and ash do the same). */
  history: string[];
  dialect: Dialect;
  /** listPrograms names the programs `help` may list (each is shown only if lookup finds it here). */
  listPrograms?: () => ProgramInfo[];
  /** argv0 is `$0` and the prefix of the shell's errors: "bash", "sh", "/bin/sh" … (default by dialect). */
  argv0?: string;
  /** cwd is the starting directory (default $PWD, else $HOME, else "/"). */
  cwd?: string;
  /** pid is what `$$` expands to (default 1). */
  pid?: number;
  /** jobs makes the shell interactive for job control (`&`, jobs, kill). */
  jobs?: JobTable;
}

/** TranscriptChunk is a piece of output in the order it was written. */
export interface TranscriptChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** ShellResult is a ProgramResult for a whole line, plus what the session needs to act on. */
export type ShellResult = ProgramResult & {
  /** exit is set when the line ran `exit`: the session should close this shell with that code. */
  exit?: { code: number };
  /** transcript interleaves stdout and stderr in the order they were written (for the terminal). */
  transcript: TranscriptChunk[];
};

/** Shell is one interactive shell session's interpreter. */
export interface Shell {
  /** run parses and runs one line (or a multi-line script) and never throws. */
  run(line: string): ShellResult;
  /** cwd is the current working directory. */
  cwd(): string;
  /** prompt is what the terminal shows before input: `root@host1:~# ` (bash) or `/ # ` (ash). */
  prompt(): string;
  /** state exposes the shell's variables and status, for tests and the completion helper. */
  readonly state: ShellState;
}

/** transcriptSinks returns stdout/stderr sinks that append to one ordered transcript. */
function transcriptSinks(chunks: TranscriptChunk[]): { out: Sink; err: Sink } {
  const push = (stream: TranscriptChunk['stream']) => (text: string) => {
    if (text === '') return;
    const last = chunks[chunks.length - 1];
    if (last?.stream === stream) last.text += text;
    else chunks.push({ stream, text });
  };
  return { out: { write: push('stdout'), tty: true }, err: { write: push('stderr'), tty: true } };
}

/** Interpreter resolves command names and runs programs; createShell wraps one around a state. */
export class Interpreter {
  readonly executor: Executor;
  readonly api: BuiltinApi;

  constructor() {
    this.executor = new Executor((argv, io, st, tempEnv) => this.runArgv(argv, io, st, tempEnv));
    this.api = {
      runText: (text, st, io) => this.runText(text, st, io),
      describe: (name, st) => {
        if (KEYWORDS.has(name)) return { kind: 'keyword' };
        if (Object.hasOwn(BUILTINS, name)) return { kind: 'builtin' };
        if (shellProgramAvailable(name, st) || st.lookup(name, st.place))
          return { kind: 'file', path: commandPath(name, st) };
        return undefined;
      },
    };
  }

  /** runText parses text in st's dialect and runs it; a syntax error is reported with status 2. */
  runText(text: string, st: ShellState, io: Io): void {
    let script: ReturnType<typeof parseScript>;
    try {
      script = parseScript(text, st.dialect);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      io.err.write(`${st.argv0}: ${syntaxErrorMessage(e.problem, st.dialect)}\n`);
      st.status = 2;
      return;
    }
    try {
      this.executor.runScript(script, st, io);
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      io.err.write(`${st.argv0}: ${e.message}\n`);
      st.status = e.status;
    }
  }

  /** runArgv runs an expanded command: builtin, shell, path, program, or "not found". */
  runArgv(argv: string[], io: Io, st: ShellState, tempEnv: Record<string, string>): number {
    const name = argv[0];
    const builtin = Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
    if (builtin) return builtin(argv, io, st, this.api);
    if (shellProgramAvailable(name, st))
      return runShellProgram(this, argv, io, { ...st, env: { ...st.env, ...tempEnv } });
    if (name.includes('/')) return runPathCommand(this, argv, io, st, tempEnv);
    const program = st.lookup(name, st.place);
    if (!program) {
      io.err.write(
        st.dialect === 'bash'
          ? `${st.argv0}: ${name}: command not found\n`
          : `${st.argv0}: ${name}: not found\n`,
      );
      return 127;
    }
    return this.runProgram(program, argv, io, st, tempEnv);
  }

  /** runProgram calls a Program with its context; a throw becomes "<name>: internal error: …". */
  runProgram(
    program: Program,
    argv: string[],
    io: Io,
    st: ShellState,
    tempEnv: Record<string, string>,
  ): number {
    const env = { ...st.env, ...tempEnv };
    const exec = (args: string[], stdin: string, replaceEnv?: Record<string, string>): ProgramResult => {
      const out: TranscriptChunk[] = [];
      const sinks = { ...transcriptSinks(out) };
      sinks.out.tty = false;
      sinks.err.tty = false;
      const sub: ShellState = { ...st, env: replaceEnv ?? { ...env }, vars: new Map(st.vars) };
      let code: number;
      try {
        code = this.runArgv(args, { stdin, ...sinks }, sub, {});
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        code = e.code;
      }
      const text = (s: TranscriptChunk['stream']) =>
        out
          .filter((c) => c.stream === s)
          .map((c) => c.text)
          .join('');
      return { stdout: text('stdout'), stderr: text('stderr'), exitCode: code };
    };
    let r: ProgramResult;
    try {
      const ctx: UtilContext = {
        argv,
        stdin: io.stdin,
        env,
        cwd: st.cwd,
        place: st.place,
        world: st.world,
        exec,
        isatty: io.out.tty === true,
        stdinIsFile: io.stdinIsFile === true,
        locate: (name) => {
          const d = this.api.describe(name, st);
          return d?.kind === 'file' ? d.path : undefined;
        },
      };
      r = program(ctx);
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof LoopSignal) throw e;
      const message = e instanceof Error ? e.message : String(e);
      io.err.write(`${argv[0]}: internal error: ${message}\n`);
      return 1;
    }
    writeWithJobs(r, io, st);
    if (r.effect) st.outcome.effect = r.effect;
    if (r.running !== undefined) st.outcome.running = r.running;
    return r.exitCode;
  }
}

/** createShell builds an interactive shell over a place; see ShellOptions. */
export function createShell(opts: ShellOptions): Shell {
  const interp = new Interpreter();
  const home = opts.env.HOME;
  const st: ShellState = {
    dialect: opts.dialect,
    argv0: opts.argv0 ?? (opts.dialect === 'bash' ? 'bash' : 'sh'),
    place: opts.place,
    world: opts.world,
    lookup: opts.lookup,
    listPrograms: opts.listPrograms,
    env: opts.env,
    vars: new Map(),
    cwd: opts.cwd ?? opts.env.PWD ?? home ?? '/',
    status: 0,
    args: [],
    pid: opts.pid ?? 1,
    history: opts.history,
    outcome: {},
    loopDepth: 0,
    jobs: opts.jobs,
  };
  const run = (line: string): ShellResult => {
    const transcript: TranscriptChunk[] = [];
    const sinks = transcriptSinks(transcript);
    st.outcome = {};
    if (line.trim() !== '') st.history.push(line.replace(/\n+$/, ''));
    let exit: { code: number } | undefined;
    try {
      interp.runText(line, st, { stdin: '', ...sinks });
    } catch (e) {
      if (e instanceof ExitSignal) {
        st.status = e.code;
        exit = { code: e.code };
      } else if (e instanceof LoopSignal) {
        st.status = 0;
      } else {
        sinks.err.write(`${st.argv0}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
        st.status = 1;
      }
    }
    const text = (s: TranscriptChunk['stream']) =>
      transcript
        .filter((c) => c.stream === s)
        .map((c) => c.text)
        .join('');
    const result: ShellResult = {
      stdout: text('stdout'),
      stderr: text('stderr'),
      exitCode: st.status,
      transcript,
    };
    const effect: SessionEffect | undefined = st.outcome.effect;
    if (effect) result.effect = effect;
    if (st.outcome.running !== undefined) result.running = st.outcome.running;
    if (exit) result.exit = exit;
    return result;
  };
  return {
    run,
    cwd: () => st.cwd,
    prompt: () => promptFor(st, home),
    state: st,
  };
}

/** promptFor renders Debian's root PS1 (`\u@\h:\w\$ `) or busybox's default (`\w \$ `). */
export function promptFor(st: ShellState, home = st.env.HOME): string {
  const w =
    home && (st.cwd === home || st.cwd.startsWith(`${home}/`)) ? `~${st.cwd.slice(home.length)}` : st.cwd;
  return st.dialect === 'bash' ? `root@${st.place.hostname}:${w}# ` : `${w} # `;
}

/** ExecOptions is what runArgvIn needs to run one command without an interactive session. */
export type ExecOptions = Omit<ShellOptions, 'history'> & { history?: string[] };

/**
 * runArgvIn runs an argv (`docker exec c sh -c "…"`, a container's CMD) in a fresh, non-interactive
 * shell over the place: builtins, `sh -c`, paths and programs resolve as at the prompt.
 */
export function runArgvIn(opts: ExecOptions, argv: string[], stdin = ''): ShellResult {
  const shell = createShell({ ...opts, env: { ...opts.env }, history: opts.history ?? [] });
  const interp = new Interpreter();
  const transcript: TranscriptChunk[] = [];
  const sinks = transcriptSinks(transcript);
  sinks.out.tty = false;
  sinks.err.tty = false;
  let code: number;
  try {
    code = argv.length === 0 ? 0 : interp.runArgv(argv, { stdin, ...sinks }, shell.state, {});
  } catch (e) {
    if (e instanceof ExitSignal) code = e.code;
    else if (e instanceof ExpansionError) {
      sinks.err.write(`${shell.state.argv0}: ${e.message}\n`);
      code = e.status;
    } else if (e instanceof LoopSignal) code = 0;
    else throw e;
  }
  const text = (s: TranscriptChunk['stream']) =>
    transcript
      .filter((c) => c.stream === s)
      .map((c) => c.text)
      .join('');
  const result: ShellResult = { stdout: text('stdout'), stderr: text('stderr'), exitCode: code, transcript };
  if (shell.state.outcome.effect) result.effect = shell.state.outcome.effect;
  if (shell.state.outcome.running !== undefined) result.running = shell.state.outcome.running;
  return result;
}
