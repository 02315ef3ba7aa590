// Keeping a learner's saved lab aside when a link (a shared lab, a challenge deep link) replaces
// it: the saved state is pushed on a small per-lab stack in storage and can be restored from the
// lab's notice. Plain TS over a StorageLike; absent or failing storage keeps nothing and never throws.

import type { Scenario } from '../../scenarios/schema.ts';
import { isSavedLab, type LabState, labKey, type SavedLab, type StorageLike } from './lab-store.ts';

/** KEEP_LIMIT is how many earlier labs are kept per lab (the oldest goes first). */
export const KEEP_LIMIT = 10;

/** keptKey is where a lab's kept states live: {v, stack: SavedLab[], applied: string}. */
export const keptKey = (scenarioId: string, instance = ''): string =>
  `dnl:lab-kept:${scenarioId}${instance ? `:${instance}` : ''}`;

interface KeptRecord {
  v: number;
  stack: SavedLab[];
  /** applied is the JSON of the last log a link applied: saving it again would keep nothing new. */
  applied: string;
}

function parse(raw: string | null | undefined): unknown {
  try {
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}

function readRecord(storage: StorageLike, key: string, scenario: Scenario): KeptRecord {
  const value = parse(storage.getItem(key)) as Partial<KeptRecord> | undefined;
  const stack = Array.isArray(value?.stack) ? value.stack.filter((s) => isSavedLab(s, scenario)) : [];
  return { v: 1, stack, applied: typeof value?.applied === 'string' ? value.applied : '' };
}

/**
 * keepSavedLab puts the lab's saved state aside before a link replaces it with `applied`; it
 * returns whether a kept lab can be restored. Empty labs, and a lab still exactly as the last link
 * left it, are not kept again.
 */
export function keepSavedLab(
  storage: StorageLike | undefined,
  scenario: Scenario,
  instance: string,
  applied: LabState,
): boolean {
  if (!storage) return false;
  try {
    const key = keptKey(scenario.id, instance);
    const record = readRecord(storage, key, scenario);
    const current = parse(storage.getItem(labKey(scenario.id, instance)));
    if (isSavedLab(current, scenario) && current.log.length > 0) {
      const log = JSON.stringify(current.log);
      const known = log === record.applied || record.stack.some((s) => JSON.stringify(s.log) === log);
      if (!known) record.stack = [...record.stack, current].slice(-KEEP_LIMIT);
    }
    record.applied = JSON.stringify(applied.log);
    storage.setItem(key, JSON.stringify(record));
    return record.stack.length > 0;
  } catch {
    return false;
  }
}

/** takeKeptLab removes and returns the most recently kept state of a lab, if any. */
export function takeKeptLab(
  storage: StorageLike | undefined,
  scenario: Scenario,
  instance: string,
): LabState | undefined {
  if (!storage) return undefined;
  try {
    const key = keptKey(scenario.id, instance);
    const record = readRecord(storage, key, scenario);
    const last = record.stack.pop();
    if (!last) return undefined;
    record.applied = '';
    storage.setItem(key, JSON.stringify(record));
    return { seed: last.seed, log: last.log, history: last.history };
  } catch {
    return undefined;
  }
}
