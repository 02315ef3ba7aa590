/**
 * Offline: after one visit the service worker controls the page and has precached the site; with
 * the network gone, another lesson opens, its lab runs a docker command, the editor (Monaco,
 * never loaded online) opens, and the offline notice shows. Needs `npm run build` (sw.js).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, LESSON_PATH, test } from './fixtures.ts';

// The probe below fails on purpose; every failed request is checked at the end of the test.
test.use({ serviceWorkers: 'allow', allowedConsoleErrors: [/net::ERR_FAILED/] });

const OTHER_LESSON = '/lessons/bridge/';

async function readyLab(page: Page): Promise<Locator> {
  const lab = page.locator('dnl-lab[data-primary]');
  await expect(lab).toHaveAttribute('data-ready', 'true');
  return lab;
}

test('after one visit, lessons, labs and the editor work offline', async ({ page, context }) => {
  test.setTimeout(90_000);
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(new URL(request.url()).pathname));
  await page.goto(LESSON_PATH);
  await readyLab(page);
  // Precaching finishes before the worker activates and claims the page.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), { timeout: 60_000 })
    .toBe('activated');
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const precache = names.find((name) => name.startsWith('dnl-precache-'));
    return precache
      ? (await (await caches.open(precache)).keys()).map((request) => new URL(request.url).pathname)
      : [];
  });
  expect(cached).toContain(OTHER_LESSON);
  expect(cached.some((path) => path.endsWith('/pagefind/pagefind.js'))).toBe(true);

  const status = page.locator('[data-offline-status]');
  await expect(status).toHaveText('');
  await context.setOffline(true);
  await expect(status).toHaveText('Offline — labs still work');
  await expect(status).toHaveAttribute('role', 'status');

  // The worker's own requests fail too: a file it has not cached cannot be fetched.
  const probe = await page.evaluate(() =>
    fetch('/offline-probe.txt').then(
      (r) => r.status,
      () => 'failed',
    ),
  );
  expect(probe).toBe('failed');

  const response = await page.goto(OTHER_LESSON);
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.locator('[data-offline-status]')).toHaveText('Offline — labs still work');
  const lab = await readyLab(page);
  await lab.locator('[data-terminal]:not([hidden]) .xterm-helper-textarea').focus();
  await page.keyboard.type('docker network ls');
  await page.keyboard.press('Enter');
  await expect(lab.locator('[data-terminal]:not([hidden]) .xterm-rows')).toContainText('NETWORK ID');

  // The editor's chunks were never requested online: they come from the precache.
  await page.goto(LESSON_PATH);
  const playground = await readyLab(page);
  await playground.locator('[data-pane="editor"] summary').click();
  await expect(playground.locator('[data-editor] .monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(playground.locator('[data-editor] .view-lines')).not.toBeEmpty();
  expect(failed).toEqual(['/offline-probe.txt']);
});
