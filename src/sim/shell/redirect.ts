// Mirrors bash redir.c (do_redirection_internal, redirection_error) and busybox ash's openredirect
// ("can't create", "can't open"); simplified: fds other than 0, 1 and 2 are accepted and ignored,
// a here-document on one line reads nothing (bash warns, as at end of input).

import { normalizePath } from '../kernel/vfs.ts';
import type { Redir } from './ast.ts';
import { expandToString, expandWords, type SubstRunner } from './expand.ts';
import type { ShellState } from './state.ts';

/** Sink is where one output stream goes. */
export interface Sink {
  write(text: string): void;
  /** tty marks the terminal itself (programs such as ls lay out columns only for a terminal). */
  tty?: boolean;
}

/** Io is a command's standard input (as text) and its two output sinks. */
export interface Io {
  stdin: string;
  /** stdinIsFile is true when stdin was redirected from a regular file (wc sizes its columns on it). */
  stdinIsFile?: boolean;
  out: Sink;
  err: Sink;
}

/** NULL_SINK discards everything (/dev/null, `>&-`). */
export const NULL_SINK: Sink = { write: () => {} };

/** bufferSink collects what is written; text() returns it. */
export function bufferSink(): Sink & { text(): string } {
  let buf = '';
  return {
    write: (t) => {
      buf += t;
    },
    text: () => buf,
  };
}

/** RedirError is a failed redirection, worded for the dialect (without the shell's prefix). */
export class RedirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedirError';
  }
}

function fileSink(st: ShellState, path: string): Sink {
  return {
    write: (text) => {
      if (text === '') return;
      const e = st.place.fs.stat(path);
      const mode = e?.type === 'file' ? e.mode : 0o644;
      st.place.fs.writeFile(path, (st.place.fs.readFile(path) ?? '') + text, mode);
    },
  };
}

/** openForWrite checks and opens (creating or truncating) a file the way the shells do. */
function openForWrite(st: ShellState, shown: string, append: boolean): Sink {
  if (shown === '/dev/null') return NULL_SINK;
  const path = normalizePath(shown, st.cwd);
  const fs = st.place.fs;
  const bash = st.dialect === 'bash';
  if (fs.isDir(path))
    throw new RedirError(bash ? `${shown}: Is a directory` : `can't create ${shown}: Is a directory`);
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  if (!fs.isDir(parent)) {
    if (fs.exists(parent))
      throw new RedirError(bash ? `${shown}: Not a directory` : `can't create ${shown}: Not a directory`);
    throw new RedirError(
      bash ? `${shown}: No such file or directory` : `can't create ${shown}: nonexistent directory`,
    );
  }
  const existing = fs.stat(path);
  if (!append || existing === undefined)
    fs.writeFile(path, '', existing?.type === 'file' ? existing.mode : 0o644);
  return fileSink(st, path);
}

function readForInput(st: ShellState, shown: string): string {
  if (shown === '/dev/null') return '';
  const content = st.place.fs.readFile(normalizePath(shown, st.cwd));
  if (content !== undefined) return content;
  if (st.place.fs.isDir(normalizePath(shown, st.cwd))) return '';
  throw new RedirError(
    st.dialect === 'bash' ? `${shown}: No such file or directory` : `can't open ${shown}: no such file`,
  );
}

function target(r: Redir, st: ShellState, run: SubstRunner): string {
  const fields = expandWords([r.target], st, run);
  if (fields.length !== 1 && st.dialect === 'bash')
    throw new RedirError(`${r.target.raw}: ambiguous redirect`);
  return fields[0] ?? expandToString(r.target, st, run);
}

/** applyRedirs applies redirections left to right and returns the command's new Io; throws RedirError. */
export function applyRedirs(redirs: Redir[], io: Io, st: ShellState, run: SubstRunner, warn: Sink): Io {
  const next: Io = { ...io };
  const setFd = (fd: number, sink: Sink) => {
    if (fd === 1) next.out = sink;
    else if (fd === 2) next.err = sink;
  };
  const special = (name: string): Sink | undefined =>
    name === '/dev/stdout' ? next.out : name === '/dev/stderr' ? next.err : undefined;
  for (const r of redirs) {
    switch (r.op) {
      case '>':
      case '>|':
      case '>>': {
        const name = target(r, st, run);
        setFd(r.fd, special(name) ?? openForWrite(st, name, r.op === '>>'));
        break;
      }
      case '&>':
      case '&>>': {
        const name = target(r, st, run);
        const sink = special(name) ?? openForWrite(st, name, r.op === '&>>');
        next.out = sink;
        next.err = sink;
        break;
      }
      case '>&':
      case '<&': {
        const name = target(r, st, run);
        if (name === '-') setFd(r.fd, NULL_SINK);
        else if (name === '1') setFd(r.fd, next.out);
        else if (name === '2') setFd(r.fd, next.err);
        else if (/^\d+$/.test(name)) {
          if (Number(name) > 2) throw new RedirError(`${name}: Bad file descriptor`);
        } else if (r.op === '>&' && r.fd === 1) {
          const sink = special(name) ?? openForWrite(st, name, false);
          next.out = sink;
          next.err = sink;
        } else
          throw new RedirError(
            st.dialect === 'bash' ? `${name}: ambiguous redirect` : `${name}: Bad file descriptor`,
          );
        break;
      }
      case '<':
      case '<>':
        if (r.fd === 0) next.stdinIsFile = true;
        if (r.fd === 0)
          next.stdin =
            r.op === '<>'
              ? (st.place.fs.readFile(normalizePath(target(r, st, run), st.cwd)) ?? '')
              : readForInput(st, target(r, st, run));
        break;
      case '<<<':
        next.stdin = `${expandToString(r.target, st, run)}\n`;
        break;
      case '<<':
        if (st.dialect === 'bash')
          warn.write(
            `${st.argv0}: warning: here-document at line 1 delimited by end-of-file (wanted \`${r.target.raw}')\n`,
          );
        next.stdin = '';
        break;
    }
  }
  return next;
}
