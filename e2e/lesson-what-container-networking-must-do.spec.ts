/**
 * The "What container networking must do" lesson walked as a learner: Try steps list the drivers,
 * run one container on three of them, meet a missing plugin, compare subnets, look at local and
 * swarm state from both hosts, cross the overlay by name and fail to resolve a name on the default
 * bridge; each challenge is solved through its shown solution and ticked; quizzes answer; axe stays
 * clean in light and dark.
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

const QUIZ_ANSWERS = [1, 1, 1];

test('the networking-goals lesson: Try steps, challenges, quizzes and axe', async ({ page }) => {
  test.setTimeout(150_000);
  const lab = await openLesson(page, 'what-container-networking-must-do');
  await expect(
    page.getByRole('img', { name: 'Local networks on each engine, one overlay across the swarm' }),
  ).toBeVisible();
  // docker node ls runs twice: on the manager it lists the nodes, on the worker it is refused.
  const nodeLs = ['Leader', "Worker nodes can't be used to view or modify cluster state."];
  const onStep = async (command: string) => {
    if (command === 'docker node ls') await expect(terminal(lab)).toContainText(nodeLs.shift() ?? '');
  };
  const commands = await runTrySteps(
    page,
    lab,
    'networking-goals-lab',
    {
      "docker info --format '{{.Plugins.Network}}'": '[bridge host ipvlan macvlan null overlay]',
      'docker run --rm alpine ip -4 addr show eth0': 'inet 172.17.0.4/16',
      'docker run --rm --network host alpine ip -4 addr show eth0': 'inet 192.168.1.11/24',
      'docker run --rm --network none alpine ip addr': 'inet 127.0.0.1/8 scope host lo',
      'docker network create -d weave mesh': 'Error response from daemon: plugin "weave" not found',
      "docker network inspect -f '{{.Name}} {{.Driver}} {{.Scope}} {{range .IPAM.Config}}{{.Subnet}}{{end}}' bridge docker_gwbridge blue backbone":
        'blue bridge local 172.19.0.0/16',
      'docker network ls': 'docker_gwbridge',
      'docker run --rm --network backbone alpine ping -c 1 hub': '64 bytes from 10.0.1.2',
      'docker exec api ping -c 1 db': "ping: bad address 'db'",
      'docker exec api ping -c 1 172.17.0.2': '1 packets transmitted, 1 packets received, 0% packet loss',
      "docker version --format '{{.Server.Os}}/{{.Server.Arch}}'": 'linux/amd64',
    },
    onStep,
  );
  expect(commands).toHaveLength(14);
  expect(nodeLs).toEqual([]);
  await solveChallenges(page, lab, ['api-finds-db', 'tenant-subnet', 'macvlan-lan', 'edge-on-host2']);
  await answerQuizzes(page, QUIZ_ANSWERS);
  await expectAxeClean(page);
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('the networking-goals lesson has no serious or critical axe violations', async ({ page }) => {
    await openLesson(page, 'what-container-networking-must-do');
    await answerQuizzes(page, QUIZ_ANSWERS);
    await expectAxeClean(page);
  });
});
