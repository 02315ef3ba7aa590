// Mirrors GNU coreutils src/wc.c (compute_number_width), sort.c, uniq.c, cut.c, tr.c, tee.c and
// busybox coreutils/wc.c ("%9u"), sort.c, uniq.c, cut.c, tr.c, tee.c; simplified: sort knows -n -r -u
// -k N[,M] -t; tr knows ranges, escapes and [:class:]; cut knows -d -f -c -s.

import type { Program } from '../program.ts';
import {
  absPath,
  badOption,
  busyboxUsage,
  isBusybox,
  parseOpts,
  readInput,
  result,
  splitLines,
  tryHelp,
  type UtilContext,
  utf8Length,
} from './common.ts';

/** wc counts lines, words and bytes with GNU's or busybox's column widths. */
export const wc: Program = (ctx: UtilContext) => {
  const bb = isBusybox(ctx);
  const opts = parseOpts(ctx.argv.slice(1), 'lwcm', '', { lines: 'l', words: 'w', bytes: 'c', chars: 'm' });
  if (opts.bad)
    return result(
      '',
      badOption(
        ctx,
        'wc',
        opts.bad,
        busyboxUsage('wc', '[-cmlwL] [FILE]...', 'Count lines, words, and bytes for FILEs (or stdin)'),
      ),
      1,
    );
  let sel = ['l', 'w', 'm', 'c'].filter((f) => opts.flags.has(f));
  if (sel.length === 0) sel = ['l', 'w', 'c'];
  const files = opts.operands;
  const inputs = files.length ? files : ['-'];
  const rows: Array<{ counts: number[]; name?: string }> = [];
  const totals = sel.map(() => 0);
  let err = '';
  let sizeSum = 0;
  let nonRegular = false;
  for (const f of inputs) {
    const r = readInput(ctx, 'wc', f);
    if (r.error !== undefined || r.text === undefined) {
      err += r.error ?? '';
      continue;
    }
    if (f === '-' && !ctx.stdinIsFile) nonRegular = true;
    const text = r.text;
    const bytes = utf8Length(text);
    sizeSum += bytes;
    const all: Record<string, number> = {
      l: (text.match(/\n/g) ?? []).length,
      w: text.split(/\s+/).filter(Boolean).length,
      c: bytes,
      m: [...text].length,
    };
    const counts = sel.map((k) => all[k]);
    counts.forEach((c, i) => {
      totals[i] += c;
    });
    rows.push({ counts, name: files.length ? f : undefined });
  }
  if (inputs.length > 1) rows.push({ counts: totals, name: 'total' });
  const single = sel.length === 1 && inputs.length === 1;
  let width: number;
  if (bb) width = single ? 0 : 9;
  else width = single ? 1 : nonRegular ? 7 : Math.max(1, String(sizeSum).length);
  const out = rows
    .map(
      (r) =>
        `${r.counts.map((c) => String(c).padStart(width)).join(' ')}${r.name !== undefined ? ` ${r.name}` : ''}\n`,
    )
    .join('');
  return result(out, err, err ? 1 : 0);
};

function keyOf(line: string, spec: { field: number; endField?: number }, sep?: string): string {
  if (sep !== undefined) {
    const parts = line.split(sep);
    return parts.slice(spec.field - 1, spec.endField ?? parts.length).join(sep);
  }
  const starts: number[] = [];
  const re = /\s*\S+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) starts.push(m.index);
  const from = starts[spec.field - 1] ?? line.length;
  const to = spec.endField !== undefined ? (starts[spec.endField] ?? line.length) : line.length;
  return line.slice(from, to);
}

function numericPrefix(s: string): number {
  const m = /^\s*-?\d*\.?\d+/.exec(s);
  return m ? Number(m[0]) : 0;
}

/** sort sorts lines (byte order as in the C.UTF-8 locale); -n numeric, -r, -u, -k, -t. */
export const sort: Program = (ctx: UtilContext) => {
  const opts = parseOpts(ctx.argv.slice(1), 'nrufbs', 'kt', {
    numeric: 'n',
    reverse: 'r',
    unique: 'u',
    key: 'k',
  });
  if (opts.bad) return result('', badOption(ctx, 'sort', opts.bad), 2);
  const f = opts.flags;
  let text = '';
  let err = '';
  for (const op of opts.operands.length ? opts.operands : ['-']) {
    const r = readInput(ctx, 'sort', op);
    if (r.error)
      err += isBusybox(ctx)
        ? `sort: can't open '${op}': No such file or directory\n`
        : `sort: cannot read: ${op}: No such file or directory\n`;
    else text += r.text?.endsWith('\n') || r.text === '' ? r.text : `${r.text}\n`;
  }
  if (err) return result('', err, 2);
  const kspec = opts.values.get('k');
  const km = kspec ? /^(\d+)(?:\.\d+)?[a-z]*(?:,(\d+))?/.exec(kspec) : null;
  const spec = km ? { field: Number(km[1]), endField: km[2] ? Number(km[2]) : undefined } : undefined;
  const sep = opts.values.get('t');
  const key = (l: string) => {
    const k = spec ? keyOf(l, spec, sep) : l;
    return f.has('f') ? k.toUpperCase() : k;
  };
  const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const cmpKey = (a: string, b: string) =>
    f.has('n') ? numericPrefix(key(a)) - numericPrefix(key(b)) : cmpStr(key(a), key(b));
  const lines = splitLines(text);
  lines.sort((a, b) => {
    const c = cmpKey(a, b) || (f.has('u') || f.has('s') ? 0 : cmpStr(a, b));
    return f.has('r') ? -c : c;
  });
  const out = f.has('u') ? lines.filter((l, i) => i === 0 || cmpKey(lines[i - 1], l) !== 0) : lines;
  return result(out.map((l) => `${l}\n`).join(''));
};

/** uniq drops adjacent duplicate lines; -c counts them ("%7d "), -d/-u select. */
export const uniq: Program = (ctx: UtilContext) => {
  const opts = parseOpts(ctx.argv.slice(1), 'cdui', '', { count: 'c' });
  if (opts.bad) return result('', badOption(ctx, 'uniq', opts.bad), 1);
  const r = readInput(ctx, 'uniq', opts.operands[0] ?? '-');
  if (r.error) return result('', r.error, 1);
  const same = (a: string, b: string) =>
    opts.flags.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b;
  const groups: Array<{ line: string; n: number }> = [];
  for (const line of splitLines(r.text ?? '')) {
    const last = groups[groups.length - 1];
    if (last && same(last.line, line)) last.n++;
    else groups.push({ line, n: 1 });
  }
  const out = groups
    .filter((g) => (opts.flags.has('d') ? g.n > 1 : opts.flags.has('u') ? g.n === 1 : true))
    .map((g) => (opts.flags.has('c') ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`))
    .join('');
  return result(out);
};

function parseList(list: string): Array<[number, number]> | undefined {
  const ranges: Array<[number, number]> = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '')) return undefined;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY) : a;
    if (a < 1) return undefined;
    ranges.push([a, b]);
  }
  return ranges;
}

/** cut prints selected fields (-f with -d, default TAB) or characters (-c) of each line. */
export const cut: Program = (ctx: UtilContext) => {
  const bb = isBusybox(ctx);
  const opts = parseOpts(ctx.argv.slice(1), 's', 'dfcb', {
    delimiter: 'd',
    fields: 'f',
    characters: 'c',
    bytes: 'b',
    'only-delimited': 's',
  });
  if (opts.bad) return result('', badOption(ctx, 'cut', opts.bad), 1);
  const listText = opts.values.get('f') ?? opts.values.get('c') ?? opts.values.get('b');
  if (listText === undefined) {
    return result(
      '',
      bb
        ? 'cut: expected a list of bytes, characters, or fields\n'
        : `cut: you must specify a list of bytes, characters, or fields\n${tryHelp('cut')}`,
      1,
    );
  }
  const ranges = parseList(listText);
  if (!ranges)
    return result(
      '',
      bb ? `cut: invalid range\n` : `cut: invalid field value ‘${listText}’\n${tryHelp('cut')}`,
      1,
    );
  const delim = opts.values.get('d') ?? '\t';
  if (delim.length !== 1)
    return result(
      '',
      bb
        ? 'cut: the delimiter must be a single character\n'
        : `cut: the delimiter must be a single character\n${tryHelp('cut')}`,
      1,
    );
  const pick = (n: number) => ranges.some(([a, b]) => n >= a && n <= b);
  let out = '';
  let err = '';
  for (const op of opts.operands.length ? opts.operands : ['-']) {
    const r = readInput(ctx, 'cut', op);
    if (r.error) {
      err += r.error;
      continue;
    }
    for (const line of splitLines(r.text ?? '')) {
      if (!opts.values.has('f')) {
        out += `${[...line].filter((_, i) => pick(i + 1)).join('')}\n`;
        continue;
      }
      if (!line.includes(delim)) {
        if (!opts.flags.has('s')) out += `${line}\n`;
        continue;
      }
      out += `${line
        .split(delim)
        .filter((_, i) => pick(i + 1))
        .join(delim)}\n`;
    }
  }
  return result(out, err, err ? 1 : 0);
};

const CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
CLASSES.alpha = CLASSES.upper + CLASSES.lower;
CLASSES.alnum = CLASSES.alpha + CLASSES.digit;

function expandSet(s: string): string {
  const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\' };
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const cls = /^\[:(\w+):\]/.exec(s.slice(i));
    if (cls && CLASSES[cls[1]]) {
      out += CLASSES[cls[1]];
      i += cls[0].length - 1;
      continue;
    }
    let c = s[i];
    if (c === '\\' && i + 1 < s.length) c = esc[s[++i]] ?? s[i];
    if (s[i + 1] === '-' && i + 2 < s.length) {
      const end = s[i + 2];
      for (let x = c.charCodeAt(0); x <= end.charCodeAt(0); x++) out += String.fromCharCode(x);
      i += 2;
    } else out += c;
  }
  return out;
}

/** tr translates (-d deletes, -s squeezes) characters from stdin. */
export const tr: Program = (ctx: UtilContext) => {
  const opts = parseOpts(ctx.argv.slice(1), 'dsc');
  const bb = isBusybox(ctx);
  const usage = busyboxUsage(
    'tr',
    '[-cds] STRING1 [STRING2]',
    'Translate, squeeze, or delete characters from stdin, writing to stdout',
  );
  if (opts.bad) return result('', badOption(ctx, 'tr', opts.bad, usage), 1);
  const [a, b] = opts.operands;
  const del = opts.flags.has('d');
  if (a === undefined || (!del && !opts.flags.has('s') && b === undefined)) {
    if (bb) return result('', usage, 1);
    return result(
      '',
      a === undefined
        ? `tr: missing operand\n${tryHelp('tr')}`
        : `tr: missing operand after ‘${a}’\nTwo strings must be given when translating.\n${tryHelp('tr')}`,
      1,
    );
  }
  const set1 = expandSet(a);
  const set2 = b !== undefined ? expandSet(b) : '';
  const inSet1 = (c: string) => (opts.flags.has('c') ? !set1.includes(c) : set1.includes(c));
  let out = '';
  for (const c of ctx.stdin) {
    if (del) {
      if (!inSet1(c)) out += c;
      continue;
    }
    let t = c;
    if (set2 && inSet1(c)) t = set2[Math.min(set1.indexOf(c), set2.length - 1)] ?? c;
    if (opts.flags.has('s') && out.endsWith(t) && (set2 ? set2 : set1).includes(t)) continue;
    out += t;
  }
  return result(out);
};

/** tee copies stdin to stdout and to files (-a appends). */
export const tee: Program = (ctx: UtilContext) => {
  const opts = parseOpts(ctx.argv.slice(1), 'ai', '', { append: 'a' });
  let err = '';
  for (const f of opts.operands) {
    const p = absPath(ctx, f);
    const fs = ctx.place.fs;
    const parent = p.slice(0, p.lastIndexOf('/')) || '/';
    if (fs.isDir(p) || !fs.isDir(parent)) {
      const why = fs.isDir(p) ? 'Is a directory' : 'No such file or directory';
      err += isBusybox(ctx) ? `tee: can't open '${f}': ${why}\n` : `tee: ${f}: ${why}\n`;
      continue;
    }
    fs.writeFile(p, (opts.flags.has('a') ? (fs.readFile(p) ?? '') : '') + ctx.stdin);
  }
  return result(ctx.stdin, err, err ? 1 : 0);
};
