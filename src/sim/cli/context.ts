// Mirrors docker/cli cli/command/cli.go (DockerCli: streams, client, config); simplified: output
// is collected in strings (and, for the terminal, in writing order), the clock is injected, stdin
// is a string, there is no config file.

import type { EngineApi } from '../api/types.ts';
import type { OutputPiece, SessionEffect } from '../shell/program.ts';
import { Client } from './client.ts';

/** RunContext is what every command gets: streams, the API client, the clock, the environment. */
export class RunContext {
  stdout = '';
  stderr = '';
  /** output is stdout and stderr in the order they were written (consecutive writes merged). */
  readonly output: OutputPiece[] = [];
  effect?: SessionEffect;
  /** running mirrors ProgramResult.running (an attached interactive process still runs). */
  running?: boolean;
  readonly client: Client;
  readonly stdin: string;
  readonly env: Record<string, string>;
  readonly now: () => number;
  /** stdinIsTerminal: the lab terminal is a TTY unless stdin was piped (io.stdin non-empty). */
  readonly stdinIsTerminal: boolean;
  /** sleep waits in simulated time when the host provides a clock (time.Sleep); a no-op otherwise. */
  sleep?: (ms: number) => void;

  constructor(api: EngineApi, stdin: string, env: Record<string, string>, now: () => number) {
    this.client = new Client(api);
    this.stdin = stdin;
    this.env = env;
    this.now = now;
    this.stdinIsTerminal = env.DOCKER_SIM_STDIN_TTY !== '0' && stdin === '';
  }

  private record(stream: OutputPiece['stream'], text: string): void {
    if (text === '') return;
    const last = this.output[this.output.length - 1];
    if (last?.stream === stream) last.text += text;
    else this.output.push({ stream, text });
  }

  /** out writes to stdout. */
  out(s: string): void {
    this.stdout += s;
    this.record('stdout', s);
  }

  /** err writes to stderr. */
  err(s: string): void {
    this.stderr += s;
    this.record('stderr', s);
  }

  /** println writes a line to stdout (fmt.Fprintln). */
  println(s = ''): void {
    this.out(`${s}\n`);
  }

  /** eprintln writes a line to stderr. */
  eprintln(s = ''): void {
    this.err(`${s}\n`);
  }
}
