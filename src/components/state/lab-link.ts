// Share links: a lab's state (scenario, seed, command log, edited files) as JSON, deflate-raw
// compressed (CompressionStream) and base64url-encoded into a URL fragment, so it never reaches a
// server. Decoding is defensive: the fragment, the decompressed size and every field are checked
// against LINK_LIMITS and the scenario registry; anything off gives a LinkError, never a throw.
// Plain TS over web-platform APIs that Node has too (unit-tested in lab-link.test.ts).

import type { LabLogEntry } from '../../sim/index.ts';
import type { LabState } from './lab-store.ts';

/** LINK_VERSION is the payload version; links of another version are refused. */
export const LINK_VERSION = 1;

/** SHARE_PREFIX starts the URL fragment of a share link: `#share=<base64url>`. */
export const SHARE_PREFIX = '#share=';

/** LINK_LIMITS caps what a link may hold (checked on the way in and on the way out). */
export const LINK_LIMITS = {
  /** encodedChars: longest base64url payload in the fragment (≈ 12 KB of URL). */
  encodedChars: 12_000,
  /** jsonBytes: largest decompressed payload (guards against deflate bombs). */
  jsonBytes: 64 * 1024,
  /** entries: most log entries. */
  entries: 500,
  /** lineChars: longest command line. */
  lineChars: 2_000,
  /** pathChars: longest file path. */
  pathChars: 256,
  /** contentChars: largest edited file. */
  contentChars: 32 * 1024,
} as const;

/** LinkPayload is what a share link holds. */
export interface LinkPayload {
  v: number;
  scenario: string;
  instance: string;
  seed: number;
  log: LabLogEntry[];
}

/** LinkErrorKind says why a link was refused (each has its own notice in en.json). */
export type LinkErrorKind = 'damaged' | 'too-large' | 'unknown-scenario' | 'invalid' | 'version';

/** LinkResult is a decoded payload or the reason it was refused. */
export type LinkResult = { ok: true; payload: LinkPayload } | { ok: false; error: LinkErrorKind };

/** ScenarioHosts looks a scenario up by id and gives its host names (undefined: unknown id). */
export type ScenarioHosts = (id: string) => readonly string[] | undefined;

const toBase64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string): Uint8Array => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, cap: number) {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** encodeLink turns a lab's state into the base64url payload, or undefined when over LINK_LIMITS. */
export async function encodeLink(payload: LinkPayload): Promise<string | undefined> {
  if (validatePayload(payload, () => undefined, true) !== undefined) return undefined;
  const json = new TextEncoder().encode(JSON.stringify(payload));
  if (json.byteLength > LINK_LIMITS.jsonBytes) return undefined;
  const packed = await pipe(json, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  const text = packed ? toBase64Url(packed) : '';
  return text && text.length <= LINK_LIMITS.encodedChars ? text : undefined;
}

/** decodeLink checks and unpacks a base64url payload; it never throws. */
export async function decodeLink(text: string, hostsOf: ScenarioHosts): Promise<LinkResult> {
  if (text.length > LINK_LIMITS.encodedChars) return { ok: false, error: 'too-large' };
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return { ok: false, error: 'damaged' };
  let value: unknown;
  try {
    const json = await pipe(
      fromBase64Url(text),
      new DecompressionStream('deflate-raw'),
      LINK_LIMITS.jsonBytes,
    );
    if (!json) return { ok: false, error: 'too-large' };
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return { ok: false, error: 'damaged' };
  }
  const error = validatePayload(value, hostsOf, false);
  return error ? { ok: false, error } : { ok: true, payload: value as LinkPayload };
}

const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const LAB_PATH = /^\/root\/[^/]/;

function validEntry(e: unknown, hosts: readonly string[] | undefined): boolean {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return false;
  const entry = e as Record<string, unknown>;
  if (typeof entry.host !== 'string' || (hosts && !hosts.includes(entry.host))) return false;
  const keys = Object.keys(entry).sort().join(',');
  if (entry.kind === 'command')
    return keys === 'host,kind,line' && isString(entry.line, LINK_LIMITS.lineChars);
  return (
    entry.kind === 'file' &&
    keys === 'content,host,kind,path' &&
    isString(entry.path, LINK_LIMITS.pathChars) &&
    LAB_PATH.test(entry.path) &&
    !entry.path.split('/').includes('..') &&
    isString(entry.content, LINK_LIMITS.contentChars)
  );
}

/** validatePayload returns why `value` is not a LinkPayload for a known scenario, or undefined. */
export function validatePayload(
  value: unknown,
  hostsOf: ScenarioHosts,
  anyScenario = false,
): LinkErrorKind | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'invalid';
  const p = value as Record<string, unknown>;
  if (p.v !== LINK_VERSION) return typeof p.v === 'number' ? 'version' : 'invalid';
  if (!isString(p.scenario, 100) || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(p.scenario)) return 'invalid';
  const hosts = anyScenario ? undefined : hostsOf(p.scenario);
  if (!anyScenario && !hosts) return 'unknown-scenario';
  if (!isString(p.instance, 40) || !/^[a-z0-9-]*$/.test(p.instance)) return 'invalid';
  if (typeof p.seed !== 'number' || !Number.isSafeInteger(p.seed) || p.seed < 0 || p.seed > 0xffffffff)
    return 'invalid';
  if (!Array.isArray(p.log)) return 'invalid';
  if (p.log.length > LINK_LIMITS.entries) return 'too-large';
  if (!p.log.every((e) => validEntry(e, hosts))) return 'invalid';
  return Object.keys(p).length === 5 ? undefined : 'invalid';
}

/** linkState turns a payload into the state a lab store starts from (history: its commands). */
export function linkState(payload: LinkPayload): LabState {
  const log = payload.log.map((e) => ({ ...e }));
  const history = log.flatMap((e) => (e.kind === 'command' && e.line.trim() ? [e.line] : []));
  return { seed: payload.seed, log, history };
}
