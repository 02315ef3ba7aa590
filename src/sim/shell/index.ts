// The shell's public surface: what sessions, the daemon (exec) and the terminal import.
// Mirrors nothing upstream; see interpreter.ts for bash/ash and utils/ for the text tools.

export { BUILTINS, KEYWORDS } from './builtins.ts';
export {
  type CompletionProviders,
  type CompletionRequest,
  type CompletionResult,
  complete,
  splitForCompletion,
} from './complete.ts';
export {
  createShell,
  type ExecOptions,
  promptFor,
  runArgvIn,
  type Shell,
  type ShellOptions,
  type ShellResult,
  type TranscriptChunk,
} from './interpreter.ts';
export { parseScript } from './parse.ts';
export type { ProgramInfo } from './state.ts';
export { type Dialect, ShellSyntaxError, syntaxErrorMessage } from './syntax-error.ts';
export type { UtilContext } from './utils/common.ts';
export { UTIL_SUMMARIES, UTILS } from './utils/index.ts';
