// Mirrors GNU grep src/grep.c and busybox findutils/grep.c: BRE by default, -E for ERE, -F fixed;
// exit 0 on a match, 1 on none, 2 on trouble; simplified: regexes run on JavaScript's engine after
// translating BRE/ERE syntax, no context options (-A/-B/-C), no -r.

import type { Program } from '../program.ts';
import {
  BUSYBOX_BANNER,
  badOption,
  isBusybox,
  parseOpts,
  readInput,
  result,
  splitLines,
  type UtilContext,
} from './common.ts';

const BUSYBOX_GREP_USAGE = `${BUSYBOX_BANNER}

Usage: grep [-HhnlLoqvsrRiwFEz] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...

Search for PATTERN in FILEs (or stdin)

\t-H\tAdd 'filename:' prefix
\t-h\tDo not add 'filename:' prefix
\t-n\tAdd 'line_no:' prefix
\t-l\tShow only names of files that match
\t-L\tShow only names of files that don't match
\t-c\tShow only count of matching lines
\t-o\tShow only the matching part of line
\t-q\tQuiet. Return 0 if PATTERN is found, 1 otherwise
\t-v\tSelect non-matching lines
\t-s\tSuppress open and read errors
\t-r\tRecurse
\t-R\tRecurse and dereference symlinks
\t-i\tIgnore case
\t-w\tMatch whole words only
\t-x\tMatch whole lines only
\t-F\tPATTERN is a literal (not regexp)
\t-E\tPATTERN is an extended regexp
\t-z\tNUL terminated input
\t-m N\tMatch up to N times per file
\t-A N\tPrint N lines of trailing context
\t-B N\tPrint N lines of leading context
\t-C N\tSame as '-A N -B N'
\t-e PTRN\tPattern to match
\t-f FILE\tRead pattern from file
`;

/** toJsRegexSource translates a POSIX basic or extended regular expression into JavaScript syntax. */
export function toJsRegexSource(pattern: string, extended: boolean): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '[') {
      const end = pattern.indexOf(']', i + (pattern[i + 1] === '^' ? 3 : 2));
      if (end > 0) {
        const body = pattern
          .slice(i + 1, end)
          .replace(
            /\[:(\w+):\]/g,
            (_, cls: string) =>
              ({
                digit: '0-9',
                alpha: 'A-Za-z',
                alnum: 'A-Za-z0-9',
                space: '\\s',
                upper: 'A-Z',
                lower: 'a-z',
                blank: ' \\t',
                punct: '!-\\/:-@\\[-`{-~',
                xdigit: '0-9A-Fa-f',
              })[cls] ?? '',
          )
          .replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
        continue;
      }
    }
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i];
      if (!extended && '(){}|+?'.includes(n)) out += n;
      else if ('<>'.includes(n)) out += '\\b';
      else out += `\\${n}`;
      continue;
    }
    if (!extended && '(){}|+?'.includes(c)) out += `\\${c}`;
    else if (extended && c === '{' && !/^\{\d*(,\d*)?\}/.test(pattern.slice(i))) out += '\\{';
    else if (c === '*' && (out === '' || out.endsWith('(') || out.endsWith('|') || out === '^')) out += '\\*';
    else out += c;
  }
  return out;
}

/** grep prints lines matching a pattern. */
export const grep: Program = (ctx: UtilContext) => {
  const bb = isBusybox(ctx);
  const name = ctx.argv[0].slice(ctx.argv[0].lastIndexOf('/') + 1);
  const args = ctx.argv.slice(1);
  const opts = parseOpts(args, 'ivcnEowqlLhHFxsrz', 'em', {
    'ignore-case': 'i',
    'invert-match': 'v',
    count: 'c',
    'line-number': 'n',
    'extended-regexp': 'E',
    'only-matching': 'o',
    'word-regexp': 'w',
    quiet: 'q',
    silent: 'q',
    'files-with-matches': 'l',
    'fixed-strings': 'F',
    'line-regexp': 'x',
    regexp: 'e',
    'no-filename': 'h',
    'with-filename': 'H',
    'no-messages': 's',
  });
  const f = opts.flags;
  if (name === 'egrep') f.add('E');
  if (name === 'fgrep') f.add('F');
  if (opts.bad)
    return result(
      '',
      bb
        ? `grep: unrecognized option: ${opts.bad.replace(/^--/, '')}\n${BUSYBOX_GREP_USAGE}`
        : badOption(ctx, 'grep', opts.bad).replace(
            /^Try/m,
            'Usage: grep [OPTION]... PATTERNS [FILE]...\nTry',
          ),
      2,
    );
  const operands = [...opts.operands];
  const pattern = opts.values.get('e') ?? operands.shift();
  if (pattern === undefined) {
    return result(
      '',
      bb
        ? BUSYBOX_GREP_USAGE
        : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      2,
    );
  }
  const alternatives = pattern
    .split('\n')
    .map((p) => (f.has('F') ? p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : toJsRegexSource(p, f.has('E'))));
  let source = alternatives.map((a) => `(?:${a})`).join('|');
  if (f.has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  if (f.has('x')) source = `^(?:${source})$`;
  let re: RegExp;
  try {
    re = new RegExp(source, `g${f.has('i') ? 'i' : ''}`);
  } catch {
    return result('', bb ? `grep: bad regex '${pattern}'\n` : `grep: Unmatched ( or \\(\n`, 2);
  }
  const files = operands.length ? operands : ['-'];
  const prefixNames = (files.length > 1 || f.has('H')) && !f.has('h');
  const maxCount = opts.values.has('m') ? Number(opts.values.get('m')) : Number.POSITIVE_INFINITY;
  let out = '';
  let err = '';
  let any = false;
  let trouble = false;
  for (const file of files) {
    const r = readInput(ctx, 'grep', file);
    if (r.text === undefined) {
      if (!f.has('s'))
        err += r.error?.replace(/^grep: '?([^:]*?)'?: Is a directory/, 'grep: $1: Is a directory') ?? '';
      trouble = true;
      continue;
    }
    const shown = file === '-' ? '(standard input)' : file;
    let count = 0;
    splitLines(r.text).forEach((line, idx) => {
      if (count >= maxCount) return;
      re.lastIndex = 0;
      const hit = re.test(line) !== f.has('v');
      if (!hit) return;
      count++;
      if (f.has('q') || f.has('l') || f.has('L') || f.has('c')) return;
      const prefix = `${prefixNames ? `${shown}:` : ''}${f.has('n') ? `${idx + 1}:` : ''}`;
      if (f.has('o') && !f.has('v')) {
        re.lastIndex = 0;
        for (const m of line.matchAll(re)) if (m[0] !== '') out += `${prefix}${m[0]}\n`;
      } else out += `${prefix}${line}\n`;
    });
    if (count > 0) any = true;
    if (f.has('q')) continue;
    if (f.has('c')) out += `${prefixNames ? `${shown}:` : ''}${count}\n`;
    if (f.has('l') && count > 0) out += `${shown}\n`;
    if (f.has('L') && count === 0) out += `${shown}\n`;
  }
  if (f.has('q') && any) return result('', '', 0);
  return result(out, err, trouble && !(f.has('q') && any) ? 2 : any ? 0 : 1);
};
