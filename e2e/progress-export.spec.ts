/**
 * Progress export and import (/progress/): the file holds the completed challenges and the last
 * lesson; clearing storage and importing it restores the progress; bad files are refused whole.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, LESSON_PATH, test } from './fixtures.ts';

test('export, clear storage, import: the progress is back; bad files change nothing', async ({ page }) => {
  await page.goto(LESSON_PATH);
  const lab = page.locator('dnl-lab[data-primary]');
  await expect(lab).toHaveAttribute('data-ready', 'true');
  await lab.locator('[data-terminal]:not([hidden]) .xterm-helper-textarea').focus();
  await page.keyboard.type('docker run -d --name web nginx');
  await page.keyboard.press('Enter');
  await expect(lab.locator('[data-challenge="run-web"] [data-status]')).toHaveText('Done');

  await page.goto('/');
  await page.getByRole('link', { name: 'Save or load your progress' }).click();
  await expect(page).toHaveURL(/\/progress\/$/);
  const summary = page.locator('[data-summary]');
  await expect(summary).toHaveText(/^1 of \d+ challenges done in this browser\.$/);
  const total = Number((await summary.textContent())?.match(/of (\d+)/)?.[1]);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download progress file' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^docker-networking-lab-progress-\d{4}-\d\d-\d\d\.json$/);
  const path = (await download.path()) as string;
  const file = JSON.parse(await readFile(path, 'utf8'));
  expect(file).toEqual({
    format: 'docker-networking-lab/progress',
    version: 1,
    exportedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    challenges: { playground: ['run-web'] },
    lastLesson: 'how-this-course-works',
  });

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(summary).toHaveText(`0 of ${total} challenges done in this browser.`);
  const input = page.getByLabel('Progress file (.json)');
  const result = page.locator('[data-result]');

  const bad = { ...file, challenges: { playground: ['run-web', 'fly'] } };
  await input.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await expect(result).toHaveText(
    'This progress file names something this course does not have (playground/fly). Nothing was changed.',
  );
  await input.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('hello'),
  });
  await expect(result).toHaveText('This file is not a progress file (it is not JSON). Nothing was changed.');
  expect(await page.evaluate(() => localStorage.getItem('dnl:progress'))).toBeNull();
  await expect(summary).toHaveText(`0 of ${total} challenges done in this browser.`);

  await input.setInputFiles(path);
  await expect(result).toHaveText(`Progress loaded: 1 of ${total} challenges done.`);
  await expect(summary).toHaveText(`1 of ${total} challenges done in this browser.`);
  await page.goto('/');
  await expect(page.locator('[data-continue] a')).toHaveText('Continue: How this course works');
  await expect(page.locator('[data-progress-summary]')).toHaveText(`1 of ${total} challenges done`);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the progress page has no serious axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/progress/');
    await page.getByLabel('Progress file (.json)').setInputFiles({
      name: 'x.json',
      mimeType: 'application/json',
      buffer: Buffer.from('[]'),
    });
    await expect(page.locator('[data-result]')).not.toBeEmpty();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
}
