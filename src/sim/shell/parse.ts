// Mirrors the POSIX shell grammar as bash parse.y and busybox shell/ash.c (list, andor, pipeline,
// command, simplecmd) parse it; simplified: no case, functions, select or here-documents. The whole
// line is parsed before anything runs, so a syntax error anywhere means nothing runs.

import type { AndOr, Assign, Command, Pipeline, Redir, Script, Word } from './ast.ts';
import { Lexer, type Token } from './lex.ts';
import { type Dialect, ShellSyntaxError } from './syntax-error.ts';

const RESERVED = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'while',
  'until',
  'for',
  'in',
  '{',
  '}',
  '!',
  'case',
  'esac',
]);
/** Words that end a list: the parser stops before them and lets the enclosing construct check them. */
const LIST_END = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', '}', 'esac']);

/** reservedWord returns the text of a token when it is an unquoted reserved word. */
function reservedWord(tok: Token): string | undefined {
  if (tok.type !== 'word' || tok.word.parts.length !== 1) return undefined;
  const p = tok.word.parts[0];
  return p.t === 'lit' && !p.quoted && RESERVED.has(p.v) ? p.v : undefined;
}

/** tokenText is how bash and ash name a token in "unexpected token" errors. */
function tokenText(tok: Token): string {
  switch (tok.type) {
    case 'word':
      return tok.word.raw;
    case 'op':
      return tok.op;
    case 'redir':
      return tok.op;
    case 'newline':
    case 'eof':
      return 'newline';
  }
}

/** Parser turns tokens into a Script. One Parser per nesting level shares the Lexer. */
class Parser {
  private readonly lexer: Lexer;
  private tok: Token | undefined;

  constructor(lexer: Lexer) {
    this.lexer = lexer;
  }

  private peek(): Token {
    if (!this.tok) this.tok = this.lexer.next();
    return this.tok;
  }

  private take(): Token {
    const t = this.peek();
    this.tok = undefined;
    return t;
  }

  private isOp(op: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.op === op;
  }

  private unexpected(tok: Token, expecting?: string): never {
    if (tok.type === 'eof') throw new ShellSyntaxError({ kind: 'eof', expecting });
    throw new ShellSyntaxError({ kind: 'token', token: tokenText(tok) });
  }

  private skipNewlines(): void {
    while (this.peek().type === 'newline') this.take();
  }

  /** script parses and-or lists until end of input, `)` or a list-ending reserved word. */
  script(): Script {
    const items: Script['items'] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.type === 'eof' || (t.type === 'op' && t.op === ')')) break;
      const rw = reservedWord(t);
      if (rw && LIST_END.has(rw)) break;
      const andOr = this.andOr();
      const sep = this.peek();
      if (sep.type === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.take();
        items.push({ andOr, background: sep.op === '&' });
      } else if (sep.type === 'newline') {
        this.take();
        items.push({ andOr, background: false });
      } else {
        items.push({ andOr, background: false });
        if (sep.type === 'eof' || (sep.type === 'op' && sep.op === ')')) break;
        const rw2 = reservedWord(sep);
        if (rw2 && LIST_END.has(rw2)) break;
        this.unexpected(sep);
      }
    }
    return { items };
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.take() as { op: '&&' | '||' }).op;
      this.skipNewlines();
      rest.push({ op, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let negate = false;
    if (reservedWord(this.peek()) === '!') {
      this.take();
      negate = true;
    }
    const commands: Command[] = [this.command()];
    const stderrToo: boolean[] = [];
    while (this.isOp('|') || this.isOp('|&')) {
      stderrToo.push((this.take() as { op: string }).op === '|&');
      this.skipNewlines();
      commands.push(this.command());
    }
    stderrToo.push(false);
    return { negate, commands, stderrToo };
  }

  private command(): Command {
    const t = this.peek();
    const rw = reservedWord(t);
    if (t.type === 'op' && t.op === '(') {
      this.take();
      const body = this.script();
      if (!this.isOp(')')) this.unexpected(this.peek(), ')');
      if (body.items.length === 0) this.unexpected(this.peek());
      this.take();
      return { kind: 'subshell', body, redirs: this.redirs() };
    }
    if (rw === '{') {
      this.take();
      const body = this.closedList('}');
      return { kind: 'group', body, redirs: this.redirs() };
    }
    if (rw === 'if') return this.ifCommand();
    if (rw === 'while' || rw === 'until') {
      this.take();
      const cond = this.closedList('do');
      const body = this.closedList('done');
      return { kind: 'while', until: rw === 'until', cond, body, redirs: this.redirs() };
    }
    if (rw === 'for') return this.forCommand();
    if (rw && rw !== '!') this.unexpected(t);
    if (t.type === 'op' || t.type === 'eof' || t.type === 'newline') this.unexpected(t);
    return this.simple();
  }

  /** closedList parses a non-empty list that must be followed by the reserved word end. */
  private closedList(end: string): Script {
    const body = this.script();
    const t = this.peek();
    if (reservedWord(t) !== end) this.unexpected(t, end);
    if (body.items.length === 0) this.unexpected(t);
    this.take();
    return body;
  }

  private ifCommand(): Command {
    this.take();
    const branches: Array<{ cond: Script; body: Script }> = [];
    let otherwise: Script | undefined;
    for (;;) {
      const cond = this.closedList('then');
      const body = this.script();
      const t = this.peek();
      const rw = reservedWord(t);
      if (body.items.length === 0 || !rw || !['elif', 'else', 'fi'].includes(rw)) this.unexpected(t, 'fi');
      this.take();
      branches.push({ cond, body });
      if (rw === 'elif') continue;
      if (rw === 'else') otherwise = this.closedList('fi');
      break;
    }
    return { kind: 'if', branches, otherwise, redirs: this.redirs() };
  }

  private forCommand(): Command {
    this.take();
    const nameTok = this.take();
    const name = nameTok.type === 'word' ? nameTok.word.raw : '';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      if (this.lexer.dialect === 'ash') throw new ShellSyntaxError({ kind: 'badfor', name });
      if (nameTok.type !== 'word') this.unexpected(nameTok.type === 'eof' ? { type: 'newline' } : nameTok);
      throw new ShellSyntaxError({ kind: 'badfor', name });
    }
    let items: Word[] | undefined;
    if (this.peek().type === 'newline') this.skipNewlines();
    if (reservedWord(this.peek()) === 'in') {
      this.take();
      items = [];
      for (let t = this.peek(); t.type === 'word'; t = this.peek())
        items.push((this.take() as { word: Word }).word);
      const sep = this.peek();
      if (!(sep.type === 'newline' || (sep.type === 'op' && sep.op === ';'))) this.unexpected(sep, 'do');
      this.take();
    } else if (this.isOp(';')) this.take();
    this.skipNewlines();
    if (reservedWord(this.peek()) !== 'do') this.unexpected(this.peek(), 'do');
    this.take();
    const body = this.closedList('done');
    return { kind: 'for', name, items, body, redirs: this.redirs() };
  }

  private redirs(): Redir[] {
    const out: Redir[] = [];
    while (this.peek().type === 'redir') out.push(this.redir());
    return out;
  }

  private redir(): Redir {
    const t = this.take() as Extract<Token, { type: 'redir' }>;
    const target = this.peek();
    if (target.type !== 'word') this.unexpected(target.type === 'eof' ? { type: 'newline' } : target);
    this.take();
    const defaultFd = t.op.startsWith('<') ? 0 : 1;
    return { fd: t.fd ?? defaultFd, op: t.op, target: target.word };
  }

  private simple(): Command {
    const assigns: Assign[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const t = this.peek();
      if (t.type === 'redir') redirs.push(this.redir());
      else if (t.type === 'word') {
        this.take();
        const assign = words.length === 0 ? asAssignment(t.word) : undefined;
        if (assign) assigns.push(assign);
        else words.push(t.word);
      } else if (t.type === 'op' && t.op === '(') this.unexpected(t);
      else break;
    }
    return { kind: 'simple', assigns, words, redirs };
  }

  /** top parses a whole input and insists nothing is left over. */
  top(): Script {
    const script = this.script();
    const rest = this.peek();
    if (rest.type !== 'eof') this.unexpected(rest);
    return script;
  }

  /** subScript parses the body of a `$(…)` and consumes its closing parenthesis. */
  subScript(): Script {
    const body = this.script();
    const t = this.peek();
    if (t.type === 'eof') throw new ShellSyntaxError({ kind: 'unmatched', open: '$(' });
    if (!(t.type === 'op' && t.op === ')')) this.unexpected(t);
    this.tok = undefined;
    return body;
  }
}

/** asAssignment recognises `NAME=value` (the NAME unquoted) and splits it. */
export function asAssignment(word: Word): Assign | undefined {
  const first = word.parts[0];
  if (first?.t !== 'lit' || first.quoted) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v);
  if (!m) return undefined;
  const restFirst = first.v.slice(m[0].length);
  const parts = [...(restFirst ? [{ ...first, v: restFirst }] : []), ...word.parts.slice(1)];
  return { name: m[1], value: { parts, raw: word.raw.slice(m[0].length) } };
}

/** parseScript parses a whole command line (or script) in the given dialect; throws ShellSyntaxError. */
export function parseScript(src: string, dialect: Dialect): Script {
  const subParse = (lexer: Lexer, mode: 'paren' | 'whole'): Script =>
    mode === 'paren' ? new Parser(lexer).subScript() : new Parser(lexer).top();
  return new Parser(new Lexer(src, dialect, subParse)).top();
}
