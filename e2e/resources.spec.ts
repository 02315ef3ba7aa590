/**
 * The course's resource pages can be found: the home page and every page's footer link to the
 * playground's cheat sheet and glossary, the workshop page and the progress page, and each link
 * lands on its target.
 */
import { expect, LESSON_PATH, test } from './fixtures.ts';

const RESOURCES = [
  { name: 'Cheat sheet', path: '/lessons/playground/', target: '#cheat-sheet' },
  { name: 'Glossary', path: '/lessons/playground/', target: '#glossary' },
  { name: 'Workshops and handouts', path: '/workshop/', target: 'h1' },
  { name: 'Your progress', path: '/progress/', target: 'h1' },
];

test('every page’s footer links to the course resources, and each link lands', async ({ page }) => {
  for (const start of ['/', LESSON_PATH, '/search/']) {
    await page.goto(start);
    const footer = page.getByRole('navigation', { name: 'Course resources' });
    for (const { name, path, target } of RESOURCES) {
      const link = footer.getByRole('link', { name, exact: true });
      await expect(link).toHaveAttribute('href', target.startsWith('#') ? `${path}${target}` : path);
    }
  }
  for (const { name, path, target } of RESOURCES) {
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Course resources' })
      .getByRole('link', { name, exact: true })
      .click();
    await expect(page).toHaveURL(new RegExp(`${path}${target.startsWith('#') ? target : ''}$`));
    await expect(page.locator(target).first()).toBeVisible();
  }
});

test('the home page links to the cheat sheet, the glossary and the workshop page', async ({ page }) => {
  await page.goto('/');
  const audience = page.getByRole('region', { name: 'Who it is for' });
  await expect(audience.getByRole('link', { name: /^Cheat sheet/ })).toHaveAttribute(
    'href',
    '/lessons/playground/#cheat-sheet',
  );
  await expect(audience.getByRole('link', { name: /^Glossary/ })).toHaveAttribute(
    'href',
    '/lessons/playground/#glossary',
  );
  await expect(audience.getByRole('link', { name: /^Running a workshop/ })).toHaveAttribute(
    'href',
    '/workshop/',
  );
});
