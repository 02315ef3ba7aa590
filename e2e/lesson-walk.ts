/**
 * Walking a lesson as a learner, for the per-lesson specs (lesson-<slug>.spec.ts): open the page
 * with its lab ready, run Try steps (checking what the terminal shows after some), solve every
 * challenge through its shown solution, answer the quizzes, and run axe.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** openLesson loads a lesson and waits for its primary lab to be ready. */
export async function openLesson(page: Page, slug: string): Promise<Locator> {
  await page.goto(`/lessons/${slug}/`);
  const lab = page.locator('dnl-lab[data-primary]');
  await expect(lab).toHaveAttribute('data-ready', 'true');
  return lab;
}

/** savedCommands counts the commands the lab has logged (its saved state in localStorage). */
export async function savedCommands(page: Page, scenario: string): Promise<number> {
  return page.evaluate((key) => {
    const saved = JSON.parse(localStorage.getItem(key) ?? '{"log":[]}') as { log: Array<{ kind: string }> };
    return saved.log.filter((entry) => entry.kind === 'command').length;
  }, `dnl:lab:${scenario}`);
}

/** terminalText is the visible text of the lab's shown terminal. */
export function terminal(lab: Locator): Locator {
  return lab.locator('[data-terminal]:not([hidden]) .xterm-rows');
}

/**
 * runTrySteps clicks every <Try> of the page in document order and waits until each has run;
 * `expectAfter` maps a command to text its output must show; `onStep` runs after each step.
 */
export async function runTrySteps(
  page: Page,
  lab: Locator,
  scenario: string,
  expectAfter: Record<string, string> = {},
  onStep: (command: string) => Promise<void> = async () => undefined,
): Promise<string[]> {
  const steps = page.locator('dnl-try');
  const commands: string[] = [];
  const before = await savedCommands(page, scenario);
  for (let i = 0; i < (await steps.count()); i++) {
    const step = steps.nth(i);
    const command = (await step.getAttribute('data-command')) ?? '';
    commands.push(command);
    await step.locator('[data-try-run]').click();
    await expect.poll(() => savedCommands(page, scenario)).toBe(before + i + 1);
    const wanted = expectAfter[command];
    if (wanted !== undefined) await expect(terminal(lab)).toContainText(wanted);
    await onStep(command);
  }
  return commands;
}

/** solveChallenges reveals each challenge's solution in order and checks it is ticked. */
export async function solveChallenges(page: Page, lab: Locator, ids: string[]): Promise<void> {
  page.on('dialog', (dialog) => void dialog.accept());
  for (const [i, id] of ids.entries()) {
    const item = lab.locator(`[data-challenge="${id}"]`);
    await expect(item.locator('[data-status]')).toHaveText('Not done yet');
    await item.locator('[data-solution]').click();
    await expect(item.locator('[data-status]')).toHaveText('Done');
    await expect(lab.locator('[data-count]')).toHaveText(`${i + 1}/${ids.length}`);
  }
}

/** answerQuizzes answers each quiz from the keyboard (wrong first, then right) and reads the explanation. */
export async function answerQuizzes(page: Page, rightAnswers: number[]): Promise<void> {
  const quizzes = page.locator('dnl-quiz');
  await expect(quizzes).toHaveCount(rightAnswers.length);
  for (const [i, right] of rightAnswers.entries()) {
    const quiz = quizzes.nth(i);
    const radios = quiz.getByRole('radio');
    const wrong = right === 0 ? 1 : 0;
    await radios.nth(wrong).focus();
    await page.keyboard.press('Space');
    await quiz.getByRole('button').press('Enter');
    await expect(quiz).toHaveAttribute('data-result', 'incorrect');
    await expect(quiz.locator('[data-explanation]')).toBeVisible();
    await radios.nth(right).check();
    await quiz.getByRole('button').click();
    await expect(quiz).toHaveAttribute('data-result', 'correct');
    await expect(quiz.locator('[data-verdict]')).toHaveText('Correct.');
  }
}

/** expectAxeClean runs axe on the page and expects no serious or critical violation. */
export async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking).toEqual([]);
}
