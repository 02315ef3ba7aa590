// Mirrors docker/cli cli/command/cli.go (DockerCli: streams, client, config); simplified: output
// is collected in strings, the clock is injected, stdin is a string, there is no config file.

import type { EngineApi } from '../api/types.ts';
import type { SessionEffect } from '../shell/program.ts';
import { Client } from './client.ts';

/** RunContext is what every command gets: streams, the API client, the clock, the environment. */
export class RunContext {
  stdout = '';
  stderr = '';
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

  /** out writes to stdout. */
  out(s: string): void {
    this.stdout += s;
  }

  /** err writes to stderr. */
  err(s: string): void {
    this.stderr += s;
  }

  /** println writes a line to stdout (fmt.Fprintln). */
  println(s = ''): void {
    this.stdout += `${s}\n`;
  }

  /** eprintln writes a line to stderr. */
  eprintln(s = ''): void {
    this.stderr += `${s}\n`;
  }
}
