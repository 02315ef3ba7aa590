import AxeBuilder from '@axe-core/playwright';
import { expect, LESSON_PATH, test } from './fixtures.ts';

const pages = [
  { name: 'home', path: '/' },
  { name: 'lesson', path: LESSON_PATH },
  { name: 'search', path: '/search/?q=bridge' },
  { name: '404', path: '/no-such-page/' },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme, allowedConsoleErrors: [/status of 404/] });

    for (const { name, path } of pages) {
      test(`${name} page has no serious or critical axe violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        if (name === 'search') await expect(page.locator('pagefind-results a').first()).toBeVisible();
        const results = await new AxeBuilder({ page }).analyze();
        const blocking = results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map(
            (violation) =>
              `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
          );
        expect(blocking).toEqual([]);
      });
    }
  });
}
