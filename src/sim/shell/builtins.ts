// Mirrors bash builtins/*.def (cd, pwd, export, unset, exit, break, echo, printf, source, eval) and
// busybox shell/ash.c (cdcmd, exportcmd, unsetcmd, exitcmd …) with each shell's own error wording;
// simplified: no options beyond the common ones (cd -L/-P, export -p, unset -v/-f).

import { normalizePath } from '../kernel/vfs.ts';
import { help, history, type } from './builtins-info.ts';
import { testBuiltin } from './builtins-test.ts';
import { ExitSignal, LoopSignal } from './exec.ts';
import { ExpansionError } from './expand.ts';
import { jobsBuiltin, killBuiltin, waitBuiltin } from './jobs.ts';
import type { Io } from './redirect.ts';
import { exportVar, getVar, homeOf, type ShellState, setVar, unsetVar } from './state.ts';
import { echoText } from './utils/echo.ts';
import { formatPrintf } from './utils/printf.ts';

/** BuiltinApi is what builtins may ask of the interpreter. */
export interface BuiltinApi {
  /** runText parses and runs shell text in st (source, eval). */
  runText(text: string, st: ShellState, io: Io): void;
  /** isAvailable tells whether a name runs something here (builtin, keyword or program). */
  describe(
    name: string,
    st: ShellState,
  ): { kind: 'keyword' | 'builtin' } | { kind: 'file'; path: string } | undefined;
}

/** Builtin is a command the shell runs itself; it writes to io and returns its exit status. */
export type Builtin = (argv: string[], io: Io, st: ShellState, api: BuiltinApi) => number;

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

function err(st: ShellState, io: Io, text: string): void {
  io.err.write(`${st.argv0}: ${text}\n`);
}

const cd: Builtin = (argv, io, st) => {
  const bash = st.dialect === 'bash';
  let args = argv.slice(1).filter((a) => a !== '-L' && a !== '-P');
  if (bash && args.length > 1) {
    err(st, io, 'cd: too many arguments');
    return 1;
  }
  args = args.slice(0, 1);
  let target: string | undefined = args[0];
  let print = false;
  if (target === undefined || target === '') {
    target = homeOf(st);
    if (target === undefined) {
      if (bash) err(st, io, 'cd: HOME not set');
      return bash ? 1 : 0;
    }
  } else if (target === '-') {
    target = getVar(st, 'OLDPWD');
    if (target === undefined) {
      err(st, io, bash ? 'cd: OLDPWD not set' : "cd: can't cd to -: No such file or directory");
      return bash ? 1 : 2;
    }
    print = true;
  }
  const dir: string = target;
  const path = normalizePath(dir, st.cwd);
  const entry = st.place.fs.stat(path);
  if (entry?.type !== 'dir') {
    const why = entry ? 'Not a directory' : 'No such file or directory';
    err(st, io, bash ? `cd: ${dir}: ${why}` : `cd: can't cd to ${dir}: ${why}`);
    return bash ? 1 : 2;
  }
  const old = st.cwd;
  st.cwd = path;
  st.env.OLDPWD = old;
  setVar(st, 'PWD', path);
  if (print) io.out.write(`${path}\n`);
  return 0;
};

const pwd: Builtin = (_argv, io, st) => {
  io.out.write(`${st.cwd}\n`);
  return 0;
};

function listExports(st: ShellState): string {
  return Object.keys(st.env)
    .sort()
    .map((k) =>
      st.dialect === 'bash'
        ? `declare -x ${k}="${st.env[k].replace(/(["\\$`])/g, '\\$1')}"\n`
        : `export ${k}='${st.env[k].replace(/'/g, "'\"'\"'")}'\n`,
    )
    .join('');
}

const exportCmd: Builtin = (argv, io, st) => {
  const args = argv.slice(1).filter((a) => a !== '-p');
  if (args.length === 0) {
    io.out.write(listExports(st));
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME_RE.test(name)) {
      if (st.dialect === 'ash') throw new ExpansionError(`export: ${name}: bad variable name`, 2);
      err(st, io, `export: \`${a}': not a valid identifier`);
      status = 1;
      continue;
    }
    exportVar(st, name, eq < 0 ? undefined : a.slice(eq + 1));
  }
  return status;
};

const unset: Builtin = (argv, _io, st) => {
  for (const name of argv.slice(1).filter((a) => a !== '-v' && a !== '-f')) {
    if (!NAME_RE.test(name)) {
      if (st.dialect === 'ash') throw new ExpansionError(`unset: ${name}: bad variable name`, 2);
      continue;
    }
    unsetVar(st, name);
  }
  return 0;
};

const exit: Builtin = (argv, io, st) => {
  const bash = st.dialect === 'bash';
  if (bash) io.err.write('exit\n');
  const arg = argv[1];
  if (arg === undefined) throw new ExitSignal(st.status);
  if (!/^[-+]?\d+$/.test(arg)) {
    err(st, io, bash ? `exit: ${arg}: numeric argument required` : `exit: Illegal number: ${arg}`);
    if (bash) throw new ExitSignal(2);
    return 2;
  }
  if (bash && argv.length > 2) {
    err(st, io, 'exit: too many arguments');
    return 1;
  }
  throw new ExitSignal(((Number(arg) % 256) + 256) % 256);
};

function loopControl(kind: 'break' | 'continue'): Builtin {
  return (argv, io, st) => {
    if (st.loopDepth === 0) {
      if (st.dialect === 'bash')
        err(st, io, `${kind}: only meaningful in a \`for', \`while', or \`until' loop`);
      return 0;
    }
    const n = argv[1] === undefined ? 1 : Number(argv[1]);
    if (!Number.isInteger(n) || n < 1) {
      err(
        st,
        io,
        st.dialect === 'bash'
          ? `${kind}: ${argv[1]}: loop count out of range`
          : `${kind}: Illegal number: ${argv[1]}`,
      );
      return 1;
    }
    throw new LoopSignal(kind, Math.min(n, st.loopDepth));
  };
}

const echo: Builtin = (argv, io) => {
  io.out.write(echoText(argv.slice(1)));
  return 0;
};

const printf: Builtin = (argv, io, st) => {
  const args = argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.length === 0) {
    io.err.write(
      st.dialect === 'bash'
        ? 'printf: usage: printf [-v var] format [arguments]\n'
        : `${st.argv0}: usage: printf FORMAT [ARGUMENT...]\n`,
    );
    return 2;
  }
  const r = formatPrintf(args[0], args.slice(1), st.dialect, (s) => s);
  io.out.write(r.out);
  io.err.write(
    st.dialect === 'ash'
      ? r.err.replace(/^sh: /gm, `${st.argv0}: `)
      : r.err.replace(/^bash: /gm, `${st.argv0}: `),
  );
  return r.exit;
};

const source: Builtin = (argv, io, st, api) => {
  const file = argv[1];
  if (file === undefined) {
    err(
      st,
      io,
      st.dialect === 'bash' ? `${argv[0]}: filename argument required` : `${argv[0]}: missing filename`,
    );
    return 2;
  }
  const text = st.place.fs.readFile(normalizePath(file, st.cwd));
  if (text === undefined) {
    err(
      st,
      io,
      st.dialect === 'bash'
        ? `${file}: No such file or directory`
        : `${argv[0]}: can't open '${file}': No such file or directory`,
    );
    return st.dialect === 'bash' ? 1 : 2;
  }
  api.runText(text, st, io);
  return st.status;
};

const evalCmd: Builtin = (argv, io, st, api) => {
  api.runText(argv.slice(1).join(' '), st, io);
  return argv.length > 1 ? st.status : 0;
};

/** BUILTINS maps each builtin's name to its implementation (the same set in bash and ash). */
export const BUILTINS: Record<string, Builtin> = {
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  cd,
  pwd,
  export: exportCmd,
  unset,
  exit,
  break: loopControl('break'),
  continue: loopControl('continue'),
  echo,
  printf,
  source,
  '.': source,
  eval: evalCmd,
  type,
  history,
  help,
  test: testBuiltin,
  '[': testBuiltin,
  jobs: jobsBuiltin,
  kill: killBuiltin,
  wait: waitBuiltin,
};

/** KEYWORDS are the reserved words `type` reports as shell keywords. */
export const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'for',
  'while',
  'until',
  'do',
  'done',
  'in',
  '{',
  '}',
  '!',
  'case',
  'esac',
]);
