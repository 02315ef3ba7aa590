// Mirrors Go's fmt (print.go, format.go) for the verbs templates use; simplified: no %T of
// nested types, no struct field names (%+v), no pointers.

import { goQuote } from './lex.ts';
import { formatFloat, goPrint, goTypeName, NO_VALUE, utf8Bytes } from './value.ts';

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  prec?: number;
}

function pad(s: string, spec: Spec, numeric = false): string {
  if (spec.width === undefined || [...s].length >= spec.width) return s;
  const n = spec.width - [...s].length;
  if (spec.minus) return s + ' '.repeat(n);
  if (spec.zero && numeric) {
    const sign = /^[+-]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(n) + s.slice(sign.length);
  }
  return ' '.repeat(n) + s;
}

function badVerb(verb: string, arg: unknown): string {
  if (arg === null || arg === NO_VALUE) return `%!${verb}(<nil>)`;
  return `%!${verb}(${goTypeName(arg, false)}=${goPrint(arg)})`;
}

function fmtInt(n: number, verb: string, spec: Spec): string {
  const neg = n < 0;
  const a = Math.abs(Math.trunc(n));
  let digits: string;
  switch (verb) {
    case 'x':
      digits = a.toString(16);
      if (spec.sharp) digits = `0x${digits}`;
      break;
    case 'X':
      digits = a.toString(16).toUpperCase();
      if (spec.sharp) digits = `0X${digits}`;
      break;
    case 'o':
      digits = a.toString(8);
      if (spec.sharp) digits = `0${digits}`;
      break;
    case 'b':
      digits = a.toString(2);
      break;
    default:
      digits = a.toString(10);
  }
  if (spec.prec !== undefined) digits = digits.padStart(spec.prec, '0');
  const sign = neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  return pad(sign + digits, spec, spec.prec === undefined);
}

function fmtFloat(n: number, verb: string, spec: Spec): string {
  let s: string;
  switch (verb) {
    case 'f':
    case 'F':
      s = n.toFixed(spec.prec ?? 6);
      break;
    case 'e':
    case 'E': {
      const [m, e] = n.toExponential(spec.prec ?? 6).split('e');
      const ei = Number(e);
      s = `${m}e${ei < 0 ? '-' : '+'}${String(Math.abs(ei)).padStart(2, '0')}`;
      if (verb === 'E') s = s.toUpperCase();
      break;
    }
    default:
      s = spec.prec !== undefined ? String(Number(n.toPrecision(spec.prec))) : formatFloat(n);
      if (verb === 'G') s = s.toUpperCase();
  }
  if (n >= 0 && spec.plus) s = `+${s}`;
  else if (n >= 0 && spec.space) s = ` ${s}`;
  return pad(s, spec, true);
}

function fmtOne(verb: string, arg: unknown, spec: Spec): string {
  if (arg === NO_VALUE) arg = null;
  switch (verb) {
    case 'v':
      if (typeof arg === 'string' && spec.sharp) return pad(goQuote(arg), spec);
      return pad(goPrint(arg), spec);
    case 's':
      if (typeof arg === 'number' || typeof arg === 'boolean') return badVerb(verb, arg);
      {
        let s = goPrint(arg);
        if (spec.prec !== undefined) s = [...s].slice(0, spec.prec).join('');
        return pad(s, spec);
      }
    case 'q':
      if (typeof arg === 'string') return pad(goQuote(arg), spec);
      if (typeof arg === 'number' && Number.isInteger(arg))
        return pad(`'${String.fromCodePoint(arg)}'`, spec);
      return badVerb(verb, arg);
    case 't':
      return typeof arg === 'boolean' ? pad(String(arg), spec) : badVerb(verb, arg);
    case 'd':
    case 'o':
    case 'b':
      return typeof arg === 'number' && Number.isInteger(arg) ? fmtInt(arg, verb, spec) : badVerb(verb, arg);
    case 'x':
    case 'X':
      if (typeof arg === 'number' && Number.isInteger(arg)) return fmtInt(arg, verb, spec);
      if (typeof arg === 'string') {
        let hex = utf8Bytes(arg)
          .map((b) => b.toString(16).padStart(2, '0'))
          .join('');
        if (verb === 'X') hex = hex.toUpperCase();
        return pad(hex, spec);
      }
      return badVerb(verb, arg);
    case 'c':
      return typeof arg === 'number' ? pad(String.fromCodePoint(arg), spec) : badVerb(verb, arg);
    case 'U':
      return typeof arg === 'number'
        ? pad(`U+${arg.toString(16).toUpperCase().padStart(4, '0')}`, spec)
        : badVerb(verb, arg);
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
      return typeof arg === 'number' ? fmtFloat(arg, verb, spec) : badVerb(verb, arg);
    case 'T':
      return pad(arg === null ? '<nil>' : goTypeName(arg, false), spec);
    default:
      return badVerb(verb, arg);
  }
}

/** sprintf formats like Go's fmt.Sprintf. */
export function sprintf(format: string, args: unknown[]): string {
  let out = '';
  let argi = 0;
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    i++;
    const spec: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false };
    for (; i < format.length; i++) {
      const f = format[i];
      if (f === '-') spec.minus = true;
      else if (f === '+') spec.plus = true;
      else if (f === '#') spec.sharp = true;
      else if (f === ' ') spec.space = true;
      else if (f === '0') spec.zero = !spec.minus;
      else break;
    }
    if (format[i] === '*') {
      const w = args[argi++];
      spec.width = typeof w === 'number' ? w : undefined;
      i++;
    } else {
      const m = /^\d+/.exec(format.slice(i));
      if (m) {
        spec.width = Number(m[0]);
        i += m[0].length;
      }
    }
    if (format[i] === '.') {
      i++;
      if (format[i] === '*') {
        const p = args[argi++];
        spec.prec = typeof p === 'number' ? p : 0;
        i++;
      } else {
        const m = /^\d+/.exec(format.slice(i));
        spec.prec = m ? Number(m[0]) : 0;
        if (m) i += m[0].length;
      }
    }
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += fmtOne(verb, args[argi++], spec);
  }
  if (argi < args.length) {
    out += `%!(EXTRA ${args
      .slice(argi)
      .map((a) => `${a === null ? '<nil>' : goTypeName(a, false)}=${goPrint(a)}`)
      .join(', ')})`;
  }
  return out;
}

/** sprint formats like fmt.Sprint: spaces between operands when neither is a string. */
export function sprint(args: unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += goPrint(a);
  });
  return out;
}

/** sprintln formats like fmt.Sprintln: always spaces between operands, then a newline. */
export function sprintln(args: unknown[]): string {
  return `${args.map((a) => goPrint(a)).join(' ')}\n`;
}
