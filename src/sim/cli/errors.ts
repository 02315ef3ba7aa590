// Mirrors docker/cli cli/error.go (StatusError) and the Engine API client's error wrapping
// (client/errors.go: "Error response from daemon: ..."); simplified: one error class per role.

/** CliError is a command failure: message printed on stderr (if non-empty) and an exit code. */
export class CliError extends Error {
  readonly code: number;
  /** cancelled errors (a declined prompt) print nothing and exit 0, as cerrdefs.IsCanceled. */
  readonly cancelled: boolean;
  constructor(message: string, code = 1, cancelled = false) {
    super(message);
    this.name = 'CliError';
    this.code = code;
    this.cancelled = cancelled;
  }
}

/** ApiError is a daemon error response: "Error response from daemon: <message>". */
export class ApiError extends CliError {
  readonly status: number;
  readonly daemonMessage: string;
  constructor(status: number, daemonMessage: string) {
    super(`Error response from daemon: ${daemonMessage}`, 1);
    this.name = 'ApiError';
    this.status = status;
    this.daemonMessage = daemonMessage;
  }

  /** isNotFound is errdefs.IsNotFound (HTTP 404). */
  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** joinErrors is errors.Join: messages separated by newlines. */
export function joinErrors(errs: Error[]): CliError | undefined {
  if (errs.length === 0) return undefined;
  return new CliError(errs.map((e) => e.message).join('\n'), 1);
}

/** withHelp is run.go's withHelp: "docker: <err>\n\nRun 'docker <cmd> --help' for more information". */
export function withHelp(message: string, commandName: string): string {
  return `docker: ${message}\n\nRun 'docker ${commandName} --help' for more information`;
}
