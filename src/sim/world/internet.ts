// Mirrors nothing in moby; simplified: the small internet behind the lab's router (public names
// with the addresses they resolved to in 2025/2026: google.com 142.250.185.78, example.com on
// Cloudflare 104.20.23.154 / 172.66.147.243), public resolvers and web servers; no IPv6, no HTTPS.

import type { DnsAnswer, DnsQuestion, HttpRequest, HttpResponse } from '../kernel/types.ts';
import type { Clock } from './clock.ts';

/** PublicHost is one machine on the simulated internet. */
export interface PublicHost {
  /** id is the namespace id (and host name) of the machine. */
  id: string;
  addrs: string[];
  /** ttl is the machine's initial IP TTL (Google answers with 128, most Linux servers 64). */
  ttl: number;
  /** dns is true for public resolvers listening on UDP 53. */
  dns?: boolean;
  /** web answers HTTP on port 80. */
  web?: (req: HttpRequest, clock: Clock) => HttpResponse;
}

/** PUBLIC_A is the public DNS zone: every name the internet resolves, with its A records. */
export const PUBLIC_A: Record<string, string[]> = {
  'google.com': ['142.250.185.78'],
  'www.google.com': ['142.250.185.78'],
  'example.com': ['104.20.23.154', '172.66.147.243'],
  'www.example.com': ['104.20.23.154', '172.66.147.243'],
  'dns.google': ['8.8.8.8', '8.8.4.4'],
  'one.one.one.one': ['1.1.1.1', '1.0.0.1'],
};

/** PUBLIC_PTR maps public addresses back to names (reverse DNS). */
export const PUBLIC_PTR: Record<string, string> = {
  '142.250.185.78': 'fra16s48-in-f14.1e100.net',
  '8.8.8.8': 'dns.google',
  '8.8.4.4': 'dns.google',
  '1.1.1.1': 'one.one.one.one',
  '1.0.0.1': 'one.one.one.one',
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** httpDate formats a time as an HTTP Date header (RFC 9110 IMF-fixdate). */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} GMT`;
}

/** publicResolve answers a question the way a public recursive resolver would. */
export function publicResolve(q: DnsQuestion): DnsAnswer {
  const name = q.name.toLowerCase().replace(/\.$/, '');
  if (q.type === 'PTR') {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa$/.exec(name);
    const ip = m ? `${m[4]}.${m[3]}.${m[2]}.${m[1]}` : '';
    const ptr = PUBLIC_PTR[ip];
    return ptr
      ? { rcode: 'NOERROR', answers: [{ name, type: 'PTR', ttl: 300, data: ptr }] }
      : { rcode: 'NXDOMAIN', answers: [] };
  }
  const a = PUBLIC_A[name];
  if (!a) return { rcode: 'NXDOMAIN', answers: [] };
  if (q.type !== 'A' && q.type !== 'ANY') return { rcode: 'NOERROR', answers: [] };
  return { rcode: 'NOERROR', answers: a.map((ip) => ({ name, type: 'A' as const, ttl: 300, data: ip })) };
}

const GOOGLE_301 = `<HTML><HEAD><meta http-equiv="content-type" content="text/html;charset=utf-8">
<TITLE>301 Moved</TITLE></HEAD><BODY>
<H1>301 Moved</H1>
The document has moved
<A HREF="http://www.google.com/">here</A>.
</BODY></HTML>
`;

const GOOGLE_HOME = `<!doctype html><html itemscope="" itemtype="http://schema.org/WebPage" lang="en"><head><meta content="Search the world's information, including webpages, images, videos and more. Google has many special features to help you find exactly what you're looking for." name="description"><meta content="noodp, " name="robots"><title>Google</title></head><body><center><br clear="all" id="lgpd"><div id="lga"><img alt="Google" height="92" src="/images/branding/googlelogo/1x/googlelogo_white_background_color_272x92dp.png" width="272"></div><form action="/search" name="f"><input name="q" size="57" title="Google Search" value=""><input name="btnG" type="submit" value="Google Search"></form></center></body></html>`;

const EXAMPLE_PAGE = `<!doctype html><html lang="en"><head><title>Example Domain</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>body{background:#eee;width:60vw;margin:15vh auto;font-family:system-ui,sans-serif}h1{font-size:1.5em}div{opacity:0.8}a:link,a:visited{color:#348}</style><body><div><h1>Example Domain</h1><p>This domain is for use in documentation examples without needing permission. Avoid use in operations.<p><a href="https://iana.org/domains/example">Learn more</a></div></body></html>
`;

function googleWeb(req: HttpRequest, clock: Clock): HttpResponse {
  const date = httpDate(clock.now());
  const host = req.host.replace(/:\d+$/, '').toLowerCase();
  if (host === 'www.google.com') {
    return {
      status: 200,
      headers: {
        Date: date,
        Expires: '-1',
        'Cache-Control': 'private, max-age=0',
        'Content-Type': 'text/html; charset=ISO-8859-1',
        Server: 'gws',
        'X-XSS-Protection': '0',
        'X-Frame-Options': 'SAMEORIGIN',
        'Content-Length': String(GOOGLE_HOME.length),
      },
      body: GOOGLE_HOME,
    };
  }
  return {
    status: 301,
    headers: {
      Location: 'http://www.google.com/',
      'Content-Type': 'text/html; charset=UTF-8',
      Date: date,
      Expires: httpDate(clock.now() + 30 * 86400_000),
      'Cache-Control': 'public, max-age=2592000',
      Server: 'gws',
      'Content-Length': String(GOOGLE_301.length),
      'X-XSS-Protection': '0',
      'X-Frame-Options': 'SAMEORIGIN',
    },
    body: GOOGLE_301,
  };
}

function exampleWeb(req: HttpRequest, clock: Clock): HttpResponse {
  void req;
  return {
    status: 200,
    headers: {
      Date: httpDate(clock.now()),
      'Content-Type': 'text/html',
      'Content-Length': String(EXAMPLE_PAGE.length),
      Connection: 'keep-alive',
      Server: 'cloudflare',
      'Last-Modified': httpDate(clock.now() - 3 * 86400_000),
      Allow: 'GET, HEAD',
      'Accept-Ranges': 'bytes',
      Age: '2519',
      'cf-cache-status': 'HIT',
    },
    body: EXAMPLE_PAGE,
  };
}

/** PUBLIC_HOSTS lists the machines of the simulated internet. */
export const PUBLIC_HOSTS: PublicHost[] = [
  { id: 'google.com', addrs: ['142.250.185.78'], ttl: 128, web: googleWeb },
  { id: 'example.com', addrs: ['104.20.23.154', '172.66.147.243'], ttl: 64, web: exampleWeb },
  { id: 'dns.google', addrs: ['8.8.8.8', '8.8.4.4'], ttl: 128, dns: true },
  { id: 'one.one.one.one', addrs: ['1.1.1.1', '1.0.0.1'], ttl: 64, dns: true },
];
