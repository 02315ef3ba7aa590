/**
 * "Wide lab": on a wide screen the main lab's toggle gives the lab more width than the prose (so the
 * terminal gets more columns), is remembered across reloads, and keeps the page accessible, with
 * the editor open and a compose problem listed.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, LESSON_PATH, test } from './fixtures.ts';

async function terminalColumns(lab: Locator): Promise<number> {
  // xterm draws one row per line; its width over one cell's width is the column count.
  return lab.locator('[data-terminal]:not([hidden]) .xterm-screen').evaluate((screen) => {
    const measure = screen.closest('.xterm')?.querySelector('.xterm-char-measure-element');
    const cell = measure ? measure.getBoundingClientRect().width / (measure.textContent?.length || 1) : 0;
    return cell ? Math.floor(screen.getBoundingClientRect().width / cell) : 0;
  });
}

async function openLab(page: Page): Promise<Locator> {
  await page.goto(LESSON_PATH);
  const lab = page.locator('dnl-lab[data-primary]');
  await expect(lab).toHaveAttribute('data-ready', 'true');
  return lab;
}

test('Wide lab widens the lab column at 1280 px and is remembered', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  let lab = await openLab(page);
  const toggle = lab.getByRole('button', { name: 'Wide lab' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const narrow = (await page.locator('.lesson-lab').boundingBox())?.width ?? 0;
  const narrowCols = await terminalColumns(lab);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => (await page.locator('.lesson-lab').boundingBox())?.width ?? 0)
    .toBeGreaterThan(narrow * 1.3);
  await expect.poll(() => terminalColumns(lab)).toBeGreaterThan(narrowCols + 12);
  console.log(`terminal columns at 1280 px: ${narrowCols} → ${await terminalColumns(lab)}`);
  // The lab still sits beside the prose.
  const prose = await page.locator('.lesson').boundingBox();
  const wide = await page.locator('.lesson-lab').boundingBox();
  expect(wide?.x ?? 0).toBeGreaterThanOrEqual((prose?.x ?? 0) + (prose?.width ?? 0));

  await page.reload();
  lab = page.locator('dnl-lab[data-primary]');
  await expect(lab).toHaveAttribute('data-ready', 'true');
  await expect(lab.getByRole('button', { name: 'Wide lab' })).toHaveAttribute('aria-pressed', 'true');
  expect((await page.locator('.lesson-lab').boundingBox())?.width ?? 0).toBeGreaterThan(narrow * 1.3);
  await lab.getByRole('button', { name: 'Wide lab' }).click();
  await expect
    .poll(async () => (await page.locator('.lesson-lab').boundingBox())?.width ?? 0)
    .toBeLessThan(narrow + 1);
});

test('no serious or critical axe violations with Wide lab on and a compose problem listed', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const lab = await openLab(page);
  await lab.getByRole('button', { name: 'Wide lab' }).click();
  await lab.locator('[data-pane="editor"] summary').click();
  const editor = lab.locator('[data-editor] .monaco-editor');
  await expect(editor).toBeVisible();
  await lab.locator('[data-files] [role="tab"]', { hasText: 'compose.yaml' }).click();
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('nme: demo\n');
  await expect(lab.locator('[data-problems]')).toContainText("additional properties 'nme' not allowed");
  const results = await new AxeBuilder({ page }).include('dnl-lab').exclude('[data-topology]').analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking).toEqual([]);
});
