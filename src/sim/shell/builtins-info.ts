// Mirrors bash builtins/type.def and history.def, busybox ash's typecmd and libbb/lineedit.c
// show_history ("%4d %s"); `help` is the lab's own: it lists what this place can run, computed from
// the builtins and the program table, instead of bash's or busybox's list.

import type { Builtin } from './builtins.ts';
import type { ShellState } from './state.ts';

const BUILTIN_SUMMARIES: Record<string, string> = {
  cd: 'change the working directory',
  pwd: 'print the working directory',
  export: 'export variables to the programs you run',
  unset: 'remove variables',
  exit: 'leave this shell',
  echo: 'print its arguments',
  printf: 'print formatted text',
  type: 'tell what a command name runs',
  history: 'list the commands typed so far',
  help: 'show this help',
  source: 'run a file of commands in this shell',
  eval: 'run its arguments as a command',
  true: 'do nothing, successfully',
  false: 'do nothing, unsuccessfully',
  break: 'leave a loop',
  continue: 'start the next turn of a loop',
};

/** type tells for each name whether it is a keyword, a builtin or which file runs. */
export const type: Builtin = (argv, io, st, api) => {
  let status = 0;
  for (const name of argv.slice(1)) {
    const d = api.describe(name, st);
    if (!d) {
      if (st.dialect === 'bash') io.err.write(`${st.argv0}: type: ${name}: not found\n`);
      else io.out.write(`${name}: not found\n`);
      status = st.dialect === 'bash' ? 1 : 127;
    } else if (d.kind === 'keyword') io.out.write(`${name} is a shell keyword\n`);
    else if (d.kind === 'builtin') io.out.write(`${name} is a shell builtin\n`);
    else if (d.kind === 'file') io.out.write(`${name} is ${d.path}\n`);
  }
  return status;
};

/** history lists the lines typed so far: bash numbers from 1 ("%5d  %s"), busybox from 0 ("%4d %s"). */
export const history: Builtin = (_argv, io, st) => {
  const bash = st.dialect === 'bash';
  io.out.write(
    st.history
      .map((line, i) =>
        bash ? `${String(i + 1).padStart(5)}  ${line}\n` : `${String(i).padStart(4)} ${line}\n`,
      )
      .join(''),
  );
  return 0;
};

/** columns lays names out in columns no wider than width, as ls -C does. */
export function columns(names: string[], width = 80): string {
  if (names.length === 0) return '';
  const colWidth = Math.max(...names.map((n) => n.length)) + 2;
  const perRow = Math.max(1, Math.floor(width / colWidth));
  const rows = Math.ceil(names.length / perRow);
  let out = '';
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < perRow; c++) {
      const n = names[c * rows + r];
      if (n !== undefined) cells.push(n);
    }
    out += `  ${cells.map((n, i) => (i === cells.length - 1 ? n : n.padEnd(colWidth))).join('')}\n`;
  }
  return out;
}

function programsHere(st: ShellState): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const p of st.listPrograms?.() ?? []) if (st.lookup(p.name, st.place)) out.set(p.name, p.summary);
  return out;
}

/** help lists the commands this place can run (or explains one of them). */
export const help: Builtin = (argv, io, st) => {
  const programs = programsHere(st);
  const builtinNames = Object.keys(BUILTIN_SUMMARIES);
  const topics = argv.slice(1);
  if (topics.length > 0) {
    let status = 0;
    for (const t of topics) {
      const summary = BUILTIN_SUMMARIES[t] ?? programs.get(t);
      if (summary !== undefined) io.out.write(`${t}: ${summary}\n`);
      else if (programs.has(t)) io.out.write(`${t}: a program; try \`${t} --help'\n`);
      else {
        io.err.write(
          `${st.argv0}: help: no help topics match \`${t}'.  Try \`help' to see the commands this lab knows.\n`,
        );
        status = 1;
      }
    }
    return status;
  }
  const where = st.place.container ? `container ${st.place.container.name}` : `host ${st.place.host}`;
  let out = `Commands you can run here (${where}):\n\n`;
  out += columns([...programs.keys()].sort());
  out += `\nShell builtins:\n\n${columns(builtinNames.sort())}`;
  out += '\nShell syntax: pipes (a | b), lists (a; b  a && b  a || b), redirections (> >> < 2> 2>&1 &>),\n';
  out += `variables ($VAR \${VAR:-default} $? export VAR=x), command substitution $(cmd),\n`;
  out += 'quotes (\'…\' "…"), if/for/while loops. Type `help NAME` for a one-line summary of NAME.\n';
  io.out.write(out);
  return 0;
};
