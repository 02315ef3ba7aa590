// The result every command, program and API-backed CLI call returns. Mirrors just-bash's
// `ExecResult`: commands never write to a terminal, they return data.

/** ExecResult is what running one command produced. */
export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** ok builds a successful ExecResult with the given stdout. */
export function ok(stdout = ''): ExecResult {
  return { stdout, stderr: '', exitCode: 0 };
}

/** fail builds a failed ExecResult with the given stderr and exit code. */
export function fail(stderr: string, exitCode = 1, stdout = ''): ExecResult {
  return { stdout, stderr, exitCode };
}
