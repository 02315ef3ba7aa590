// Mirrors GNU coreutils src/cat.c, head.c, tail.c and busybox coreutils/cat.c, head.c, tail.c:
// files in order, "==> name <==" headers for several files; simplified: no -f follow, no byte modes
// other than -c for head/tail, cat's only option is -n.

import type { Program, ProgramContext } from '../program.ts';
import {
  absPath,
  badOption,
  busyboxUsage,
  isBusybox,
  parseOpts,
  quote,
  quoteAlways,
  quoteFile,
  result,
  splitLines,
} from './common.ts';

/** openError words a file that cannot be read, per tool and flavour. */
function openError(ctx: ProgramContext, tool: string, op: string): string | undefined {
  const e = ctx.place.fs.stat(absPath(ctx, op));
  const bb = isBusybox(ctx);
  if (op === '-' || op === '/dev/null') return undefined;
  if (!e) {
    if (bb)
      return tool === 'cat' || tool === 'head' || tool === 'tail'
        ? `${tool}: can't open '${op}': No such file or directory\n`
        : `${tool}: ${op}: No such file or directory\n`;
    if (tool === 'head' || tool === 'tail')
      return `${tool}: cannot open ${quoteAlways(op)} for reading: No such file or directory\n`;
    return `${tool}: ${quoteFile(op)}: No such file or directory\n`;
  }
  if (e.type === 'dir') {
    if (bb) return `${tool}: read error: Is a directory\n`;
    if (tool === 'head' || tool === 'tail')
      return `${tool}: error reading ${quoteAlways(op)}: Is a directory\n`;
    return `${tool}: ${quoteFile(op)}: Is a directory\n`;
  }
  return undefined;
}

function contentOf(ctx: ProgramContext, op: string): string {
  if (op === '-') return ctx.stdin;
  return ctx.place.fs.readFile(absPath(ctx, op)) ?? '';
}

/** cat concatenates files (or stdin) to stdout; -n numbers lines. */
export const cat: Program = (ctx) => {
  const opts = parseOpts(ctx.argv.slice(1), 'nuAeEtTv');
  if (opts.bad)
    return result(
      '',
      badOption(ctx, 'cat', opts.bad, busyboxUsage('cat', '[-nbvteA] [FILE]...', 'Print FILEs to stdout')),
      1,
    );
  const operands = opts.operands.length ? opts.operands : ['-'];
  let out = '';
  let err = '';
  let n = 0;
  for (const op of operands) {
    const e = openError(ctx, 'cat', op);
    if (e) {
      err += e;
      continue;
    }
    const text = contentOf(ctx, op);
    if (opts.flags.has('n')) {
      const numbered = splitLines(text)
        .map((l) => `${String(++n).padStart(6)}\t${l}\n`)
        .join('');
      out += text.endsWith('\n') || text === '' ? numbered : numbered.slice(0, -1);
    } else out += text;
  }
  return result(out, err, err ? 1 : 0);
};

/** parseCount reads head/tail's -n value (also "-N" shorthand); undefined when invalid. */
function countArgs(
  ctx: ProgramContext,
  tool: string,
): { n: number; fromStart: boolean; bytes: boolean; files: string[]; error?: string; quiet: boolean } {
  const args = ctx.argv.slice(1).map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
  const opts = parseOpts(args, 'qv', 'nc', { lines: 'n', bytes: 'c', quiet: 'q', silent: 'q' });
  const base = { n: 10, fromStart: false, bytes: false, files: opts.operands, quiet: opts.flags.has('q') };
  if (opts.bad) return { ...base, error: badOption(ctx, tool, opts.bad) };
  const raw = opts.values.get('c') ?? opts.values.get('n');
  if (raw === undefined) return base;
  const m = /^([+-]?)(\d+)$/.exec(raw);
  if (!m) {
    const what = opts.values.has('c') ? 'bytes' : 'lines';
    return {
      ...base,
      error: isBusybox(ctx)
        ? `${tool}: invalid number '${raw}'\n`
        : `${tool}: invalid number of ${what}: ${quote(ctx, raw)}\n`,
    };
  }
  return { ...base, n: Number(m[2]), fromStart: m[1] === '+', bytes: opts.values.has('c') };
}

function headOrTail(tool: 'head' | 'tail'): Program {
  return (ctx) => {
    const a = countArgs(ctx, tool);
    if (a.error) return result('', a.error, 1);
    const files = a.files.length ? a.files : ['-'];
    const bb = isBusybox(ctx);
    let out = '';
    let err = '';
    let shown = 0;
    if (bb && tool === 'tail') for (const f of files) err += openError(ctx, tool, f) ?? '';
    for (const f of files) {
      const e = openError(ctx, tool, f);
      if (e) {
        if (!(bb && tool === 'tail')) err += e;
        continue;
      }
      const text = contentOf(ctx, f);
      const headed =
        bb && tool === 'tail' ? files.filter((x) => !openError(ctx, tool, x)).length : files.length;
      if (headed > 1 && !a.quiet)
        out += `${shown > 0 ? '\n' : ''}==> ${f === '-' ? 'standard input' : f} <==\n`;
      shown++;
      if (a.bytes) {
        out +=
          tool === 'head'
            ? text.slice(0, a.n)
            : a.fromStart
              ? text.slice(Math.max(0, a.n - 1))
              : text.slice(Math.max(0, text.length - a.n));
        continue;
      }
      const lines = text.split(/(?<=\n)/);
      if (lines[lines.length - 1] === '') lines.pop();
      if (tool === 'head') out += lines.slice(0, a.n).join('');
      else if (a.fromStart) out += lines.slice(Math.max(0, a.n - 1)).join('');
      else out += a.n === 0 ? '' : lines.slice(-a.n).join('');
    }
    return result(out, err, err ? 1 : 0);
  };
}

/** head prints the first lines (or bytes) of files. */
export const head: Program = headOrTail('head');
/** tail prints the last lines (or bytes) of files; -n +N starts at line N. */
export const tail: Program = headOrTail('tail');
