/**
 * The lab's editor: Monaco is not requested before the editor is opened; it shows the lab's files
 * in tabs; edits reach the shell at once and shell writes reach the editor; it follows the theme.
 */
import type { Page } from '@playwright/test';
import { expect, LESSON_PATH, test } from './fixtures.ts';

async function run(page: Page, line: string): Promise<void> {
  await page.locator('dnl-lab[data-primary] [data-terminal]:not([hidden]) .xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

test('the editor loads on open and stays in sync with the shell', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(LESSON_PATH);
  const lab = page.locator('dnl-lab[data-primary]');
  await expect(lab).toHaveAttribute('data-ready', 'true');
  expect(requests.filter((url) => /monaco|editor-pane|editor\.worker|codicon/.test(url))).toEqual([]);

  await lab.locator('[data-pane="editor"] summary').click();
  const editor = lab.locator('[data-editor] .monaco-editor');
  await expect(editor).toBeVisible();
  await expect(lab.locator('[data-files] [role="tab"]')).toHaveText(['Dockerfile', 'compose.yaml']);
  await expect(lab.locator('[data-files] [role="tab"][aria-selected="true"]')).toHaveText('Dockerfile');
  await expect(editor.locator('.view-lines')).toContainText('FROM alpine');
  const readyMs = await page.evaluate(() => {
    const open = performance.getEntriesByName('dnl-editor-open:playground')[0];
    const ready = performance.getEntriesByName('dnl-editor-ready:playground')[0];
    return ready.startTime - open.startTime;
  });
  console.log(`editor ready ${Math.round(readyMs)} ms after opening`);
  expect(readyMs).toBeLessThan(2000);
  expect(requests.filter((url) => /\.worker.*\.js/.test(url) && !/editor\.worker/.test(url))).toEqual([]);

  // Editor → shell: an edit is visible to `cat` at once.
  await lab.locator('[data-files] [role="tab"]', { hasText: 'compose.yaml' }).click();
  await expect(editor.locator('.view-lines')).toContainText('services:');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('# edited in the editor');
  await run(page, 'cat compose.yaml');
  await expect(lab.locator('[data-live]')).toContainText('# edited in the editor');

  // Shell → editor: a file written by the shell shows up after the command.
  await run(page, 'echo "FROM busybox" > Dockerfile');
  await lab.locator('[data-files] [role="tab"]', { hasText: 'Dockerfile' }).click();
  await expect(editor.locator('.view-lines')).toHaveText('FROM busybox');
  await run(page, 'echo hello > notes.txt');
  await expect(lab.locator('[data-files] [role="tab"]')).toHaveText([
    'Dockerfile',
    'compose.yaml',
    'notes.txt',
  ]);

  // The theme follows the site's.
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'dark';
  });
  await expect(editor).toHaveClass(/vs-dark/);
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'light';
  });
  await expect(editor).not.toHaveClass(/vs-dark/);

  // Edits survive a reload (they are in the saved log).
  await page.reload();
  await expect(lab).toHaveAttribute('data-ready', 'true');
  await run(page, 'cat compose.yaml');
  await expect(lab.locator('[data-live]')).toContainText('# edited in the editor');
});
