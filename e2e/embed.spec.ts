/**
 * Embeds: /embed/<scenario>/ shows one lab without the site around it, honours ?panes and
 * ?height (ignoring bad values), works in an iframe on another origin and with storage blocked,
 * and every lesson lab offers "Embed this" with the iframe snippet.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, LESSON_PATH, test } from './fixtures.ts';

test('the embed page is the lab alone, noindex, with pane and height options', async ({ page }) => {
  const response = await page.goto('/embed/playground/?panes=terminal,topology&height=480');
  const headers = response?.headers() ?? {};
  expect(headers['x-frame-options']).toBeUndefined();
  expect(headers['cross-origin-opener-policy']).toBeUndefined();
  expect(headers['cross-origin-embedder-policy']).toBeUndefined();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  await expect(page.locator('body [data-pagefind-body]')).toHaveCount(0);
  await expect(page.getByRole('banner')).toHaveCount(0);
  const lab = page.locator('dnl-lab[data-embed]');
  await expect(lab).toHaveAttribute('data-ready', 'true');
  await expect(lab.locator('[data-pane="editor"]')).toBeHidden();
  await expect(lab.locator('[data-pane="challenges"]')).toBeHidden();
  await expect(lab.locator('[data-pane="topology"]')).toBeVisible();
  await expect(lab.locator('[data-action="embed"]')).toHaveCount(0);
  expect(await lab.locator('.lab-terminal').evaluate((el) => el.getBoundingClientRect().height)).toBe(480);

  await page.goto('/embed/playground/?panes=%3Cscript%3E&height=99999');
  await expect(lab).toHaveAttribute('data-ready', 'true');
  for (const pane of ['editor', 'topology', 'challenges'])
    await expect(lab.locator(`[data-pane="${pane}"]`)).toBeVisible();
  expect(await lab.locator('.lab-terminal').evaluate((el) => el.getBoundingClientRect().height)).toBe(320);
});

test('an embedded lab works in an iframe on another origin', async ({ page, baseURL }) => {
  // A real second site: a tiny server for the host page at localhost (the lab is at 127.0.0.1).
  // It is served, not routed, because Chromium's Local Network Access blocks a page without a
  // known address from framing a loopback server; in real use both sites are public.
  const embed = `${baseURL}/embed/bridge-lab/?height=300`;
  const server = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html');
    response.end(`<!doctype html><html lang="en"><title>Host page</title><h1>Someone's blog</h1>
      <iframe src="${embed}" title="Lab" width="900" height="700"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await page.goto(`http://localhost:${port}/`);
    const lab = page.frameLocator('iframe').locator('dnl-lab');
    await expect(lab).toHaveAttribute('data-ready', 'true');
    expect(page.frames().map((f) => f.url())).toEqual([`http://localhost:${port}/`, embed]);
    await lab.locator('[data-terminal]:not([hidden]) .xterm-helper-textarea').focus();
    await page.keyboard.type('docker ps --format {{.Names}}');
    await page.keyboard.press('Enter');
    await expect(lab.locator('[data-live]')).toHaveText(
      'root@host1:~# docker ps --format {{.Names}}\ndb\nweb\n',
    );
  } finally {
    server.close();
  }
});

test('with storage blocked the embedded lab still works', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('/embed/playground/');
  const lab = page.locator('dnl-lab');
  await expect(lab).toHaveAttribute('data-ready', 'true');
  await lab.locator('[data-terminal]:not([hidden]) .xterm-helper-textarea').focus();
  await page.keyboard.type('docker network create app');
  await page.keyboard.press('Enter');
  await expect(lab.locator('[data-live]')).toContainText('docker network create app\n');
  await expect(lab.locator('[data-challenge="make-network"] [data-status]')).toHaveText('Done');
});

test('"Embed this" gives a copyable iframe snippet in an accessible dialog', async ({ page, baseURL }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(LESSON_PATH);
  const lab = page.locator('dnl-lab[data-primary]');
  await expect(lab).toHaveAttribute('data-ready', 'true');
  const open = lab.locator('[data-action="embed"]');
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Embed this lab' });
  await expect(dialog).toBeVisible();
  const code = await dialog.getByLabel('HTML to paste').inputValue();
  expect(code).toBe(
    `<iframe src="${baseURL}/embed/playground/" title="Lab: Playground" width="100%" height="640" loading="lazy" style="border: 0"></iframe>`,
  );
  await dialog.getByRole('button', { name: 'Copy HTML' }).click();
  await expect(dialog.locator('[data-copy-status]')).toHaveText('HTML copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.evaluate((theme) => {
      document.documentElement.dataset.theme = theme;
    }, colorScheme);
    const results = await new AxeBuilder({ page }).include('dialog[data-dialog="embed"]').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  }
  await page.keyboard.press('Tab');
  await expect(dialog.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the embed page has no serious axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/embed/bridge-lab/');
    await expect(page.locator('dnl-lab')).toHaveAttribute('data-ready', 'true');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
}
