// Mirrors bash subst.c (expand_word_list_internal: tilde, parameter, command and arithmetic
// expansion, word splitting, pathname expansion, quote removal) and busybox ash's expandarg;
// simplified: "$@" joins like "$*", IFS characters are all treated as whitespace separators.

import type { Script, Word, WordPart } from './ast.ts';
import { ArithError, evalArith } from './arith.ts';
import { escapeGlob, expandGlob, globToRegexSource, hasGlobChars, unescapeGlob } from './glob.ts';
import { getVar, type ShellState, setVar } from './state.ts';

/** ExpansionError aborts the whole line (as `${x:?}` or a bad `$((…))` does in an interactive shell). */
export class ExpansionError extends Error {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.status = status;
    this.name = 'ExpansionError';
  }
}

/** SubstRunner runs a command substitution and returns its standard output. */
export type SubstRunner = (body: Script) => string;

/** Piece is expanded text with how it may be split and globbed. */
interface Piece {
  text: string;
  quoted: boolean;
  /** split is true for the result of an unquoted expansion (subject to field splitting). */
  split: boolean;
}

function errorStatus(st: ShellState): number {
  return st.dialect === 'bash' ? 1 : 2;
}

function stripPattern(value: string, op: '#' | '##' | '%' | '%%', pattern: string): string {
  const re = globToRegexSource(pattern);
  if (op === '#' || op === '##') {
    const lengths = [...Array(value.length + 1).keys()];
    if (op === '##') lengths.reverse();
    for (const n of lengths) if (new RegExp(`^(?:${re})$`, 's').test(value.slice(0, n))) return value.slice(n);
    return value;
  }
  const starts = [...Array(value.length + 1).keys()];
  if (op === '%') starts.reverse();
  for (const n of starts) if (new RegExp(`^(?:${re})$`, 's').test(value.slice(n))) return value.slice(0, n);
  return value;
}

function expandParam(part: Extract<WordPart, { t: 'param' }>, st: ShellState, run: SubstRunner): string {
  const value = getVar(st, part.name);
  const argText = () => (part.arg ? expandToString(part.arg, st, run) : '');
  switch (part.op) {
    case undefined:
      return value ?? '';
    case 'len':
      return String((value ?? '').length);
    case ':-':
      return value ? value : argText();
    case '-':
      return value !== undefined ? value : argText();
    case ':=':
    case '=': {
      if (value && part.op === ':=') return value;
      if (value !== undefined && part.op === '=') return value;
      const v = argText();
      setVar(st, part.name, v);
      return v;
    }
    case ':+':
      return value ? argText() : '';
    case '+':
      return value !== undefined ? argText() : '';
    case ':?':
    case '?': {
      if (part.op === ':?' ? value : value !== undefined) return value as string;
      const msg = argText();
      const fallback =
        part.op === '?' ? 'parameter not set' : st.dialect === 'bash' ? 'parameter null or not set' : 'parameter not set or null';
      throw new ExpansionError(`${part.name}: ${msg || fallback}`, errorStatus(st));
    }
    default:
      return stripPattern(value ?? '', part.op, patternOf(part.arg, st, run));
  }
}

/** patternOf expands a `${x#pattern}` argument, escaping what was quoted. */
function patternOf(word: Word | undefined, st: ShellState, run: SubstRunner): string {
  if (!word) return '';
  return pieces(word, st, run)
    .map((p) => (p.quoted ? escapeGlob(p.text) : p.text))
    .join('');
}

function pieces(word: Word, st: ShellState, run: SubstRunner): Piece[] {
  const out: Piece[] = [];
  for (const part of word.parts) {
    switch (part.t) {
      case 'lit':
        out.push({ text: part.v, quoted: part.quoted, split: false });
        break;
      case 'tilde': {
        const home = part.user === '' ? getVar(st, 'HOME') : part.user === 'root' ? '/root' : undefined;
        out.push({ text: home ?? `~${part.user}`, quoted: true, split: false });
        break;
      }
      case 'param':
        out.push({ text: expandParam(part, st, run), quoted: part.quoted, split: !part.quoted });
        break;
      case 'badsubst':
        throw new ExpansionError(`${part.text}: bad substitution`, errorStatus(st));
      case 'cmdsub':
        out.push({ text: run(part.body).replace(/\n+$/, ''), quoted: part.quoted, split: !part.quoted });
        break;
      case 'arith': {
        const expr = expandToString(part.expr, st, run);
        try {
          const n = evalArith(expr, (name) => getVar(st, name), st.dialect);
          out.push({ text: String(n), quoted: part.quoted, split: !part.quoted });
        } catch (e) {
          if (e instanceof ArithError) throw new ExpansionError(e.message, errorStatus(st));
          throw e;
        }
        break;
      }
    }
  }
  return out;
}

/** expandToString expands a word without field splitting or globbing (assignments, redirections). */
export function expandToString(word: Word, st: ShellState, run: SubstRunner): string {
  return pieces(word, st, run)
    .map((p) => p.text)
    .join('');
}

function ifsOf(st: ShellState): string {
  return getVar(st, 'IFS') ?? ' \t\n';
}

/** expandWords expands command words into fields: splitting unquoted expansions, then globbing. */
export function expandWords(words: Word[], st: ShellState, run: SubstRunner): string[] {
  const fields: string[] = [];
  for (const word of words) {
    const ifs = ifsOf(st);
    let text = '';
    let pattern = '';
    let started = false;
    const flush = () => {
      if (!started && text === '') return;
      if (hasGlobChars(pattern)) {
        const matches = expandGlob(pattern, st.place.fs, st.cwd);
        if (matches.length > 0) fields.push(...matches);
        else fields.push(text);
      } else fields.push(text);
      text = '';
      pattern = '';
      started = false;
    };
    for (const p of pieces(word, st, run)) {
      if (!p.split) {
        text += p.text;
        pattern += p.quoted ? escapeGlob(p.text) : p.text;
        if (p.quoted) started = true;
        continue;
      }
      for (const ch of p.text) {
        if (ifs.includes(ch)) flush();
        else {
          text += ch;
          pattern += ch;
        }
      }
    }
    flush();
  }
  return fields;
}

/** literalText reports what a glob pattern matches literally (used when nothing matched). */
export const literalText = unescapeGlob;
