// Mirrors GNU coreutils src/touch.c, mkdir.c, rm.c, cp.c, mv.c and busybox coreutils/touch.c,
// mkdir.c, rm.c, cp.c, mv.c with their error wordings; simplified: no permissions, owners, times or
// symlinks, cp always copies recursively when -r/-R/-a is given.

import { normalizePath } from '../../kernel/vfs.ts';
import type { Program, ProgramContext } from '../program.ts';
import {
  absPath,
  badOption,
  busyboxUsage,
  isBusybox,
  parseOpts,
  quote,
  quoteAlways,
  result,
  tryHelp,
} from './common.ts';

const parentOf = (p: string): string => p.slice(0, p.lastIndexOf('/')) || '/';

/** touch creates empty files (or leaves existing ones alone: the Vfs keeps no times). */
export const touch: Program = (ctx) => {
  const opts = parseOpts(ctx.argv.slice(1), 'acm');
  const bb = isBusybox(ctx);
  if (opts.operands.length === 0) {
    return result(
      '',
      bb
        ? busyboxUsage('touch', '[-c] [-d DATE] [-t DATE] [-r FILE] FILE...', 'Update mtime of FILEs')
        : `touch: missing file operand\n${tryHelp('touch')}`,
      1,
    );
  }
  let err = '';
  for (const f of opts.operands) {
    const p = absPath(ctx, f);
    if (ctx.place.fs.exists(p) || opts.flags.has('c')) continue;
    if (!ctx.place.fs.isDir(parentOf(p))) {
      err += bb
        ? `touch: ${f}: No such file or directory\n`
        : `touch: cannot touch ${quoteAlways(f)}: No such file or directory\n`;
      continue;
    }
    ctx.place.fs.writeFile(p, '');
  }
  return result('', err, err ? 1 : 0);
};

/** mkdir creates directories; -p creates parents and accepts existing ones. */
export const mkdir: Program = (ctx) => {
  const opts = parseOpts(ctx.argv.slice(1), 'pv', 'm', { parents: 'p' });
  const bb = isBusybox(ctx);
  if (opts.bad) return result('', badOption(ctx, 'mkdir', opts.bad), 1);
  if (opts.operands.length === 0) {
    return result(
      '',
      bb
        ? busyboxUsage('mkdir', '[-m MODE] [-p] DIRECTORY...', 'Create DIRECTORY')
        : `mkdir: missing operand\n${tryHelp('mkdir')}`,
      1,
    );
  }
  let err = '';
  const fail = (d: string, why: string) => {
    err += bb
      ? `mkdir: can't create directory '${d}': ${why}\n`
      : `mkdir: cannot create directory ${quote(ctx, d)}: ${why}\n`;
  };
  for (const d of opts.operands) {
    const p = absPath(ctx, d);
    const fs = ctx.place.fs;
    if (opts.flags.has('p')) {
      if (fs.exists(p) && !fs.isDir(p)) fail(d, 'File exists');
      else fs.mkdirp(p);
      continue;
    }
    if (fs.exists(p)) fail(d, 'File exists');
    else if (!fs.isDir(parentOf(p)))
      fail(d, fs.exists(parentOf(p)) ? 'Not a directory' : 'No such file or directory');
    else fs.mkdirp(p);
  }
  return result('', err, err ? 1 : 0);
};

/** rm removes files; -r directories too; -f ignores missing ones. */
export const rm: Program = (ctx) => {
  const opts = parseOpts(ctx.argv.slice(1), 'rRfiv', '', { recursive: 'r', force: 'f' });
  const bb = isBusybox(ctx);
  if (opts.bad) return result('', badOption(ctx, 'rm', opts.bad), 1);
  const f = opts.flags;
  if (opts.operands.length === 0 && !f.has('f')) {
    return result(
      '',
      bb
        ? busyboxUsage('rm', '[-irf] FILE...', 'Remove (unlink) FILEs')
        : `rm: missing operand\n${tryHelp('rm')}`,
      1,
    );
  }
  let err = '';
  for (const name of opts.operands) {
    const p = absPath(ctx, name);
    const fs = ctx.place.fs;
    if (!fs.exists(p)) {
      if (!f.has('f'))
        err += bb
          ? `rm: can't remove '${name}': No such file or directory\n`
          : `rm: cannot remove ${quoteAlways(name)}: No such file or directory\n`;
      continue;
    }
    if (fs.isDir(p) && !f.has('r') && !f.has('R')) {
      err += bb
        ? `rm: '${name}' is a directory\n`
        : `rm: cannot remove ${quoteAlways(name)}: Is a directory\n`;
      continue;
    }
    if (p === '/') {
      err += bb
        ? "rm: can't remove '/'\n"
        : "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n";
      continue;
    }
    fs.remove(p);
  }
  return result('', err, err ? 1 : 0);
};

function copyTree(ctx: ProgramContext, from: string, to: string): void {
  const fs = ctx.place.fs;
  const e = fs.stat(from);
  if (!e) return;
  if (e.type === 'file') {
    fs.writeFile(to, e.content, e.mode);
    return;
  }
  fs.mkdirp(to);
  for (const n of fs.list(from)) copyTree(ctx, `${from === '/' ? '' : from}/${n}`, `${to}/${n}`);
}

function transfer(tool: 'cp' | 'mv'): Program {
  return (ctx) => {
    const opts = parseOpts(ctx.argv.slice(1), 'rRafivpn', '', { recursive: 'r', force: 'f' });
    const bb = isBusybox(ctx);
    if (opts.bad) return result('', badOption(ctx, tool, opts.bad), 1);
    const ops = opts.operands;
    if (ops.length < 2) {
      if (bb)
        return result(
          '',
          busyboxUsage(
            tool,
            tool === 'cp' ? '[-arPLHpfinlsTu] SOURCE DEST' : '[-fin] SOURCE DEST',
            tool === 'cp' ? 'Copy SOURCEs to DEST' : 'Rename SOURCE to DEST, or move SOURCEs to DIRECTORY',
          ),
          1,
        );
      const what =
        ops.length === 0
          ? 'missing file operand'
          : `missing destination file operand after ${quoteAlways(ops[0])}`;
      return result('', `${tool}: ${what}\n${tryHelp(tool)}`, 1);
    }
    const fs = ctx.place.fs;
    const dest = ops[ops.length - 1];
    const destPath = absPath(ctx, dest);
    const intoDir = fs.isDir(destPath);
    if (ops.length > 2 && !intoDir) {
      return result(
        '',
        bb
          ? `${tool}: '${dest}' is not a directory\n`
          : `${tool}: target ${quoteAlways(dest)} is not a directory\n`,
        1,
      );
    }
    const recursive = tool === 'mv' || ['r', 'R', 'a'].some((x) => opts.flags.has(x));
    let err = '';
    for (const src of ops.slice(0, -1)) {
      const sp = absPath(ctx, src);
      if (!fs.exists(sp)) {
        err += bb
          ? tool === 'cp'
            ? `cp: can't stat '${src}': No such file or directory\n`
            : `mv: can't rename '${src}': No such file or directory\n`
          : `${tool}: cannot stat ${quoteAlways(src)}: No such file or directory\n`;
        continue;
      }
      if (fs.isDir(sp) && !recursive) {
        err += bb
          ? `cp: omitting directory '${src}'\n`
          : `cp: -r not specified; omitting directory ${quoteAlways(src)}\n`;
        continue;
      }
      const target = intoDir ? normalizePath(sp.slice(sp.lastIndexOf('/') + 1), destPath) : destPath;
      if (!fs.isDir(parentOf(target))) {
        err += bb
          ? `${tool}: can't create '${dest}': No such file or directory\n`
          : `${tool}: cannot create regular file ${quoteAlways(dest)}: No such file or directory\n`;
        continue;
      }
      if (target === sp) continue;
      copyTree(ctx, sp, target);
      if (tool === 'mv') fs.remove(sp);
    }
    return result('', err, err ? 1 : 0);
  };
}

/** cp copies files (and directories with -r). */
export const cp: Program = transfer('cp');
/** mv moves or renames files and directories. */
export const mv: Program = transfer('mv');
