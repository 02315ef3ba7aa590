// Replay: a lab's state is its options + a log of what the learner did; everything else is derived
// by running the log again on a fresh world (persistence, reset and undo all use this).

import type { Sim, SimOptions } from '../index.ts';

/** LabLogEntry is one recorded action: a terminal line, or a file saved from the editor. */
export type LabLogEntry =
  | { kind: 'command'; host: string; line: string }
  | { kind: 'file'; host: string; path: string; content: string };

/** replayWorld builds a world with `create` and applies every log entry to it, in order. */
export function replayWorld(
  create: (options: SimOptions) => Sim,
  options: SimOptions,
  log: readonly LabLogEntry[],
): Sim {
  const sim = create(options);
  for (const entry of log) {
    if (entry.kind === 'command') sim.exec(entry.line, { host: entry.host });
    else sim.writeFile(entry.path, entry.content, entry.host);
  }
  // Ctrl-C is not logged: a replayed foreground capture ends, and old capture output is not shown again
  for (const host of sim.hosts()) {
    if (sim.busy(host)) sim.interrupt(host);
    sim.takeOutput(host);
  }
  return sim;
}
