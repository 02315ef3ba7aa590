import { expect, LESSON_PATH, test } from './fixtures.ts';

async function boxes(page: import('@playwright/test').Page) {
  const prose = await page.locator('article.lesson').boundingBox();
  const lab = await page.locator('.lesson-lab').boundingBox();
  if (!prose || !lab) throw new Error('lesson or lab column not rendered');
  return { prose, lab };
}

test('on a wide screen the lab sits beside the prose and stays in view', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(LESSON_PATH);
  const { prose, lab } = await boxes(page);
  expect(lab.x).toBeGreaterThanOrEqual(prose.x + prose.width);
  await expect(page.getByRole('navigation', { name: 'Course contents' })).toBeVisible();

  await page.mouse.wheel(0, 2000);
  await expect(page.getByRole('region', { name: 'Lab' })).toBeInViewport();
});

test('on a narrow screen the lab comes after the prose and the menu is folded', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(LESSON_PATH);
  const { prose, lab } = await boxes(page);
  expect(lab.y).toBeGreaterThanOrEqual(prose.y + prose.height);
  await expect(page.getByRole('navigation', { name: 'Course contents' })).toBeHidden();
  await page.getByText('Course menu', { exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Course contents' })).toBeVisible();
});

test('at 320 px nothing scrolls sideways: wide tables and code scroll in their own regions', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 700 });
  for (const path of ['/', '/lessons/bridge/', '/lessons/playground/', '/workshop/', '/progress/']) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBe(320);
  }
  await page.goto('/lessons/bridge/');
  const region = page.locator('.prose .table-scroll').first();
  await expect(region).toHaveAttribute('tabindex', '0');
  await expect(region).toHaveAttribute('role', 'region');
});
