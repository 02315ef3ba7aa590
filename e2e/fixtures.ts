/**
 * The e2e `test`: Playwright's, plus a check that the page logged no console error and threw no
 * uncaught exception. A test that expects a particular error lists it in `allowedConsoleErrors`.
 */
import { test as base, expect } from '@playwright/test';

export const LESSON_PATH = '/lessons/how-this-course-works/';
export const LESSON_TITLE = 'How this course works';

export const test = base.extend<{ allowedConsoleErrors: RegExp[]; consoleErrors: string[] }>({
  allowedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        if (!allowedConsoleErrors.some((pattern) => pattern.test(text))) errors.push(text);
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
