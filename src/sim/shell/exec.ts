// Mirrors bash execute_cmd.c (execute_command_internal, execute_pipeline, execute_simple_command,
// execute_for/while/if) and busybox ash's evaltree/evalpipe/evalcommand; simplified: everything runs
// synchronously in order, a pipeline's stages run one after the other on the previous stage's output,
// `&` runs the command in the foreground, and loops stop after MAX_LOOP_ITERATIONS.

import type { Command, Pipeline, Redir, Script, SimpleCommand } from './ast.ts';
import { expandToString, expandWords, type SubstRunner } from './expand.ts';
import { runLaunched } from './job-launch.ts';
import { launchOf } from './jobs.ts';
import { applyRedirs, bufferSink, type Io, RedirError } from './redirect.ts';
import { type ShellState, setVar, subshellOf } from './state.ts';

/** MAX_LOOP_ITERATIONS bounds while/until loops: the lab cannot run an endless loop. */
export const MAX_LOOP_ITERATIONS = 10_000;

/** ExitSignal unwinds the shell (or a subshell) on `exit`. */
export class ExitSignal {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}

/** LoopSignal unwinds to the enclosing loop on `break n` / `continue n`. */
export class LoopSignal {
  readonly kind: 'break' | 'continue';
  readonly levels: number;
  constructor(kind: 'break' | 'continue', levels: number) {
    this.kind = kind;
    this.levels = levels;
  }
}

/** CommandRunner runs one already-expanded command (builtin, shell, program) with its Io. */
export type CommandRunner = (
  argv: string[],
  io: Io,
  st: ShellState,
  tempEnv: Record<string, string>,
) => number;

/** Executor walks the tree; runArgv is supplied by the interpreter (command resolution). */
export class Executor {
  private readonly runArgv: CommandRunner;

  constructor(runArgv: CommandRunner) {
    this.runArgv = runArgv;
  }

  /** runScript runs every item of a script; st.status ends as the last one's status. */
  runScript(script: Script, st: ShellState, io: Io): void {
    for (const item of script.items) {
      const run = (io2: Io): void => {
        this.runPipeline(item.andOr.first, st, io2);
        for (const { op, pipeline } of item.andOr.rest) {
          if ((op === '&&') === (st.status === 0)) this.runPipeline(pipeline, st, io2);
        }
      };
      if (st.jobs && !launchOf(st.world)) runLaunched(item, st, io, run);
      else run(io);
    }
  }

  /** substRunner returns the function that runs `$(…)` in a subshell whose stderr goes to io.err. */
  substRunner(st: ShellState, io: Io, onStatus: (s: number) => void): SubstRunner {
    return (body) => {
      const sub = subshellOf(st);
      const out = bufferSink();
      this.runSubshell(body, sub, { stdin: '', out, err: io.err });
      onStatus(sub.status);
      return out.text();
    };
  }

  /** runSubshell runs a script in st (already a copy), turning `exit` into a status. */
  runSubshell(body: Script, sub: ShellState, io: Io): void {
    try {
      this.runScript(body, sub, io);
    } catch (e) {
      if (e instanceof ExitSignal) sub.status = e.code;
      else if (e instanceof LoopSignal) sub.status = 0;
      else throw e;
    }
  }

  private runPipeline(p: Pipeline, st: ShellState, io: Io): void {
    if (p.commands.length === 1) this.runCommand(p.commands[0], st, io);
    else {
      let stdin = io.stdin;
      let status = 0;
      p.commands.forEach((cmd, i) => {
        const last = i === p.commands.length - 1;
        const buf = bufferSink();
        const sub = subshellOf(st);
        const stageIo: Io = { stdin, out: last ? io.out : buf, err: p.stderrToo[i] ? buf : io.err };
        try {
          this.runCommand(cmd, sub, stageIo);
        } catch (e) {
          if (e instanceof ExitSignal) sub.status = e.code;
          else if (!(e instanceof LoopSignal)) throw e;
        }
        stdin = buf.text();
        status = sub.status;
      });
      st.status = status;
    }
    if (p.negate) st.status = st.status === 0 ? 1 : 0;
  }

  private withRedirs(redirs: Redir[], st: ShellState, io: Io, body: (io: Io) => void): void {
    let io2: Io;
    try {
      io2 = applyRedirs(
        redirs,
        io,
        st,
        this.substRunner(st, io, () => {}),
        io.err,
      );
    } catch (e) {
      if (!(e instanceof RedirError)) throw e;
      io.err.write(`${st.argv0}: ${e.message}\n`);
      st.status = 1;
      return;
    }
    body(io2);
  }

  private runCommand(cmd: Command, st: ShellState, io: Io): void {
    switch (cmd.kind) {
      case 'simple':
        this.runSimple(cmd, st, io);
        return;
      case 'subshell':
        this.withRedirs(cmd.redirs, st, io, (io2) => {
          const sub = subshellOf(st);
          this.runSubshell(cmd.body, sub, io2);
          st.status = sub.status;
        });
        return;
      case 'group':
        this.withRedirs(cmd.redirs, st, io, (io2) => this.runScript(cmd.body, st, io2));
        return;
      case 'if':
        this.withRedirs(cmd.redirs, st, io, (io2) => {
          for (const b of cmd.branches) {
            this.runScript(b.cond, st, io2);
            if (st.status === 0) return this.runScript(b.body, st, io2);
          }
          if (cmd.otherwise) this.runScript(cmd.otherwise, st, io2);
          else st.status = 0;
        });
        return;
      case 'for':
        this.withRedirs(cmd.redirs, st, io, (io2) => {
          const items = cmd.items
            ? expandWords(
                cmd.items,
                st,
                this.substRunner(st, io2, () => {}),
              )
            : [...st.args];
          st.status = 0;
          this.loop(st, items.length, (i) => {
            setVar(st, cmd.name, items[i]);
            this.runScript(cmd.body, st, io2);
            return true;
          });
        });
        return;
      case 'while':
        this.withRedirs(cmd.redirs, st, io, (io2) => {
          let bodyStatus = 0;
          const stopped = this.loop(st, MAX_LOOP_ITERATIONS, () => {
            this.runScript(cmd.cond, st, io2);
            if ((st.status === 0) === cmd.until) return false;
            this.runScript(cmd.body, st, io2);
            bodyStatus = st.status;
            return true;
          });
          st.status = bodyStatus;
          if (stopped) {
            io2.err.write(
              `${st.argv0}: loop stopped after ${MAX_LOOP_ITERATIONS} iterations (the lab cannot run endless loops)\n`,
            );
            st.status = 1;
          }
        });
        return;
    }
  }

  /** loop runs step(i) up to n times, handling break/continue; returns true when n ran out. */
  private loop(st: ShellState, n: number, step: (i: number) => boolean): boolean {
    st.loopDepth++;
    try {
      for (let i = 0; i < n; i++) {
        try {
          if (!step(i)) return false;
        } catch (e) {
          if (!(e instanceof LoopSignal)) throw e;
          if (e.levels > 1) throw new LoopSignal(e.kind, e.levels - 1);
          if (e.kind === 'break') return false;
        }
      }
      return n === MAX_LOOP_ITERATIONS;
    } finally {
      st.loopDepth--;
    }
  }

  private runSimple(cmd: SimpleCommand, st: ShellState, io: Io): void {
    let substStatus: number | undefined;
    const run = this.substRunner(st, io, (s) => {
      substStatus = s;
    });
    const argv = expandWords(cmd.words, st, run);
    const assigns = cmd.assigns.map((a) => [a.name, expandToString(a.value, st, run)] as const);
    let io2: Io;
    try {
      io2 = applyRedirs(cmd.redirs, io, st, run, io.err);
    } catch (e) {
      if (!(e instanceof RedirError)) throw e;
      io.err.write(`${st.argv0}: ${e.message}\n`);
      st.status = 1;
      return;
    }
    if (argv.length === 0) {
      for (const [name, value] of assigns) setVar(st, name, value);
      st.status = substStatus ?? 0;
      return;
    }
    st.status = this.runArgv(argv, io2, st, Object.fromEntries(assigns));
  }
}
