/**
 * The host lesson walked as a learner: Try steps show the host's interfaces from a host-networked
 * container, the second nginx's bind error in docker logs and the warning for -p; each challenge is
 * solved through its shown solution and ticked; quizzes answer; axe stays clean.
 */
import { expect, test } from './fixtures.ts';
import { answerQuizzes, expectAxeClean, openLesson, runTrySteps, solveChallenges } from './lesson-walk.ts';

test.use({ reducedMotion: 'reduce' });

test('the host lesson: Try steps, challenges, quizzes and axe', async ({ page }) => {
  test.setTimeout(120_000);
  const lab = await openLesson(page, 'host');
  await expect(
    page.getByRole('img', { name: 'A bridged container and a host-networked container' }),
  ).toBeVisible();
  await runTrySteps(page, lab, 'host-lab', {
    'docker run --rm --network host alpine ip -4 addr':
      'inet 192.168.1.11/24 brd 192.168.1.255 scope global eth0',
    'docker logs web2': 'nginx: [emerg] still could not bind()',
    'curl -sI 127.0.0.1': 'HTTP/1.1 200 OK',
    'docker run -d --name web4 --network host -p 9090:80 nginx':
      'WARNING: Published ports are discarded when using host network mode',
  });
  await solveChallenges(page, lab, ['web2-running', 'web3-bridge', 'monitor-host']);
  await answerQuizzes(page, [1, 2, 0]);
  await expectAxeClean(page);
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('the host lesson has no serious or critical axe violations', async ({ page }) => {
    await openLesson(page, 'host');
    await answerQuizzes(page, [1, 2, 0]);
    await expectAxeClean(page);
  });
});
