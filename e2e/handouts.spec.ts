/**
 * Handouts: a lesson printed (print media) has no lab chrome, shows each <Try> command with the
 * output the simulator gave it at build time, its challenges as a checklist and a QR code to the
 * live lesson; every lesson's PDF exists under /handouts/ with the lesson's title; the workshop
 * page lists them with their sizes and passes axe in both themes.
 * Needs `npm run build` (or astro build + scripts/build-handouts.mjs) for the outputs and PDFs.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, LESSON_PATH, LESSON_TITLE, test } from './fixtures.ts';

/** pdfTitle reads the document title from a PDF's info dictionary (literal or UTF-16 hex string). */
function pdfTitle(pdf: Buffer): string | undefined {
  const text = pdf.toString('latin1');
  const hex = text.match(/\/Title\s*<([0-9A-Fa-f\s]+)>/);
  if (hex) {
    const bytes = Buffer.from((hex[1] as string).replace(/\s/g, ''), 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  const literal = text.match(/\/Title\s*\(((?:\\.|[^\\)])*)\)/);
  return literal?.[1]?.replace(/\\(.)/g, '$1');
}

test('a printed lesson is a handout: no lab chrome, Try outputs, challenges and a QR code', async ({
  page,
}) => {
  await page.goto(LESSON_PATH);
  const output = page.locator('dnl-try[data-command="docker network ls"] [data-try-output]').first();
  await expect(output).toBeHidden();
  await expect(page.locator('.handout-header')).toBeHidden();

  await page.emulateMedia({ media: 'print' });
  for (const chrome of ['dnl-lab', '.site-header', '.course-menu', '.site-footer', '[data-try-copy]']) {
    await expect(page.locator(chrome).first(), chrome).toBeHidden();
  }
  await expect(page.locator('h1')).toHaveText(LESSON_TITLE);

  await expect(output).toBeVisible();
  const lines = (await output.textContent())?.split('\n') ?? [];
  expect(lines).toHaveLength(5);
  expect(lines.slice(0, 2)).toEqual([
    'root@host1:~# docker network ls',
    'NETWORK ID     NAME      DRIVER    SCOPE',
  ]);
  expect(lines[2]).toMatch(/^[0-9a-f]{12} {3}bridge {4}bridge {4}local$/);
  expect(lines[3]).toMatch(/^[0-9a-f]{12} {3}host {6}host {6}local$/);
  expect(lines[4]).toMatch(/^[0-9a-f]{12} {3}none {6}null {6}local$/);
  const outputs = page.locator('[data-try-output]');
  const count = await outputs.count();
  for (let i = 0; i < count; i++) await expect(outputs.nth(i)).toHaveText(/^\S[^\n]*# \S/);

  const header = page.locator('.handout-header');
  await expect(header.locator('.handout-qr svg')).toBeVisible();
  await expect(header.locator('.handout-url')).toHaveText(/\/lessons\/how-this-course-works\/$/);
  const checklist = page.locator('.handout-challenges');
  await expect(checklist).toBeVisible();
  await expect(checklist.locator('li').first()).toContainText(
    'Start a container named web from the nginx image',
  );
});

test('every lesson has a PDF handout with its title, listed on the workshop page', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const lessonCount = await page.locator('[data-lesson]').count();
  await page.locator('main a[href$="/workshop/"]').click();
  await expect(page.locator('h1')).toHaveText('Run a workshop');
  const lessons = page.locator('[data-workshop-lesson]');
  await expect(lessons).toHaveCount(lessonCount);
  expect(lessonCount).toBeGreaterThan(0);

  for (let i = 0; i < lessonCount; i++) {
    const item = lessons.nth(i);
    const title = ((await item.locator('h3').textContent()) ?? '').trim();
    const href = (await item.locator('[data-handout-pdf]').getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/handouts\/[a-z0-9/-]+\.pdf$/);
    await expect(item.locator('[data-handout-size]')).toHaveText(/^\d+(\.\d)? (KB|MB)$/);
    await expect(item.locator('h4')).toHaveCount(3);

    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
    const pdf = await response.body();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfTitle(pdf), href).toBe(`${title} · Docker Networking Lab`);
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the workshop page has no serious or critical axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/workshop/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
    expect(blocking).toEqual([]);
  });
}
