/**
 * The Container Network Model lesson walked as a learner: Try steps map each CNM object to inspect
 * output and interfaces, show IPAM's default pools and chosen subnets, the failures learners meet
 * (overlapping pool, --ip without a subnet, unknown plugin, overlay before swarm) and swarm scope;
 * each challenge is solved through its shown solution and ticked; quizzes answer; axe stays clean.
 */
import { expect, test } from './fixtures.ts';
import {
  answerQuizzes,
  expectAxeClean,
  openLesson,
  runTrySteps,
  solveChallenges,
  terminal,
} from './lesson-walk.ts';

test.use({ reducedMotion: 'reduce' });

const QUIZ_ANSWERS = [1, 2, 2];

test('the CNM lesson: Try steps, challenges, quizzes and axe', async ({ page }) => {
  test.setTimeout(180_000);
  const lab = await openLesson(page, 'container-network-model');
  await expect(
    page.getByRole('img', { name: 'The five objects of the Container Network Model' }),
  ).toBeVisible();
  let listings = 0;
  await runTrySteps(
    page,
    lab,
    'cnm-lab',
    {
      "docker info -f '{{.Plugins.Network}}'": '[bridge host ipvlan macvlan null overlay]',
      "docker inspect -f '{{.NetworkSettings.SandboxKey}}' cart": '/var/run/docker/netns/d4beb4cb43d7',
      'ip link': 'veth061a17f@if6:',
      'docker exec cart ip link': 'eth0@if7:',
      "docker network inspect -f '{{.Name}}: {{range .IPAM.Config}}{{.Subnet}} via {{.Gateway}}{{end}}' bridge shop red blue":
        'blue: 172.20.0.0/16 via 172.20.0.1',
      'docker network inspect custom': '"IPv4Address": "10.20.0.128/24",',
      'docker network create --subnet 10.20.0.0/16 clash':
        'invalid pool request: Pool overlaps with other one on this address space',
      'docker run -dit --name fixed --network red --ip 172.19.0.50 alpine ash':
        'user specified IP address is supported only when connecting to networks with user configured subnets',
      'docker network create -d weave weavenet': 'Error response from daemon: plugin "weave" not found',
      'docker network create -d overlay early': 'This node is not a swarm manager.',
      'docker swarm init': 'is now a manager.',
    },
    async (command) => {
      // The second `docker network ls` comes after `docker swarm init`: overlays are swarm-scoped.
      if (command === 'docker network ls' && ++listings === 2)
        await expect(terminal(lab)).toContainText('ingress           overlay   swarm');
    },
  );
  await solveChallenges(page, lab, ['lab-subnet', 'stock-fixed-ip', 'cart-two-endpoints']);
  await answerQuizzes(page, QUIZ_ANSWERS);
  await expectAxeClean(page);
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('the CNM lesson has no serious or critical axe violations', async ({ page }) => {
    await openLesson(page, 'container-network-model');
    await answerQuizzes(page, QUIZ_ANSWERS);
    await expectAxeClean(page);
  });
});
