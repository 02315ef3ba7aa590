/**
 * Course progress on the home page: visiting a lesson and solving a challenge through its shown
 * solution shows up on the home page as a progress bar, "n of m challenges done" on the lesson's
 * card and a "Continue: <lesson>" link; the page is unchanged without progress, and bad storage
 * is ignored silently. Axe stays clean in both themes.
 */
import { expect, test } from './fixtures.ts';
import { expectAxeClean, openLesson } from './lesson-walk.ts';

test.use({ reducedMotion: 'reduce' });

const LESSON = { slug: 'none', title: 'The none driver', scenario: 'none-lab' };

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('a solved challenge shows as progress and the home page offers to continue', async ({ page }) => {
      test.setTimeout(90_000);
      await page.goto('/');
      await expect(page.locator('[data-course-progress]')).toBeHidden();
      await expect(page.locator('[data-continue]')).toBeHidden();
      await expect(page.getByRole('link', { name: /^Start with/ })).toBeVisible();

      const lab = await openLesson(page, LESSON.slug);
      page.on('dialog', (dialog) => void dialog.accept());
      const item = lab.locator('[data-challenge]').first();
      await expect(item.locator('[data-status]')).toHaveText('Not done yet');
      const total = await lab.locator('[data-challenge]').count();
      await item.locator('[data-solution]').click();
      await expect(item.locator('[data-status]')).toHaveText('Done');

      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      const bar = page.getByRole('progressbar', { name: 'Course progress' });
      await expect(bar).toBeVisible();
      await expect(bar).toHaveAttribute('value', '1');
      const max = Number(await bar.getAttribute('max'));
      expect(max).toBeGreaterThanOrEqual(total);
      await expect(page.locator('[data-progress-summary]')).toHaveText(`1 of ${max} challenges done`);
      const card = page.locator(`[data-lesson="${LESSON.slug}"]`);
      await expect(card.locator('[data-lesson-progress]')).toHaveText(`1 of ${total} challenges done`);
      await expect(page.locator('[data-lesson="bridge"] [data-lesson-progress]')).toBeHidden();

      await expectAxeClean(page);

      const resume = page.getByRole('link', { name: `Continue: ${LESSON.title}` });
      await expect(resume).toBeVisible();
      await resume.click();
      await expect(page).toHaveURL(`/lessons/${LESSON.slug}/`);
    });
  });
}

test('a lesson with every challenge done gets a tick', async ({ page }) => {
  await page.goto('/');
  const ids = JSON.parse(
    (await page.locator(`[data-lesson="${LESSON.slug}"]`).getAttribute('data-challenges')) ?? '{}',
  ) as Record<string, string[]>;
  const done = ids[LESSON.scenario] ?? [];
  expect(done.length).toBeGreaterThan(0);
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key, value),
    ['dnl:progress', JSON.stringify({ [LESSON.scenario]: done })],
  );
  await page.reload();
  const status = page.locator(`[data-lesson="${LESSON.slug}"] [data-lesson-progress]`);
  await expect(status).toHaveText(`✓ All ${done.length} challenges done`);
  await expect(page.locator('[data-continue]')).toBeHidden();
  await expectAxeClean(page);
});

test('bad or unknown saved progress leaves the home page as rendered', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    localStorage.setItem('dnl:progress', '{not json');
    localStorage.setItem('dnl:last-lesson', 'no-such-lesson');
  });
  await page.reload();
  await expect(page.locator('[data-course-progress]')).toBeHidden();
  await expect(page.locator('[data-continue]')).toBeHidden();
  await expect(page.locator('#course-map')).toBeVisible();

  await page.evaluate(() => localStorage.setItem('dnl:progress', '["x"]'));
  await page.reload();
  await expect(page.locator('[data-course-progress]')).toBeHidden();
});

test.describe('without storage', () => {
  test('the home page still renders its course map', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new Error('storage disabled');
        },
      });
    });
    await page.goto('/');
    await expect(page.locator('#course-map').getByRole('link', { name: LESSON.title })).toBeVisible();
    await expect(page.locator('[data-course-progress]')).toBeHidden();
  });
});
