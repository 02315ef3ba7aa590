/**
 * The capstone lesson walked as a learner: Try steps bring the shop up, the database is added in
 * the editor, every path is checked from the right place, and the broken shop (a second lab inside
 * the prose) is diagnosed; each challenge of both labs is then solved through its shown solution and
 * ticked; quizzes answer; axe stays clean in light and dark.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { answerQuizzes, expectAxeClean, openLesson, savedCommands } from './lesson-walk.ts';

test.use({ reducedMotion: 'reduce' });

const MAIN = 'capstone-lab';
const BROKEN = 'capstone-broken-lab';
const QUIZ_ANSWERS = [1, 2, 0];

/** The shop's compose.yaml once the learner has added the database in the editor. */
const WITH_DB = `# The shop: nginx in front, a small Python API behind it, Redis for its data.
# Networks first: front is an ordinary bridge, back is internal (no way out).
name: shop
networks:
  front:
  back:
    internal: true
services:
  frontend:
    image: nginx:alpine
    ports:
      - "8080:80"
    networks: [front]
  backend:
    image: python:3-alpine
    command: python3 -m http.server 8000
    environment:
      REDIS_HOST: db
    networks: [front, back]
  db:
    image: redis
    networks: [back]
`;

/** What each Try step's output must show, by lab and command. */
const EXPECT: Record<string, Record<string, string>> = {
  [MAIN]: {
    'docker compose ps': '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp',
    'docker network ls': 'shop_front   bridge    local',
    "docker network inspect -f '{{.Internal}}' shop_back": 'true',
    'docker exec shop-backend-1 ip -4 route': 'default via 172.19.0.1 dev eth1',
    'curl -s localhost:8080': 'Thank you for using nginx.',
    'docker exec shop-frontend-1 wget -qO- backend:8000': '<li><a href="var/">var/</a></li>',
    'docker exec shop-backend-1 nc -zv db 6379': 'db (172.18.0.3:6379) open',
    'docker exec shop-frontend-1 nslookup db': "** server can't find db: NXDOMAIN",
    "docker inspect -f '{{range $net, $cfg := .NetworkSettings.Networks}}{{$net}} {{$cfg.IPAddress}} {{end}}' shop-db-1":
      'shop_back 172.18.0.3',
    'docker exec shop-frontend-1 nc -zv -w 1 172.18.0.3 6379':
      'nc: 172.18.0.3 (172.18.0.3:6379): Operation timed out',
    'docker run --rm --network container:shop-db-1 nicolaka/netshoot ping -c 1 -W 1 8.8.8.8':
      'ping: connect: Network is unreachable',
  },
  [BROKEN]: {
    'curl localhost:8080': 'curl: (56) Recv failure: Connection reset by peer',
    'docker compose ps': '80/tcp, 0.0.0.0:8080->8080/tcp, [::]:8080->8080/tcp',
    'docker exec shop-frontend-1 netstat -tln':
      'tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN',
    'docker exec shop-frontend-1 nc -zv db 6379': 'db (172.19.0.3:6379) open',
    "docker network inspect -f '{{range .Containers}}{{.Name}} {{end}}' shop_front":
      'shop-backend-1 shop-frontend-1 shop-db-1',
    'docker exec shop-backend-1 nslookup db': 'Address: 172.19.0.3',
    "docker inspect -f '{{range $net, $cfg := .NetworkSettings.Networks}}{{$net}} {{$cfg.IPAddress}} {{end}}' shop-backend-1":
      'shop_front 172.19.0.2',
  },
};

/** addDatabaseInEditor opens the main lab's editor and pastes the file with the db service added. */
async function addDatabaseInEditor(page: Page, lab: Locator): Promise<void> {
  await lab.locator('[data-pane="editor"] summary').click();
  const editor = lab.locator('[data-editor] .monaco-editor');
  await expect(editor).toBeVisible();
  await expect(editor.locator('.view-lines')).toContainText('name: shop');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+A');
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, WITH_DB);
  await expect(editor.locator('.view-lines')).toContainText('image: redis');
}

/** solve reveals each challenge's solution in order and checks that it, and only it, gets ticked. */
async function solve(lab: Locator, ids: string[]): Promise<void> {
  for (const [i, id] of ids.entries()) {
    const item = lab.locator(`[data-challenge="${id}"]`);
    await expect(item.locator('[data-status]')).not.toHaveText('Done');
    await item.locator('[data-solution]').click();
    await expect(item.locator('[data-status]')).toHaveText('Done');
    await expect(lab.locator('[data-count]')).toHaveText(`${i + 1}/${ids.length}`);
  }
}

test('the capstone lesson: Try steps, the editor, both labs’ challenges, quizzes and axe', async ({
  page,
}) => {
  test.setTimeout(180_000);
  page.on('dialog', (dialog) => void dialog.accept());
  const main = await openLesson(page, 'capstone');
  const broken = page.locator(`dnl-lab[data-scenario="${BROKEN}"]`);
  await broken.scrollIntoViewIfNeeded();
  await expect(broken).toHaveAttribute('data-ready', 'true');
  await expect(page.getByRole('img', { name: 'The shop: two networks, three tiers' })).toBeVisible();

  const steps = page.locator('dnl-try');
  const count = await steps.count();
  expect(count).toBe(20);
  let composeUps = 0;
  for (let i = 0; i < count; i++) {
    const step = steps.nth(i);
    const command = (await step.getAttribute('data-command')) ?? '';
    const scenario = (await step.getAttribute('data-lab')) || MAIN;
    const lab = scenario === MAIN ? main : broken;
    if (scenario === MAIN && command === 'docker compose up -d' && ++composeUps === 2) {
      await addDatabaseInEditor(page, main);
    }
    const before = await savedCommands(page, scenario);
    await step.locator('[data-try-run]').click();
    await expect.poll(() => savedCommands(page, scenario)).toBe(before + 1);
    const wanted = EXPECT[scenario][command];
    if (wanted !== undefined) await expect(lab.locator('[data-live]')).toContainText(wanted);
    if (command === 'docker compose up -d') {
      await expect(lab.locator('[data-live]')).toContainText(
        composeUps === 1 ? 'Container shop-frontend-1  Started' : 'Container shop-db-1  Started',
      );
    }
  }
  // The learner's own path ticked the first two challenges of the main lab.
  await expect(main.locator('[data-challenge="shop-up"] [data-status]')).toHaveText('Done');
  await expect(main.locator('[data-challenge="db-internal"] [data-status]')).toHaveText('Done');
  await expect(main.locator('[data-challenge="probe-back"] [data-status]')).toHaveText('Not done yet');

  // From a fresh start, every shown solution reaches its goal.
  await main.locator('[data-action="reset"]').click();
  await expect(main.locator('[data-count]')).toHaveText('0/3');
  await solve(main, ['shop-up', 'db-internal', 'probe-back']);
  await solve(broken, ['fix-port', 'backend-reaches-db', 'db-private']);
  await expect(broken.locator('[data-live]')).toContainText('Container shop-db-1  Started');

  await answerQuizzes(page, QUIZ_ANSWERS);
  await expectAxeClean(page);
});

test('"Apply in the lab" puts the db service in place of the comment in compose.yaml', async ({ page }) => {
  const main = await openLesson(page, 'capstone');
  await main.locator('[data-pane="editor"] summary').click();
  const editor = main.locator('[data-editor] .monaco-editor .view-lines');
  // Monaco draws only the lines in view: show the end of the file, where the edit goes.
  await editor.click();
  await page.keyboard.press('Control+End');
  await expect(editor).toContainText('# db: add the database here');
  const edit = page.locator('dnl-edit');
  await edit.getByRole('button', { name: 'Apply in the lab: compose.yaml' }).click();
  await expect(edit.getByRole('status')).toHaveText('Written to compose.yaml in the lab.');
  await editor.click();
  await page.keyboard.press('Control+End');
  await expect(editor).toContainText('db:    image: redis    networks: [back]');
  await expect(editor).not.toContainText('# db: add the database here');
  const saved = await page.evaluate(
    () =>
      JSON.parse(localStorage.getItem('dnl:lab:capstone-lab') ?? '{}') as {
        log: Array<{ kind: string; content?: string }>;
      },
  );
  expect(saved.log.filter((e) => e.kind === 'file').map((e) => e.content)).toEqual([WITH_DB]);
  await page.locator('dnl-try[data-command="docker compose up -d"] [data-try-run]').first().click();
  await expect(main.locator('[data-live]')).toContainText('Container shop-db-1  Started');
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('the capstone lesson has no serious or critical axe violations', async ({ page }) => {
    await openLesson(page, 'capstone');
    await answerQuizzes(page, QUIZ_ANSWERS);
    await expectAxeClean(page);
  });
});
