// Mirrors GNU coreutils src/env.c, findutils xargs/xargs.c, debianutils which and their busybox
// applets: programs that run other programs through the shell's exec hook; simplified: xargs knows
// -n, -I and -0-less whitespace/quote splitting; env knows -i, -u and NAME=VALUE.

import type { Program, ProgramResult } from '../program.ts';
import { isBusybox, result, type UtilContext } from './common.ts';

function noExec(name: string): ProgramResult {
  return result('', `${name}: cannot run programs here\n`, 126);
}

/** env prints the environment, or runs a command in a modified one. */
export const env: Program = (ctx: UtilContext) => {
  const args = ctx.argv.slice(1);
  let vars: Record<string, string> = { ...ctx.env };
  while (args.length > 0) {
    const a = args[0];
    if (a === '-i' || a === '-' || a === '--ignore-environment') vars = {};
    else if (a === '-u') {
      args.shift();
      delete vars[args[0] ?? ''];
    } else if (/^[^=]+=/.test(a)) {
      const eq = a.indexOf('=');
      vars[a.slice(0, eq)] = a.slice(eq + 1);
    } else break;
    args.shift();
  }
  if (args.length === 0)
    return result(
      Object.entries(vars)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    );
  if (!ctx.exec) return noExec('env');
  const r = ctx.exec(args, ctx.stdin, vars);
  if (r.exitCode === 127 && /not found/.test(r.stderr)) {
    const msg = isBusybox(ctx)
      ? `env: can't execute '${args[0]}': No such file or directory\n`
      : `env: ‘${args[0]}’: No such file or directory\n`;
    return result(r.stdout, msg, 127);
  }
  return r;
};

/** splitXargsInput splits stdin into arguments at blanks and newlines, honouring quotes and backslashes. */
export function splitXargsInput(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let q: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === q) q = undefined;
      else cur += c;
    } else if (c === '"' || c === "'") {
      q = c;
      has = true;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else cur += c;
  }
  if (has || cur) out.push(cur);
  return out;
}

/** xargs builds command lines from stdin and runs them (default command: echo). */
export const xargs: Program = (ctx: UtilContext) => {
  const args = ctx.argv.slice(1);
  let perCall = Number.POSITIVE_INFINITY;
  let replace: string | undefined;
  let noRunEmpty = false;
  while (args[0]?.startsWith('-')) {
    const a = args.shift() as string;
    if (a === '-n') perCall = Number(args.shift());
    else if (a.startsWith('-n')) perCall = Number(a.slice(2));
    else if (a === '-I') replace = args.shift();
    else if (a.startsWith('-I')) replace = a.slice(2);
    else if (a === '-r' || a === '--no-run-if-empty') noRunEmpty = true;
    else if (a === '--') break;
  }
  const cmd = args.length ? args : ['echo'];
  if (!ctx.exec) return noExec('xargs');
  const calls: string[][] = [];
  if (replace !== undefined) {
    for (const line of ctx.stdin.split('\n').filter((l) => l.trim() !== ''))
      calls.push(cmd.map((a) => a.split(replace as string).join(line.trim())));
  } else {
    const items = splitXargsInput(ctx.stdin);
    if (items.length === 0 && !noRunEmpty && !isBusybox(ctx)) calls.push([...cmd]);
    for (let i = 0; i < items.length; i += Number.isFinite(perCall) ? perCall : items.length) {
      calls.push([...cmd, ...items.slice(i, i + (Number.isFinite(perCall) ? perCall : items.length))]);
    }
  }
  let out = '';
  let err = '';
  let status = 0;
  for (const argv of calls) {
    const r = ctx.exec(argv, '');
    out += r.stdout;
    err += r.stderr;
    if (r.exitCode === 127) return result(out, err, 127);
    if (r.exitCode !== 0) status = 123;
  }
  return result(out, err, status);
};

/** which prints where each named program lives; exit 1 if any is missing. */
export const which: Program = (ctx: UtilContext) => {
  let out = '';
  let status = 0;
  for (const name of ctx.argv.slice(1).filter((a) => a !== '-a')) {
    const path = ctx.locate?.(name);
    if (path) out += `${path}\n`;
    else status = 1;
  }
  return result(out, '', status);
};

/** trueProgram is /bin/true. */
export const trueProgram: Program = () => result('');
/** falseProgram is /bin/false. */
export const falseProgram: Program = () => result('', '', 1);
