// Shared helpers for the text utilities: GNU coreutils' quote()/quotef() and "Try --help" lines,
// busybox's bb_show_usage banner, option scanning in the getopt style both use; simplified: usage
// texts only for the options we implement.

import { normalizePath } from '../../kernel/vfs.ts';
import type { ProgramContext, ProgramResult } from '../program.ts';

/** UtilContext is a ProgramContext that may also carry the shell's exec hook (xargs, env CMD). */
export interface UtilContext extends ProgramContext {
  /** exec runs argv as the shell would (builtins, then programs), in env when given, and returns what it printed. */
  exec?: (argv: string[], stdin: string, env?: Record<string, string>) => ProgramResult;
  /** isatty is true when standard output is the terminal (not a pipe or a file). */
  isatty?: boolean;
  /** locate returns the file a program name runs (for which), or undefined when nothing runs it. */
  locate?: (name: string) => string | undefined;
  /** stdinIsFile is true when stdin was redirected from a regular file (`< file`). */
  stdinIsFile?: boolean;
}

/** BUSYBOX_BANNER is the first line busybox prints with a usage text (Alpine 3.22's busybox 1.37.0). */
export const BUSYBOX_BANNER = 'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.';

/** isBusybox tells whether the place runs busybox tools (alpine, busybox images). */
export const isBusybox = (ctx: ProgramContext): boolean => ctx.place.flavour === 'busybox';

/** absPath resolves a path argument against the working directory. */
export const absPath = (ctx: ProgramContext, p: string): string => normalizePath(p, ctx.cwd);

/** utf8Locale tells whether the environment asks for a UTF-8 locale (GNU then quotes with ‘ ’). */
function utf8Locale(env: Record<string, string>): boolean {
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /utf-?8/i.test(loc);
}

/** quote is gnulib's quote(): ‘x’ in a UTF-8 locale, 'x' otherwise. */
export function quote(ctx: ProgramContext, s: string): string {
  return utf8Locale(ctx.env) ? `\u2018${s}\u2019` : `'${s}'`;
}

/** quoteFile is gnulib's quotef() for file names: bare when safe, else shell-quoted. */
export function quoteFile(s: string): string {
  if (/^[A-Za-z0-9_./@%+=:,-]+$/.test(s) && s !== '') return s;
  if (!s.includes("'")) return `'${s}'`;
  return `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** quoteAlways is gnulib's quoteaf(): always single-quoted (shell-escape-always style). */
export function quoteAlways(s: string): string {
  return s.includes("'") ? `"${s.replace(/(["\\$`])/g, '\\$1')}"` : `'${s}'`;
}

/** tryHelp is GNU's second error line. */
export const tryHelp = (name: string): string => `Try '${name} --help' for more information.\n`;

/** usage returns busybox's usage block (banner + Usage line + description) for an applet. */
export function busyboxUsage(name: string, synopsis: string, description: string): string {
  return `${BUSYBOX_BANNER}\n\nUsage: ${name} ${synopsis}\n\n${description}\n`;
}

/** result builds a ProgramResult. */
export const result = (stdout: string, stderr = '', exitCode = 0): ProgramResult => ({
  stdout,
  stderr,
  exitCode,
});

/** ParsedOpts is the result of scanning short options. */
export interface ParsedOpts {
  flags: Set<string>;
  values: Map<string, string>;
  operands: string[];
  /** bad is the first unknown option character (or long option text), if any. */
  bad?: string;
  /** missing is an option that needs a value but had none. */
  missing?: string;
}

/**
 * parseOpts scans argv in getopt style: flags are single letters, withValue lists letters that take
 * a value (attached or next argument); `--` ends options; a lone `-` is an operand; longs maps
 * `--name` to a letter (or to "long:name" when the letter is "").
 */
export function parseOpts(
  args: string[],
  flagChars: string,
  withValue = '',
  longs: Record<string, string> = {},
): ParsedOpts {
  const out: ParsedOpts = { flags: new Set(), values: new Map(), operands: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      out.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, val] = a.slice(2).split(/=(.*)/s, 2);
      const letter = longs[name];
      if (letter === undefined) {
        out.bad ??= a;
        continue;
      }
      if (withValue.includes(letter) && letter !== '') {
        const v = val ?? args[++i];
        if (v === undefined) out.missing ??= letter;
        else out.values.set(letter, v);
      } else out.flags.add(letter || `long:${name}`);
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      out.operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (withValue.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) out.missing ??= c;
        else out.values.set(c, v);
        break;
      }
      if (flagChars.includes(c)) out.flags.add(c);
      else {
        out.bad ??= c;
      }
    }
  }
  return out;
}

/** badOption words an unknown option the way GNU getopt (glibc) or busybox on musl reports it. */
export function badOption(ctx: ProgramContext, name: string, bad: string, usage = ''): string {
  if (isBusybox(ctx)) return `${name}: unrecognized option: ${bad.replace(/^--/, '')}\n${usage}`;
  if (bad.startsWith('--')) return `${name}: unrecognized option '${bad}'\n${tryHelp(name)}`;
  return `${name}: invalid option -- '${bad}'\n${tryHelp(name)}`;
}

/** missingArg words an option without its value (GNU getopt / busybox on musl). */
export function missingArg(ctx: ProgramContext, name: string, opt: string, usage = ''): string {
  if (isBusybox(ctx)) return `${name}: option requires an argument: ${opt}\n${usage}`;
  return `${name}: option requires an argument -- '${opt}'\n${tryHelp(name)}`;
}

/** readInput reads a file operand ("-" is stdin); returns the text or an error line. */
export function readInput(
  ctx: ProgramContext,
  name: string,
  operand: string,
): { text?: string; error?: string } {
  if (operand === '-') return { text: ctx.stdin };
  const p = absPath(ctx, operand);
  if (p === '/dev/null') return { text: '' };
  const e = ctx.place.fs.stat(p);
  if (!e)
    return {
      error: `${name}: ${isBusybox(ctx) ? operand : quoteFile(operand)}: No such file or directory\n`,
    };
  if (e.type === 'dir')
    return { error: `${name}: ${isBusybox(ctx) ? operand : quoteFile(operand)}: Is a directory\n` };
  return { text: e.content };
}

/** splitLines splits text into lines without their newlines (a final newline adds no empty line). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** utf8Length counts the bytes of text in UTF-8 (what wc -c and ls -l report). */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
