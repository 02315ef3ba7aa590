import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CoursePart } from '../../src/content/schema.ts';
import { groupByPart, neighbours, sortLessons, visibleLessons } from '../../src/lib/course-order.ts';

const lesson = (id: string, part: CoursePart, order: number, draft = false) => ({
  id,
  data: { title: id, part, order, draft },
});

const lessons = [
  lesson('overlay', 'Network drivers', 3),
  lesson('intro', 'Foundations', 0),
  lesson('bridge', 'Network drivers', 1),
  lesson('cnm', 'The Container Network Model', 0),
  lesson('wip', 'Foundations', 5, true),
];

describe('course order', () => {
  test('sorts by part, then by order', () => {
    assert.deepEqual(
      sortLessons(lessons).map((l) => l.id),
      ['intro', 'wip', 'cnm', 'bridge', 'overlay'],
    );
  });

  test('drops drafts unless asked to keep them', () => {
    assert.equal(visibleLessons(lessons, false).length, 4);
    assert.equal(visibleLessons(lessons, true).length, 5);
  });

  test('groups by part in course order, numbering parts and skipping empty ones', () => {
    const groups = groupByPart(visibleLessons(lessons, false));
    assert.deepEqual(
      groups.map((g) => [g.number, g.part, g.lessons.map((l) => l.id)]),
      [
        [1, 'Foundations', ['intro']],
        [2, 'The Container Network Model', ['cnm']],
        [3, 'Network drivers', ['bridge', 'overlay']],
      ],
    );
  });

  test('finds the previous and next lessons across parts', () => {
    const visible = visibleLessons(lessons, false);
    assert.deepEqual(
      Object.values(neighbours(visible, 'cnm')).map((l) => l?.id),
      ['intro', 'bridge'],
    );
    assert.deepEqual(
      Object.values(neighbours(visible, 'intro')).map((l) => l?.id),
      [undefined, 'cnm'],
    );
    assert.deepEqual(
      Object.values(neighbours(visible, 'missing')).map((l) => l?.id),
      [undefined, undefined],
    );
  });
});
