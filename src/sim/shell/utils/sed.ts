// Mirrors GNU sed (sed/compile.c, sed/execute.c) and busybox editors/sed.c for a small subset:
// s///[gpI N], p, d, q, = with addresses N, $, /re/ and ranges; -n, -e, -E/-r, -i. Simplified: no
// hold space, no a/i/c/y commands, no branches.

import type { Program } from '../program.ts';
import { absPath, isBusybox, readInput, result, splitLines, type UtilContext } from './common.ts';
import { toJsRegexSource } from './grep.ts';

type Address = { line: number } | { last: true } | { re: RegExp };
interface SedCommand {
  from?: Address;
  to?: Address;
  cmd: 's' | 'p' | 'd' | 'q' | '=';
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  print?: boolean;
  nth?: number;
  active?: boolean;
}

class SedError extends Error {}

function parseScript(script: string, extended: boolean, bb: boolean): SedCommand[] {
  const cmds: SedCommand[] = [];
  let i = 0;
  const fail = (gnu: string, busybox: string): never => {
    throw new SedError(bb ? `sed: ${busybox}\n` : `sed: -e expression #1, char ${i}: ${gnu}\n`);
  };
  const readDelimited = (delim: string, what: string): string => {
    let s = '';
    while (i < script.length && script[i] !== delim) {
      if (script[i] === '\\' && i + 1 < script.length) {
        s += script[i + 1] === delim ? delim : script.slice(i, i + 2);
        i += 2;
      } else s += script[i++];
    }
    if (i >= script.length) fail(`unterminated ${what}`, `unmatched '${delim}'`);
    i++;
    return s;
  };
  const regex = (src: string, flags = '') => new RegExp(toJsRegexSource(src, extended), flags);
  const address = (): Address | undefined => {
    if (/\d/.test(script[i] ?? '')) {
      const m = /^\d+/.exec(script.slice(i)) as RegExpExecArray;
      i += m[0].length;
      return { line: Number(m[0]) };
    }
    if (script[i] === '$') {
      i++;
      return { last: true };
    }
    if (script[i] === '/') {
      i++;
      return { re: regex(readDelimited('/', 'address regex')) };
    }
    return undefined;
  };
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? '')) i++;
    if (i >= script.length) break;
    const c: SedCommand = { cmd: 'p' };
    c.from = address();
    if (c.from && script[i] === ',') {
      i++;
      c.to = address();
    }
    while (script[i] === ' ') i++;
    const letter = script[i++];
    if (letter === 's') {
      const delim = script[i++];
      const pat = readDelimited(delim, "`s' command");
      const repl = readDelimited(delim, "`s' command");
      let flags = '';
      while (/[gpIi0-9]/.test(script[i] ?? '')) flags += script[i++];
      Object.assign(c, {
        cmd: 's',
        re: regex(pat, `g${/[Ii]/.test(flags) ? 'i' : ''}`),
        replacement: repl,
        global: flags.includes('g'),
        print: flags.includes('p'),
      });
      const nth = /\d+/.exec(flags);
      if (nth) c.nth = Number(nth[0]);
    } else if (letter === 'p' || letter === 'd' || letter === 'q' || letter === '=') c.cmd = letter;
    else if (letter === undefined) fail('missing command', 'missing command');
    else fail(`unknown command: \`${letter}'`, `unsupported command ${letter}`);
    cmds.push(c);
  }
  return cmds;
}

function matches(a: Address, line: string, n: number, last: boolean): boolean {
  if ('line' in a) return a.line === n;
  if ('last' in a) return last;
  a.re.lastIndex = 0;
  return a.re.test(line);
}

function selected(c: SedCommand, line: string, n: number, last: boolean): boolean {
  if (!c.from) return true;
  if (!c.to) return matches(c.from, line, n, last);
  if (c.active) {
    const to = c.to;
    if ('line' in to ? n >= to.line : matches(to, line, n, last)) c.active = false;
    return true;
  }
  if (!matches(c.from, line, n, last)) return false;
  c.active = !('line' in c.to && c.to.line <= n);
  return true;
}

function substitute(c: SedCommand, line: string): { text: string; changed: boolean } {
  let count = 0;
  let changed = false;
  const re = c.re as RegExp;
  re.lastIndex = 0;
  const text = line.replace(re, (...m: unknown[]) => {
    count++;
    const whole = m[0] as string;
    if ((c.nth && count !== c.nth) || (!c.global && !c.nth && count > 1)) return whole;
    changed = true;
    return (c.replacement ?? '').replace(
      /\\(\d)|\\n|\\(.)|&/g,
      (tok, d: string | undefined, other: string | undefined) => {
        if (tok === '&') return whole;
        if (tok === '\\n') return '\n';
        if (d !== undefined) return (m[Number(d)] as string | undefined) ?? '';
        return other ?? '';
      },
    );
  });
  return { text, changed };
}

/** runSed applies a sed script to text; returns the output and whether q stopped it. */
function runSed(cmds: SedCommand[], text: string, quiet: boolean): string {
  let out = '';
  const lines = splitLines(text);
  for (let n = 1; n <= lines.length; n++) {
    let line = lines[n - 1];
    const last = n === lines.length;
    let deleted = false;
    let quit = false;
    for (const c of cmds) {
      if (!selected(c, line, n, last)) continue;
      if (c.cmd === 's') {
        const r = substitute(c, line);
        line = r.text;
        if (r.changed && c.print) out += `${line}\n`;
      } else if (c.cmd === 'p') out += `${line}\n`;
      else if (c.cmd === '=') out += `${n}\n`;
      else if (c.cmd === 'd') {
        deleted = true;
        break;
      } else if (c.cmd === 'q') {
        quit = true;
        break;
      }
    }
    if (!deleted && !quiet) out += `${line}\n`;
    if (quit) break;
  }
  return out;
}

/** sed edits text streams (a subset: s, p, d, q, =; -n, -e, -E, -i). */
export const sed: Program = (ctx: UtilContext) => {
  const bb = isBusybox(ctx);
  const args = ctx.argv.slice(1);
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let extended = false;
  let inPlace = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true;
    else if (a === '-E' || a === '-r') extended = true;
    else if (a === '-i' || a.startsWith('-i')) inPlace = true;
    else if (a === '-e') scripts.push(args[++i] ?? '');
    else if (/^-[nEr]+$/.test(a)) {
      quiet ||= a.includes('n');
      extended ||= /[Er]/.test(a);
    } else if (scripts.length === 0 && !a.startsWith('-')) scripts.push(a);
    else files.push(a);
  }
  if (scripts.length === 0) {
    return result(
      '',
      bb
        ? 'sed: no script specified\n'
        : 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n',
      bb ? 1 : 1,
    );
  }
  let cmds: SedCommand[];
  try {
    cmds = parseScript(scripts.join('\n'), extended, bb);
  } catch (e) {
    if (e instanceof SedError) return result('', e.message, 1);
    return result('', `sed: -e expression #1, char 0: ${(e as Error).message}\n`, 1);
  }
  let out = '';
  let err = '';
  for (const f of files.length ? files : ['-']) {
    const r = readInput(ctx, 'sed', f);
    if (r.text === undefined) {
      err += bb
        ? `sed: can't read ${f}: No such file or directory\n`
        : `sed: can't read ${f}: No such file or directory\n`;
      continue;
    }
    for (const c of cmds) c.active = false;
    const edited = runSed(cmds, r.text, quiet);
    if (inPlace && f !== '-') ctx.place.fs.writeFile(absPath(ctx, f), edited);
    else out += edited;
  }
  return result(out, err, err ? 2 : 0);
};
