/**
 * The bridge lesson walked as a learner: every Try step runs in the lab (default-bridge DNS fails,
 * a user-defined network resolves names and aliases, isolation, a loopback-only published port,
 * NAT and filter rules, an internal network, ICC off), each challenge is solved through its shown
 * solution and ticked, the quizzes answer, the diagrams have names, and axe stays clean.
 */
import { expect, test } from './fixtures.ts';
import { answerQuizzes, expectAxeClean, openLesson, runTrySteps, solveChallenges } from './lesson-walk.ts';

test.use({ reducedMotion: 'reduce' });

test('the bridge lesson: Try steps, challenges, quizzes and axe', async ({ page }) => {
  test.setTimeout(180_000);
  const lab = await openLesson(page, 'bridge');
  await expect(page.getByRole('img', { name: 'Two bridge networks on one Docker host' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'A packet walk: a request to a published port' })).toBeVisible();
  const walk = lab.getByRole('region', { name: 'Packet walk' });
  const commands = await runTrySteps(
    page,
    lab,
    'bridge-lab',
    {
      'docker exec web ping -c 1 db': "ping: bad address 'db'",
      'docker exec web ping -c 1 172.17.0.3': '1 packets transmitted, 1 packets received, 0% packet loss',
      'docker exec cart ping -c 1 inventory': 'PING inventory (172.18.0.3): 56 data bytes',
      'docker exec cart cat /etc/resolv.conf': 'nameserver 127.0.0.11',
      'docker exec cart ping -c 1 172.17.0.3': '1 packets transmitted, 0 packets received, 100% packet loss',
      'docker port front': '80/tcp -> 127.0.0.1:8000',
      'curl 192.168.1.11:8000':
        "curl: (7) Failed to connect to 192.168.1.11 port 8000 after 0 ms: Couldn't connect to server",
      'docker exec books ping -c 1 8.8.8.8': 'ping: sendto: Network unreachable',
      'docker exec quiet1 ping -c 1 quiet2': '100% packet loss',
    },
    async (command) => {
      // The packet walk in the topology pane explains the cross-network drop in words.
      if (command === 'docker exec cart ping -c 1 172.17.0.3')
        await expect(walk.getByRole('status')).toContainText('Dropped at host1, raw PREROUTING');
    },
  );
  expect(commands.length).toBeGreaterThanOrEqual(31);
  await solveChallenges(page, lab, [
    'web-reaches-db',
    'cache-alias',
    'internal-backend',
    'publish-site',
    'web-off-default',
  ]);
  await answerQuizzes(page, [1, 1, 1]);
  await expectAxeClean(page);
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('the bridge lesson has no serious or critical axe violations', async ({ page }) => {
    await openLesson(page, 'bridge');
    await answerQuizzes(page, [1, 1, 1]);
    await expectAxeClean(page);
  });
});
