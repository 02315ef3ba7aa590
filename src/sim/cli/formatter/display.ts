// Mirrors docker/cli cli/command/formatter/displayutils.go (Ellipsis), moby pkg/stringid
// (TruncateID), docker/go-units (HumanSizeWithPrecision, BytesSize; HumanDuration is ../../gounits.ts),
// fvbommel/sortorder (NaturalLess), Go's net.JoinHostPort and strconv.Quote.

import { humanDuration } from '../../gounits.ts';
import { displayWidth } from '../tabwriter.ts';
import { goQuote } from '../template/lex.ts';

export { humanDuration };

/** truncateID is stringid.TruncateID: drop an "algo:" prefix, keep 12 characters. */
export function truncateID(id: string): string {
  const i = id.indexOf(':');
  const s = i >= 0 ? id.slice(i + 1) : id;
  return s.length > 12 ? s.slice(0, 12) : s;
}

/** ellipsis is formatter.Ellipsis: cut to a display width, ending with "…". */
export function ellipsis(s: string, max: number): string {
  if (max <= 0) return '';
  const rs = [...s];
  if (max === 1) return rs[0] ?? '';
  if (displayWidth(s) <= max) return s;
  let w = 0;
  let out = '';
  for (const r of rs) {
    const cw = displayWidth(r);
    if (w + cw > max - 1) break;
    w += cw;
    out += r;
  }
  return `${out}…`;
}

/** formatG is Go's %.*g for a positive float. */
export function formatG(x: number, prec: number): string {
  if (x === 0) return '0';
  let s = x.toPrecision(prec);
  if (s.includes('e')) {
    const [m, e] = s.split('e');
    const mm = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const ei = Number(e);
    return `${mm}e${ei < 0 ? '-' : '+'}${String(Math.abs(ei)).padStart(2, '0')}`;
  }
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

function sizeAndUnit(size: number, base: number, units: string[]): [number, string] {
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size /= base;
    i++;
  }
  return [size, units[i]];
}

/** humanSizeWithPrecision is units.HumanSizeWithPrecision ("7.8MB"). */
export function humanSizeWithPrecision(size: number, prec: number): string {
  const [s, u] = sizeAndUnit(size, 1000, DECIMAL);
  return `${formatG(s, prec)}${u}`;
}

/** bytesSize is units.BytesSize ("15.61GiB"). */
export function bytesSize(size: number): string {
  const [s, u] = sizeAndUnit(size, 1024, BINARY);
  return `${formatG(s, 4)}${u}`;
}

/** naturalLess is sortorder.NaturalLess: digit runs compare numerically. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  const isDigit = (c: string): boolean => c >= '0' && c <= '9';
  while (i < a.length && j < b.length) {
    const ca = a[i];
    const cb = b[j];
    const d1 = isDigit(ca);
    const d2 = isDigit(cb);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (ca !== cb) return ca < cb;
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === '0') i++;
    while (j < b.length && b[j] === '0') j++;
    const nz1 = i;
    const nz2 = j;
    while (i < a.length && isDigit(a[i])) i++;
    while (j < b.length && isDigit(b[j])) j++;
    if (i - nz1 !== j - nz2) return i - nz1 < j - nz2;
    const n1 = a.slice(nz1, i);
    const n2 = b.slice(nz2, j);
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return a.length < b.length;
}

/** naturalSort sorts strings (or items by key) with naturalLess, stably. */
export function naturalSort<T>(items: T[], key: (t: T) => string): T[] {
  return [...items].sort((x, y) => (naturalLess(key(x), key(y)) ? -1 : naturalLess(key(y), key(x)) ? 1 : 0));
}

/** joinHostPort is net.JoinHostPort: brackets hosts containing a colon. */
export function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** strconvQuote is strconv.Quote. */
export function strconvQuote(s: string): string {
  return goQuote(s);
}

/** goTimeString is time.Time.String() in UTC for a Unix time in ms ("2026-01-05 09:00:00 +0000 UTC"). */
export function goTimeString(ms: number, nanos?: number): string {
  const iso = new Date(ms).toISOString();
  let frac = '';
  const ns = nanos ?? (ms % 1000) * 1e6;
  if (ns > 0) frac = `.${String(ns).padStart(9, '0').replace(/0+$/, '')}`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac} +0000 UTC`;
}

/** parseRFC3339 returns ms and the nanosecond fraction of an RFC 3339 timestamp. */
export function parseRFC3339(s: string): { ms: number; nanos: number } | undefined {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(s);
  if (!m) return undefined;
  const base = Date.parse(`${m[1]}${m[4]}`);
  const frac = (m[3] ?? '').padEnd(9, '0').slice(0, 9);
  const nanos = Number(frac);
  return { ms: base + Math.floor(nanos / 1e6), nanos };
}
