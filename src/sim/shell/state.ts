// Mirrors bash variables.c and busybox shell/ash.c (var.c part): shell variables, the exported
// environment, the working directory and `$?`; simplified: no arrays, no readonly, no functions.

import type { World } from '../world/world.ts';
import type { JobTable } from './jobs.ts';
import type { Place, Program, SessionEffect } from './program.ts';
import type { Dialect } from './syntax-error.ts';

/** ProgramInfo describes a program for `help` (name plus an optional one-line summary). */
export interface ProgramInfo {
  name: string;
  summary?: string;
}

/** ShellState is everything one interactive shell remembers between lines. */
export interface ShellState {
  dialect: Dialect;
  /** argv0 is `$0` and the prefix of the shell's own errors ("bash", "sh"). */
  argv0: string;
  place: Place;
  world: World;
  lookup: (name: string, place: Place) => Program | undefined;
  listPrograms?: () => ProgramInfo[];
  /** env holds exported variables; it is what programs see. */
  env: Record<string, string>;
  /** vars holds variables set but not exported. */
  vars: Map<string, string>;
  cwd: string;
  /** status is `$?`. */
  status: number;
  /** args are the positional parameters `$1` … (set by `sh -c cmd arg0 args…` or a script). */
  args: string[];
  pid: number;
  history: string[];
  /** outcome keeps the last effect and running flag a program returned (shared with subshells). */
  outcome: { effect?: SessionEffect; running?: boolean };
  /** loopDepth counts the loops being run, for break and continue. */
  loopDepth: number;
  /** jobs is an interactive shell's job table (absent in scripts and `sh -c`). */
  jobs?: JobTable;
}

/** getVar reads a variable: special parameters first, then shell variables, then the environment. */
export function getVar(st: ShellState, name: string): string | undefined {
  switch (name) {
    case '?':
      return String(st.status);
    case '$':
      return String(st.pid);
    case '#':
      return String(st.args.length);
    case '@':
    case '*':
      return st.args.join(' ');
    case '!':
      return '';
    case '-':
      return st.dialect === 'bash' ? 'himBHs' : 'smi';
    case '0':
      return st.argv0;
    case 'RANDOM':
      if (st.dialect === 'bash' || !st.vars.has(name)) return String(st.world.rng.int(32768));
  }
  if (/^[1-9]\d*$/.test(name)) return st.args[Number(name) - 1];
  if (st.vars.has(name)) return st.vars.get(name);
  if (Object.hasOwn(st.env, name)) return st.env[name];
  if (name === 'PWD') return st.cwd;
  return undefined;
}

/** setVar assigns a variable, keeping it exported when it already was. */
export function setVar(st: ShellState, name: string, value: string): void {
  if (Object.hasOwn(st.env, name)) st.env[name] = value;
  else st.vars.set(name, value);
}

/** exportVar moves a variable into the environment, optionally giving it a value. */
export function exportVar(st: ShellState, name: string, value?: string): void {
  const v = value ?? st.vars.get(name) ?? st.env[name];
  st.vars.delete(name);
  if (v !== undefined) st.env[name] = v;
}

/** unsetVar removes a variable from both places. */
export function unsetVar(st: ShellState, name: string): void {
  st.vars.delete(name);
  delete st.env[name];
}

/** subshellOf copies the state for `( … )` and `$( … )`: changes inside do not leak out. */
export function subshellOf(st: ShellState): ShellState {
  return { ...st, env: { ...st.env }, vars: new Map(st.vars), args: [...st.args] };
}

/** homeOf returns $HOME, or the place's default home. */
export function homeOf(st: ShellState): string | undefined {
  return getVar(st, 'HOME');
}
