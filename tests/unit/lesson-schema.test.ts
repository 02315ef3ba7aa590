import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COURSE_PARTS, lessonSchema, parseLessonFrontmatter } from '../../src/content/schema.ts';

const valid = {
  title: 'User-defined bridges',
  description: 'Why containers on a user-defined bridge find each other by name.',
  part: 'Network drivers',
  order: 2,
  duration: 20,
  objectives: ['Create a user-defined bridge network'],
};

function errorOf(data: unknown): string {
  try {
    parseLessonFrontmatter(data, 'content/lessons/example.mdx');
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail('expected the frontmatter to be rejected');
}

describe('lesson frontmatter schema', () => {
  test('accepts a complete frontmatter and fills in the defaults', () => {
    assert.deepEqual(parseLessonFrontmatter(valid), { ...valid, labs: [], draft: false });
  });

  test('a bad frontmatter yields one readable line per problem, naming the file', () => {
    const message = errorOf({ ...valid, part: 'Networking', duration: '20 min', order: 1.5 });
    assert.equal(
      message,
      [
        'Invalid frontmatter in content/lessons/example.mdx:',
        `- part: part must be one of ${COURSE_PARTS.map((part) => `"${part}"`).join(', ')}`,
        '- order: order must be a whole number',
        '- duration: duration must be a number of minutes, e.g. `duration: 15`',
      ].join('\n'),
    );
  });

  test('a missing field says what the field is for', () => {
    const { description: _, ...withoutDescription } = valid;
    assert.match(errorOf(withoutDescription), /- description: description is required: one sentence/);
  });

  test('an unknown field is reported with the list of allowed fields', () => {
    assert.match(
      errorOf({ ...valid, durration: 5 }),
      /- durration: unknown field; allowed fields are title, description, part, order, duration/,
    );
  });

  test('every problem is reported in one pass, unknown fields included', () => {
    const message = errorOf({ ...valid, title: '', durration: 5 });
    assert.match(message, /- title: title must not be empty\n- durration: unknown field/);
  });

  test('a frontmatter that is not a mapping says so', () => {
    assert.match(errorOf('just text'), /- \(frontmatter\): the frontmatter must be `field: value` lines/);
  });

  test('lab ids must be kebab-case scenario ids', () => {
    assert.match(
      errorOf({ ...valid, labs: ['Bridge Basics'] }),
      /- labs\.0: labs entries must be kebab-case/,
    );
    assert.deepEqual(parseLessonFrontmatter({ ...valid, labs: ['bridge-basics'] }).labs, ['bridge-basics']);
  });

  test('every field documents itself', () => {
    for (const [name, field] of Object.entries(lessonSchema.shape)) {
      assert.ok(field.description && field.description.length > 20, `${name} has no .describe()`);
    }
  });
});
