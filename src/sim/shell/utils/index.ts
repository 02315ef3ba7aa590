// The table of text utilities the shell brings (coreutils-like on hosts, busybox applets in
// containers); the lead merges it into the program lookup next to the network tools and docker.

import type { Program } from '../program.ts';
import { awk } from './awk.ts';
import { echo } from './echo.ts';
import { cp, mkdir, mv, rm, touch } from './fileops.ts';
import { grep } from './grep.ts';
import { ls } from './ls.ts';
import { printf } from './printf.ts';
import { env, falseProgram, trueProgram, which, xargs } from './process.ts';
import { sed } from './sed.ts';
import { basename, clear, date, dirname, hostname, id, seq, sleep, uname, whoami } from './system.ts';
import { cut, sort, tee, tr, uniq, wc } from './text.ts';
import { cat, head, tail } from './view.ts';

/** UTILS maps each text utility's name to its Program. */
export const UTILS: Record<string, Program> = {
  awk,
  basename,
  cat,
  clear,
  cp,
  cut,
  date,
  dirname,
  echo,
  egrep: grep,
  env,
  false: falseProgram,
  fgrep: grep,
  grep,
  head,
  hostname,
  id,
  ls,
  mkdir,
  mv,
  printf,
  rm,
  sed,
  seq,
  sleep,
  sort,
  tail,
  tee,
  touch,
  tr,
  true: trueProgram,
  uname,
  uniq,
  wc,
  which,
  whoami,
  xargs,
};

/** UTIL_SUMMARIES gives `help` a one-line description of each utility. */
export const UTIL_SUMMARIES: Record<string, string> = {
  awk: "pick fields out of lines: awk '{print $1}'",
  cat: 'print files',
  cut: 'cut fields out of lines: cut -d: -f1',
  date: 'print the date and time',
  env: 'print the environment, or run a command with changes to it',
  grep: 'print lines that match a pattern',
  head: 'print the first lines of files',
  hostname: 'print the name of this machine (-i: its address)',
  ls: 'list files',
  sed: "edit lines: sed 's/old/new/'",
  sleep: 'wait (the lab clock moves on)',
  sort: 'sort lines',
  tail: 'print the last lines of files',
  uniq: 'drop repeated lines (-c counts them)',
  wc: 'count lines, words and bytes',
  xargs: 'run a command with arguments read from input',
};
