// Mirrors bash builtins/echo.def, GNU coreutils src/echo.c and busybox coreutils/echo.c: -n, -e, -E
// and the backslash escapes of -e; simplified: no POSIXLY_CORRECT / xpg_echo behaviour.

import type { Program } from '../program.ts';
import { result } from './common.ts';

/** interpretEscapes applies echo -e escapes; stop is true when `\c` ended the output. */
export function interpretEscapes(s: string, printfStyle = false): { text: string; stop: boolean } {
  const simple: Record<string, string> = {
    a: '\x07',
    b: '\b',
    e: '\x1b',
    E: '\x1b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '\\': '\\',
  };
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    if (n in simple) out += simple[n];
    else if (n === 'c') return { text: out, stop: true };
    else if (n === '0' || (printfStyle && /[1-7]/.test(n))) {
      let oct = printfStyle && n !== '0' ? n : '';
      while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i];
      out += String.fromCharCode(Number.parseInt(oct || '0', 8));
    } else if (n === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      let hex = '';
      while (hex.length < 2 && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) hex += s[++i];
      out += String.fromCharCode(Number.parseInt(hex, 16));
    } else out += `\\${n}`;
  }
  return { text: out, stop: false };
}

/** echoText computes what `echo args…` prints (options as bash, GNU and busybox accept them). */
export function echoText(args: string[]): string {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (!/^-[neE]+$/.test(a)) break;
    for (const f of a.slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
  }
  const joined = args.slice(i).join(' ');
  if (!escapes) return joined + (newline ? '\n' : '');
  const { text, stop } = interpretEscapes(joined);
  return text + (newline && !stop ? '\n' : '');
}

/** echo is /bin/echo (the shell's builtin echo uses echoText too). */
export const echo: Program = (ctx) => result(echoText(ctx.argv.slice(1)));
