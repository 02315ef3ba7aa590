/**
 * "Share this lab": the link round-trips a lab with commands and an edited file into a fresh
 * browser, keeps the learner's own saved lab restorable, and tampered links (flipped bytes,
 * oversize, unknown scenario, wrong types) give a notice and a fresh, working lab.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, LESSON_PATH, test } from './fixtures.ts';

const lab = (page: Page) => page.locator('dnl-lab[data-primary]');

async function run(page: Page, line: string): Promise<string> {
  await lab(page).locator('[data-terminal]:not([hidden]) .xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  const live = lab(page).locator('[data-live]');
  await expect(live).toContainText(line);
  return (await live.textContent()) ?? '';
}

/** packed deflate-raw + base64url-encodes JSON, as a share link does (for hand-made bad links). */
async function packed(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return Buffer.from(await new Response(stream).arrayBuffer()).toString('base64url');
}

test('a share link rebuilds the same lab, edited files included, in a fresh browser', async ({
  page,
  browser,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(LESSON_PATH);
  await expect(lab(page)).toHaveAttribute('data-ready', 'true');
  await run(page, 'docker network create shared-net');
  await run(page, 'docker run -dit --name web --network shared-net alpine ash');
  await lab(page).locator('[data-pane="editor"] summary').click();
  const editor = lab(page).locator('[data-editor] .monaco-editor');
  await lab(page).locator('[data-files] [role="tab"]', { hasText: 'compose.yaml' }).click();
  await expect(editor.locator('.view-lines')).toContainText('services:');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('# shared edit');
  const ps = await run(
    page,
    "docker ps -a --format '{{.ID}} {{.Image}} {{.State}} {{.Names}} {{.Networks}}'",
  );
  const compose = await run(page, 'cat compose.yaml');
  expect(compose).toContain('# shared edit');

  const share = lab(page).locator('[data-action="share"]');
  await share.click();
  const dialog = lab(page).locator('dialog[data-dialog="share"]');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-qr] svg[role="img"] path')).toHaveCount(1);
  const url = await dialog.locator('[data-share-url]').inputValue();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/lessons\/how-this-course-works\/#share=[A-Za-z0-9_-]+$/);
  console.log(`share link: ${url.length} characters`);
  await dialog.locator('[data-copy]').click();
  await expect(dialog.locator('[data-copy-status]')).toHaveText('Link copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.evaluate((theme) => {
      document.documentElement.dataset.theme = theme;
    }, colorScheme);
    const results = await new AxeBuilder({ page }).include('dialog[data-dialog="share"]').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(share).toBeFocused();

  // A fresh browser with saved work of its own: the link replaces it, and it can be restored.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(LESSON_PATH);
  await expect(lab(fresh)).toHaveAttribute('data-ready', 'true');
  await run(fresh, 'docker network create mine');
  await fresh.goto('/');
  await fresh.goto(url);
  await expect(lab(fresh)).toHaveAttribute('data-ready', 'true');
  await expect(lab(fresh).locator('[data-notice]')).toHaveText(
    'This lab was opened from a shared link: its commands and files were replayed.',
  );
  expect(new URL(fresh.url()).hash).toBe('');
  expect(
    await run(fresh, "docker ps -a --format '{{.ID}} {{.Image}} {{.State}} {{.Names}} {{.Networks}}'"),
  ).toBe(ps);
  expect(await run(fresh, 'cat compose.yaml')).toBe(compose);
  await fresh.reload();
  await expect(lab(fresh)).toHaveAttribute('data-ready', 'true');
  expect(await run(fresh, 'cat compose.yaml')).toBe(compose);

  await fresh.goto('/');
  await fresh.goto(url);
  const kept = lab(fresh).locator('[data-kept]');
  await expect(kept).toBeVisible();
  await kept.getByRole('button', { name: 'Restore my previous lab' }).click();
  await expect(kept).toBeHidden();
  await expect(lab(fresh).locator('[data-notice]')).toHaveText('Your previous lab is back.');
  // The lab restored is the one just before this link: the shared lab as worked on since (`docker ps`,
  // `cat`); the learner's own lab from before the first link is still kept below it.
  expect(await run(fresh, 'docker network ls --format {{.Name}}')).toContain('shared-net');
  const kept2 = await fresh.evaluate(() =>
    JSON.parse(localStorage.getItem('dnl:lab-kept:playground') ?? '{}'),
  );
  expect(kept2.stack.map((s: { log: { line?: string }[] }) => s.log.map((e) => e.line))).toEqual([
    ['docker network create mine'],
  ]);
  await other.close();
});

test('tampered and oversize links give a notice and a fresh, working lab', async ({ page }) => {
  await page.goto(LESSON_PATH);
  await expect(lab(page)).toHaveAttribute('data-ready', 'true');
  await page.locator('dnl-lab[data-primary] [data-action="share"]').click();
  await expect(page.locator('dnl-lab[data-primary] dialog[data-dialog="share"]')).toBeVisible();
  const good = (await page.locator('dnl-lab[data-primary] [data-share-url]').inputValue()).split(
    '#share=',
  )[1];
  await page.keyboard.press('Escape');
  const valid = { v: 1, scenario: 'playground', instance: '', seed: 1, log: [] };
  const flip = (s: string, i: number) => `${s.slice(0, i)}${s[i] === 'A' ? 'B' : 'A'}${s.slice(i + 1)}`;
  const cases: [string, string, RegExp][] = [
    ['flipped bytes', flip(flip(good, 3), 8), /damaged or incomplete|not hold a valid lab/],
    ['oversize', 'A'.repeat(12_001), /holds more than a lab link may/],
    [
      'unknown scenario',
      await packed({ ...valid, scenario: 'no-such-lab' }),
      /a lab this course does not have/,
    ],
    [
      'wrong types',
      await packed({ ...valid, seed: 'one', log: [{ kind: 'command', host: 'host1', line: 7 }] }),
      /not hold a valid lab/,
    ],
    [
      'a script as a command',
      await packed({
        ...valid,
        log: [{ kind: 'command', host: 'host1', line: '<img src=x onerror=alert(1)>' }],
        extra: '<b>',
      }),
      /not hold a valid lab/,
    ],
  ];
  for (const [name, payload, notice] of cases) {
    await page.goto('/');
    await page.goto(`${LESSON_PATH}#share=${payload}`);
    await expect(lab(page), name).toHaveAttribute('data-ready', 'true');
    await expect(lab(page).locator('[data-notice]'), name).toHaveText(notice);
    await expect(lab(page).locator('[data-notice] *'), name).toHaveCount(0);
    expect(await run(page, 'docker network ls --format {{.Name}}'), name).toBe(
      'root@host1:~# docker network ls --format {{.Name}}\nbridge\nhost\nnone\n',
    );
  }
});
