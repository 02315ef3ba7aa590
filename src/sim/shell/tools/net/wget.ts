// Mirrors busybox networking/wget.c (download_one_url, retrieve_file_data) with libbb/progress.c's
// status bar and libbb/xconnect.c's errors: -q -O FILE|- -T SEC -S; redirects followed like the
// real one. Simplified: http only, an 80-column terminal for the progress bar, no FTP.

import type { Program, ProgramContext, ProgramResult } from '../../program.ts';
import { strerror } from './errno.ts';
import type { Url } from './http-client.ts';
import {
  headerBlock,
  headerValue,
  httpTransaction,
  parseUrl,
  resolveLocation,
  STATUS_TEXT,
} from './http-client.ts';
import { libcOf } from './resolve.ts';
import { gnuWget } from './wget-gnu.ts';

/** smartSize5 renders a byte count in 5 columns as busybox smart_ulltoa5 does. */
export function smartSize5(n: number): string {
  if (n < 100000) return String(n).padStart(5);
  const units = ' kMGTPEZY';
  let v = n;
  let u = 0;
  while (v >= 100000 && u < units.length - 1) {
    v = Math.floor(v / 1024);
    u++;
  }
  return `${String(v).padStart(4)}${units[u]}`;
}

function statusBar(name: string, size: number): string {
  const bar = '*'.repeat(32);
  return `${name.slice(0, 20).padEnd(20)} 100% |${bar}| ${smartSize5(size)}  0:00:00 ETA\n`;
}

interface WgetOpts {
  quiet: boolean;
  out?: string;
  timeout?: number;
  serverResponse: boolean;
  url?: string;
  spider: boolean;
}

function parse(argv: string[]): WgetOpts | ProgramResult {
  const o: WgetOpts = { quiet: false, serverResponse: false, spider: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--spider') o.spider = true;
    else if (a.startsWith('--timeout=')) o.timeout = Number(a.slice(10));
    else if (a.startsWith('--output-document=')) o.out = a.slice(18);
    else if (a === '--quiet') o.quiet = true;
    else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === 'O' || c === 'T') {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined)
            return { stdout: '', stderr: `wget: option requires an argument -- '${c}'\n`, exitCode: 1 };
          if (c === 'O') o.out = v;
          else o.timeout = Number(v);
          break;
        }
        if (c === 'q') o.quiet = true;
        else if (c === 'S') o.serverResponse = true;
        else return { stdout: '', stderr: `wget: unrecognized option: ${c}\n`, exitCode: 1 };
      }
    } else o.url = a;
  }
  return o;
}

function die(err: string, msg: string): ProgramResult {
  return { stdout: '', stderr: `${err}wget: ${msg}\n`, exitCode: 1 };
}

/** wget fetches a URL to a file or stdout: busybox wget in alpine/busybox, GNU Wget elsewhere. */
export const wget: Program = (ctx: ProgramContext) => {
  if (ctx.place.flavour === 'gnu') return gnuWget(ctx, ctx.argv.slice(1));
  const o = parse(ctx.argv.slice(1));
  if ('exitCode' in o) return o;
  if (!o.url)
    return {
      stdout: '',
      stderr:
        'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n',
      exitCode: 1,
    };
  let url: Url | undefined = parseUrl(o.url);
  if (!url || (url.scheme !== 'http' && url.scheme !== 'https'))
    return die('', `not an http or ftp url: ${o.url}`);
  const libc = libcOf(ctx.place);
  let err = '';
  for (let redirects = 0; redirects < 20; redirects++) {
    const t = httpTransaction(
      ctx,
      url,
      'GET',
      { Host: url.hostHeader, 'User-Agent': 'Wget', Connection: 'close' },
      'wget',
    );
    ctx.world.clock.advance(t.ms);
    if (t.error === 'resolve') return die(err, `bad address '${url.host}'`);
    if (!o.quiet) err += `Connecting to ${url.host} (${t.addr}:${url.port})\n`;
    if (t.error) {
      if (t.error === 'timeout') {
        ctx.world.clock.advance(o.timeout !== undefined ? o.timeout * 1000 : 127_000);
        return o.timeout !== undefined
          ? die(err, 'download timed out')
          : die(err, `can't connect to remote host (${t.addr}): ${strerror('ETIMEDOUT', libc)}`);
      }
      if (t.error === 'refused')
        return die(err, `can't connect to remote host (${t.addr}): ${strerror('ECONNREFUSED', libc)}`);
      if (t.error === 'unreachable' || t.error === 'netunreach') {
        return die(
          err,
          `can't connect to remote host (${t.addr}): ${strerror(t.conn?.errno === 'ENETUNREACH' ? 'ENETUNREACH' : 'EHOSTUNREACH', libc)}`,
        );
      }
      if (t.error === 'reset') return die(err, `error getting response: ${strerror('ECONNRESET', libc)}`);
      return die(err, 'error getting response');
    }
    const res = t.response;
    if (!res) return die(err, 'error getting response');
    if (o.serverResponse)
      err += headerBlock(res)
        .replace(/\r\n$/, '')
        .split('\r\n')
        .filter(Boolean)
        .map((l) => `  ${l}\n`)
        .join('');
    const loc = headerValue(res, 'Location');
    if ([300, 301, 302, 303, 307, 308].includes(res.status) && loc) {
      url = resolveLocation(url, loc);
      if (!url) return die(err, `not an http or ftp url: ${loc}`);
      continue;
    }
    if (res.status < 200 || res.status >= 300)
      return die(err, `server returned error: HTTP/1.1 ${res.status} ${STATUS_TEXT[res.status] ?? ''}`);
    if (o.spider) return { stdout: '', stderr: o.quiet ? '' : `${err}remote file exists\n`, exitCode: 0 };
    const name = o.out ?? (url.path.split('?')[0].split('/').pop() || 'index.html');
    const toStdout = name === '-';
    if (!o.quiet) err += toStdout ? 'writing to stdout\n' : `saving to '${name}'\n`;
    if (!toStdout) {
      const path = name.startsWith('/') ? name : `${ctx.cwd.replace(/\/$/, '')}/${name}`;
      if (!ctx.place.fs.isDir(path.replace(/\/[^/]*$/, '') || '/'))
        return die(err, `can't open '${name}': No such file or directory`);
      ctx.place.fs.writeFile(path, res.body);
    }
    if (!o.quiet)
      err += `${statusBar(toStdout ? '-' : name, res.body.length)}${toStdout ? 'written to stdout' : `'${name}' saved`}\n`;
    return { stdout: toStdout ? res.body : '', stderr: err, exitCode: 0 };
  }
  return die(err, 'too many redirections');
};
