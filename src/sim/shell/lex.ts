// Mirrors bash parse.y (read_token, read_token_word, parse_matched_pair) and busybox shell/ash.c
// (xxreadtoken, readtoken1); simplified: no here-documents, no `$"…"` locale strings, no
// history expansion; `$(…)` is parsed by a nested parser over the same text, as bash's parse_comsub.

import type { ParamOp, RedirOp, Script, Word, WordPart } from './ast.ts';
import { type Dialect, ShellSyntaxError } from './syntax-error.ts';

/** Token is what the lexer hands the parser. */
export type Token =
  | { type: 'word'; word: Word }
  | { type: 'op'; op: string }
  | { type: 'redir'; fd?: number; op: RedirOp }
  | { type: 'newline' }
  | { type: 'eof' };

const META = ' \t\n;&|<>()';
const SPECIAL_PARAMS = '?$#@*!-0123456789';

/** Lexer cuts shell source into tokens; subParse parses a `$(…)` body up to its `)`. */
export class Lexer {
  readonly src: string;
  readonly dialect: Dialect;
  pos = 0;
  private readonly subParse: (lexer: Lexer, mode: 'paren' | 'whole') => Script;

  constructor(src: string, dialect: Dialect, subParse: (lexer: Lexer, mode: 'paren' | 'whole') => Script) {
    this.src = src;
    this.dialect = dialect;
    this.subParse = subParse;
  }

  private peekCh(offset = 0): string {
    return this.src[this.pos + offset] ?? '';
  }

  private startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  /** next reads the next token, skipping blanks, line continuations and comments. */
  next(): Token {
    for (;;) {
      const c = this.peekCh();
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.peekCh(1) === '\n') this.pos += 2;
      else break;
    }
    const c = this.peekCh();
    if (c === '') return { type: 'eof' };
    if (c === '#') {
      while (this.pos < this.src.length && this.peekCh() !== '\n') this.pos++;
      return this.next();
    }
    if (c === '\n') {
      this.pos++;
      return { type: 'newline' };
    }
    const op = this.readOperator();
    if (op) return op;
    const start = this.pos;
    const word = this.readWord();
    const next = this.peekCh();
    if (/^\d+$/.test(word.raw) && (next === '<' || next === '>')) {
      const redir = this.readOperator();
      if (redir?.type === 'redir') return { ...redir, fd: Number(word.raw) };
    }
    if (this.pos === start) throw new ShellSyntaxError({ kind: 'token', token: c });
    return { type: 'word', word };
  }

  private readOperator(): Token | undefined {
    const bash = this.dialect === 'bash';
    const redirs: RedirOp[] = bash
      ? ['&>>', '&>', '<<<', '<<', '<>', '<&', '<', '>>', '>|', '>&', '>']
      : ['<<', '<>', '<&', '<', '>>', '>|', '>&', '>'];
    for (const r of redirs) {
      if (this.startsWith(r)) {
        if (r === '<<' && !bash && this.startsWith('<<<'))
          throw new ShellSyntaxError({ kind: 'redirection' });
        this.pos += r.length;
        return { type: 'redir', op: r };
      }
    }
    const ops = bash
      ? ['&&', '||', ';;', '|&', '|', '&', ';', '(', ')']
      : ['&&', '||', ';;', '|', '&', ';', '(', ')'];
    for (const o of ops) {
      if (this.startsWith(o)) {
        this.pos += o.length;
        return { type: 'op', op: o };
      }
    }
    return undefined;
  }

  private readWord(): Word {
    const start = this.pos;
    const parts: WordPart[] = [];
    if (this.peekCh() === '~') {
      let j = this.pos + 1;
      while (j < this.src.length && /[A-Za-z0-9_.-]/.test(this.src[j])) j++;
      const after = this.src[j] ?? '';
      if (after === '' || after === '/' || META.includes(after)) {
        parts.push({ t: 'tilde', user: this.src.slice(this.pos + 1, j) });
        this.pos = j;
      }
    }
    this.readParts(parts, (ch) => META.includes(ch), false);
    return { parts, raw: this.src.slice(start, this.pos) };
  }

  /** readParts reads word parts until stop(ch) holds for an unquoted character (or end of input). */
  private readParts(parts: WordPart[], stop: (ch: string) => boolean, quoted: boolean): void {
    const lit = (v: string, q: boolean) => {
      const last = parts[parts.length - 1];
      if (last?.t === 'lit' && last.quoted === q) last.v += v;
      else parts.push({ t: 'lit', v, quoted: q });
    };
    while (this.pos < this.src.length) {
      const c = this.peekCh();
      if (stop(c)) return;
      if (c === '\\') {
        const n = this.peekCh(1);
        if (n === '\n') this.pos += 2;
        else if (n === '') {
          lit('\\', quoted);
          this.pos++;
        } else {
          lit(n, true);
          this.pos += 2;
        }
      } else if (c === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw new ShellSyntaxError({ kind: 'unmatched', open: "'" });
        lit(this.src.slice(this.pos + 1, end), true);
        this.pos = end + 1;
      } else if (c === '"') {
        this.pos++;
        const before = parts.length;
        this.readDoubleQuoted(parts);
        if (parts.length === before) lit('', true);
      } else if (c === '$') {
        this.readDollar(parts, quoted, lit);
      } else if (c === '`') {
        parts.push({ t: 'cmdsub', body: this.readBackquoted(), quoted });
      } else {
        lit(c, quoted);
        this.pos++;
      }
    }
  }

  private readDoubleQuoted(parts: WordPart[]): void {
    const lit = (v: string) => {
      const last = parts[parts.length - 1];
      if (last?.t === 'lit' && last.quoted) last.v += v;
      else parts.push({ t: 'lit', v, quoted: true });
    };
    for (;;) {
      const c = this.peekCh();
      if (c === '') throw new ShellSyntaxError({ kind: 'unmatched', open: '"' });
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === '\\') {
        const n = this.peekCh(1);
        if (n === '\n') this.pos += 2;
        else if ('$`"\\'.includes(n) && n !== '') {
          lit(n);
          this.pos += 2;
        } else {
          lit('\\');
          this.pos++;
        }
      } else if (c === '$') {
        this.readDollar(parts, true, (v) => lit(v));
      } else if (c === '`') {
        parts.push({ t: 'cmdsub', body: this.readBackquoted(), quoted: true });
      } else {
        lit(c);
        this.pos++;
      }
    }
  }

  private readDollar(parts: WordPart[], quoted: boolean, lit: (v: string, q: boolean) => void): void {
    const n = this.peekCh(1);
    if (n === '{') {
      this.pos += 2;
      parts.push(this.readBraced(quoted));
    } else if (n === '(' && this.peekCh(2) === '(') {
      this.pos += 3;
      parts.push({ t: 'arith', expr: this.readArith(), quoted });
    } else if (n === '(') {
      this.pos += 2;
      parts.push({ t: 'cmdsub', body: this.subParse(this, 'paren'), quoted });
    } else if (n === "'" && !quoted) {
      this.pos += 2;
      lit(this.readAnsiC(), true);
    } else if (/[A-Za-z_]/.test(n)) {
      let j = this.pos + 1;
      while (j < this.src.length && /[A-Za-z0-9_]/.test(this.src[j])) j++;
      parts.push({ t: 'param', name: this.src.slice(this.pos + 1, j), quoted });
      this.pos = j;
    } else if (n !== '' && SPECIAL_PARAMS.includes(n)) {
      parts.push({ t: 'param', name: n, quoted });
      this.pos += 2;
    } else {
      lit('$', quoted);
      this.pos++;
    }
  }

  private readBraced(quoted: boolean): WordPart {
    const start = this.pos - 2;
    const close = this.findBraceEnd();
    if (close < 0) throw new ShellSyntaxError({ kind: 'unmatched', open: '${' });
    const bad = (): WordPart => {
      if (this.dialect === 'ash') throw new ShellSyntaxError({ kind: 'badsubst' });
      this.pos = close + 1;
      return { t: 'badsubst', text: this.src.slice(start, close + 1), quoted };
    };
    const body = this.src.slice(this.pos, close);
    if (body.startsWith('#') && body.length > 1) {
      const name = body.slice(1);
      if (!/^([A-Za-z_][A-Za-z0-9_]*|[?$#@*!0-9-])$/.test(name)) return bad();
      this.pos = close + 1;
      return { t: 'param', name, op: 'len', quoted };
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!-])/.exec(body);
    if (!m) return bad();
    const name = m[1];
    this.pos += name.length;
    if (this.pos === close) {
      this.pos++;
      return { t: 'param', name, quoted };
    }
    const opMatch = /^(:-|:=|:\+|:\?|-|=|\+|\?|##|#|%%|%)/.exec(this.src.slice(this.pos, close));
    if (!opMatch) return bad();
    const op = opMatch[1] as ParamOp;
    this.pos += opMatch[1].length;
    const argStart = this.pos;
    const argParts: WordPart[] = [];
    if (quoted) this.readDoubleQuotedUntilBrace(argParts);
    else this.readParts(argParts, (ch) => ch === '}', false);
    const raw = this.src.slice(argStart, this.pos);
    if (this.peekCh() !== '}') throw new ShellSyntaxError({ kind: 'unmatched', open: '${' });
    this.pos++;
    return { t: 'param', name, op, arg: { parts: argParts, raw }, quoted };
  }

  /** readDoubleQuotedUntilBrace reads a `${x:-word}` argument that sits inside double quotes. */
  private readDoubleQuotedUntilBrace(parts: WordPart[]): void {
    while (this.peekCh() !== '}' && this.peekCh() !== '') {
      const c = this.peekCh();
      if (c === '$') this.readDollar(parts, true, (v) => parts.push({ t: 'lit', v, quoted: true }));
      else if (c === '\\' && '$`"\\}'.includes(this.peekCh(1))) {
        parts.push({ t: 'lit', v: this.peekCh(1), quoted: true });
        this.pos += 2;
      } else {
        parts.push({ t: 'lit', v: c, quoted: true });
        this.pos++;
      }
    }
  }

  /** findBraceEnd returns the index of the `}` closing a `${` that starts at pos, or -1. */
  private findBraceEnd(): number {
    let depth = 1;
    let i = this.pos;
    while (i < this.src.length) {
      const c = this.src[i];
      if (c === '\\') i += 2;
      else if (c === "'" || c === '"') {
        let e = i + 1;
        while (e < this.src.length && this.src[e] !== c) e += this.src[e] === '\\' && c === '"' ? 2 : 1;
        if (e >= this.src.length) return -1;
        i = e + 1;
      } else if (c === '$' && this.src[i + 1] === '{') {
        depth++;
        i += 2;
      } else if (c === '}') {
        if (--depth === 0) return i;
        i++;
      } else i++;
    }
    return -1;
  }

  private readArith(): Word {
    const start = this.pos;
    let depth = 0;
    while (this.pos < this.src.length) {
      const c = this.peekCh();
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0 && this.peekCh(1) === ')') break;
        depth--;
      }
      this.pos++;
    }
    if (this.pos >= this.src.length) throw new ShellSyntaxError({ kind: 'unmatched', open: '$(' });
    const inner = new Lexer(this.src.slice(start, this.pos), this.dialect, this.subParse);
    const parts: WordPart[] = [];
    inner.readParts(parts, () => false, true);
    this.pos += 2;
    return { parts, raw: inner.src };
  }

  private readBackquoted(): Script {
    this.pos++;
    let inner = '';
    for (;;) {
      const c = this.peekCh();
      if (c === '') throw new ShellSyntaxError({ kind: 'unmatched', open: '`' });
      if (c === '`') {
        this.pos++;
        break;
      }
      if (c === '\\' && '$`\\'.includes(this.peekCh(1)) && this.peekCh(1) !== '') {
        inner += this.peekCh(1);
        this.pos += 2;
      } else {
        inner += c;
        this.pos++;
      }
    }
    const sub = new Lexer(inner, this.dialect, this.subParse);
    return this.subParse(sub, 'whole');
  }

  private readAnsiC(): string {
    const escapes: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      e: '\x1b',
      E: '\x1b',
      f: '\f',
      v: '\v',
      '\\': '\\',
      "'": "'",
      '"': '"',
      '?': '?',
    };
    let out = '';
    for (;;) {
      const c = this.peekCh();
      if (c === '') throw new ShellSyntaxError({ kind: 'unmatched', open: "'" });
      this.pos++;
      if (c === "'") return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const n = this.peekCh();
      this.pos++;
      if (n in escapes) out += escapes[n];
      else if (/[0-7]/.test(n)) {
        let oct = n;
        while (oct.length < 3 && /[0-7]/.test(this.peekCh())) oct += this.src[this.pos++];
        out += String.fromCharCode(Number.parseInt(oct, 8));
      } else if (n === 'x' && /[0-9a-fA-F]/.test(this.peekCh())) {
        let hex = '';
        while (hex.length < 2 && /[0-9a-fA-F]/.test(this.peekCh())) hex += this.src[this.pos++];
        out += String.fromCharCode(Number.parseInt(hex, 16));
      } else out += `\\${n}`;
    }
  }
}
