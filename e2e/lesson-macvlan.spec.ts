/**
 * The macvlan lesson walked as a learner: Try steps inspect the lan network, reach web from host2,
 * fail to reach it from host1, add the shim and reach it, and watch Docker create and remove an
 * 802.1q sub-interface; each challenge is solved through its shown solution and ticked; quizzes
 * answer; axe stays clean in light and dark.
 */
import { expect, test } from './fixtures.ts';
import { answerQuizzes, expectAxeClean, openLesson, runTrySteps, solveChallenges } from './lesson-walk.ts';

test.use({ reducedMotion: 'reduce' });

const QUIZ_ANSWERS = [1, 1, 0];

test('the macvlan lesson: Try steps, challenges, quizzes and axe', async ({ page }) => {
  test.setTimeout(120_000);
  const lab = await openLesson(page, 'macvlan');
  await expect(
    page.getByRole('img', { name: 'macvlan: containers on the LAN beside their host' }),
  ).toBeVisible();
  await runTrySteps(page, lab, 'macvlan-lab', {
    "docker network inspect -f '{{json .IPAM.Config}}' lan":
      '"IPRange":"192.168.1.192/27","Gateway":"192.168.1.1","AuxiliaryAddresses":{"host-shim":"192.168.1.223"}',
    'docker run --rm --network lan alpine ip -4 addr show eth0': 'inet 192.168.1.192/24',
    'ping -c 1 192.168.1.200': 'From 192.168.1.11 icmp_seq=1 Destination Host Unreachable',
    'curl -sI 192.168.1.200': 'HTTP/1.1 200 OK',
    'ip -d link show eth0.40': 'vlan protocol 802.1Q id 40',
    'ip link show eth0.40': 'Device "eth0.40" does not exist.',
  });
  await solveChallenges(page, lab, ['vlan50', 'cam-address', 'ipvlan-l3']);
  await answerQuizzes(page, QUIZ_ANSWERS);
  await expectAxeClean(page);
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('the macvlan lesson has no serious or critical axe violations', async ({ page }) => {
    await openLesson(page, 'macvlan');
    await answerQuizzes(page, QUIZ_ANSWERS);
    await expectAxeClean(page);
  });
});
