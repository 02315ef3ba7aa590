// Mirrors POSIX awk as GNU awk (mawk on Debian) and busybox editors/awk.c run the one-liners
// labs use: `awk -F: '/re/ || NR==2 {print $1, $NF}'`, BEGIN/END; simplified: no variables besides
// NR, NF, $N and -v assignments, no functions, no arithmetic beyond + and -, no printf.

import type { Program } from '../program.ts';
import { isBusybox, readInput, result, splitLines, type UtilContext } from './common.ts';
import { toJsRegexSource } from './grep.ts';

type Tok = { t: 'num' | 'str' | 're' | 'id' | 'op'; v: string };
interface Rule {
  kind: 'begin' | 'end' | 'main';
  cond?: Tok[];
  action?: Tok[][];
}

class AwkError extends Error {}

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  const re =
    /\s*(?:(\d+(?:\.\d+)?)|"((?:\\.|[^"\\])*)"|([A-Za-z_]\w*)|(==|!=|<=|>=|&&|\|\||!~|[-+<>~!$(){},;\n])|(\/(?:\\.|[^/\\])*\/))/gy;
  let last = 0;
  for (let m = re.exec(src); m && last < src.length; m = last < src.length ? re.exec(src) : null) {
    last = re.lastIndex;
    if (m[1] !== undefined) toks.push({ t: 'num', v: m[1] });
    else if (m[2] !== undefined)
      toks.push({ t: 'str', v: m[2].replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\(.)/g, '$1') });
    else if (m[3] !== undefined) toks.push({ t: 'id', v: m[3] });
    else if (m[4] !== undefined) toks.push({ t: 'op', v: m[4] });
    else if (m[5] !== undefined) toks.push({ t: 're', v: m[5].slice(1, -1) });
  }
  if (src.slice(last).trim() !== '') throw new AwkError(src.slice(last).trim());
  return toks;
}

function parseProgram(src: string): Rule[] {
  const toks = tokenize(src);
  const rules: Rule[] = [];
  let i = 0;
  const block = (): Tok[][] => {
    i++;
    const stmts: Tok[][] = [[]];
    let depth = 0;
    while (i < toks.length) {
      const t = toks[i++];
      if (t.t === 'op' && t.v === '}' && depth === 0) return stmts.filter((s) => s.length > 0);
      if (t.t === 'op' && t.v === '{') depth++;
      if (t.t === 'op' && t.v === '}') depth--;
      if (t.t === 'op' && (t.v === ';' || t.v === '\n')) stmts.push([]);
      else stmts[stmts.length - 1].push(t);
    }
    throw new AwkError('unexpected end of program');
  };
  while (i < toks.length) {
    const t = toks[i];
    if (t.t === 'op' && (t.v === ';' || t.v === '\n')) {
      i++;
      continue;
    }
    if (t.t === 'id' && (t.v === 'BEGIN' || t.v === 'END')) {
      i++;
      rules.push({ kind: t.v === 'BEGIN' ? 'begin' : 'end', action: block() });
      continue;
    }
    const cond: Tok[] = [];
    while (i < toks.length && !(toks[i].t === 'op' && toks[i].v === '{')) cond.push(toks[i++]);
    rules.push({
      kind: 'main',
      cond: cond.length ? cond : undefined,
      action: i < toks.length ? block() : undefined,
    });
  }
  return rules;
}

interface Record_ {
  fields: string[];
  line: string;
  nr: number;
}

/** Evaluator evaluates awk expressions over one record with a precedence-climbing parser. */
class Evaluator {
  private i = 0;
  private readonly toks: Tok[];
  private readonly rec: Record_;
  private readonly vars: Map<string, string>;

  constructor(toks: Tok[], rec: Record_, vars: Map<string, string>) {
    this.toks = toks;
    this.rec = rec;
    this.vars = vars;
  }

  list(): string[] {
    const out: string[] = [this.or()];
    while (this.peekOp(',')) {
      this.i++;
      out.push(this.or());
    }
    return out;
  }

  private peekOp(v: string): boolean {
    const t = this.toks[this.i];
    return t?.t === 'op' && t.v === v;
  }

  or(): string {
    let l = this.and();
    while (this.peekOp('||')) {
      this.i++;
      const r = this.and();
      l = truthy(l) || truthy(r) ? '1' : '0';
    }
    return l;
  }

  private and(): string {
    let l = this.cmp();
    while (this.peekOp('&&')) {
      this.i++;
      const r = this.cmp();
      l = truthy(l) && truthy(r) ? '1' : '0';
    }
    return l;
  }

  private cmp(): string {
    const l = this.concat();
    const t = this.toks[this.i];
    if (t?.t !== 'op' || !['==', '!=', '<', '>', '<=', '>=', '~', '!~'].includes(t.v)) return l;
    this.i++;
    if (t.v === '~' || t.v === '!~') {
      const rt = this.toks[this.i];
      let src: string;
      if (rt?.t === 're') {
        this.i++;
        src = rt.v;
      } else src = this.concat();
      const hit = new RegExp(toJsRegexSource(src, true)).test(l);
      return hit === (t.v === '~') ? '1' : '0';
    }
    const r = this.concat();
    const numeric = isNum(l) && isNum(r);
    const c = numeric ? Number(l) - Number(r) : l < r ? -1 : l > r ? 1 : 0;
    const ok = { '==': c === 0, '!=': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[t.v];
    return ok ? '1' : '0';
  }

  private concat(): string {
    let s = this.additive();
    while (this.i < this.toks.length && this.startsTerm()) s += this.additive();
    return s;
  }

  private startsTerm(): boolean {
    const t = this.toks[this.i];
    return (
      t.t === 'num' ||
      t.t === 'str' ||
      t.t === 'id' ||
      (t.t === 'op' && (t.v === '$' || t.v === '(' || t.v === '!'))
    );
  }

  private additive(): string {
    let l = this.unary();
    while (this.peekOp('+') || this.peekOp('-')) {
      const op = this.toks[this.i++].v;
      const r = this.unary();
      l = String(op === '+' ? toNum(l) + toNum(r) : toNum(l) - toNum(r));
    }
    return l;
  }

  private unary(): string {
    const t = this.toks[this.i++];
    if (!t) throw new AwkError('unexpected end of expression');
    if (t.t === 'num') return String(Number(t.v));
    if (t.t === 'str') return t.v;
    if (t.t === 're') return new RegExp(toJsRegexSource(t.v, true)).test(this.rec.line) ? '1' : '0';
    if (t.t === 'id') {
      if (t.v === 'NR') return String(this.rec.nr);
      if (t.v === 'NF') return String(this.rec.fields.length);
      return this.vars.get(t.v) ?? '';
    }
    if (t.v === '!') return truthy(this.unary()) ? '0' : '1';
    if (t.v === '-') return String(-toNum(this.unary()));
    if (t.v === '$') {
      const n = toNum(this.unary());
      return n === 0 ? this.rec.line : (this.rec.fields[n - 1] ?? '');
    }
    if (t.v === '(') {
      const v = this.or();
      this.i++;
      return v;
    }
    throw new AwkError(`syntax error at ${t.v}`);
  }
}

const isNum = (s: string) => /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(s);
const toNum = (s: string) => (isNum(s) ? Number(s) : Number.parseFloat(s) || 0);
const truthy = (s: string) => (isNum(s) ? Number(s) !== 0 : s !== '');

/** awk runs small awk programs: patterns, {print …}, BEGIN/END, -F, NR, NF, $N. */
export const awk: Program = (ctx: UtilContext) => {
  const args = ctx.argv.slice(1);
  let sep: string | undefined;
  const vars = new Map<string, string>();
  while (args[0]?.startsWith('-') && args[0] !== '-') {
    const a = args.shift() as string;
    if (a === '-F') sep = args.shift();
    else if (a.startsWith('-F')) sep = a.slice(2);
    else if (a === '-v') {
      const [k, ...v] = (args.shift() ?? '').split('=');
      vars.set(k, v.join('='));
    } else if (a === '--') break;
  }
  const src = args.shift();
  if (src === undefined)
    return result(
      '',
      isBusybox(ctx)
        ? 'awk: no program\n'
        : "usage: awk [-F value] [-v var=value] [--] 'program text' file ...\n",
      2,
    );
  let rules: Rule[];
  try {
    rules = parseProgram(src);
  } catch (e) {
    return result('', `awk: line 1: syntax error at or near ${(e as Error).message}\n`, 2);
  }
  const split = (line: string): string[] =>
    sep === undefined || sep === ' '
      ? line.split(/[ \t]+/).filter(Boolean)
      : line.split(sep.length === 1 ? sep : new RegExp(sep));
  let out = '';
  let err = '';
  const run = (stmts: Tok[][] | undefined, rec: Record_) => {
    for (const st of stmts ?? [[{ t: 'id', v: 'print' }]]) {
      if (st[0]?.t === 'id' && st[0].v === 'print') {
        const rest = st.slice(1);
        out += `${rest.length ? new Evaluator(rest, rec, vars).list().join(' ') : rec.line}\n`;
      }
    }
  };
  try {
    const empty: Record_ = { fields: [], line: '', nr: 0 };
    for (const r of rules) if (r.kind === 'begin') run(r.action, empty);
    let nr = 0;
    let lastRec = empty;
    for (const f of args.length ? args : ['-']) {
      const input = readInput(ctx, 'awk', f);
      if (input.text === undefined) {
        err += `awk: cannot open "${f}" (No such file or directory)\n`;
        continue;
      }
      for (const line of splitLines(input.text)) {
        const rec: Record_ = { fields: split(line), line, nr: ++nr };
        lastRec = rec;
        for (const r of rules) {
          if (r.kind !== 'main') continue;
          if (r.cond && !truthy(new Evaluator(r.cond, rec, vars).or())) continue;
          run(r.action, rec);
        }
      }
    }
    for (const r of rules) if (r.kind === 'end') run(r.action, lastRec);
  } catch (e) {
    if (!(e instanceof AwkError)) throw e;
    return result(out, `awk: ${e.message}\n`, 2);
  }
  return result(out, err, err ? 2 : 0);
};
