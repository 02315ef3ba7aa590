/**
 * Progress files: the learner's course progress (completed challenges and the last lesson) as a
 * small versioned JSON file, and the checks an imported file must pass. Import is all or nothing:
 * parseProgressFile either returns the whole validated content or an error, and mergeProgress
 * unites it with what the browser already has (importing never forgets a completed challenge).
 * The course does not store quiz answers, so there are none to export.
 */
import type { ChallengeIds } from './progress.ts';

/** PROGRESS_FILE_FORMAT names the file's format; PROGRESS_FILE_VERSION is its version. */
export const PROGRESS_FILE_FORMAT = 'docker-networking-lab/progress';
export const PROGRESS_FILE_VERSION = 1;

/** PROGRESS_FILE_MAX_BYTES caps an imported file (a full course's progress is about 2 KB). */
export const PROGRESS_FILE_MAX_BYTES = 64 * 1024;

/** ProgressFile is the file's content. */
export interface ProgressFile {
  format: typeof PROGRESS_FILE_FORMAT;
  version: number;
  exportedAt: string;
  challenges: ChallengeIds;
  lastLesson: string | null;
}

/** ProgressFileError says why a file was refused; `detail` names the offending value if any. */
export interface ProgressFileError {
  error: 'too-large' | 'not-json' | 'not-progress' | 'version' | 'invalid' | 'unknown';
  detail?: string;
}

/** Known lists what this course has: challenge ids by scenario, and lesson ids. */
export interface Known {
  challenges: ChallengeIds;
  lessons: readonly string[];
}

/** buildProgressFile makes the file's content from the stored progress. */
export function buildProgressFile(
  challenges: ChallengeIds,
  lastLesson: string | null,
  now: Date,
): ProgressFile {
  return {
    format: PROGRESS_FILE_FORMAT,
    version: PROGRESS_FILE_VERSION,
    exportedAt: now.toISOString(),
    challenges,
    lastLesson,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** parseProgressFile validates a file's text against the course; it never throws. */
export function parseProgressFile(text: string, known: Known): ProgressFile | ProgressFileError {
  if (new TextEncoder().encode(text).byteLength > PROGRESS_FILE_MAX_BYTES) return { error: 'too-large' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'not-json' };
  }
  if (!isObject(value) || value.format !== PROGRESS_FILE_FORMAT) return { error: 'not-progress' };
  if (value.version !== PROGRESS_FILE_VERSION) return { error: 'version', detail: String(value.version) };
  const { challenges, lastLesson, exportedAt } = value;
  if (typeof exportedAt !== 'string' || exportedAt.length > 40)
    return { error: 'invalid', detail: 'exportedAt' };
  if (lastLesson !== null && typeof lastLesson !== 'string')
    return { error: 'invalid', detail: 'lastLesson' };
  if (typeof lastLesson === 'string' && !known.lessons.includes(lastLesson))
    return { error: 'unknown', detail: lastLesson.slice(0, 80) };
  if (!isObject(challenges)) return { error: 'invalid', detail: 'challenges' };
  const out: ChallengeIds = {};
  for (const [scenario, ids] of Object.entries(challenges)) {
    const course = known.challenges[scenario];
    if (!course) return { error: 'unknown', detail: scenario.slice(0, 80) };
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
      return { error: 'invalid', detail: `challenges.${scenario}` };
    const unknown = ids.find((id) => !course.includes(id));
    if (unknown !== undefined) return { error: 'unknown', detail: `${scenario}/${unknown}`.slice(0, 80) };
    out[scenario] = [...new Set(ids as string[])];
  }
  return { ...buildProgressFile(out, lastLesson, new Date(0)), exportedAt };
}

/** isProgressFileError tells a refused file from a valid one. */
export function isProgressFileError(v: ProgressFile | ProgressFileError): v is ProgressFileError {
  return 'error' in v;
}

/** mergeProgress unites stored and imported completed challenges. */
export function mergeProgress(stored: ChallengeIds, imported: ChallengeIds): ChallengeIds {
  const out: ChallengeIds = { ...stored };
  for (const [scenario, ids] of Object.entries(imported))
    out[scenario] = [...new Set([...(stored[scenario] ?? []), ...ids])];
  return out;
}
