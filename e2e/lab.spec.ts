/**
 * The lab on the course's first lesson: terminal (typing, history, completion, Ctrl-C, keyboard
 * focus), host tabs, Try blocks, challenges, persistence (reload, undo, reset, a corrupt save) and
 * accessibility. The editor has its own spec (lab-editor.spec.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, LESSON_PATH, test } from './fixtures.ts';

const primaryLab = (page: Page) => page.locator('dnl-lab[data-primary]');

async function openLab(page: Page): Promise<Locator> {
  await page.goto(LESSON_PATH);
  const lab = primaryLab(page);
  await expect(lab).toHaveAttribute('data-ready', 'true');
  return lab;
}

const rows = (lab: Locator) => lab.locator('[data-terminal]:not([hidden]) .xterm-rows');

async function run(page: Page, lab: Locator, line: string): Promise<void> {
  await lab.locator('[data-terminal]:not([hidden]) .xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** screenLines returns the visible terminal rows as trimmed strings. */
async function screenLines(lab: Locator): Promise<string[]> {
  const texts = await rows(lab).locator(':scope > div').allTextContents();
  return texts.map((t) => t.replace(/\u00a0/g, ' ').trimEnd());
}

test('a command typed in the terminal runs and prints its output', async ({ page }) => {
  const lab = await openLab(page);
  await expect(rows(lab)).toContainText('root@host1:~#');
  await run(page, lab, 'docker network ls');
  await expect.poll(async () => (await screenLines(lab)).length > 5).toBe(true);
  const [command, header, bridge, host, none, prompt] = await screenLines(lab);
  expect([command, header, prompt]).toEqual([
    'root@host1:~# docker network ls',
    'NETWORK ID     NAME      DRIVER    SCOPE',
    'root@host1:~#',
  ]);
  expect(bridge).toMatch(/^[0-9a-f]{12} {3}bridge {4}bridge {4}local$/);
  expect(host).toMatch(/^[0-9a-f]{12} {3}host {6}host {6}local$/);
  expect(none).toMatch(/^[0-9a-f]{12} {3}none {6}null {6}local$/);
});

test('↑ recalls history, Tab completes, Ctrl+C drops the line', async ({ page }) => {
  const lab = await openLab(page);
  await run(page, lab, 'echo one');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await screenLines(lab)).filter((l) => l === 'one').length).toBe(2);
  await page.keyboard.type('docker netw');
  await page.keyboard.press('Tab');
  await expect(rows(lab)).toContainText('root@host1:~# docker network');
  await page.keyboard.type('l');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(rows(lab)).toContainText('NETWORK ID');
  await page.keyboard.type('echo dropped');
  await page.keyboard.press('Control+C');
  await expect(rows(lab)).toContainText('root@host1:~# echo dropped^C');
  await page.keyboard.press('Enter');
  expect((await screenLines(lab)).filter((l) => l === 'dropped')).toEqual([]);
});

test('Try types its command into the lab and runs it', async ({ page }) => {
  const lab = await openLab(page);
  await page.locator('dnl-try[data-command="docker network ls"] [data-try-run]').click();
  await expect(rows(lab)).toContainText('root@host1:~# docker network ls');
  await expect(rows(lab)).toContainText('NETWORK ID');
  await page.locator('dnl-try[data-command="docker network ls"] [data-try-run]').focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await screenLines(lab)).filter((l) => l.startsWith('NETWORK ID')).length)
    .toBe(2);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const copy = page.locator('dnl-try[data-command="docker network ls"] [data-try-copy]');
  await copy.click();
  await expect(copy).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('docker network ls');
});

test('challenges tick live, reveal hints one at a time and type the solution', async ({ page }) => {
  const lab = await openLab(page);
  const network = lab.locator('[data-challenge="make-network"]');
  await expect(network.locator('[data-status]')).toHaveText('Not done yet');
  await run(page, lab, 'docker network create app');
  await expect(network.locator('[data-status]')).toHaveText('Done');
  await expect(lab.locator('[data-count]')).toHaveText('1/2');

  const web = lab.locator('[data-challenge="run-web"]');
  await web.locator('[data-hint]').click();
  await expect(web.locator('[data-hints] li').nth(0)).toBeVisible();
  await expect(web.locator('[data-hints] li').nth(1)).toBeHidden();
  await web.locator('[data-hint]').click();
  await expect(web.locator('[data-hints] li').nth(1)).toBeVisible();
  await expect(web.locator('[data-hint]')).toBeDisabled();
  page.once('dialog', (dialog) => dialog.accept());
  await web.locator('[data-solution]').click();
  await expect(web.locator('[data-status]')).toHaveText('Done');
  await expect(lab.locator('[data-live]')).toContainText('root@host1:~# docker run -d --name web nginx');
  const progress = await page.evaluate(() => localStorage.getItem('dnl:progress'));
  expect(JSON.parse(progress ?? '{}').playground.sort()).toEqual(['make-network', 'run-web']);
});

test('a multi-host lab has a terminal tab per host, each with its own engine', async ({ page }) => {
  await page.goto(LESSON_PATH);
  const lab = page.locator('dnl-lab[data-scenario="two-hosts"]');
  await lab.scrollIntoViewIfNeeded(); // labs other than the lesson's main one start near the viewport
  await expect(lab).toHaveAttribute('data-ready', 'true');
  const tabs = lab.getByRole('tab');
  await expect(tabs).toHaveText(['host1', 'host2']);
  await tabs.nth(1).click();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(rows(lab)).toContainText('root@host2:~#');
  await run(page, lab, 'docker run -d --name web nginx');
  await expect(lab.locator('[data-challenge="web-on-host2"] [data-status]')).toHaveText('Done');
  await tabs.nth(1).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await run(page, lab, 'docker ps -a --format {{.Names}}');
  await expect.poll(() => screenLines(lab)).toContain('root@host1:~# docker ps -a --format {{.Names}}');
  expect(await screenLines(lab)).not.toContain('web');
  // The page's other lab is a separate world.
  const primary = primaryLab(page);
  await run(page, primary, 'docker ps -a --format {{.Names}}x');
  expect((await screenLines(primary)).filter((l) => l === 'webx')).toEqual([]);
});

test('reload restores the lab by replay; Undo and Reset rebuild it', async ({ page }) => {
  let lab = await openLab(page);
  await run(page, lab, 'docker network create keepme');
  await page.reload();
  lab = primaryLab(page);
  await expect(lab).toHaveAttribute('data-ready', 'true');
  await expect(lab.locator('[data-challenge="make-network"] [data-status]')).toHaveText('Not done yet');
  await run(page, lab, 'docker network inspect keepme --format {{.Name}}');
  await expect.poll(() => screenLines(lab)).toContain('keepme');
  await lab.getByRole('button', { name: 'Undo last command' }).click(); // undoes the inspect
  await lab.getByRole('button', { name: 'Undo last command' }).click(); // undoes the create
  await expect(rows(lab)).toContainText('Last command undone');
  await run(page, lab, 'docker network inspect keepme');
  await expect(rows(lab)).toContainText('Error response from daemon: network keepme not found');
  await run(page, lab, 'docker network create app');
  await expect(lab.locator('[data-challenge="make-network"] [data-status]')).toHaveText('Done');
  await lab.getByRole('button', { name: 'Reset' }).click();
  await expect(rows(lab)).toContainText('Lab reset to its starting state.');
  await expect(lab.locator('[data-challenge="make-network"] [data-status]')).toHaveText(
    'Done before, not now',
  );
});

test('a corrupt saved lab gives a notice and a fresh, working lab', async ({ page }) => {
  await openLab(page);
  await page.evaluate(() =>
    localStorage.setItem('dnl:lab:playground', '{"v":1,"scenario":"playground","log":[{'),
  );
  await page.reload();
  const lab = primaryLab(page);
  await expect(lab).toHaveAttribute('data-ready', 'true');
  await expect(lab.locator('[data-notice]')).toContainText('could not be restored');
  await run(page, lab, 'echo fresh');
  await expect.poll(() => screenLines(lab)).toContain('fresh');
});

test('keyboard only: Tab into the terminal, type, Esc then Tab out', async ({ page }) => {
  const lab = await openLab(page);
  await lab.getByRole('checkbox', { name: 'Screen reader mode' }).focus();
  await page.keyboard.press('Space');
  await expect(lab.locator('[data-terminal]:not([hidden]) .xterm-accessibility')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(lab.locator('[data-terminal]:not([hidden]) .xterm-helper-textarea')).toBeFocused();
  await page.keyboard.type('echo keyboard');
  await page.keyboard.press('Enter');
  await expect.poll(() => screenLines(lab)).toContain('keyboard');
  await page.keyboard.type('ech');
  await page.keyboard.press('Tab');
  await expect(lab.locator('[data-terminal]:not([hidden]) .xterm-helper-textarea')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(lab.locator('[data-pane="editor"] summary')).toBeFocused();
  await expect(lab.locator('[data-live]')).toContainText('echo keyboard');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the lab has no serious or critical axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const lab = await openLab(page);
    await run(page, lab, 'docker network ls');
    await lab.locator('[data-challenge="run-web"] [data-hint]').click();
    // The topology view is checked by its own spec (e2e/topology*.spec.ts).
    const results = await new AxeBuilder({ page }).include('dnl-lab').exclude('[data-topology]').analyze();
    const blocking = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(blocking).toEqual([]);
  });
}

test.describe('on a touch device', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test('an input line under the terminal runs commands', async ({ page }) => {
    const lab = await openLab(page);
    const input = lab.getByRole('textbox', { name: 'Command' });
    await expect(input).toBeVisible();
    await input.fill('echo from-the-phone');
    await lab.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => screenLines(lab)).toContain('from-the-phone');
  });
});
