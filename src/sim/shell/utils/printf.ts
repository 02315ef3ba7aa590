// Mirrors GNU coreutils src/printf.c, bash builtins/printf.def and busybox coreutils/printf.c: the
// format is reused until the arguments run out; simplified: no %q quoting beyond simple cases, no
// %(fmt)T, no -v VAR.

import type { Program } from '../program.ts';
import { busyboxUsage, isBusybox, quote, result } from './common.ts';
import { interpretEscapes } from './echo.ts';

/** PrintfStyle picks the error wording: bash builtin, ash builtin, GNU coreutils or busybox applet. */
export type PrintfStyle = 'bash' | 'ash' | 'gnu' | 'busybox';

function invalidNumber(arg: string, style: PrintfStyle, quoted: string): string {
  switch (style) {
    case 'bash':
      return `bash: printf: ${arg}: invalid number\n`;
    case 'ash':
      return `sh: invalid number '${arg}'\n`;
    case 'gnu':
      return `printf: ${quoted}: expected a numeric value\n`;
    case 'busybox':
      return `printf: invalid number '${arg}'\n`;
  }
}

function toNumber(arg: string | undefined): { n: number; ok: boolean } {
  if (arg === undefined || arg === '') return { n: 0, ok: true };
  if (/^['"]/.test(arg)) return { n: arg.codePointAt(1) ?? 0, ok: true };
  const t = arg.trim();
  if (/^[-+]?0[xX][0-9a-fA-F]+$/.test(t)) return { n: Number.parseInt(t, 16), ok: true };
  if (/^[-+]?0[0-7]+$/.test(t)) return { n: Number.parseInt(t, 8), ok: true };
  if (/^[-+]?\d+$/.test(t)) return { n: Number(t), ok: true };
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return { n: Number(t), ok: true };
  const lead = /^[-+]?\d+/.exec(t);
  return { n: lead ? Number(lead[0]) : 0, ok: false };
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s.padEnd(width);
  if (zero) {
    const sign = /^[-+ ]/.test(s) ? s[0] : '';
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  }
  return s.padStart(width);
}

/** formatPrintf runs printf's format over args; err collects error lines, exit is 1 after an error. */
export function formatPrintf(
  format: string,
  args: string[],
  style: PrintfStyle,
  quoteArg: (s: string) => string,
): { out: string; err: string; exit: number } {
  let out = '';
  let err = '';
  let exit = 0;
  let ai = 0;
  const next = (): string | undefined => args[ai++];
  const num = (isFloat: boolean): number => {
    const a = next();
    const { n, ok } = toNumber(a);
    if (!ok) {
      err += invalidNumber(a ?? '', style, quoteArg(a ?? ''));
      exit = 1;
    }
    return isFloat ? n : Math.trunc(n);
  };
  const re =
    /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXfFeEgGcsbq%])|\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)|[^%\\]+|%|\\/gs;
  do {
    const startAi = ai;
    for (const m of format.matchAll(re)) {
      const tok = m[0];
      if (tok.startsWith('\\')) {
        const r = interpretEscapes(tok, true);
        out += r.text;
        if (r.stop) return { out, err, exit };
        continue;
      }
      if (!tok.startsWith('%') || tok === '%') {
        out += tok;
        continue;
      }
      const [, flags, w, p, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width = w === '*' ? num(false) : w ? Number(w) : 0;
      const prec = p === undefined ? undefined : p === '*' ? num(false) : Number(p || '0');
      const left = flags.includes('-') || width < 0;
      const zero = flags.includes('0') && !left;
      let s: string;
      switch (conv) {
        case 's':
          s = next() ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          break;
        case 'b': {
          const r = interpretEscapes(next() ?? '', true);
          s = r.text;
          if (r.stop) return { out: out + pad(s, Math.abs(width), left, false), err, exit };
          break;
        }
        case 'q': {
          const a = next() ?? '';
          s = /^[A-Za-z0-9_./@%+=:,-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`;
          break;
        }
        case 'c':
          s = (next() ?? '').slice(0, 1);
          break;
        case 'd':
        case 'i': {
          const n = num(false);
          s = String(Math.abs(n)).padStart(prec ?? 0, '0');
          s = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
          break;
        }
        case 'u':
        case 'o':
        case 'x':
        case 'X': {
          let n = num(false);
          if (n < 0) n = Number(BigInt.asUintN(64, BigInt(n)));
          const base = conv === 'o' ? 8 : conv === 'u' ? 10 : 16;
          s = n.toString(base).padStart(prec ?? 0, '0');
          if (conv === 'X') s = s.toUpperCase();
          if (flags.includes('#') && n !== 0 && conv !== 'u')
            s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + s;
          break;
        }
        default: {
          const n = num(true);
          const digits = prec ?? 6;
          if (conv === 'f' || conv === 'F') s = n.toFixed(digits);
          else if (conv === 'e' || conv === 'E')
            s = n.toExponential(digits).replace(/e([-+])(\d)$/, 'e$10$2');
          else s = String(Number(n.toPrecision(digits || 1)));
          if (conv === 'E' || conv === 'G') s = s.toUpperCase();
          if (n >= 0 && flags.includes('+')) s = `+${s}`;
        }
      }
      out += pad(s, Math.abs(width), left, zero && conv !== 's' && conv !== 'c' && conv !== 'b');
    }
    if (ai === startAi) break;
  } while (ai < args.length);
  return { out, err, exit };
}

/** printf is /usr/bin/printf (GNU coreutils or busybox); the shells' builtins call formatPrintf. */
export const printf: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  const bb = isBusybox(ctx);
  if (args[0] === '--') args.shift();
  if (args.length === 0) {
    if (bb)
      return result(
        '',
        busyboxUsage(
          'printf',
          'FORMAT [ARG]...',
          'Format and print ARG(s) according to FORMAT (a-la C printf)',
        ),
        1,
      );
    return result('', "printf: missing operand\nTry 'printf --help' for more information.\n", 1);
  }
  const r = formatPrintf(args[0], args.slice(1), bb ? 'busybox' : 'gnu', (s) => quote(ctx, s));
  return result(r.out, r.err, r.exit);
};
