/**
 * The lab in both site themes: the terminal's colours follow the theme toggle and the OS (on lesson
 * and embed pages), axe finds nothing serious with the lab running in either theme, and the lab's
 * toolbar and copy buttons work from the keyboard with visible focus, names and spoken feedback.
 * The colours' contrast itself is unit-tested (src/components/lab/terminal-theme.test.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, LESSON_PATH, test } from './fixtures.ts';

const BRIDGE = '/lessons/bridge/';
const LIGHT = { background: 'rgb(255, 255, 255)', text: 'rgb(24, 33, 44)' };
const DARK = { background: 'rgb(14, 22, 33)', text: 'rgb(228, 235, 242)' };

async function openLab(page: Page, path: string, selector = 'dnl-lab[data-primary]'): Promise<Locator> {
  await page.goto(path);
  const lab = page.locator(selector);
  await expect(lab).toHaveAttribute('data-ready', 'true');
  await expect(lab.locator('[data-terminal]:not([hidden]) .xterm-rows')).toContainText('#');
  return lab;
}

/** colours reads what the visible terminal shows: its box, xterm's canvas area and the text. */
function colours(lab: Locator) {
  return lab.locator('[data-terminal]:not([hidden])').evaluate((el) => {
    const bg = (selector: string) => getComputedStyle(el.querySelector(selector) as Element).backgroundColor;
    return {
      box: getComputedStyle(el).backgroundColor,
      viewport: bg('.xterm-viewport'),
      screen: bg('.xterm-scrollable-element'),
      text: getComputedStyle(el.querySelector('.xterm-rows') as Element).color,
    };
  });
}

const expected = (c: typeof LIGHT) => ({
  box: c.background,
  viewport: c.background,
  screen: c.background,
  text: c.text,
});

test('the terminal follows the theme toggle, live and after a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const lab = await openLab(page, LESSON_PATH);
  expect(await colours(lab)).toEqual(expected(LIGHT));

  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await toggle.click();
  await expect.poll(() => colours(lab)).toEqual(expected(DARK));
  await toggle.click();
  await expect.poll(() => colours(lab)).toEqual(expected(LIGHT));

  await toggle.click();
  await page.reload();
  await expect(lab).toHaveAttribute('data-ready', 'true');
  await expect.poll(() => colours(lab)).toEqual(expected(DARK));
});

test('without a saved choice the terminal follows the OS, live', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const lab = await openLab(page, LESSON_PATH);
  expect(await colours(lab)).toEqual(expected(DARK));
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => colours(lab)).toEqual(expected(LIGHT));
});

test('an embedded lab takes the theme of the visitor', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  let lab = await openLab(page, '/embed/bridge-lab/', 'dnl-lab');
  expect(await colours(lab)).toEqual(expected(DARK));
  await page.emulateMedia({ colorScheme: 'light' });
  lab = await openLab(page, '/embed/bridge-lab/', 'dnl-lab');
  expect(await colours(lab)).toEqual(expected(LIGHT));
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a lesson with its lab running has no serious or critical axe violations (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    const lab = await openLab(page, BRIDGE);
    await lab.locator('[data-terminal]:not([hidden]) .xterm-helper-textarea').focus();
    await page.keyboard.type('docker network ls');
    await page.keyboard.press('Enter');
    await lab.locator('[data-action="reset"]').click();
    await expect(lab.locator('.xterm-rows')).toContainText('Lab reset to its starting state.');
    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(blocking).toEqual([]);
  });
}

test('the lab toolbar is in a sensible tab order, each item named and visibly focused', async ({ page }) => {
  const lab = await openLab(page, BRIDGE);
  // Start just before the toolbar: from its first button, back one step.
  await lab.locator('[data-action="undo"]').focus();
  await page.keyboard.press('Shift+Tab');
  const names: string[] = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(
      await focused.evaluate((el) => el.matches(':focus-visible') && getComputedStyle(el).outlineStyle),
    ).toBe('solid');
    names.push(
      await focused.evaluate((el) => (el.closest('label')?.textContent ?? el.textContent ?? '').trim()),
    );
  }
  expect(names).toEqual([
    'Undo last command',
    'Reset',
    'Share',
    'Embed this',
    'Wide lab',
    'Screen reader mode',
  ]);
  // Next comes the terminal, ringed like any focused control.
  await page.keyboard.press('Tab');
  const terminal = lab.locator('.lab-terminal');
  await expect(terminal.locator('.xterm-helper-textarea')).toBeFocused();
  expect(await terminal.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');

  // Share opens its dialog from the keyboard; Escape closes it and gives the focus back.
  const share = lab.getByRole('button', { name: 'Share' });
  await share.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Share this lab' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Link to this lab' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(share).toBeFocused();

  const embed = lab.getByRole('button', { name: 'Embed this' });
  await embed.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Embed this lab' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(embed).toBeFocused();
});

test('copy-link buttons say “Link copied.” to screen readers too', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const lab = await openLab(page, BRIDGE);
  const announcer = page.locator('[data-copy-announcer]');
  const copy = lab.locator('#challenge-bridge-lab-cache-alias [data-copy-link]');
  await copy.focus();
  await page.keyboard.press('Enter');
  await expect(copy).toContainText('Link copied.');
  await expect(announcer).toHaveText('Link copied.');
  await expect(announcer).toHaveAttribute('role', 'status');
  await expect(announcer).toHaveText('', { timeout: 5000 });

  const heading = page.locator('.dnl-heading:has(#publishing-ports) .dnl-heading-link');
  await heading.focus();
  await page.keyboard.press('Enter');
  await expect(announcer).toHaveText('Link copied.');
});

test('“Apply in the lab” works from the keyboard and says what it did', async ({ page }) => {
  await openLab(page, '/lessons/docker-workflow/');
  const apply = page.getByRole('button', { name: 'Apply in the lab: Dockerfile' });
  await apply.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('dnl-edit').getByRole('status')).toHaveText('Written to Dockerfile in the lab.');
  await expect(apply).toBeFocused();
});
