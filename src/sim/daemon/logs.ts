// Mirrors moby/moby daemon/logs.go (ContainerLogs), daemon/attach.go, daemon/wait.go and
// api/server/httputils/write_log_stream.go (timestamps as RFC3339NanoFixed), v28.2.2. Simplified:
// follow is not supported (the log so far is returned); attach and wait are lazy so a client can
// attach or wait, then start, then read — as the docker CLI's `run` does.

import { invalidParameter } from '../errdefs.ts';
import type { Container, Stamp } from './container.ts';
import type { Daemon } from './daemon.ts';

/** LogsOptions are GET /containers/{id}/logs's query parameters. */
export interface LogsOptions {
  stdout?: boolean;
  stderr?: boolean;
  timestamps?: boolean;
  tail?: string;
  since?: string;
  until?: string;
}

/** rfc3339NanoFixed is jsonmessage.RFC3339NanoFixed: always nine fraction digits. */
export function rfc3339NanoFixed(s: Stamp): string {
  const iso = new Date(s.ms).toISOString().slice(0, 19);
  return `${iso}.${String((s.ms % 1000) * 1_000_000 + s.ns).padStart(9, '0')}Z`;
}

/** parseLogTime is timetypes.GetTimestamp + ParseTimestamps: unix seconds, RFC3339 or a duration ago. */
export function parseLogTime(value: string, nowMs: number): number {
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const dur = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(value);
  if (dur)
    return (
      nowMs - Number(dur[1]) * { ms: 1, s: 1000, m: 60000, h: 3600000 }[dur[2] as 'ms' | 's' | 'm' | 'h']
    );
  const t = Date.parse(value);
  if (!Number.isNaN(t)) return t;
  throw invalidParameter(`failed to parse value as time or duration: "${value}"`);
}

/** containerLogs is GET /containers/{id}/logs: the json-file log, filtered by stream, time and tail. */
export function containerLogs(
  d: Daemon,
  name: string,
  opts: LogsOptions,
): { stdout: string; stderr: string } {
  if (!opts.stdout && !opts.stderr)
    throw invalidParameter('Bad parameters: you must choose at least one stream');
  const c = d.getContainer(name);
  const now = d.world.clock.now();
  const since = opts.since ? parseLogTime(opts.since, now) : undefined;
  const until = opts.until ? parseLogTime(opts.until, now) : undefined;
  let lines = c.logs.filter((l) => (l.stream === 'stdout' ? opts.stdout : opts.stderr));
  lines = lines.filter(
    (l) => (since === undefined || l.time.ms >= since) && (until === undefined || l.time.ms <= until),
  );
  const tail = opts.tail === undefined || opts.tail === 'all' || opts.tail === '' ? -1 : Number(opts.tail);
  if (tail >= 0 && Number.isInteger(tail)) lines = tail === 0 ? [] : lines.slice(-tail);
  const out = { stdout: '', stderr: '' };
  for (const l of lines) out[l.stream] += opts.timestamps ? `${rfc3339NanoFixed(l.time)} ${l.text}` : l.text;
  return out;
}

/** containerAttach is POST /containers/{id}/attach: stream() returns what the container wrote since (and, with logs, before). */
export function containerAttach(
  d: Daemon,
  name: string,
  opts: { logs?: boolean; stream?: boolean; stdout?: boolean; stderr?: boolean },
): () => { stdout: string; stderr: string } {
  const c = d.getContainer(name);
  if (opts.stream !== false) c.attachPending = true;
  const attachedAt = c.logs.length;
  return () => {
    const out = { stdout: '', stderr: '' };
    const start = opts.logs ? 0 : attachedAt;
    const end = opts.stream === false ? attachedAt : c.logs.length;
    for (const l of c.logs.slice(start, end)) {
      if (l.stream === 'stdout' ? opts.stdout !== false : opts.stderr !== false) out[l.stream] += l.text;
    }
    return out;
  };
}

/** WaitResult is container.WaitResponse. */
export interface WaitResult {
  StatusCode: number;
}

/**
 * containerWait is POST /containers/{id}/wait. It returns a reader: call it after the container
 * has had its chance to run; undefined means dockerd would still be waiting (the container is running).
 */
export function containerWait(
  d: Daemon,
  name: string,
  condition = 'not-running',
): () => WaitResult | undefined {
  if (!['not-running', 'next-exit', 'removed', ''].includes(condition))
    throw invalidParameter(`invalid condition: "${condition}"`);
  const c: Container = d.getContainer(name);
  const exitsAtCall = c.exitCount;
  return () => {
    if (condition === 'removed') return c.removed ? { StatusCode: c.state.exitCode } : undefined;
    if (condition === 'next-exit')
      return c.exitCount > exitsAtCall ? { StatusCode: c.state.exitCode } : undefined;
    return c.state.running ? undefined : { StatusCode: c.state.exitCode };
  };
}
