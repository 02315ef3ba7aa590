// Mirrors curl lib/urlapi.c and busybox networking/wget.c parse_url: what curl and wget share
// (URL parsing, one HTTP transaction over a traced TCP connection, status texts); simplified: http
// only (https has no TLS here: port 443 is closed everywhere), no proxies.

import type { HttpResponse } from '../../../kernel/types.ts';
import { tcpConnect } from '../../../trace/exchange.ts';
import { httpOverConnection } from '../../../trace/http.ts';
import type { Trace } from '../../../trace/types.ts';
import type { ProgramContext } from '../../program.ts';
import type { Resolution } from './resolve.ts';
import { resolveName } from './resolve.ts';

/** Url is a parsed http URL. */
export interface Url {
  scheme: string;
  host: string;
  port: number;
  path: string;
  /** hostHeader is the Host header value (host, plus :port when not the default). */
  hostHeader: string;
}

/** parseUrl parses an http(s) URL; a missing scheme means http. */
export function parseUrl(raw: string): Url | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#\s]*|\[[^\]]*\])(?::(\d*))?([/?#][^\s]*)?$/.exec(raw);
  if (!m?.[2]) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const def = scheme === 'https' ? 443 : 80;
  const port = m[3] ? Number(m[3]) : def;
  if (port > 65535) return undefined;
  let path = m[4] ?? '/';
  if (path.startsWith('?') || path.startsWith('#')) path = `/${path}`;
  path = path.replace(/#.*$/, '');
  return {
    scheme,
    host: m[2].toLowerCase(),
    port,
    path,
    hostHeader: port === def ? m[2] : `${m[2]}:${port}`,
  };
}

/** STATUS_TEXT maps HTTP status codes to their reason phrases. */
export const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Time-out',
};

/** Transaction is the outcome of one HTTP request. */
export interface Transaction {
  resolution: Resolution;
  addr?: string;
  conn?: Trace;
  response?: HttpResponse;
  error?: 'resolve' | 'refused' | 'unreachable' | 'timeout' | 'reset' | 'empty' | 'raw' | 'netunreach';
  raw?: string;
  /** ms is the time the transaction took (DNS, connect, exchange; timeouts are the caller's). */
  ms: number;
}

/** httpTransaction resolves the URL's host, connects and sends one request. */
export function httpTransaction(
  ctx: ProgramContext,
  url: Url,
  method: string,
  headers: Record<string, string>,
  tool: string,
  body?: string,
): Transaction {
  const resolution = resolveName(ctx.world, ctx.place, url.host.replace(/^\[|\]$/g, ''), tool);
  if (!resolution.addrs.length) return { resolution, error: 'resolve', ms: resolution.ms };
  const addr = resolution.addrs[0];
  const conn = tcpConnect(ctx.world, ctx.place.ns, addr, url.port, { tool });
  let ms = resolution.ms + conn.rttMs;
  if (conn.verdict !== 'delivered') {
    const error =
      conn.verdict === 'refused'
        ? 'refused'
        : conn.errno === 'ENETUNREACH'
          ? 'netunreach'
          : conn.verdict === 'unreachable'
            ? 'unreachable'
            : 'timeout';
    return { resolution, addr, conn, error, ms };
  }
  const out = httpOverConnection(ctx.world, conn, {
    method,
    path: url.path,
    host: url.hostHeader,
    headers,
    body,
  });
  ms += out.ms;
  if (out.error) return { resolution, addr, conn, error: out.error, raw: out.raw, ms };
  return { resolution, addr, conn, response: out.response, ms };
}

/** headerBlock renders a response's status line and headers with CRLF line ends. */
export function headerBlock(res: HttpResponse): string {
  let s = `HTTP/1.1 ${res.status} ${STATUS_TEXT[res.status] ?? ''}\r\n`;
  for (const [k, v] of Object.entries(res.headers)) s += `${k}: ${v}\r\n`;
  return `${s}\r\n`;
}

/** headerValue finds a header case-insensitively. */
export function headerValue(res: HttpResponse, name: string): string | undefined {
  const k = Object.keys(res.headers).find((x) => x.toLowerCase() === name.toLowerCase());
  return k === undefined ? undefined : res.headers[k];
}

/** resolveLocation resolves a Location header against the current URL. */
export function resolveLocation(base: Url, loc: string): Url | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(loc)) return parseUrl(loc);
  if (loc.startsWith('/')) return { ...base, path: loc };
  const dir = base.path.replace(/[^/]*$/, '');
  return { ...base, path: `${dir}${loc}` };
}
