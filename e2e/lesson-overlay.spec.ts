/**
 * The overlay lesson walked as a learner on three hosts: Try steps list the swarm's nodes, fail
 * on a worker, create an attachable overlay, ping across hosts by name, break and mend VXLAN with
 * an iptables rule, query a service's VIP and tasks, reach a published port through the routing
 * mesh from a host outside the swarm, drain a node, create an encrypted overlay and capture the
 * VXLAN packets with tcpdump (the visible rows show the reply, the request has scrolled away);
 * each challenge is solved through its shown solution and ticked; quizzes answer; axe stays clean
 * in light and dark.
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

const QUIZ_ANSWERS = [0, 1, 1];

test('the overlay lesson: Try steps, challenges, quizzes and axe', async ({ page }) => {
  test.setTimeout(180_000);
  const lab = await openLesson(page, 'overlay');
  await expect(
    page.getByRole('img', { name: 'An overlay network over three hosts, and one VXLAN packet' }),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'The routing mesh: a published port answers on every node' }),
  ).toBeVisible();
  // `docker node ls` runs twice: on the manager it lists the nodes, on the worker it fails.
  const nodeLs = ['host2      Ready     Active', 'This node is not a swarm manager. Worker nodes can'];
  const commands = await runTrySteps(
    page,
    lab,
    'overlay-lab',
    {
      'docker swarm join-token worker':
        'docker swarm join --token SWMTKN-1-odh79dszjstumw6t16otiv8ge9mqhaaa75wgb5vmbt4202egus-5s4302snw7oamsc4j0nto7s8w 192.168.1.11:2377',
      'docker network ls': 'qmngurpf0fx8   ingress           overlay   swarm',
      "docker network inspect -f '{{.Id}} {{.Scope}} {{json .IPAM.Config}} {{json .Options}}' demo":
        'swarm [{"Subnet":"10.0.2.0/24","Gateway":"10.0.2.1"}] {"com.docker.network.driver.overlay.vxlanid_list":"4098"}',
      'docker network ls --filter name=demo': 'demo      overlay   swarm',
      'docker exec b1 ping -c 2 a1': '2 packets transmitted, 2 packets received, 0% packet loss',
      'docker exec a1 ip -4 addr show eth0': 'mtu 1450',
      'docker exec a1 ip route': 'default via 172.18.0.1 dev eth1',
      'docker run --rm --network ingress alpine true': 'network ingress not manually attachable',
      'docker exec a1 ping -c 1 -W 2 b1': '1 packets transmitted, 0 packets received, 100% packet loss',
      'docker exec a1 ping -c 1 b1': '1 packets transmitted, 1 packets received, 0% packet loss',
      'docker exec a1 nslookup web': 'Address: 10.0.2.4',
      "docker service inspect -f '{{json .Endpoint.VirtualIPs}}' web": '"Addr":"10.0.2.4/24"',
      'docker exec a1 nslookup tasks.web': 'Address: 10.0.2.6',
      'docker service ps hello': 'hello.1   nginx:latest   host2     Running',
      'curl -sI 192.168.1.11:8000': 'HTTP/1.1 200 OK',
      'iptables -t nat -L DOCKER-INGRESS -n': 'tcp dpt:8000',
      'docker exec a1 ping -c 1 google.com': '1 packets transmitted, 1 packets received',
      "docker network inspect -f '{{json .Options}}' secure": '"encrypted":""',
      'tcpdump -i eth0 -n -c 2 udp port 4789 &': 'listening on eth0, link-type EN10MB (Ethernet)',
      'docker exec b1 ping -c 1 a1': '> 192.168.1.12.4789: VXLAN, flags [I] (0x08), vni 4098',
    },
    async (command) => {
      if (command === 'docker node ls') await expect(terminal(lab)).toContainText(nodeLs.shift() ?? '');
      if (command === 'docker exec b1 ping -c 1 a1')
        await expect(terminal(lab)).toContainText('IP 10.0.2.2 > 10.0.2.3: ICMP echo reply');
      if (command === 'docker service ps web')
        await expect(terminal(lab)).toContainText(/web\.2 +traefik\/whoami:latest +host\d/);
    },
  );
  expect(commands).toHaveLength(42);
  expect(nodeLs).toEqual([]);
  await solveChallenges(page, lab, ['join-host3', 'client-on-host2', 'api-service']);
  await answerQuizzes(page, QUIZ_ANSWERS);
  await expectAxeClean(page);
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('the overlay lesson has no serious or critical axe violations', async ({ page }) => {
    await openLesson(page, 'overlay');
    await answerQuizzes(page, QUIZ_ANSWERS);
    await expectAxeClean(page);
  });
});
