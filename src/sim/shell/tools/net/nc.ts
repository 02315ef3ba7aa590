// Mirrors busybox networking/nc_bloaty.c (alpine, busybox: "HOST (IP:PORT) open", -v/-vv rules)
// and OpenBSD netcat as Debian ships it ("Connection to H (IP) P port [tcp/http] succeeded!");
// simplified: one port, stdin sent at once; an HTTP request on stdin gets the server's response.

import { SERVICES } from '../../../kernel/ipt-rule.ts';
import { BindError, bindSocket } from '../../../kernel/socket.ts';
import { tcpConnect, udpExchange } from '../../../trace/exchange.ts';
import { httpOverConnection } from '../../../trace/http.ts';
import type { Trace } from '../../../trace/types.ts';
import type { Program, ProgramContext, ProgramResult } from '../../program.ts';
import { strerror } from './errno.ts';
import { headerBlock } from './http-client.ts';
import { libcOf, resolveName } from './resolve.ts';

interface NcOpts {
  listen: boolean;
  keep: boolean;
  zero: boolean;
  verbose: number;
  udp: boolean;
  numeric: boolean;
  wait?: number;
  port?: number;
  args: string[];
}

function parse(argv: string[]): NcOpts {
  const o: NcOpts = {
    listen: false,
    keep: false,
    zero: false,
    verbose: 0,
    udp: false,
    numeric: false,
    args: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      o.args.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if ('wpsieq'.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (c === 'w') o.wait = Number(v);
        if (c === 'p') o.port = Number(v);
        break;
      }
      if (c === 'l') o.listen = true;
      else if (c === 'k') o.keep = true;
      else if (c === 'z') o.zero = true;
      else if (c === 'v') o.verbose++;
      else if (c === 'u') o.udp = true;
      else if (c === 'n') o.numeric = true;
    }
  }
  return o;
}

function listen(ctx: ProgramContext, o: NcOpts, bsd: boolean): ProgramResult {
  const port = o.port ?? Number(o.args[o.args.length - 1]);
  if (!Number.isInteger(port) || port <= 0)
    return {
      stdout: '',
      stderr: bsd ? 'nc: missing port with option -l\n' : 'nc: bad port spec\n',
      exitCode: 1,
    };
  try {
    bindSocket(ctx.place.ns, {
      proto: o.udp ? 'udp' : 'tcp',
      ip: '0.0.0.0',
      port,
      owner: 'nc',
      ownerId: ctx.place.container?.id,
      app: o.udp ? { kind: 'udp' } : { kind: 'tcp', banner: ctx.stdin || undefined },
    });
  } catch (e) {
    if (!(e instanceof BindError)) throw e;
    return {
      stdout: '',
      stderr: bsd
        ? 'nc: Address already in use\n'
        : `nc: bind: ${strerror('EADDRINUSE', libcOf(ctx.place))}\n`,
      exitCode: 1,
    };
  }
  const msg = o.verbose ? (bsd ? `Listening on 0.0.0.0 ${port}\n` : `listening on [::]:${port} ...\n`) : '';
  return { stdout: '', stderr: msg, exitCode: 0, running: true };
}

function exchangeData(ctx: ProgramContext, conn: Trace): string {
  const input = ctx.stdin;
  const m = /^([A-Z]+) (\S+) HTTP\/1\.[01]\r?\n((?:[^\r\n]+\r?\n)*)\r?\n/.exec(input);
  if (m) {
    const headers: Record<string, string> = {};
    for (const line of m[3].split(/\r?\n/)) {
      const k = line.indexOf(':');
      if (k > 0) headers[line.slice(0, k).trim()] = line.slice(k + 1).trim();
    }
    const r = httpOverConnection(ctx.world, conn, {
      method: m[1],
      path: m[2],
      host: headers.Host ?? '',
      headers,
    });
    if (r.response) return headerBlock(r.response) + (m[1] === 'HEAD' ? '' : r.response.body);
    return r.raw ?? '';
  }
  const app = conn.server?.socket?.app;
  return app?.kind === 'tcp' && app.banner ? app.banner : '';
}

/** nc is netcat: connect (or scan with -z), or listen with -l (busybox or OpenBSD flavour). */
export const nc: Program = (ctx) => {
  const bsd = ctx.place.flavour !== 'busybox';
  const o = parse(ctx.argv.slice(1));
  if (o.listen) return listen(ctx, o, bsd);
  const [hostArg, portArg] = o.args;
  if (!hostArg || !portArg) {
    return bsd
      ? {
          stdout: '',
          stderr:
            'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n',
          exitCode: 1,
        }
      : {
          stdout: '',
          stderr:
            'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n',
          exitCode: 1,
        };
  }
  const port = Number(portArg);
  const libc = libcOf(ctx.place);
  const r = resolveName(ctx.world, ctx.place, hostArg, 'nc');
  ctx.world.clock.advance(r.ms);
  if (!r.addrs.length) {
    return bsd
      ? {
          stdout: '',
          stderr: `nc: getaddrinfo for host "${hostArg}" port ${port}: ${r.error === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known'}\n`,
          exitCode: 1,
        }
      : { stdout: '', stderr: `nc: bad address '${hostArg}'\n`, exitCode: 1 };
  }
  const ip = r.addrs[0];
  const t = o.udp
    ? udpExchange(ctx.world, ctx.place.ns, ip, port, { tool: 'nc' }, () => ({
        noReplyReason: 'UDP gets no answer unless the server replies',
      }))
    : tcpConnect(ctx.world, ctx.place.ns, ip, port, { tool: 'nc' });
  const open = o.udp
    ? t.verdict !== 'refused' && t.verdict !== 'unreachable' && !t.errno
    : t.verdict === 'delivered';
  ctx.world.clock.advance(t.rttMs);
  if (!open) {
    const errno =
      t.verdict === 'refused'
        ? 'ECONNREFUSED'
        : t.errno === 'ENETUNREACH'
          ? 'ENETUNREACH'
          : t.verdict === 'unreachable'
            ? 'EHOSTUNREACH'
            : 'ETIMEDOUT';
    if (errno === 'ETIMEDOUT') ctx.world.clock.advance((o.wait ?? 127) * 1000);
    if (bsd) {
      const what =
        errno === 'ETIMEDOUT' && o.wait !== undefined
          ? 'timed out: Operation now in progress'
          : `failed: ${strerror(errno, 'glibc')}`;
      return {
        stdout: '',
        stderr: `nc: connect to ${hostArg}${hostArg === ip ? '' : ` (${ip})`} port ${port} (${o.udp ? 'udp' : 'tcp'}) ${what}\n`,
        exitCode: 1,
      };
    }
    const show = o.verbose > 1 || (o.verbose > 0 && errno !== 'ECONNREFUSED');
    return {
      stdout: '',
      stderr: show ? `nc: ${hostArg} (${ip}:${port}): ${strerror(errno, libc)}\n` : '',
      exitCode: 1,
    };
  }
  let err = '';
  if (bsd && o.verbose) {
    const svc = Object.keys(SERVICES).find((k) => SERVICES[k] === port) ?? '*';
    err = `Connection to ${hostArg}${hostArg === ip ? '' : ` (${ip})`} ${port} port [${o.udp ? 'udp' : 'tcp'}/${svc}] succeeded!\n`;
  } else if (o.verbose) err = `${hostArg} (${ip}:${port}) open\n`;
  if (o.zero) return { stdout: '', stderr: err, exitCode: 0 };
  return { stdout: o.udp ? '' : exchangeData(ctx, t), stderr: err, exitCode: 0 };
};
