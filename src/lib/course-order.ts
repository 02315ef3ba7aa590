/**
 * Course ordering: which lesson comes first, how lessons group into parts, and what
 * comes before and after a lesson. Pure functions over plain data, shared by the course
 * map, the sidebar and the prev/next links.
 */
import { COURSE_PARTS, type CoursePart, type LessonFrontmatter } from '../content/schema.ts';

/** CourseEntry is what ordering needs of a lesson: its id and frontmatter. */
export interface CourseEntry {
  id: string;
  data: Pick<LessonFrontmatter, 'part' | 'order' | 'title' | 'draft'>;
}

/** CoursePartGroup is one part of the course with its lessons in order. */
export interface CoursePartGroup<T extends CourseEntry> {
  part: CoursePart;
  /** 1-based position of the part in COURSE_PARTS, stable even when earlier parts are empty. */
  number: number;
  lessons: T[];
}

/** sortLessons returns the lessons in course order: by part, then `order`, then title. */
export function sortLessons<T extends CourseEntry>(lessons: readonly T[]): T[] {
  return [...lessons].sort(
    (a, b) =>
      COURSE_PARTS.indexOf(a.data.part) - COURSE_PARTS.indexOf(b.data.part) ||
      a.data.order - b.data.order ||
      a.data.title.localeCompare(b.data.title),
  );
}

/** visibleLessons drops drafts unless `includeDrafts` is set (the dev server sets it). */
export function visibleLessons<T extends CourseEntry>(lessons: readonly T[], includeDrafts: boolean): T[] {
  return lessons.filter((lesson) => includeDrafts || !lesson.data.draft);
}

/** groupByPart splits lessons into parts in course order, leaving out parts with no lessons. */
export function groupByPart<T extends CourseEntry>(lessons: readonly T[]): CoursePartGroup<T>[] {
  const sorted = sortLessons(lessons);
  return COURSE_PARTS.map((part, index) => ({
    part,
    number: index + 1,
    lessons: sorted.filter((lesson) => lesson.data.part === part),
  })).filter((group) => group.lessons.length > 0);
}

/** neighbours returns the lessons just before and after `id` in course order. */
export function neighbours<T extends CourseEntry>(
  lessons: readonly T[],
  id: string,
): { prev: T | undefined; next: T | undefined } {
  const sorted = sortLessons(lessons);
  const index = sorted.findIndex((lesson) => lesson.id === id);
  if (index === -1) return { prev: undefined, next: undefined };
  return { prev: sorted[index - 1], next: sorted[index + 1] };
}
