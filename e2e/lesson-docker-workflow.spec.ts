/**
 * The Docker workflow lesson walked as a learner: the Dockerfile is edited in the lab's editor (one
 * RUN line added), then the Try steps build it on host1, fail to push it under a library name, tag
 * and push it, fail to run it on host2 by its local name, pull and run it there, and call the Engine
 * API with curl over the Docker socket; each challenge is solved through its shown solution and
 * ticked; quizzes answer; axe stays clean in light and dark.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { answerQuizzes, expectAxeClean, openLesson, runTrySteps, solveChallenges } from './lesson-walk.ts';

test.use({ reducedMotion: 'reduce' });

const QUIZ_ANSWERS = [1, 0, 2];
const RUN_LINE = 'RUN echo 1.1 > /usr/share/nginx/html/version.txt';

/** appendToDockerfile opens the editor on host1's Dockerfile and pastes a line at its end. */
async function appendToDockerfile(page: Page, lab: Locator, line: string): Promise<void> {
  await lab.locator('[data-pane="editor"] summary').click();
  const editor = lab.locator('[data-editor] .monaco-editor');
  await expect(editor).toBeVisible();
  await expect(lab.locator('[data-files] [role="tab"]')).toHaveText(['Dockerfile', 'index.html']);
  await expect(lab.locator('[data-files] [role="tab"][aria-selected="true"]')).toHaveText('Dockerfile');
  await expect(editor.locator('.view-lines')).toContainText('COPY index.html /usr/share/nginx/html/');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    (document.activeElement ?? document.body).dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, `${line}\n`);
  await expect(editor.locator('.view-lines')).toContainText(line);
}

/** What the last command printed must contain, per Try command (read from the lab's live region). */
const EXPECT_AFTER: Record<string, string> = {
  'docker images': 'REPOSITORY',
  'cat Dockerfile': RUN_LINE,
  'docker build -t myapp:1.1 .': '#8 naming to docker.io/library/myapp:1.1 done',
  "docker image inspect -f '{{range .RootFS.Layers}}{{println .}}{{end}}' myapp:1.1":
    'sha256:9a7fb8aa4d9aef18d4ddede73623cc16ba448207bcd727f9d9c86dfa818e6cf2',
  'docker push myapp:1.1': 'denied: requested access to the resource is denied',
  'docker push learner/myapp:1.1': '92aaef69cf7d: Layer already exists',
  'docker run -d --name web myapp:1.1':
    "pull access denied for myapp, repository does not exist or may require 'docker login'",
  'docker pull learner/myapp:1.1': 'Status: Downloaded newer image for learner/myapp:1.1',
  'docker exec web cat /usr/share/nginx/html/version.txt': '1.1',
  'curl -i --unix-socket /var/run/docker.sock http://localhost/_ping': 'Api-Version: 1.50',
  'curl --unix-socket /var/run/docker.sock http://localhost/v1.50/containers/json':
    '"Names":["/web"],"Image":"learner/myapp:1.1"',
  'docker stop nope': 'Error response from daemon: No such container: nope',
  'curl --unix-socket /var/run/docker.sock -X POST http://localhost/v1.50/containers/nope/stop':
    '{"message":"No such container: nope"}',
};

test('the Docker workflow lesson: editor, Try steps, challenges, quizzes and axe', async ({ page }) => {
  test.setTimeout(180_000);
  const lab = await openLesson(page, 'docker-workflow');
  await expect(page.getByRole('img', { name: 'The Docker workflow across two hosts' })).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'The docker CLI talks to dockerd through the Engine API' }),
  ).toBeVisible();
  await appendToDockerfile(page, lab, RUN_LINE);
  const live = lab.locator('[data-live]');
  const commands = await runTrySteps(page, lab, 'docker-workflow-lab', {}, async (command) => {
    const wanted = EXPECT_AFTER[command];
    if (wanted !== undefined) await expect(live).toContainText(wanted);
  });
  expect(commands).toHaveLength(21);
  await solveChallenges(page, lab, [
    'build-straight-to-registry-name',
    'previous-release-on-host2',
    'network-through-the-api',
  ]);
  await answerQuizzes(page, QUIZ_ANSWERS);
  await expectAxeClean(page);
});

test('"Apply in the lab" writes the RUN line into the Dockerfile, once, like an editor edit', async ({
  page,
}) => {
  const lab = await openLesson(page, 'docker-workflow');
  await lab.locator('[data-pane="editor"] summary').click();
  const editor = lab.locator('[data-editor] .monaco-editor .view-lines');
  await expect(editor).toContainText('COPY index.html /usr/share/nginx/html/');
  await expect(editor).not.toContainText(RUN_LINE);

  const edit = page.locator('dnl-edit');
  await expect(edit).toHaveCount(1);
  await expect(edit.locator('.edit-head')).toHaveText('Add at the end of Dockerfile on host1:');
  await expect(edit.locator('pre')).toHaveText(RUN_LINE);
  const apply = edit.getByRole('button', { name: 'Apply in the lab: Dockerfile' });
  await apply.click();
  await expect(edit.getByRole('status')).toHaveText('Written to Dockerfile in the lab.');
  await expect(editor).toContainText(RUN_LINE);
  await expect(lab.locator('[data-files] [role="tab"][aria-selected="true"]')).toHaveText('Dockerfile');

  // The terminal sees the same file; a second click changes nothing.
  await page.locator('dnl-try[data-command="cat Dockerfile"] [data-try-run]').click();
  await expect(lab.locator('[data-live]')).toContainText(
    `COPY index.html /usr/share/nginx/html/\n${RUN_LINE}`,
  );
  await apply.click();
  await expect(edit.getByRole('status')).toHaveText('Dockerfile already has these lines.');
  const saved = await page.evaluate(
    () =>
      JSON.parse(localStorage.getItem('dnl:lab:docker-workflow-lab') ?? '{}') as {
        log: Array<{ kind: string; host: string; path?: string; content?: string }>;
      },
  );
  const files = saved.log.filter((e) => e.kind === 'file');
  expect(files).toHaveLength(1);
  expect(files[0]?.host).toBe('host1');
  expect(files[0]?.path).toBe('/root/Dockerfile');
  expect(files[0]?.content?.split(RUN_LINE)).toHaveLength(2);
});

test('printed, the edit is a code block without its button, and the build applied it', async ({ page }) => {
  // Needs the handout outputs (npm run build, or astro build + scripts/build-handouts.mjs).
  await page.emulateMedia({ media: 'print' });
  await page.goto('/lessons/docker-workflow/');
  const edit = page.locator('dnl-edit');
  await expect(edit.locator('pre')).toBeVisible();
  await expect(edit.getByRole('button')).toBeHidden();
  await expect(
    page.locator(
      'dnl-try[data-command="docker exec web cat /usr/share/nginx/html/version.txt"] [data-try-output]',
    ),
  ).toHaveText('root@host2:~# docker exec web cat /usr/share/nginx/html/version.txt\n1.1');
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('the Docker workflow lesson has no serious or critical axe violations', async ({ page }) => {
    await openLesson(page, 'docker-workflow');
    await answerQuizzes(page, QUIZ_ANSWERS);
    await expectAxeClean(page);
  });
});
