/**
 * The none lesson walked as a learner: Try steps show a loopback-only namespace, an empty routing
 * table and the refusal to combine none with another network; each challenge is solved through its
 * shown solution and ticked; quizzes answer; axe stays clean.
 */
import { expect, test } from './fixtures.ts';
import { answerQuizzes, expectAxeClean, openLesson, runTrySteps, solveChallenges } from './lesson-walk.ts';

test.use({ reducedMotion: 'reduce' });

test('the none lesson: Try steps, challenges, quizzes and axe', async ({ page }) => {
  test.setTimeout(120_000);
  const lab = await openLesson(page, 'none');
  await expect(page.getByRole('img', { name: 'A container on the none network' })).toBeVisible();
  await runTrySteps(page, lab, 'none-lab', {
    'docker run --rm --network none alpine ip addr': 'inet6 ::1/128 scope host',
    'docker run --rm --network none alpine ping -c 1 8.8.8.8': 'ping: sendto: Network unreachable',
    'docker network connect tools builder':
      'Error response from daemon: container cannot be connected to multiple networks with one of the networks in private (none) mode',
  });
  await solveChallenges(page, lab, ['sealed-none', 'worker-offline', 'builder-tools']);
  await answerQuizzes(page, [1, 1, 1]);
  await expectAxeClean(page);
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('the none lesson has no serious or critical axe violations', async ({ page }) => {
    await openLesson(page, 'none');
    await answerQuizzes(page, [1, 1, 1]);
    await expectAxeClean(page);
  });
});
