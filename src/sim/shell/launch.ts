// Mirrors bash execute_cmd.c (execute_disk_command, shell_execve's "Permission denied" / "Is a
// directory") and busybox ash's shellexec; plus `sh`/`bash`/`ash` started as programs (-c, a script
// file, or a script on stdin). Simplified: a nested interactive shell (`sh` with nothing to read) just
// returns; `sh` on a GNU host speaks the ash dialect (Debian's dash is close to it).

import { normalizePath } from '../kernel/vfs.ts';
import { ExitSignal, LoopSignal } from './exec.ts';
import type { Interpreter } from './interpreter.ts';
import { defaultPathOf } from './paths.ts';
import type { Io } from './redirect.ts';
import { type ShellState, subshellOf } from './state.ts';
import type { Dialect } from './syntax-error.ts';

// zsh (netshoot's shell) runs in the bash dialect: a documented simplification.
const SHELLS: Record<string, Dialect> = { sh: 'ash', ash: 'ash', bash: 'bash', zsh: 'bash' };

/** shellProgramAvailable tells whether name is a shell this place has (sh/ash in busybox, bash on GNU). */
export function shellProgramAvailable(name: string, st: ShellState): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (!(base in SHELLS)) return false;
  const tools = st.place.tools;
  if (tools === 'all' || tools.has(base)) return true;
  return (base === 'sh' || base === 'ash') && st.place.flavour === 'busybox';
}

function dialectFor(name: string, st: ShellState): Dialect {
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (base === 'sh' && st.place.flavour === 'gnu' && st.place.tools === 'all') return 'ash';
  return SHELLS[base] ?? st.dialect;
}

/** runShellProgram runs `sh -c TEXT [arg0 args…]`, `sh FILE [args…]` or `sh` reading stdin. */
export function runShellProgram(interp: Interpreter, argv: string[], io: Io, st: ShellState): number {
  const dialect = dialectFor(argv[0], st);
  const child: ShellState = { ...subshellOf(st), dialect, argv0: argv[0], loopDepth: 0 };
  let args = argv.slice(1);
  while (args[0] === '-e' || args[0] === '-x' || args[0] === '-l' || args[0] === '-i' || args[0] === '-s')
    args = args.slice(1);
  let text: string;
  if (args[0] === '-c') {
    if (args.length < 2) {
      io.err.write(
        `${argv[0]}: ${dialect === 'bash' ? '-c: option requires an argument' : '-c requires an argument'}\n`,
      );
      return 2;
    }
    text = args[1];
    if (args[2] !== undefined) child.argv0 = args[2];
    child.args = args.slice(3);
  } else if (args.length > 0 && !args[0].startsWith('-')) {
    const content = st.place.fs.readFile(normalizePath(args[0], st.cwd));
    if (content === undefined) {
      io.err.write(
        dialect === 'bash'
          ? `${argv[0]}: ${args[0]}: No such file or directory\n`
          : `${argv[0]}: can't open '${args[0]}': No such file or directory\n`,
      );
      return dialect === 'bash' ? 127 : 2;
    }
    text = content;
    child.argv0 = args[0];
    child.args = args.slice(1);
  } else {
    text = io.stdin;
  }
  return runChild(interp, text, child, { ...io, stdin: '' });
}

function runChild(interp: Interpreter, text: string, child: ShellState, io: Io): number {
  try {
    interp.runText(text, child, io);
  } catch (e) {
    if (e instanceof ExitSignal) return e.code;
    if (e instanceof LoopSignal) return 0;
    throw e;
  }
  return child.status;
}

/** runPathCommand runs a name containing a slash: a known program's file, or a script in the Vfs. */
export function runPathCommand(
  interp: Interpreter,
  argv: string[],
  io: Io,
  st: ShellState,
  tempEnv: Record<string, string>,
): number {
  const shown = argv[0];
  const path = normalizePath(shown, st.cwd);
  const base = path.slice(path.lastIndexOf('/') + 1);
  const bash = st.dialect === 'bash';
  const entry = st.place.fs.stat(path);
  const program = st.lookup(base, st.place);
  if (
    program &&
    (entry?.type === 'file' ||
      defaultPathOf(base, st.place.flavour) === path ||
      path === `/bin/${base}` ||
      path === `/usr/bin/${base}`)
  ) {
    return interp.runProgram(program, [shown, ...argv.slice(1)], io, st, tempEnv);
  }
  if (!entry) {
    io.err.write(
      bash ? `${st.argv0}: ${shown}: No such file or directory\n` : `${st.argv0}: ${shown}: not found\n`,
    );
    return 127;
  }
  if (entry.type === 'dir') {
    io.err.write(
      bash ? `${st.argv0}: ${shown}: Is a directory\n` : `${st.argv0}: ${shown}: Permission denied\n`,
    );
    return 126;
  }
  if ((entry.mode & 0o111) === 0) {
    io.err.write(`${st.argv0}: ${shown}: Permission denied\n`);
    return 126;
  }
  const shebang = /^#!\s*(\S+)/.exec(entry.content)?.[1];
  const dialect: Dialect = shebang ? (shebang.endsWith('bash') ? 'bash' : 'ash') : st.dialect;
  const child: ShellState = { ...subshellOf(st), dialect, argv0: shown, args: argv.slice(1), loopDepth: 0 };
  child.env = { ...child.env, ...tempEnv };
  return runChild(interp, entry.content, child, io);
}
