// Mirrors moby/sys/signal (SignalMap, ParseSignal) and what the main processes of the catalogue images
// do with stop signals. A container's main process is PID 1: the kernel ignores signals it has no
// handler for, so `docker stop` of `sleep 1000` waits for the timeout and SIGKILLs (exit 137), while
// nginx exits 0 on SIGQUIT. Simplified: a small table of programs instead of real signal handlers.

import { invalidParameter } from '../errdefs.ts';

/** SIGNALS maps signal names (without SIG) to numbers on linux/amd64. */
export const SIGNALS: Record<string, number> = {
  HUP: 1,
  INT: 2,
  QUIT: 3,
  ILL: 4,
  TRAP: 5,
  ABRT: 6,
  IOT: 6,
  BUS: 7,
  FPE: 8,
  KILL: 9,
  USR1: 10,
  SEGV: 11,
  USR2: 12,
  PIPE: 13,
  ALRM: 14,
  TERM: 15,
  STKFLT: 16,
  CHLD: 17,
  CONT: 18,
  STOP: 19,
  TSTP: 20,
  TTIN: 21,
  TTOU: 22,
  URG: 23,
  XCPU: 24,
  XFSZ: 25,
  VTALRM: 26,
  PROF: 27,
  WINCH: 28,
  IO: 29,
  POLL: 29,
  PWR: 30,
  SYS: 31,
};

/** parseSignal is signal.ParseSignal: "SIGTERM", "term" or "15". */
export function parseSignal(raw: string): number {
  if (/^-?\d+$/.test(raw)) {
    const n = Number(raw);
    if (n === 0) throw invalidParameter(`invalid signal: ${raw}`);
    return n;
  }
  const n = SIGNALS[raw.toUpperCase().replace(/^SIG/, '')];
  if (n === undefined) throw invalidParameter(`invalid signal: ${raw}`);
  return n;
}

const WRAPPERS = new Set(['docker-entrypoint.sh', 'httpd-foreground', 'tini', 'docker-init', 'gosu', 'exec']);

/** mainProgram is the program that ends up as PID 1 (entrypoint scripts exec their arguments). */
export function mainProgram(argv: string[]): string {
  for (const a of argv) {
    const base = a.replace(/^.*\//, '');
    if (base === 'httpd-foreground') return 'httpd';
    if (!WRAPPERS.has(base) && !a.startsWith('-')) return base;
  }
  return argv[0]?.replace(/^.*\//, '') ?? '';
}

/** HANDLERS lists, per program, the signals it handles and the exit code that follows (undefined = keeps running). */
const HANDLERS: Record<string, Record<number, number | undefined>> = {
  nginx: { 3: 0, 15: 0, 2: 0, 1: undefined, 10: undefined },
  'redis-server': { 15: 0, 2: 0 },
  postgres: { 15: 0, 2: 0, 3: 0, 1: undefined },
  httpd: { 28: 0, 15: 0, 1: undefined, 10: undefined },
  whoami: { 15: 2, 2: 2 },
};

/** signalOutcome tells what signal does to a main process: {exits, exitCode} or keeps running. */
export function signalOutcome(
  argv: string[],
  signal: number,
  withInit: boolean,
): { exits: boolean; exitCode: number } {
  if (signal === 9) return { exits: true, exitCode: 137 };
  const table = HANDLERS[mainProgram(argv)];
  if (table && signal in table) {
    const code = table[signal];
    return code === undefined ? { exits: false, exitCode: 0 } : { exits: true, exitCode: code };
  }
  // PID 1 without a handler ignores the signal; behind --init (tini) the default action applies.
  const ignoredByDefault = [17, 18, 23, 28];
  if (withInit && !ignoredByDefault.includes(signal)) return { exits: true, exitCode: 128 + signal };
  return { exits: false, exitCode: 0 };
}
