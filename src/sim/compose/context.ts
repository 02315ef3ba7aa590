// Mirrors docker/compose cmd/compose (the plugin's streams and its API client, command.Cli);
// simplified: output is collected in strings; the files are the host's Vfs.

import type { EngineApi } from '../api/types.ts';
import { Client } from '../cli/client.ts';
import type { Vfs } from '../kernel/vfs.ts';

/** ComposeIO is what `docker compose` is given: the Engine API, the host's files, cwd and env. */
export interface ComposeIO {
  api: EngineApi;
  fs: Vfs;
  cwd: string;
  env: Record<string, string>;
  now: () => number;
}

/** ComposeContext collects a compose invocation's output and holds its API client. */
export class ComposeContext {
  stdout = '';
  stderr = '';
  readonly client: Client;
  readonly io: ComposeIO;
  constructor(io: ComposeIO) {
    this.io = io;
    this.client = new Client(io.api);
  }
  /** out writes to stdout. */
  out(s: string): void {
    this.stdout += s;
  }
  /** err writes to stderr (where compose's progress goes). */
  err(s: string): void {
    this.stderr += s;
  }
}
