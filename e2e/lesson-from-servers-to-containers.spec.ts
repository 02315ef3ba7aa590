/**
 * The "From servers to containers" lesson walked as a learner: Try steps compare the kernel,
 * hostname and interfaces of the host and of containers, follow a veth pair's interface numbers and
 * join mystery's network namespace; each challenge is solved through its shown solution and ticked;
 * quizzes answer; axe stays clean in light and dark.
 */
import { expect, test } from './fixtures.ts';
import { answerQuizzes, expectAxeClean, openLesson, runTrySteps, solveChallenges } from './lesson-walk.ts';

test.use({ reducedMotion: 'reduce' });

const QUIZ_ANSWERS = [1, 2, 1];

test('the servers-to-containers lesson: Try steps, challenges, quizzes and axe', async ({ page }) => {
  test.setTimeout(120_000);
  const lab = await openLesson(page, 'from-servers-to-containers');
  await expect(
    page.getByRole('img', { name: 'Applications side by side, in virtual machines and in containers' }),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'The host’s network namespace and two container namespaces' }),
  ).toBeVisible();
  const commands = await runTrySteps(page, lab, 'servers-to-containers-lab', {
    'docker run --rm alpine uname -r': '6.8.0-60-generic',
    "docker info --format '{{.OperatingSystem}}, kernel {{.KernelVersion}}'":
      'Ubuntu 24.04.2 LTS, kernel 6.8.0-60-generic',
    'docker run --rm alpine cat /etc/os-release': 'PRETTY_NAME="Alpine Linux v3.22"',
    'docker run --rm --hostname web alpine hostname': 'web',
    'ip addr': 'inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0',
    'docker run --rm alpine ip addr': 'inet 172.17.0.3/16 brd 172.17.255.255 scope global eth0',
    'docker exec mystery ip -4 addr show eth0': '4: eth0@if5:',
    'bridge link': '@if4: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master docker0',
    "docker inspect -f '{{.NetworkSettings.SandboxKey}}' mystery": '/var/run/docker/netns/',
    'docker run --rm --network container:mystery alpine ip -4 addr show eth0':
      'inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0',
    'docker run --rm --network host alpine hostname': 'host1',
  });
  expect(commands).toHaveLength(14);
  await solveChallenges(page, lab, ['kernel-release', 'mystery-hostname', 'two-namespaces']);
  await answerQuizzes(page, QUIZ_ANSWERS);
  await expectAxeClean(page);
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('the servers-to-containers lesson has no serious or critical axe violations', async ({ page }) => {
    await openLesson(page, 'from-servers-to-containers');
    await answerQuizzes(page, QUIZ_ANSWERS);
    await expectAxeClean(page);
  });
});
