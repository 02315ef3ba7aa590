// Mirrors GNU Wget 1.21 (src/http.c, src/retr.c, src/progress.c "bar" for a finished small
// download): the "--DATE--  URL" line, Resolving/Connecting/HTTP request lines, Length, Saving to,
// the bar, the saved line, errors and exit codes (4 network failure, 8 server error);
// simplified: http only, no retries, an 80-column bar.

import type { ProgramContext, ProgramResult } from '../../program.ts';
import type { Url } from './http-client.ts';
import { headerValue, httpTransaction, parseUrl, resolveLocation, STATUS_TEXT } from './http-client.ts';

const pad = (n: number): string => String(n).padStart(2, '0');

function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function rate(bytes: number, ms: number): string {
  const bps = (bytes * 1000) / Math.max(ms, 0.01);
  if (bps >= 1024 * 1024) return `${(bps / 1048576).toFixed(1)} MB/s`;
  if (bps >= 1024) return `${(bps / 1024).toFixed(1)} KB/s`;
  return `${bps.toFixed(0)} B/s`;
}

/** gnuWget is GNU wget as the hosts have it: -q, -O FILE|-, -T SEC. */
export function gnuWget(ctx: ProgramContext, argv: string[]): ProgramResult {
  const utf8 = /utf-?8/i.test(ctx.env.LC_ALL || ctx.env.LANG || '');
  const q = (s: string): string => (utf8 ? `\u2018${s}\u2019` : `'${s}'`);
  let quiet = false;
  let out: string | undefined;
  let raw: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-O' || a === '--output-document') out = argv[++i];
    else if (a.startsWith('-O')) out = a.slice(2);
    else if (a === '-qO' || a === '-qO-') {
      quiet = true;
      out = a === '-qO-' ? '-' : argv[++i];
    } else if (a === '-T') i++;
    else if (!a.startsWith('-')) raw = a;
  }
  if (!raw)
    return {
      stdout: '',
      stderr: "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n",
      exitCode: 1,
    };
  let url: Url | undefined = parseUrl(raw);
  if (!url) return { stdout: '', stderr: `${raw}: Invalid URL ${raw}: Unsupported scheme\n`, exitCode: 1 };
  let err = '';
  const say = (s: string): void => {
    if (!quiet) err += s;
  };
  for (let hops = 0; hops < 20; hops++) {
    const full = `${url.scheme}://${url.hostHeader}${url.path}`;
    say(`--${stamp(ctx.world.clock.now())}--  ${full}\n`);
    const t = httpTransaction(
      ctx,
      url,
      'GET',
      { Host: url.hostHeader, 'User-Agent': 'Wget/1.21.4', Accept: '*/*' },
      'wget',
    );
    ctx.world.clock.advance(t.ms);
    const literal = /^\d+\.\d+\.\d+\.\d+$/.test(url.host);
    if (t.error === 'resolve') {
      say(
        `Resolving ${url.host} (${url.host})... failed: ${t.resolution.error === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known'}.\n`,
      );
      return {
        stdout: '',
        stderr: `${err}wget: unable to resolve host address ${q(url.host)}\n`,
        exitCode: 4,
      };
    }
    if (!literal) say(`Resolving ${url.host} (${url.host})... ${t.resolution.addrs.join(', ')}\n`);
    const where = literal ? `${url.host}:${url.port}` : `${url.host} (${url.host})|${t.addr}|:${url.port}`;
    if (
      t.error === 'refused' ||
      t.error === 'unreachable' ||
      t.error === 'netunreach' ||
      t.error === 'timeout'
    ) {
      const why =
        t.error === 'refused'
          ? 'Connection refused'
          : t.error === 'netunreach'
            ? 'Network is unreachable'
            : t.error === 'timeout'
              ? 'Connection timed out'
              : 'No route to host';
      if (t.error === 'timeout') ctx.world.clock.advance(127_000);
      say(`Connecting to ${where}... failed: ${why}.\n`);
      return { stdout: '', stderr: err, exitCode: 4 };
    }
    say(`Connecting to ${where}... connected.\n`);
    const res = t.response;
    if (!res) {
      say('HTTP request sent, awaiting response... No data received.\n');
      return { stdout: '', stderr: err, exitCode: 4 };
    }
    say(`HTTP request sent, awaiting response... ${res.status} ${STATUS_TEXT[res.status] ?? ''}\n`);
    const loc = headerValue(res, 'Location');
    if (res.status >= 300 && res.status < 400 && loc) {
      say(`Location: ${loc} [following]\n`);
      url = resolveLocation(url, loc);
      if (!url) return { stdout: '', stderr: err, exitCode: 1 };
      continue;
    }
    if (res.status >= 400) {
      return {
        stdout: '',
        stderr: `${err}${stamp(ctx.world.clock.now())} ERROR ${res.status}: ${STATUS_TEXT[res.status] ?? ''}.\n\n`,
        exitCode: 8,
      };
    }
    const type = (headerValue(res, 'Content-Type') ?? '').split(';')[0];
    const name = out ?? (url.path.split('?')[0].split('/').pop() || 'index.html');
    say(`Length: ${res.body.length} [${type}]\nSaving to: ${q(name)}\n\n`);
    const bar = `${name.slice(0, 20).padEnd(20)}100%[===================>]${String(res.body.length).padStart(8)}  --.-KB/s    in 0s      \n\n`;
    say(bar);
    say(
      `${stamp(ctx.world.clock.now())} (${rate(res.body.length, t.ms)}) - ${name === '-' ? 'written to stdout' : q(name)} saved [${res.body.length}/${res.body.length}]\n\n`,
    );
    if (name !== '-') {
      const path = name.startsWith('/') ? name : `${ctx.cwd.replace(/\/$/, '')}/${name}`;
      ctx.place.fs.writeFile(path, res.body);
      return { stdout: '', stderr: err, exitCode: 0 };
    }
    return { stdout: res.body, stderr: err, exitCode: 0 };
  }
  return { stdout: '', stderr: `${err}20 redirections exceeded.\n`, exitCode: 8 };
}
