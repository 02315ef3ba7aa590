// Mirrors bash subst.c (expand_word_list_internal: tilde, parameter, command and arithmetic
// expansion, word splitting, pathname expansion, quote removal) and busybox ash's expandarg;
// simplified: "$@" joins like "$*", IFS characters are all treated as whitespace separators.

import { ArithError, evalArith } from './arith.ts';
import type { Script, Word, WordPart } from './ast.ts';
import { escapeGlob, expandGlob, globToRegexSource, hasGlobChars } from './glob.ts';
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
    for (const n of lengths)
      if (new RegExp(`^(?:${re})$`, 's').test(value.slice(0, n))) return value.slice(n);
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
        part.op === '?'
          ? 'parameter not set'
          : st.dialect === 'bash'
            ? 'parameter null or not set'
            : 'parameter not set or null';
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

/** braceAlternatives expands one `{a,b}` or `{1..3}` group in text, or returns undefined. */
function braceAlternatives(text: string): string[] | undefined {
  for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
    let depth = 0;
    const commas: number[] = [];
    for (let i = open; i < text.length; i++) {
      const c = text[i];
      if (c === '{') depth++;
      else if (c === ',' && depth === 1) commas.push(i);
      else if (c === '}' && --depth === 0) {
        const inner = text.slice(open + 1, i);
        const pre = text.slice(0, open);
        const post = text.slice(i + 1);
        if (commas.length > 0) {
          const cuts = [open, ...commas, i];
          return cuts.slice(0, -1).map((c0, k) => pre + text.slice(c0 + 1, cuts[k + 1]) + post);
        }
        const range = /^(-?\d+)\.\.(-?\d+)$/.exec(inner) ?? /^([a-zA-Z])\.\.([a-zA-Z])$/.exec(inner);
        if (range) {
          const num = /\d/.test(range[1]);
          const a = num ? Number(range[1]) : range[1].charCodeAt(0);
          const b = num ? Number(range[2]) : range[2].charCodeAt(0);
          const out: string[] = [];
          for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? 1 : -1)
            out.push(pre + (num ? String(v) : String.fromCharCode(v)) + post);
          return out;
        }
        break;
      }
    }
  }
  return undefined;
}

/** braceExpand applies bash's brace expansion to unquoted literal text (one part at a time). */
export function braceExpand(word: Word): Word[] {
  for (let k = 0; k < word.parts.length; k++) {
    const p = word.parts[k];
    if (p.t !== 'lit' || p.quoted) continue;
    const alts = braceAlternatives(p.v);
    if (!alts) continue;
    return alts.flatMap((v) =>
      braceExpand({
        raw: word.raw,
        parts: [...word.parts.slice(0, k), { ...p, v }, ...word.parts.slice(k + 1)],
      }),
    );
  }
  return [word];
}

/** expandWords expands command words into fields: braces (bash), splitting unquoted expansions, globbing. */
export function expandWords(words: Word[], st: ShellState, run: SubstRunner): string[] {
  const fields: string[] = [];
  for (const word of st.dialect === 'bash' ? words.flatMap(braceExpand) : words) {
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
