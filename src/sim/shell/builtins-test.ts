// Mirrors bash builtins/test.def + test.c and busybox coreutils/test.c: `test` and `[`; simplified:
// no parentheses, no -nt/-ot, file tests look only at the Vfs (everything is readable by root).

import { normalizePath } from '../kernel/vfs.ts';
import type { Builtin } from './builtins.ts';
import type { ShellState } from './state.ts';

class TestError extends Error {}

const UNARY = new Set([
  '-e',
  '-f',
  '-d',
  '-s',
  '-r',
  '-w',
  '-x',
  '-z',
  '-n',
  '-L',
  '-h',
  '-b',
  '-c',
  '-p',
  '-S',
  '-t',
]);
const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>']);

function evalTest(args: string[], st: ShellState): boolean {
  const bash = st.dialect === 'bash';
  const fs = st.place.fs;
  const int = (s: string): number => {
    if (!/^\s*[-+]?\d+\s*$/.test(s))
      throw new TestError(bash ? `${s}: integer expression expected` : `${s}: bad number`);
    return Number(s);
  };
  const unary = (op: string, a: string): boolean => {
    const e = fs.stat(normalizePath(a, st.cwd));
    switch (op) {
      case '-z':
        return a === '';
      case '-n':
        return a !== '';
      case '-e':
      case '-r':
      case '-w':
        return e !== undefined;
      case '-f':
        return e?.type === 'file';
      case '-d':
        return e?.type === 'dir';
      case '-s':
        return e?.type === 'file' ? e.content.length > 0 : e !== undefined;
      case '-x':
        return e !== undefined && (e.type === 'dir' || (e.mode & 0o111) !== 0);
      default:
        return false;
    }
  };
  const binary = (a: string, op: string, b: string): boolean => {
    switch (op) {
      case '=':
      case '==':
        return a === b;
      case '!=':
        return a !== b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '-eq':
        return int(a) === int(b);
      case '-ne':
        return int(a) !== int(b);
      case '-lt':
        return int(a) < int(b);
      case '-le':
        return int(a) <= int(b);
      case '-gt':
        return int(a) > int(b);
      default:
        return int(a) >= int(b);
    }
  };
  const primary = (xs: string[]): boolean => {
    if (xs.length === 0) return false;
    if (xs[0] === '!') return !primary(xs.slice(1));
    if (xs.length === 1) return xs[0] !== '';
    if (xs.length === 2) {
      if (UNARY.has(xs[0])) return unary(xs[0], xs[1]);
      throw new TestError(bash ? `${xs[0]}: unary operator expected` : `${xs[1]}: unknown operand`);
    }
    if (xs.length === 3) {
      if (BINARY.has(xs[1])) return binary(xs[0], xs[1], xs[2]);
      throw new TestError(bash ? `${xs[1]}: binary operator expected` : `${xs[1]}: unknown operand`);
    }
    throw new TestError(bash ? 'too many arguments' : `${xs[3]}: unknown operand`);
  };
  const orIdx = args.lastIndexOf('-o');
  if (orIdx > 0) return evalTest(args.slice(0, orIdx), st) || evalTest(args.slice(orIdx + 1), st);
  const andIdx = args.lastIndexOf('-a');
  if (andIdx > 0 && args.length > 3)
    return evalTest(args.slice(0, andIdx), st) && evalTest(args.slice(andIdx + 1), st);
  return primary(args);
}

/** testBuiltin is `test` and `[`: 0 when the expression holds, 1 when not, 2 on a usage error. */
export const testBuiltin: Builtin = (argv, io, st) => {
  let args = argv.slice(1);
  const bash = st.dialect === 'bash';
  const prefix = bash ? `${st.argv0}: ${argv[0]}: ` : `${st.argv0}: `;
  if (argv[0] === '[') {
    if (args[args.length - 1] !== ']') {
      io.err.write(`${prefix}${bash ? "missing `]'" : 'missing ]'}\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evalTest(args, st) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    io.err.write(`${prefix}${e.message}\n`);
    return 2;
  }
};
