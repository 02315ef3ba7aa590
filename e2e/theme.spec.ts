import { expect, LESSON_PATH, test } from './fixtures.ts';

const html = (page: import('@playwright/test').Page) => page.locator('html');

test('the theme follows the OS until the toggle is used', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
});

test('the toggle switches the theme and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(LESSON_PATH);
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const lightBackground = await page.evaluate(
    () => getComputedStyle(document.documentElement).backgroundColor,
  );

  await toggle.click();
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const darkBackground = await page.evaluate(
    () => getComputedStyle(document.documentElement).backgroundColor,
  );
  expect(darkBackground).not.toBe(lightBackground);

  await page.reload();
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  // The OS preference no longer wins over the saved choice, on any page.
  await page.goto('/');
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.reload();
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
});

test('the saved theme is applied before the page is painted', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(() => {
    localStorage.setItem('dnl-theme', 'dark');
    // Record the theme at the first moment the body exists, before any module script runs.
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      (window as unknown as { firstTheme?: string }).firstTheme = document.documentElement.dataset.theme;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/');
  expect(await page.evaluate(() => (window as unknown as { firstTheme?: string }).firstTheme)).toBe('dark');
});
