/**
 * The lesson frontmatter schema, documented field by field.
 *
 * Plain zod with no `astro:content` import, so unit tests and scripts can parse
 * frontmatter directly. `src/content.config.ts` hands it to the `lessons` collection.
 */
import { z } from 'astro/zod';

/** COURSE_PARTS lists the parts of the course, in the order the course map shows them. */
export const COURSE_PARTS = [
  'Foundations',
  'The Container Network Model',
  'Network drivers',
  'Putting it together',
] as const;

/** CoursePart is one of the COURSE_PARTS. */
export type CoursePart = (typeof COURSE_PARTS)[number];

const partList = COURSE_PARTS.map((part) => `"${part}"`).join(', ');

const lessonFields = {
  title: z
    .string({ error: 'title is required: the lesson name shown in navigation and the page heading' })
    .trim()
    .min(1, 'title must not be empty')
    .describe('The lesson name, shown as the page heading, in the course map and in navigation.'),
  description: z
    .string({ error: 'description is required: one sentence for search results and link previews' })
    .trim()
    .min(1, 'description must not be empty')
    .describe('One or two sentences used for the meta description, Open Graph and the course map.'),
  part: z
    .enum(COURSE_PARTS, { error: `part must be one of ${partList}` })
    .describe('The part of the course this lesson belongs to; the course map groups lessons by it.'),
  order: z
    .number({ error: 'order must be a number, e.g. `order: 3`' })
    .int('order must be a whole number')
    .nonnegative('order must be 0 or more')
    .describe('Position of the lesson inside its part: lower comes first.'),
  duration: z
    .number({ error: 'duration must be a number of minutes, e.g. `duration: 15`' })
    .int('duration must be a whole number of minutes')
    .positive('duration must be at least 1 minute')
    .describe('Estimated time to read the lesson and finish its labs, in minutes.'),
  objectives: z
    .array(z.string().trim().min(1, 'objectives must not contain empty entries'), {
      error: 'objectives must be a list of strings, e.g. `objectives: ["Explain what a bridge does"]`',
    })
    .min(1, 'objectives must list at least one learning objective')
    .describe('What the learner can do after the lesson, one sentence each.'),
  labs: z
    .array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'labs entries must be kebab-case scenario ids'), {
      error: 'labs must be a list of scenario ids, e.g. `labs: ["bridge-basics"]`',
    })
    .default([])
    .describe('Ids of the scenarios (in src/scenarios/) whose labs this lesson embeds.'),
  draft: z
    .boolean({ error: 'draft must be true or false' })
    .default(false)
    .describe('When true the lesson is left out of production builds, navigation and search.'),
};

const knownFields = new Set(Object.keys(lessonFields));

/**
 * lessonSchema validates the frontmatter of one `content/lessons/**\/*.mdx` file. Unknown fields
 * (usually typos) are errors reported under their own name, with the list of allowed fields.
 */
export const lessonSchema = z
  .looseObject(lessonFields, {
    error: 'the frontmatter must be `field: value` lines between two `---` lines',
  })
  .superRefine(
    (frontmatter, ctx) => {
      for (const key of Object.keys(frontmatter).filter((name) => !knownFields.has(name))) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `unknown field; allowed fields are ${[...knownFields].join(', ')}`,
        });
      }
    },
    // Also run when other fields are wrong, so one pass reports every problem.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

/** LessonFrontmatter is the parsed, defaulted frontmatter of one lesson. */
export type LessonFrontmatter = z.output<typeof lessonSchema>;

/** formatFrontmatterIssues turns zod issues into one readable line per problem. */
export function formatFrontmatterIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(frontmatter)';
    return `- ${field}: ${issue.message}`;
  });
}

/**
 * parseLessonFrontmatter validates `data` and returns the parsed frontmatter; on failure it
 * throws an Error whose message names the file and lists every bad field.
 */
export function parseLessonFrontmatter(data: unknown, file = 'lesson'): LessonFrontmatter {
  const result = lessonSchema.safeParse(data);
  if (result.success) return result.data;
  const lines = formatFrontmatterIssues(result.error.issues);
  throw new Error(`Invalid frontmatter in ${file}:\n${lines.join('\n')}`);
}
