import { expect, LESSON_PATH, LESSON_TITLE, test } from './fixtures.ts';

test('home leads to "How this course works" through the course map', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Docker Networking Lab');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const map = page.locator('#course-map');
  await expect(map.getByRole('heading', { name: /Foundations/ })).toBeVisible();

  await map.getByRole('link', { name: LESSON_TITLE }).click();
  await expect(page).toHaveURL(LESSON_PATH);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LESSON_TITLE);
  await expect(
    page.getByRole('navigation', { name: 'Course contents' }).getByRole('link', { name: LESSON_TITLE }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('region', { name: 'Lab' })).toBeVisible();
});

test('the lesson has a table of contents that links to its headings', async ({ page }) => {
  await page.goto(LESSON_PATH);
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await toc.getByRole('link', { name: 'Using the keyboard' }).click();
  await expect(page).toHaveURL(/#using-the-keyboard$/);
  await expect(page.getByRole('heading', { name: 'Using the keyboard' })).toBeInViewport();
});

test('the header search finds the lesson', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('search').getByRole('searchbox', { name: 'Search the lessons' });
  await search.fill('simulated');
  await search.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=simulated$/);
  await expect(
    page.locator('pagefind-results').getByRole('link', { name: LESSON_TITLE, exact: true }),
  ).toBeVisible();
});

test('the search page finds the lesson as you type', async ({ page }) => {
  await page.goto('/search/');
  await page.locator('pagefind-input input').fill('challenges');
  const result = page.locator('pagefind-results').getByRole('link', { name: LESSON_TITLE, exact: true });
  await expect(result).toBeVisible();
  await result.click();
  await expect(page).toHaveURL(new RegExp(`${LESSON_PATH}`));
});

test.describe('an unknown address', () => {
  // Chromium logs the 404 status of the document itself as a console error.
  test.use({ allowedConsoleErrors: [/status of 404/] });

  test('shows the 404 page', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await page.getByRole('link', { name: 'Go to the course home' }).click();
    await expect(page).toHaveURL('/');
  });
});
