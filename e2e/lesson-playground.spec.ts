/**
 * The playground lesson walked as a learner: every cheat-sheet Try step runs in the three-host lab
 * (host2 joins the swarm through the Try that first runs `docker swarm join-token -q worker` on
 * host1 and fills in the token; host3 by typing the join line host1 printed, as the text also
 * offers, so that host3's Try is skipped), the
 * glossary's terms have unique anchors, each open challenge is solved through its shown solution
 * from a fresh lab and ticked, quizzes answer, and axe stays clean in light and dark.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { answerQuizzes, expectAxeClean, openLesson, savedCommands } from './lesson-walk.ts';

test.use({ reducedMotion: 'reduce' });

const SCENARIO = 'playground-3';
const QUIZ_ANSWERS = [1, 1, 2];

/** What some Try steps' output must show. */
const EXPECT: Record<string, string> = {
  'ip -4 addr show eth0': 'inet 192.168.1.11/24 brd 192.168.1.255 scope global eth0',
  'docker run --rm --network none alpine ip addr': 'inet 127.0.0.1/8 scope host lo',
  'docker port web': '80/tcp -> 0.0.0.0:8080',
  'curl -sI localhost:8080': 'HTTP/1.1 200 OK',
  'docker network prune -f': 'Deleted Networks:',
  'docker exec a1 ping -c 1 peer': '1 packets transmitted, 1 packets received, 0% packet loss',
  'docker exec a1 nc -zv web 80': 'web (172.18.0.4:80) open',
  'iptables -t nat -S':
    '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
  'docker compose ps': '0.0.0.0:8090->80/tcp, [::]:8090->80/tcp',
  'docker compose down': 'Network root_default  Removed',
  'docker pull learner/myapp': 'docker.io/learner/myapp:latest',
  'docker swarm init --advertise-addr 192.168.1.11': 'is now a manager.',
  'docker node ls': 'host3      Ready     Active',
  'docker service ls': 'replicated   3/3        traefik/whoami:latest   *:8000->80/tcp',
  'curl -s localhost:8000': 'Host: localhost:8000',
  'docker run --rm --network mesh alpine nslookup whoami': 'Address: 10.0.1.2',
  'docker service rm whoami': 'whoami',
};

/** typeOn types a line into one host's terminal and waits until the lab has logged it. */
async function typeOn(page: Page, lab: Locator, host: string, line: string): Promise<void> {
  await lab.locator(`[data-host-tab="${host}"]`).click();
  const before = await savedCommands(page, SCENARIO);
  await lab.locator('[data-terminal]:not([hidden]) .xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect.poll(() => savedCommands(page, SCENARIO)).toBe(before + 1);
}

test('the playground lesson: cheat sheet, glossary, challenges, quizzes and axe', async ({ page }) => {
  test.setTimeout(240_000);
  page.on('dialog', (dialog) => void dialog.accept());
  const lab = await openLesson(page, 'playground');
  const live = lab.locator('[data-live]');
  await expect(page.getByRole('img', { name: 'The playground: three hosts on one LAN' })).toBeVisible();

  // The glossary: every term has an id, none repeats, and the intro's link finds its term.
  const ids = await page.locator('dl dt').evaluateAll((terms) => terms.map((t) => t.id));
  expect(ids.length).toBeGreaterThanOrEqual(40);
  expect(ids.every((id) => /^[a-z0-9-]+$/.test(id))).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
  for (const term of [
    'namespace',
    'veth',
    'bridge',
    'nat',
    'dnat',
    'masquerade',
    'ipam',
    'endpoint',
    'sandbox',
    'vxlan',
    'vni',
    'vip',
    'routing-mesh',
    'macvlan',
    '8021q',
  ])
    expect(ids).toContain(term);
  await expect(page.locator('a[href="#vxlan"]')).toHaveCount(1);

  const steps = page.locator('dnl-try');
  const count = await steps.count();
  expect(count).toBe(64);
  let join = '';
  for (let i = 0; i < count; i++) {
    const step = steps.nth(i);
    const command = (await step.getAttribute('data-command')) ?? '';
    const from = await step.getAttribute('data-from');
    const host = await step.getAttribute('data-host');
    if (from && host === 'host3') {
      // The copy path: the join line host1 printed, typed on host3 by hand.
      await typeOn(page, lab, 'host3', join);
      await expect(live).toContainText('This node joined a swarm as a worker.');
      continue;
    }
    const before = await savedCommands(page, SCENARIO);
    await step.locator('[data-try-run]').click();
    // A Try with `from` runs two lines: `from` on its host, then the command with the value filled in.
    await expect.poll(() => savedCommands(page, SCENARIO)).toBe(before + (from ? 2 : 1));
    const wanted = EXPECT[command];
    if (wanted !== undefined) await expect(live).toContainText(wanted);
    if (command === 'docker swarm join-token worker') {
      const printed = (await live.textContent()) ?? '';
      join = /docker swarm join --token \S+ \S+/.exec(printed)?.[0] ?? '';
      expect(join).toMatch(/:2377$/);
    }
    if (from) {
      await expect(step.locator('[data-try-run] code')).toHaveText(
        'docker swarm join --token <token> 192.168.1.11:2377',
      );
      await expect(live).toContainText(`root@host2:~# ${join}`);
      await expect(live).toContainText('This node joined a swarm as a worker.');
    }
  }

  // From a fresh lab, every open goal is reached through its shown solution.
  await lab.locator('[data-action="reset"]').click();
  await expect(lab.locator('[data-count]')).toHaveText('0/4');
  const ids4 = ['pair-by-name', 'published-port', 'sealed', 'overlay'];
  for (const [i, id] of ids4.entries()) {
    const item = lab.locator(`[data-challenge="${id}"]`);
    await expect(item.locator('[data-status]')).not.toHaveText('Done');
    await item.locator('[data-solution]').click();
    await expect(item.locator('[data-status]')).toHaveText('Done');
    await expect(lab.locator('[data-count]')).toHaveText(`${i + 1}/${ids4.length}`);
  }

  await answerQuizzes(page, QUIZ_ANSWERS);
  await expectAxeClean(page);
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('the playground lesson has no serious or critical axe violations', async ({ page }) => {
    await openLesson(page, 'playground');
    await answerQuizzes(page, QUIZ_ANSWERS);
    await expectAxeClean(page);
  });
});
