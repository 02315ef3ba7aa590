/** The published lessons of the course, read from the `lessons` content collection. */
import { type CollectionEntry, getCollection } from 'astro:content';
import { sortLessons, visibleLessons } from './course-order.ts';

/** Lesson is one entry of the `lessons` collection. */
export type Lesson = CollectionEntry<'lessons'>;

/** getLessons returns the lessons in course order; drafts only on the dev server. */
export async function getLessons(): Promise<Lesson[]> {
  const all = await getCollection('lessons');
  return sortLessons(visibleLessons(all, import.meta.env.DEV));
}
