/**
 * Deep links: a challenge's link opens its lesson with the lab prepared for that step (setup plus
 * the solutions of the challenges before it), keeps the learner's saved lab restorable, and a
 * reload keeps what the learner did since. Challenges and section headings have "Copy link".
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const LESSON = '/lessons/bridge/';
const LINK = `${LESSON}#challenge-bridge-lab-internal-backend`;
const lab = (page: Page) => page.locator('dnl-lab[data-primary]');

async function run(page: Page, line: string): Promise<string> {
  await lab(page).locator('[data-terminal]:not([hidden]) .xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  const live = lab(page).locator('[data-live]');
  await expect(live).toContainText(line);
  return (await live.textContent()) ?? '';
}

const status = (page: Page, id: string) => lab(page).locator(`[data-challenge="${id}"] [data-status]`);

test('a challenge link lands on the challenge with the earlier steps done', async ({ page }) => {
  await page.goto(LESSON);
  await expect(lab(page)).toHaveAttribute('data-ready', 'true');
  await run(page, 'docker network create mine');

  await page.goto('/');
  await page.goto(LINK);
  await expect(lab(page)).toHaveAttribute('data-ready', 'true');
  const item = page.locator('#challenge-bridge-lab-internal-backend');
  await expect(item).toBeFocused();
  await expect(item).toBeInViewport();
  await expect(lab(page).locator('[data-notice]')).toHaveText(
    'The lab is ready for the challenge “Create an internal network backend and run a container vault on it”: the setup and the challenges before it are done.',
  );
  await expect(status(page, 'web-reaches-db')).toHaveText('Done');
  await expect(status(page, 'cache-alias')).toHaveText('Done');
  await expect(status(page, 'internal-backend')).toHaveText('Not done yet');
  expect(await run(page, 'docker network ls --format {{.Name}}')).toBe(
    'root@host1:~# docker network ls --format {{.Name}}\napp\nbridge\nhost\nnone\n',
  );
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.evaluate((theme) => {
      document.documentElement.dataset.theme = theme;
    }, colorScheme);
    const results = await new AxeBuilder({ page }).include('dnl-lab[data-primary]').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  }

  // A reload keeps what the learner did after landing (the link is not applied again).
  await run(page, 'docker network create --internal backend');
  await page.reload();
  await expect(lab(page)).toHaveAttribute('data-ready', 'true');
  expect(await run(page, 'docker network ls --format {{.Name}}')).toContain('backend');

  // The lab the learner had before the link is kept and comes back.
  const kept = lab(page).locator('[data-kept]');
  await page.goto('/');
  await page.goto(LINK);
  await expect(kept).toBeVisible();
  await kept.getByRole('button', { name: 'Restore my previous lab' }).click();
  await expect(lab(page).locator('[data-notice]')).toHaveText('Your previous lab is back.');
  expect(await run(page, 'docker network ls --format {{.Name}}')).toContain('backend');
  // The first saved lab is still kept (the stack holds up to ten).
  const stack = await page.evaluate(() =>
    JSON.parse(localStorage.getItem('dnl:lab-kept:bridge-lab') ?? '{}'),
  );
  expect(stack.stack.map((s: { log: { line: string }[] }) => s.log.map((e) => e.line))).toEqual([
    ['docker network create mine'],
  ]);
});

test('following a challenge link on the page prepares the lab too', async ({ page }) => {
  await page.goto(LESSON);
  await expect(lab(page)).toHaveAttribute('data-ready', 'true');
  await page.evaluate(() => {
    location.hash = '#challenge-bridge-lab-cache-alias';
  });
  await expect(status(page, 'web-reaches-db')).toHaveText('Done');
  await expect(page.locator('#challenge-bridge-lab-cache-alias')).toBeFocused();
});

test('challenges and section headings copy their links', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(LESSON);
  await expect(lab(page)).toHaveAttribute('data-ready', 'true');
  const copy = page.locator('#challenge-bridge-lab-cache-alias [data-copy-link]');
  await expect(copy).toHaveAccessibleName(
    'Copy link to the challenge “Run an alpine container cache on app that also answers to the name redis”',
  );
  await copy.click();
  await expect(copy).toContainText('Link copied.');
  const origin = new URL(page.url()).origin;
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${origin}${LESSON}#challenge-bridge-lab-cache-alias`,
  );

  const heading = page.getByRole('heading', { name: 'Publishing ports', exact: true });
  await expect(heading).toHaveAttribute('id', 'publishing-ports');
  const button = page.locator('.dnl-heading:has(#publishing-ports) .dnl-heading-link');
  await expect(button).toHaveAccessibleName('Copy link to section “Publishing ports”');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAccessibleName('Link copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${origin}${LESSON}#publishing-ports`,
  );
  expect(await page.locator('.prose h2[id]').count()).toBe(await page.locator('.dnl-heading-h2').count());
});

test('a challenge link to a lab further down the page starts that lab for it', async ({ page }) => {
  await page.goto('/lessons/how-this-course-works/');
  const inline = page.locator('dnl-lab[data-scenario="two-hosts"]');
  await expect(inline).not.toHaveAttribute('data-ready', 'true');
  await page.evaluate(() => {
    location.hash = '#challenge-two-hosts-web-on-host2';
  });
  await expect(inline).toHaveAttribute('data-ready', 'true');
  await expect(inline.locator('[data-notice]')).toHaveText(/^The lab is ready for the challenge “/);
  await expect(page.locator('#challenge-two-hosts-web-on-host2')).toBeFocused();
});
