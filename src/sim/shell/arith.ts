// Mirrors bash expr.c and busybox shell/math.c: `$(( … ))` integer arithmetic; simplified: no
// assignment operators, no `++`/`--`, no comma operator; numbers are JS doubles truncated to integers.

import type { Dialect } from './syntax-error.ts';

/** ArithError is an arithmetic failure; message is already worded for the dialect. */
export class ArithError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArithError';
  }
}

/** BINARY lists binary operators from the loosest to the tightest binding, as C and the shells do. */
const BINARY: string[][] = [
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<=', '>=', '<', '>'],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
];

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '<':
      return a < b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '<<':
      return a << b;
    case '>>':
      return a >> b;
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return Math.trunc(a * b);
    case '/':
      return Math.trunc(a / b);
    case '%':
      return a % b;
    case '||':
      return a || b ? 1 : 0;
    case '&&':
      return a && b ? 1 : 0;
    case '|':
      return a | b;
    case '^':
      return a ^ b;
    case '&':
      return a & b;
    default:
      return 0;
  }
}

/** evalArith evaluates an already-expanded arithmetic expression; getVar reads shell variables. */
export function evalArith(
  expr: string,
  getVar: (name: string) => string | undefined,
  dialect: Dialect,
): number {
  const tokRe =
    /\s*(0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\|\||&&|==|!=|<=|>=|<<|>>|[-+*/%()<>!~^&|?:]|\S)/g;
  const toks: string[] = [];
  const starts: number[] = [];
  for (let m = tokRe.exec(expr); m; m = tokRe.exec(expr)) {
    toks.push(m[1]);
    starts.push(m.index + m[0].length - m[1].length);
  }
  const shown = expr.replace(/^\s+/, '');
  let i = 0;
  const syntax = (tok: string): never => {
    if (dialect === 'ash') throw new ArithError('arithmetic syntax error');
    throw new ArithError(`${shown}: syntax error: operand expected (error token is "${tok}")`);
  };
  const value = (name: string, depth: number): number => {
    const v = (getVar(name) ?? '').trim();
    if (v === '') return 0;
    if (/^-?\d+$/.test(v)) return Number(v);
    if (depth > 8) return 0;
    return /^[A-Za-z_]\w*$/.test(v) ? value(v, depth + 1) : 0;
  };
  const primary = (): number => {
    const t = toks[i];
    if (t === undefined) return syntax(toks[i - 1] ?? '');
    i++;
    if (t === '(') {
      const v = ternary();
      if (toks[i] !== ')') syntax(toks[i] ?? ')');
      i++;
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() ? 0 : 1;
    if (t === '~') return ~primary();
    if (/^0[xX]/.test(t)) return Number.parseInt(t, 16);
    if (/^0\d+$/.test(t)) return Number.parseInt(t, 8);
    if (/^\d+$/.test(t)) return Number(t);
    if (/^[A-Za-z_]/.test(t)) return value(t, 0);
    return syntax(t);
  };
  const binary = (level: number): number => {
    if (level >= BINARY.length) return primary();
    let left = binary(level + 1);
    while (i < toks.length && BINARY[level].includes(toks[i])) {
      const op = toks[i++];
      const rightStart = i;
      const right = binary(level + 1);
      if ((op === '/' || op === '%') && right === 0) {
        if (dialect === 'ash') throw new ArithError('divide by zero');
        throw new ArithError(
          `${shown}: division by 0 (error token is "${expr.slice(starts[rightStart] ?? expr.length)}")`,
        );
      }
      left = apply(op, left, right);
    }
    return left;
  };
  const ternary = (): number => {
    const cond = binary(0);
    if (toks[i] !== '?') return cond;
    i++;
    const a = ternary();
    if (toks[i] !== ':') syntax(toks[i] ?? '');
    i++;
    const b = ternary();
    return cond ? a : b;
  };
  if (toks.length === 0) return 0;
  const result = ternary();
  if (i < toks.length) syntax(toks[i]);
  return result;
}
