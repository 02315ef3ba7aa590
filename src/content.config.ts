import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './content/schema.ts';

/** lessons: one MDX file per lesson under content/lessons/; see src/content/schema.ts for the fields. */
const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/lessons' }),
  schema: lessonSchema,
});

export const collections = { lessons };
