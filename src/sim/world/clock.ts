// The simulator never reads the real time: a clock is injected, and only moves when told to.

/** Clock gives the simulated time in milliseconds since the Unix epoch. */
export interface Clock {
  now(): number;
  /** advance moves the clock forward by ms milliseconds. */
  advance(ms: number): void;
}

/** DEFAULT_EPOCH is where a lab's clock starts unless told otherwise: 2026-01-05T09:00:00Z. */
export const DEFAULT_EPOCH = Date.UTC(2026, 0, 5, 9, 0, 0);

/** createManualClock builds a clock that starts at startMs and moves only through advance. */
export function createManualClock(startMs: number = DEFAULT_EPOCH): Clock {
  let t = startMs;
  return {
    now: () => t,
    advance: (ms) => {
      if (ms > 0) t += ms;
    },
  };
}

/** rfc3339Nano formats a time like Go's time.RFC3339Nano in UTC (trailing zeros trimmed). */
export function rfc3339Nano(ms: number, extraNanos = 0): string {
  // Tools move the clock by fractions of a millisecond; Go prints whole nanoseconds.
  const whole = Math.floor(ms);
  const base = new Date(whole).toISOString().slice(0, 19); // 2026-01-05T09:00:00
  const nanos = Math.min(
    999_999_999,
    (whole % 1000) * 1_000_000 + Math.round((ms - whole) * 1_000_000) + Math.round(extraNanos),
  );
  if (nanos === 0) return `${base}Z`;
  return `${base}.${String(nanos).padStart(9, '0').replace(/0+$/, '')}Z`;
}
