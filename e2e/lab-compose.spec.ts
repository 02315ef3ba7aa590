/**
 * The editor and the shell together: a compose.yaml edited in the editor is what `docker compose up`
 * runs; a bad key gets a marker worded as `docker compose config` words it; completion offers the
 * schema's keys; in a multi-host lab the editor follows the terminal tab, and an image built from an
 * edited Dockerfile on host1 is pushed, pulled on host2 and run there.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, LESSON_PATH, test } from './fixtures.ts';

async function run(page: Page, lab: Locator, line: string): Promise<void> {
  await lab.locator('[data-terminal]:not([hidden]) .xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** replaceText replaces the editor's current file with `text`, pasted (a paste is not auto-indented). */
async function replaceText(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+A');
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

async function openEditor(lab: Locator): Promise<Locator> {
  await lab.locator('[data-pane="editor"] summary').click();
  const editor = lab.locator('[data-editor] .monaco-editor');
  await expect(editor).toBeVisible();
  return editor;
}

test('compose up runs the compose.yaml edited in the editor', async ({ page }) => {
  await page.goto(LESSON_PATH);
  const lab = page.locator('dnl-lab[data-primary]');
  await expect(lab).toHaveAttribute('data-ready', 'true');
  const editor = await openEditor(lab);
  await lab.locator('[data-files] [role="tab"]', { hasText: 'compose.yaml' }).click();
  await replaceText(
    page,
    editor,
    'services:\n  web:\n    image: nginx\n    ports:\n      - "8080:80"\n  api:\n    image: alpine\n    command: sleep 3600\n',
  );
  await expect(editor.locator('.view-lines')).toContainText('command: sleep 3600');
  await run(page, lab, 'docker compose up -d');
  await expect(lab.locator('[data-live]')).toContainText('Container root-web-1  Started');
  await run(page, lab, 'docker compose ps');
  await expect(lab.locator('[data-live]')).toHaveText(
    [
      'root@host1:~# docker compose ps',
      'NAME         IMAGE     COMMAND                  SERVICE   CREATED         STATUS        PORTS',
      'root-api-1   alpine    "sleep 3600"             api       2 seconds ago   Up 1 second   ',
      'root-web-1   nginx     "/docker-entrypoint.…"   web       2 seconds ago   Up 1 second   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp',
      '',
    ].join('\n'),
  );
});

test('a bad key gets a marker with compose config wording; completion offers the schema keys', async ({
  page,
}) => {
  await page.goto(LESSON_PATH);
  const lab = page.locator('dnl-lab[data-primary]');
  await expect(lab).toHaveAttribute('data-ready', 'true');
  const editor = await openEditor(lab);
  await lab.locator('[data-files] [role="tab"]', { hasText: 'compose.yaml' }).click();
  const problems = lab.locator('[data-problems]');
  await expect(problems).toBeHidden();
  await replaceText(page, editor, 'services:\n  web:\n    imag: nginx\n');
  await expect(problems).toHaveText(
    "Problems in compose.yamlline 3: validating /root/compose.yaml: services.web additional properties 'imag' not allowed",
  );
  await expect(editor.locator('.squiggly-error')).toHaveCount(1);
  // The same words as the command itself.
  await run(page, lab, 'docker compose config');
  await expect(lab.locator('[data-live]')).toHaveText(
    "root@host1:~# docker compose config\nvalidating /root/compose.yaml: services.web additional properties 'imag' not allowed\n",
  );

  // Completion under a service: the schema's keys with their descriptions.
  await replaceText(page, editor, 'services:\n  web:\n    image: nginx\n    depe');
  await page.keyboard.press('Control+Space');
  const suggest = editor.locator('.suggest-widget');
  await expect(suggest).toBeVisible();
  await expect(suggest.locator('.monaco-list-row').first()).toContainText('depends_on');
  await page.keyboard.press('Control+Space'); // "show more": the item's documentation
  await expect(page.locator('.suggest-details')).toContainText(
    'Express dependency between services. Service dependencies cause services to be started in dependency order.',
  );
  await page.keyboard.press('Enter');
  await expect(editor.locator('.view-lines')).toContainText('depends_on:');
  await expect(problems).toBeHidden();
});

test('build on host1, push, pull and run on host2; the editor follows the host tab', async ({ page }) => {
  await page.goto(LESSON_PATH);
  const lab = page.locator('dnl-lab[data-scenario="two-hosts"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute('data-ready', 'true');
  const editor = await openEditor(lab);
  const fileTabs = lab.locator('[data-files] [role="tab"]');
  await expect(fileTabs).toHaveText(['Dockerfile']);
  await replaceText(page, editor, 'FROM alpine\nRUN apk add curl\nCMD sleep 3600\n');
  await run(page, lab, 'cat Dockerfile');
  await expect(lab.locator('[data-live]')).toHaveText(
    'root@host1:~# cat Dockerfile\nFROM alpine\nRUN apk add curl\nCMD sleep 3600\n',
  );
  await run(page, lab, 'docker build -t learner/web .');
  await expect(lab.locator('[data-live]')).toContainText('#6 naming to docker.io/learner/web:latest done');
  await run(page, lab, 'docker push learner/web');
  await expect(lab.locator('[data-live]')).toContainText(
    'The push refers to repository [docker.io/learner/web]',
  );
  await expect(lab.locator('[data-live]')).toContainText('latest: digest: sha256:');

  await lab.locator('[data-host-tab="host2"]').click();
  await expect(fileTabs).toHaveText(['compose.yaml']);
  await expect(editor.locator('.view-lines')).toContainText('image: learner/web');
  await run(page, lab, 'docker pull learner/web');
  await expect(lab.locator('[data-live]')).toContainText(
    'Status: Downloaded newer image for learner/web:latest',
  );
  await run(page, lab, 'docker run -d --name web learner/web');
  await expect(lab.locator('[data-challenge="web-on-host2"] [data-status]')).toHaveText('Done');
  await run(page, lab, "docker ps --format '{{.Names}} {{.Image}}'");
  await expect(lab.locator('[data-live]')).toHaveText(
    "root@host2:~# docker ps --format '{{.Names}} {{.Image}}'\nweb learner/web\n",
  );

  // Back on host1, the editor shows host1's files again.
  await lab.locator('[data-host-tab="host1"]').click();
  await expect(fileTabs).toHaveText(['Dockerfile']);
  await expect(editor.locator('.view-lines')).toContainText('RUN apk add curl');
});
