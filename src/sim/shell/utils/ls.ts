// Mirrors GNU coreutils src/ls.c (calculate_columns, print_many_per_line with tab indentation,
// print_long_format) and busybox coreutils/ls.c (display_files, %-10s %4u %-8.8s …); simplified: the
// Vfs keeps no times or owners, so every entry is root:root and dated "now" on the world clock.

import type { Program, ProgramContext } from '../program.ts';
import {
  absPath,
  badOption,
  busyboxUsage,
  isBusybox,
  parseOpts,
  quoteAlways,
  quoteFile,
  result,
  type UtilContext,
  utf8Length,
} from './common.ts';

const USAGE = busyboxUsage(
  'ls',
  '[-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...',
  'List directory contents',
);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Item {
  name: string;
  path: string;
  dir: boolean;
  size: number;
  mode: number;
  links: number;
}

function modeString(item: Item): string {
  const bits = 'rwxrwxrwx';
  let s = item.dir ? 'd' : '-';
  for (let i = 0; i < 9; i++) s += item.mode & (1 << (8 - i)) ? bits[i] : '-';
  return s;
}

function itemAt(ctx: ProgramContext, path: string, name: string): Item | undefined {
  const e = ctx.place.fs.stat(path);
  if (!e) return undefined;
  const fs = ctx.place.fs;
  const subdirs =
    e.type === 'dir' ? fs.list(path).filter((n) => fs.isDir(`${path === '/' ? '' : path}/${n}`)).length : 0;
  return {
    name,
    path,
    dir: e.type === 'dir',
    size: e.type === 'dir' ? 4096 : utf8Length(e.content),
    mode: e.mode,
    links: e.type === 'dir' ? 2 + subdirs : 1,
  };
}

function dateOf(ctx: ProgramContext): string {
  const d = new Date(ctx.world.clock.now());
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${hh}:${mm}`;
}

function blocks(items: Item[]): number {
  return items.reduce((n, i) => n + Math.ceil(i.size / 4096) * 4, 0);
}

function longLines(ctx: ProgramContext, items: Item[]): string {
  const date = dateOf(ctx);
  if (isBusybox(ctx)) {
    return items
      .map(
        (i) =>
          `${modeString(i).padEnd(10)} ${String(i.links).padStart(4)} ${'root'.padEnd(8)} ${'root'.padEnd(8)} ${String(i.size).padStart(9)} ${date} ${i.name}\n`,
      )
      .join('');
  }
  const lw = Math.max(...items.map((i) => String(i.links).length));
  const sw = Math.max(...items.map((i) => String(i.size).length));
  return items
    .map(
      (i) =>
        `${modeString(i)} ${String(i.links).padStart(lw)} root root ${String(i.size).padStart(sw)} ${date} ${quoteFile(i.name)}\n`,
    )
    .join('');
}

/** gnuIndent moves from column `from` to `to` with tabs (tab size 8) and spaces, as GNU ls does. */
function gnuIndent(from: number, to: number): string {
  let s = '';
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      s += '\t';
      from += 8 - (from % 8);
    } else {
      s += ' ';
      from++;
    }
  }
  return s;
}

/** columnsGnu lays names out down columns with GNU ls's variable column widths. */
function columnsGnu(names: string[], width: number): string {
  const n = names.length;
  let best = { cols: 1, widths: [Math.max(...names.map((x) => x.length))] };
  for (let cols = 2; cols <= Math.min(n, Math.floor(width / 3)); cols++) {
    const rows = Math.ceil(n / cols);
    const widths: number[] = [];
    names.forEach((name, i) => {
      const c = Math.floor(i / rows);
      widths[c] = Math.max(widths[c] ?? 0, name.length + (c === cols - 1 ? 0 : 2));
    });
    if (widths.length !== cols) continue;
    if (widths.reduce((a, b) => a + b, 0) < width) best = { cols, widths };
  }
  const rows = Math.ceil(n / best.cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let pos = 0;
    let line = '';
    for (let c = 0; c < best.cols; c++) {
      const i = c * rows + r;
      if (i >= n) break;
      const target = best.widths.slice(0, c).reduce((a, b) => a + b, 0);
      line += gnuIndent(pos, target) + names[i];
      pos = target + names[i].length;
    }
    out += `${line}\n`;
  }
  return out;
}

/** columnsBusybox lays names out down columns of equal width (longest name + 2). */
function columnsBusybox(names: string[], width: number): string {
  const colWidth = Math.max(...names.map((x) => x.length)) + 2;
  const cols = Math.max(1, Math.floor(width / colWidth));
  const rows = Math.ceil(names.length / cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const i = c * rows + r;
      if (i >= names.length) continue;
      if (line !== '') line = line.padEnd((c - 0) * colWidth);
      line += names[i];
    }
    out += `${line}\n`;
  }
  return out;
}

/** ls lists files and directories of the place's Vfs (-l, -a, -A, -1, -C, -d). */
export const ls: Program = (ctx: UtilContext) => {
  const bb = isBusybox(ctx);
  const opts = parseOpts(ctx.argv.slice(1), '1aACdlFrh', '', { all: 'a', 'almost-all': 'A', directory: 'd' });
  if (opts.bad) return result('', badOption(ctx, 'ls', opts.bad, USAGE), bb ? 1 : 2);
  const f = opts.flags;
  const width = Number(ctx.env.COLUMNS) || 80;
  const long = f.has('l');
  const oneCol = f.has('1') || (!ctx.isatty && !f.has('C'));
  const format = (items: Item[]): string => {
    if (items.length === 0) return '';
    if (f.has('r')) items.reverse();
    if (long) return longLines(ctx, items);
    const names = items.map((i) => (bb ? i.name : quoteFile(i.name)) + (f.has('F') && i.dir ? '/' : ''));
    if (oneCol) return names.map((n) => `${n}\n`).join('');
    return bb ? columnsBusybox(names, width) : columnsGnu(names, width);
  };
  const operands = opts.operands.length > 0 ? opts.operands : ['.'];
  let err = '';
  let status = 0;
  const files: Item[] = [];
  const dirs: Item[] = [];
  for (const op of operands) {
    const item = itemAt(ctx, absPath(ctx, op), op);
    if (!item) {
      err += bb
        ? `ls: ${op}: No such file or directory\n`
        : `ls: cannot access ${quoteAlways(op)}: No such file or directory\n`;
      status = bb ? 1 : 2;
    } else if (item.dir && !f.has('d')) dirs.push(item);
    else files.push(item);
  }
  const byName = (a: Item, b: Item) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  let out = format(files.sort(byName));
  const many = operands.length > 1;
  dirs.sort(byName).forEach((d, idx) => {
    const fs = ctx.place.fs;
    let names = fs.list(d.path);
    if (!f.has('a') && !f.has('A')) names = names.filter((n) => !n.startsWith('.'));
    const join = (n: string) => (d.path === '/' ? `/${n}` : `${d.path}/${n}`);
    const items = names.map((n) => itemAt(ctx, join(n), n)).filter((i): i is Item => i !== undefined);
    if (f.has('a')) {
      const parent = d.path === '/' ? '/' : d.path.slice(0, d.path.lastIndexOf('/')) || '/';
      items.unshift({ ...(itemAt(ctx, d.path, '.') as Item) }, { ...(itemAt(ctx, parent, '..') as Item) });
    }
    items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (many) out += `${out !== '' || idx > 0 ? '\n' : ''}${d.name}:\n`;
    if (long) out += `total ${blocks(items)}\n`;
    out += format(items);
  });
  return result(out, err, status);
};
