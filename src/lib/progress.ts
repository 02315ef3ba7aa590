/**
 * Course progress for the home page: which challenges are done (read from what the labs record in
 * localStorage) and which lesson was visited last. Pure functions over plain data, plus safe
 * storage reads: absent, disabled or malformed storage reads as "no progress", never as an error.
 */

/** PROGRESS_KEY holds completed challenges: {scenarioId: [challengeId…]} (written by lab-store.ts). */
export const PROGRESS_KEY = 'dnl:progress';

/** LAST_LESSON_KEY holds the id of the lesson the learner visited last (written by LessonLayout). */
export const LAST_LESSON_KEY = 'dnl:last-lesson';

/** ChallengeIds lists a lesson's challenges by scenario: {scenarioId: [challengeId…]}. */
export type ChallengeIds = Record<string, string[]>;

/** Count is how many of a set of challenges are done. */
export interface Count {
  done: number;
  total: number;
}

/** ReadableStorage is the part of localStorage progress reads. */
export interface ReadableStorage {
  getItem(key: string): string | null;
}

/** parseProgress turns the stored progress into {scenario: [ids]}, dropping anything malformed. */
export function parseProgress(raw: string | null | undefined): ChallengeIds {
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: ChallengeIds = {};
  for (const [scenario, ids] of Object.entries(value)) {
    if (Array.isArray(ids)) out[scenario] = ids.filter((id): id is string => typeof id === 'string');
  }
  return out;
}

/** countDone counts the challenges of `challenges` that `progress` records as done. */
export function countDone(challenges: ChallengeIds, progress: ChallengeIds): Count {
  let done = 0;
  let total = 0;
  for (const [scenario, ids] of Object.entries(challenges)) {
    const completed = new Set(progress[scenario] ?? []);
    for (const id of new Set(ids)) {
      total++;
      if (completed.has(id)) done++;
    }
  }
  return { done, total };
}

/** mergeChallenges unites several lessons' challenges (a scenario shared by lessons counts once). */
export function mergeChallenges(all: readonly ChallengeIds[]): ChallengeIds {
  const merged: Record<string, Set<string>> = {};
  for (const challenges of all) {
    for (const [scenario, ids] of Object.entries(challenges)) {
      merged[scenario] ??= new Set();
      for (const id of ids) merged[scenario].add(id);
    }
  }
  return Object.fromEntries(Object.entries(merged).map(([scenario, ids]) => [scenario, [...ids]]));
}

/** readKey reads one storage key; a missing or throwing storage reads as null. */
export function readKey(storage: () => ReadableStorage | undefined, key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** fill replaces `{name}` placeholders in a UI string template rendered into the page. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    vars[name] === undefined ? match : String(vars[name]),
  );
}
