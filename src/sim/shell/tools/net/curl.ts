// Mirrors curl 8.5 (src/tool_*.c, lib/connect.c, lib/multi.c, lib/http.c, lib/progress.c): the
// options -s -S -v -I -i -o -L -m --connect-timeout -H -X -d -f -w -A, its verbose trace, progress
// meter, error texts and exit codes (6, 7, 22, 23, 28, 52, 56), and --unix-socket to dockerd's
// socket (curl-unix.ts); simplified: http only, one URL.

import type { EngineApi } from '../../../api/types.ts';
import type { Program, ProgramContext, ProgramResult } from '../../program.ts';
import { unixSocketExchange } from './curl-unix.ts';
import type { Transaction, Url } from './http-client.ts';
import {
  headerBlock,
  headerValue,
  httpTransaction,
  parseUrl,
  resolveLocation,
  STATUS_TEXT,
} from './http-client.ts';

/** CURL_VERSION is the curl the hosts and images run. */
export const CURL_VERSION = '8.5.0';

interface CurlOpts {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  include: boolean;
  output?: string;
  follow: boolean;
  maxTime?: number;
  connectTimeout?: number;
  headers: Record<string, string>;
  method?: string;
  data?: string;
  fail: boolean;
  writeOut?: string;
  userAgent: string;
  url?: string;
  /** unixSocket is --unix-socket's path: connect there instead of to the URL's host. */
  unixSocket?: string;
}

const LONG: Record<string, string> = {
  '--silent': 's',
  '--show-error': 'S',
  '--verbose': 'v',
  '--head': 'I',
  '--include': 'i',
  '--output': 'o',
  '--location': 'L',
  '--max-time': 'm',
  '--header': 'H',
  '--request': 'X',
  '--data': 'd',
  '--data-raw': 'd',
  '--fail': 'f',
  '--write-out': 'w',
  '--user-agent': 'A',
  '--insecure': 'k',
  '--ipv4': '4',
};

function parse(argv: string[]): CurlOpts | ProgramResult {
  const o: CurlOpts = {
    silent: false,
    showError: false,
    verbose: false,
    head: false,
    include: false,
    follow: false,
    headers: {},
    fail: false,
    userAgent: `curl/${CURL_VERSION}`,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--connect-timeout') {
      o.connectTimeout = Number(argv[++i]);
      continue;
    }
    if (a === '--unix-socket') {
      const v = argv[++i];
      if (v === undefined)
        return {
          stdout: '',
          stderr: `curl: option ${a}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`,
          exitCode: 2,
        };
      o.unixSocket = v;
      continue;
    }
    const flags = a.startsWith('--') ? (LONG[a] ?? '') : a.startsWith('-') && a.length > 1 ? a.slice(1) : '';
    if (!a.startsWith('-') || a === '-') {
      o.url = a;
      continue;
    }
    if (!flags)
      return {
        stdout: '',
        stderr: `curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`,
        exitCode: 2,
      };
    for (let j = 0; j < flags.length; j++) {
      const c = flags[j];
      if ('omHXdwA'.includes(c)) {
        const v = j + 1 < flags.length ? flags.slice(j + 1) : argv[++i];
        if (v === undefined)
          return {
            stdout: '',
            stderr: `curl: option -${c}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`,
            exitCode: 2,
          };
        if (c === 'o') o.output = v;
        else if (c === 'm') o.maxTime = Number(v);
        else if (c === 'H') {
          const k = v.indexOf(':');
          if (k > 0) o.headers[v.slice(0, k).trim()] = v.slice(k + 1).trim();
        } else if (c === 'X') o.method = v;
        else if (c === 'd') o.data = v;
        else if (c === 'w') o.writeOut = v;
        else if (c === 'A') o.userAgent = v;
        break;
      }
      if (c === 's') o.silent = true;
      else if (c === 'S') o.showError = true;
      else if (c === 'v') o.verbose = true;
      else if (c === 'I') o.head = true;
      else if (c === 'i') o.include = true;
      else if (c === 'L') o.follow = true;
      else if (c === 'f') o.fail = true;
      else if (c === 'k' || c === '4') continue;
      else
        return {
          stdout: '',
          stderr: `curl: option -${c}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`,
          exitCode: 2,
        };
    }
  }
  return o;
}

function max5(n: number): string {
  if (n < 100000) return String(Math.floor(n)).padStart(5);
  if (n < 10000 * 1024) return `${String(Math.floor(n / 1024)).padStart(4)}k`;
  return `${String(Math.floor(n / 1048576)).padStart(4)}M`;
}

/** progressMeter renders curl's meter for a finished download of size bytes in ms milliseconds. */
export function progressMeter(size: number, ms: number): string {
  const head =
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
  const zero = `\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0`;
  const speed = ms > 0 ? (size * 1000) / ms : size;
  const pct = size > 0 ? '100' : '  0';
  const last = `\r${pct} ${max5(size)}  ${pct} ${max5(size)}    0     0  ${max5(speed)}      0 --:--:-- --:--:-- --:--:-- ${max5(speed)}`;
  return `${head}${zero}${last}\n`;
}

interface Run {
  out: string;
  err: string;
  ms: number;
}

function failMsg(r: Run, o: CurlOpts, code: number, msg: string): ProgramResult {
  if (o.verbose) r.err += `* ${msg}\n* Closing connection\n`;
  if (!o.silent || o.showError) r.err += `curl: (${code}) ${msg}\n`;
  return { stdout: r.out, stderr: r.err, exitCode: code };
}

function connectFailure(ctx: ProgramContext, r: Run, o: CurlOpts, url: Url, t: Transaction): ProgramResult {
  const limit = o.connectTimeout ?? o.maxTime;
  if (t.error === 'timeout') {
    if (limit !== undefined) {
      const ms = Math.round(limit * 1000) + 1;
      ctx.world.clock.advance(ms);
      return failMsg(r, o, 28, `Connection timed out after ${ms} milliseconds`);
    }
    const ms = 127_000 + (ctx.world.netRng ?? ctx.world.rng).int(3000);
    ctx.world.clock.advance(ms);
    return failMsg(
      r,
      o,
      28,
      `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: Couldn't connect to server`,
    );
  }
  const ms =
    t.error === 'unreachable' && t.conn?.errno === 'EHOSTUNREACH'
      ? 3000 + Math.round(t.ms)
      : Math.round(t.ms);
  ctx.world.clock.advance(ms);
  if (o.verbose && t.addr) {
    const why =
      t.error === 'refused'
        ? 'Connection refused'
        : t.error === 'netunreach'
          ? 'Network is unreachable'
          : 'No route to host';
    r.err += `* connect to ${t.addr} port ${url.port} from ${t.conn?.local.ip || '0.0.0.0'} port ${t.conn?.local.port ?? 0} failed: ${why}\n`;
  }
  return failMsg(
    r,
    o,
    7,
    `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: Couldn't connect to server`,
  );
}

const BINARY_WARNING =
  'Warning: Binary output can mess up your terminal. Use "--output -" to tell \nWarning: curl to output it to your terminal anyway, or consider "--output \nWarning: <FILE>" to save to a file.\n';

/** requestMethod is curl's: -X, else HEAD for -I, POST with -d, GET otherwise. */
const requestMethod = (o: CurlOpts): string =>
  o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');

/** requestHeaders are the headers curl sends: Host, User-Agent, Accept, -H's, and -d's length and type. */
function requestHeaders(o: CurlOpts, url: Url): Record<string, string> {
  const headers: Record<string, string> = {
    Host: url.hostHeader,
    'User-Agent': o.userAgent,
    Accept: '*/*',
    ...o.headers,
  };
  if (o.data !== undefined) {
    headers['Content-Length'] = String(o.data.length);
    headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
  }
  return headers;
}

/** viaUnixSocket is one request over --unix-socket: the host's Docker socket reaches its Engine API. */
function viaUnixSocket(
  ctx: ProgramContext,
  o: CurlOpts,
  url: Url,
  engine: EngineApi | undefined,
): ProgramResult {
  const r: Run = { out: '', err: '', ms: 0 };
  const path = o.unixSocket ?? '';
  const method = requestMethod(o);
  const isatty = (ctx as { isatty?: boolean }).isatty ?? true;
  const headers = requestHeaders(o, url);
  if (o.verbose) r.err += `*   Trying ${path}:0...\n`;
  const x = unixSocketExchange(engine, ctx.place, path, {
    method,
    target: url.path,
    data: o.data,
    now: ctx.world.clock.now(),
  });
  if ('error' in x) {
    if (o.verbose) r.err += `* connect to ${path} port 0 failed: No such file or directory\n`;
    return failMsg(
      r,
      o,
      7,
      `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`,
    );
  }
  const res = x.response;
  if (o.verbose) {
    r.err += `* Connected to ${url.host} (${path}) port ${url.port}\n> ${method} ${url.path} HTTP/1.1\n`;
    r.err += Object.entries(headers).reduce((s, [k, v]) => `${s}> ${k}: ${v}\n`, '');
    r.err += '> \n';
    r.err += headerBlock(res)
      .split('\r\n')
      .slice(0, -1)
      .map((l) => `< ${l}\n`)
      .join('');
  }
  if (o.fail && res.status >= 400)
    return failMsg(r, o, 22, `The requested URL returned error: ${res.status}`);
  let payload = (o.include || o.head ? headerBlock(res) : '') + res.body;
  if (isatty && !o.output && res.body.includes('\0'))
    return { stdout: r.out, stderr: r.err + BINARY_WARNING, exitCode: 23 };
  if (o.verbose && !isatty) r.err += `{ [${res.body.length} bytes data]\n`;
  if (o.output && o.output !== '-') {
    ctx.place.fs.writeFile(
      o.output.startsWith('/') ? o.output : `${ctx.cwd.replace(/\/$/, '')}/${o.output}`,
      payload,
    );
    if (!o.silent && !o.verbose) r.err += progressMeter(res.body.length, 0);
    payload = '';
  } else if (!o.silent && !isatty && !o.verbose) r.err += progressMeter(res.body.length, 0);
  r.out += payload;
  if (o.verbose) r.err += `* Connection #0 to host ${url.host} left intact\n`;
  return { stdout: r.out, stderr: r.err, exitCode: 0 };
}

/** curl fetches one URL over the simulated network. */
export const curl: Program = (ctx) => curlWith(ctx, undefined);

/** curlWithEngine is curl on a host whose Docker socket answers with `engine`, its Engine API. */
export function curlWithEngine(engine: EngineApi): Program {
  return (ctx) => curlWith(ctx, engine);
}

function curlWith(ctx: ProgramContext, engine: EngineApi | undefined): ProgramResult {
  const o = parse(ctx.argv.slice(1));
  if ('exitCode' in o) return o;
  if (!o.url)
    return {
      stdout: '',
      stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n",
      exitCode: 2,
    };
  let url = parseUrl(o.url);
  const r: Run = { out: '', err: '', ms: 0 };
  if (!url) return failMsg(r, o, 3, 'URL rejected: Malformed input to a URL function');
  if (url.scheme !== 'http' && url.scheme !== 'https')
    return failMsg(r, o, 1, `Protocol "${url.scheme}" not supported`);
  if (o.unixSocket !== undefined) return viaUnixSocket(ctx, o, url, engine);
  const method = requestMethod(o);
  const isatty = (ctx as { isatty?: boolean }).isatty ?? true;
  for (let hop = 0; hop < 50; hop++) {
    const headers = requestHeaders(o, url);
    const t = httpTransaction(ctx, url, method, headers, 'curl', o.data);
    if (o.verbose && t.resolution.addrs.length && !/^\d+\.\d+\.\d+\.\d+$/.test(url.host)) {
      r.err += `* Host ${url.host}:${url.port} was resolved.\n* IPv6: (none)\n* IPv4: ${t.resolution.addrs.join(', ')}\n`;
    }
    if (t.error === 'resolve') {
      ctx.world.clock.advance(t.ms);
      return failMsg(r, o, 6, `Could not resolve host: ${url.host}`);
    }
    if (o.verbose) r.err += `*   Trying ${t.addr}:${url.port}...\n`;
    if (t.conn?.verdict !== 'delivered') return connectFailure(ctx, r, o, url, t);
    if (o.verbose) {
      r.err += `* Connected to ${url.host} (${t.addr}) port ${url.port}\n`;
      r.err += Object.entries(headers)
        .map(([k, v]) => `> ${k}: ${v}\n`)
        .reduce((s, l) => s + l, `> ${method} ${url?.path} HTTP/1.1\n`);
      r.err += '> \n';
    }
    ctx.world.clock.advance(t.ms);
    if (t.error === 'reset') return failMsg(r, o, 56, 'Recv failure: Connection reset by peer');
    if (t.error === 'empty') return failMsg(r, o, 52, 'Empty reply from server');
    if (t.error === 'raw' || !t.response) return failMsg(r, o, 1, 'Received HTTP/0.9 when not allowed');
    const res = t.response;
    if (o.verbose) {
      r.err += headerBlock(res)
        .split('\r\n')
        .slice(0, -1)
        .map((l) => `< ${l}\n`)
        .join('');
    }
    const loc = headerValue(res, 'Location');
    if (o.follow && loc && res.status >= 300 && res.status < 400) {
      if (o.include || o.head) r.out += headerBlock(res);
      if (o.verbose)
        r.err += `* Connection #${hop} to host ${url.host} left intact\n* Issue another request to this URL: '${loc}'\n`;
      const next = resolveLocation(url, loc);
      if (!next) return failMsg(r, o, 3, 'URL rejected: Malformed input to a URL function');
      url = next;
      continue;
    }
    if (o.fail && res.status >= 400)
      return failMsg(r, o, 22, `The requested URL returned error: ${res.status}`);
    const body = method === 'HEAD' ? '' : res.body;
    let payload = (o.include || o.head ? headerBlock(res) : '') + body;
    if (o.verbose && !isatty) r.err += `{ [${body.length} bytes data]\n`;
    if (o.output && o.output !== '-') {
      ctx.place.fs.writeFile(
        o.output.startsWith('/') ? o.output : `${ctx.cwd.replace(/\/$/, '')}/${o.output}`,
        payload,
      );
      if (!o.silent && !o.verbose) r.err += progressMeter(body.length, t.ms);
      payload = '';
    } else if (!o.silent && !isatty && !o.verbose) r.err += progressMeter(body.length, t.ms);
    r.out += payload;
    if (o.verbose) r.err += `* Connection #${hop} to host ${url.host} left intact\n`;
    if (o.writeOut !== undefined) r.out += writeOut(o.writeOut, res.status, url, t);
    return { stdout: r.out, stderr: r.err, exitCode: 0 };
  }
  return failMsg(r, o, 47, 'Maximum (50) redirects followed');
}

function writeOut(fmt: string, status: number, url: Url, t: Transaction): string {
  return fmt
    .replace(/\\n/g, '\n')
    .replace(/%\{http_code\}|%\{response_code\}/g, String(status).padStart(3, '0'))
    .replace(/%\{remote_ip\}/g, t.addr ?? '')
    .replace(/%\{remote_port\}/g, String(url.port))
    .replace(/%\{local_ip\}/g, t.conn?.local.ip ?? '')
    .replace(/%\{time_total\}/g, (t.ms / 1000).toFixed(6))
    .replace(/%\{url_effective\}/g, `${url.scheme}://${url.hostHeader}${url.path}`)
    .replace(/%\{http_version\}/g, '1.1')
    .replace(/%\{content_type\}/g, '')
    .replace(/%\{reason\}/g, STATUS_TEXT[status] ?? '');
}
