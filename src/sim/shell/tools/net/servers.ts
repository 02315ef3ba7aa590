// Mirrors nginx/docker-nginx's entrypoint + nginx src/core/ngx_connection.c (bind retries), Apache
// httpd 2.4, traefik/whoami app.go, Python http.server and redis-server start-up: server programs
// that run as a container's main process, bind Sockets whose App answers traced connections and
// keep running, or fail as the real ones do on a busy port. Simplified: one config each.

import { BindError, bindSocket } from '../../../kernel/socket.ts';
import type { HttpRequest, HttpResponse, NetNs, Socket } from '../../../kernel/types.ts';
import { httpDate } from '../../../world/internet.ts';
import { KERNEL } from '../../../world/machine.ts';
import type { Program, ProgramContext, ProgramResult } from '../../program.ts';
import { sleep as utilSleep } from '../../utils/system.ts';
import { resolveStatic } from './nginx-static.ts';
import { NGINX_INDEX, nginxError, pythonListing } from './pages.ts';

/** NGINX_VERSION is the nginx of the nginx:latest image in January 2026 (mainline 1.29.4, debian trixie). */
export const NGINX_VERSION = '1.29.4';
/** HTTPD_VERSION is the Apache of the httpd:2.4 image. */
export const HTTPD_VERSION = '2.4.66';

const NGINX_INDEX_MTIME = Date.UTC(2025, 11, 9, 15, 18, 4);

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** logTime formats a time as nginx's error log and Go's log package do ("2026/01/05 09:00:00"). */
export function logTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** clfTime formats a time for an access log ("05/Jan/2026:09:00:00 +0000"). */
export function clfTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MON[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

function owner(ctx: ProgramContext): string | undefined {
  return ctx.place.container?.id;
}

function tryBind(ns: NetNs, socks: Socket[]): Socket[] {
  const failed: Socket[] = [];
  for (const s of socks) {
    try {
      bindSocket(ns, s);
    } catch (e) {
      if (!(e instanceof BindError)) throw e;
      failed.push(s);
    }
  }
  return failed;
}

const hostPort = (s: Socket): string => (s.ip.includes(':') ? `[${s.ip}]:${s.port}` : `${s.ip}:${s.port}`);

function nginxServe(ctx: ProgramContext, log: string[]) {
  const started = ctx.world.clock.now();
  return (req: HttpRequest): HttpResponse => {
    const now = ctx.world.clock.now();
    const found = resolveStatic(ctx.place.fs, req.path);
    const headers: Record<string, string> = { Server: `nginx/${NGINX_VERSION}`, Date: httpDate(now) };
    let status: number;
    let body: string;
    if (found.kind === 'file') {
      status = 200;
      body = found.content;
      const mtime = body === NGINX_INDEX ? NGINX_INDEX_MTIME : started;
      Object.assign(headers, {
        'Content-Type': found.type,
        'Content-Length': String(body.length),
        'Last-Modified': httpDate(mtime),
        Connection: 'keep-alive',
        ETag: `"${Math.floor(mtime / 1000).toString(16)}-${body.length.toString(16)}"`,
        'Accept-Ranges': 'bytes',
      });
    } else {
      status = found.kind === 'redirect' ? 301 : found.status;
      body = nginxError(status, NGINX_VERSION);
      Object.assign(headers, {
        'Content-Type': 'text/html',
        'Content-Length': String(body.length),
        Connection: 'keep-alive',
      });
      // absolute_redirect: the Host header's name, without its port (the container listens on 80)
      if (found.kind === 'redirect') headers.Location = `http://${req.host.split(':')[0]}${found.location}`;
    }
    log.push(
      `${req.client} - - [${clfTime(now)}] "${req.method} ${req.path} HTTP/1.1" ${status} ${req.method === 'HEAD' ? 0 : body.length} "-" "${req.headers['User-Agent'] ?? '-'}" "-"`,
    );
    return { status, headers, body };
  };
}

/** nginx runs nginx in the foreground: binds 0.0.0.0:80 and [::]:80, or fails after five bind tries. */
export const nginx: Program = (ctx) => {
  const a = ctx.argv.slice(1);
  if (a[0] === '-v') return { stdout: '', stderr: `nginx version: nginx/${NGINX_VERSION}\n`, exitCode: 0 };
  if (a[0] === '-t')
    return {
      stdout: '',
      stderr:
        'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
      exitCode: 0,
    };
  const t = (): string => logTime(ctx.world.clock.now());
  const accessLog: string[] = [];
  const app = { kind: 'http' as const, serve: nginxServe(ctx, accessLog), accessLog };
  const socks: Socket[] = [
    { proto: 'tcp', ip: '0.0.0.0', port: 80, owner: 'nginx', ownerId: owner(ctx), app },
    { proto: 'tcp', ip: '::', port: 80, owner: 'nginx', ownerId: owner(ctx), app },
  ];
  let err = '';
  let pending = socks;
  for (let tries = 5; tries; tries--) {
    pending = tryBind(ctx.place.ns, pending);
    if (!pending.length) break;
    for (const s of pending) {
      const m = `bind() to ${hostPort(s)} failed (98: Address already in use)`;
      err += `${t()} [emerg] 1#1: ${m}\nnginx: [emerg] ${m}\n`;
    }
    ctx.world.clock.advance(500);
  }
  if (pending.length) {
    ctx.place.ns.sockets = ctx.place.ns.sockets.filter((s) => !socks.includes(s));
    err += `${t()} [emerg] 1#1: still could not bind()\nnginx: [emerg] still could not bind()\n`;
    return { stdout: '', stderr: err, exitCode: 1 };
  }
  err += `${t()} [notice] 1#1: using the "epoll" event method\n${t()} [notice] 1#1: nginx/${NGINX_VERSION}\n`;
  err += `${t()} [notice] 1#1: built by gcc 14.2.0 (Debian 14.2.0-19) \n${t()} [notice] 1#1: OS: Linux ${KERNEL.release}\n`;
  err += `${t()} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576\n${t()} [notice] 1#1: start worker processes\n`;
  err += `${t()} [notice] 1#1: start worker process 29\n${t()} [notice] 1#1: start worker process 30\n`;
  return { stdout: '', stderr: err, exitCode: 0, running: true };
};

/** dockerEntrypoint is the nginx image's /docker-entrypoint.sh: configuration messages, then exec. */
export const dockerEntrypoint: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  const me = '/docker-entrypoint.sh';
  let out = '';
  if (args[0] === 'nginx' || args[0] === 'nginx-debug') {
    out += `${me}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n${me}: Looking for shell scripts in /docker-entrypoint.d/\n`;
    out += `${me}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh\n`;
    out += '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf\n';
    out +=
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf\n';
    out += `${me}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh\n${me}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh\n`;
    out += `${me}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh\n${me}: Configuration complete; ready for start up\n`;
    const r = nginx({ ...ctx, argv: args });
    return { ...r, stdout: out + r.stdout };
  }
  const exec = (ctx as { exec?: (argv: string[], stdin: string) => ProgramResult }).exec;
  if (exec && args.length) return exec(args, ctx.stdin);
  return { stdout: out, stderr: '', exitCode: 0 };
};

/** httpd runs Apache in the foreground (httpd-foreground) serving "It works!". */
export const httpd: Program = (ctx) => {
  const now = (): number => ctx.world.clock.now();
  const ip =
    ctx.place.ns.links.flatMap((l) => l.addrs).find((a) => a.family === 4 && a.scope === 'global')?.ip ??
    '127.0.0.1';
  const body = '<html><body><h1>It works!</h1></body></html>\n';
  const accessLog: string[] = [];
  const app = {
    kind: 'http' as const,
    accessLog,
    serve: (req: HttpRequest): HttpResponse => {
      accessLog.push(
        `${req.client} - - [${clfTime(now())}] "${req.method} ${req.path} HTTP/1.1" 200 ${req.method === 'HEAD' ? '-' : body.length}`,
      );
      return {
        status: 200,
        headers: {
          Date: httpDate(now()),
          Server: `Apache/${HTTPD_VERSION} (Unix)`,
          'Last-Modified': 'Mon, 11 Jun 2007 18:53:14 GMT',
          ETag: '"2d-432a5e4a73a80"',
          'Accept-Ranges': 'bytes',
          'Content-Length': String(body.length),
          'Content-Type': 'text/html',
        },
        body,
      };
    },
  };
  const socks: Socket[] = [
    { proto: 'tcp', ip: '::', port: 80, owner: 'httpd', ownerId: owner(ctx), app },
    { proto: 'tcp', ip: '0.0.0.0', port: 80, owner: 'httpd', ownerId: owner(ctx), app },
  ];
  const failed = tryBind(ctx.place.ns, socks);
  const d = new Date(now());
  const stamp = `[${DAY[d.getUTCDay()]} ${MON[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds() * 1000, 6)} ${d.getUTCFullYear()}]`;
  const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`;
  if (failed.length) {
    ctx.place.ns.sockets = ctx.place.ns.sockets.filter((s) => !socks.includes(s));
    const lines = failed
      .map((s) => `(98)Address in use: AH00072: make_sock: could not bind to address ${hostPort(s)}\n`)
      .join('');
    return {
      stdout: '',
      stderr: `${fqdn}${fqdn}${lines}no listening sockets available, shutting down\nAH00015: Unable to open logs\n`,
      exitCode: 1,
    };
  }
  const err = `${fqdn}${fqdn}${stamp} [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${HTTPD_VERSION} (Unix) configured -- resuming normal operations\n${stamp} [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'\n`;
  return { stdout: '', stderr: err, exitCode: 0, running: true };
};

/** whoami is traefik/whoami: prints the hostname, the container's IPs, RemoteAddr and the request. */
export const whoami: Program = (ctx) => {
  const portArg = ctx.argv.indexOf('--port');
  const port = portArg > 0 ? Number(ctx.argv[portArg + 1]) : Number(ctx.env.WHOAMI_PORT_NUMBER ?? 80);
  const name = ctx.env.WHOAMI_NAME ?? '';
  const app = {
    kind: 'http' as const,
    serve: (req: HttpRequest): HttpResponse => {
      const ips = ctx.place.ns.links.flatMap((l) => l.addrs.map((a) => a.ip));
      let body = name ? `Name: ${name}\n` : '';
      body += `Hostname: ${ctx.place.hostname}\n${ips.map((i) => `IP: ${i}\n`).join('')}RemoteAddr: ${req.client}:${req.clientPort ?? 0}\n`;
      body += `${req.method} ${req.path} HTTP/1.1\r\nHost: ${req.host}\r\n`;
      if (req.headers['User-Agent']) body += `User-Agent: ${req.headers['User-Agent']}\r\n`;
      const rest = Object.keys(req.headers)
        .filter((k) => !['Host', 'User-Agent'].includes(k))
        .sort();
      for (const k of rest) body += `${k}: ${req.headers[k]}\r\n`;
      body += '\r\n';
      return {
        status: 200,
        headers: {
          Date: httpDate(ctx.world.clock.now()),
          'Content-Length': String(body.length),
          'Content-Type': 'text/plain; charset=utf-8',
        },
        body,
      };
    },
  };
  const failed = tryBind(ctx.place.ns, [
    { proto: 'tcp', ip: '::', port, owner: 'whoami', ownerId: owner(ctx), app },
  ]);
  const t = logTime(ctx.world.clock.now());
  if (failed.length)
    return {
      stdout: '',
      stderr: `${t} Starting up on port ${port}\n${t} listen tcp :${port}: bind: address already in use\n`,
      exitCode: 1,
    };
  return { stdout: '', stderr: `${t} Starting up on port ${port}\n`, exitCode: 0, running: true };
};

/** python runs `python -m http.server [port]` (a directory listing of the working directory). */
export const python: Program = (ctx) => {
  const a = ctx.argv.slice(1);
  if (a[0] === '--version' || a[0] === '-V') return { stdout: 'Python 3.12.12\n', stderr: '', exitCode: 0 };
  if (a[0] !== '-m' || a[1] !== 'http.server') {
    return {
      stdout: '',
      stderr: `${ctx.argv[0]}: only "-m http.server [port]" is available in this lab\n`,
      exitCode: 2,
    };
  }
  const port = a[2] && /^\d+$/.test(a[2]) ? Number(a[2]) : 8000;
  const accessLog: string[] = [];
  const app = {
    kind: 'http' as const,
    accessLog,
    serve: (req: HttpRequest): HttpResponse => {
      const path = req.path.split('?')[0];
      const dir = `${ctx.cwd.replace(/\/$/, '')}${path}`.replace(/\/+$/, '') || '/';
      const d = new Date(ctx.world.clock.now());
      const stamp = `${pad(d.getUTCDate())}/${MON[d.getUTCMonth()]}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
      const file = ctx.place.fs.readFile(dir);
      const listing = ctx.place.fs.isDir(dir) ? pythonListing(ctx.place.fs, dir, path) : undefined;
      const body = file ?? listing ?? '';
      const status = file !== undefined || listing !== undefined ? 200 : 404;
      accessLog.push(`${req.client} - - [${stamp}] "${req.method} ${req.path} HTTP/1.1" ${status} -`);
      return {
        status,
        headers: {
          Server: 'SimpleHTTP/0.6 Python/3.12.12',
          Date: httpDate(ctx.world.clock.now()),
          'Content-type': file !== undefined ? 'application/octet-stream' : 'text/html; charset=utf-8',
          'Content-Length': String(body.length),
        },
        body,
      };
    },
  };
  const failed = tryBind(ctx.place.ns, [
    { proto: 'tcp', ip: '0.0.0.0', port, owner: 'python3', ownerId: owner(ctx), app },
  ]);
  if (failed.length) {
    return {
      stdout: '',
      stderr: `Traceback (most recent call last):\n  File "<frozen runpy>", line 198, in _run_module_as_main\n  File "<frozen runpy>", line 88, in _run_code\n  File "/usr/local/lib/python3.12/http/server.py", line 1314, in <module>\n    test(\nOSError: [Errno 98] Address already in use\n`,
      exitCode: 1,
    };
  }
  return {
    stdout: `Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`,
    stderr: '',
    exitCode: 0,
    running: true,
  };
};

/** redisServer runs redis-server on 6379 and prints its start-up banner. */
export const redisServer: Program = (ctx) => {
  const d = new Date(ctx.world.clock.now());
  const ts = `${pad(d.getUTCDate())} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  const app = { kind: 'tcp' as const };
  const failed = tryBind(ctx.place.ns, [
    { proto: 'tcp', ip: '0.0.0.0', port: 6379, owner: 'redis-server', ownerId: owner(ctx), app },
    { proto: 'tcp', ip: '::', port: 6379, owner: 'redis-server', ownerId: owner(ctx), app },
  ]);
  let out = `1:C ${ts} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n1:C ${ts} * Redis version=8.2.3, bits=64, commit=00000000, modified=1, pid=1, just started\n`;
  out += `1:C ${ts} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf\n`;
  out += `1:M ${ts} * monotonic clock: POSIX clock_gettime\n1:M ${ts} * Running mode=standalone, port=6379.\n`;
  if (failed.length) {
    ctx.place.ns.sockets = ctx.place.ns.sockets.filter(
      (s) => s.owner !== 'redis-server' || s.ownerId !== owner(ctx),
    );
    out += `1:M ${ts} # Warning: Could not create server TCP listening socket *:6379: bind: Address already in use\n1:M ${ts} # Failed listening on port 6379 (tcp), aborting.\n`;
    return { stdout: out, stderr: '', exitCode: 1 };
  }
  out += `1:M ${ts} * Server initialized\n1:M ${ts} * Ready to accept connections tcp\n`;
  return { stdout: out, stderr: '', exitCode: 0, running: true };
};

/** top shows a one-screen process snapshot and keeps running (a container's main process). */
export const top: Program = (ctx) => {
  const d = new Date(ctx.world.clock.now());
  const out = `Mem: 412880K used, 7721420K free, 1180K shrd, 21624K buff, 264716K cached\nCPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq\nLoad average: 0.00 0.00 0.00 1/160 1\n  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\n    1     0 root     R     1628   0%   0   0% top\n`;
  void d;
  return { stdout: out, stderr: '', exitCode: 0, running: true };
};

/**
 * sleep is coreutils/busybox sleep for a container's main process: a long sleep (a minute or more,
 * or "infinity") keeps the container running; anything else is the shell's sleep, which advances
 * the clock.
 */
export const sleep: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  const secs = (a: string): number => {
    const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a);
    if (a === 'infinity' || a === 'inf') return Number.POSITIVE_INFINITY;
    return m
      ? Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd']
      : Number.NaN;
  };
  const total = args.reduce((t, a) => t + secs(a), 0);
  if (ctx.place.container && args.length && total >= 60)
    return { stdout: '', stderr: '', exitCode: 0, running: true };
  return utilSleep(ctx);
};
