// networking-goals-lab: the lab of "What container networking must do". Two hosts in a swarm
// (host1 manager, host2 worker) with an attachable overlay, backbone, and a container hub on it;
// on host1, two alpine containers, db and api, on the default bridge. Each of Docker's networking
// goals gets a lab moment: drivers, subnets, a cross-host network, and DNS by name.
//
// The join token below is what `docker swarm init` prints for this exact setup and seed (the
// simulator is deterministic); the scenario test fails if the setup ever changes it.
import type { ScenarioInput } from '../schema.ts';

const JOIN_TOKEN = 'SWMTKN-1-wswqwk9y23qrxha30t7umprnyzlb60w5dmdgrr4ykhc6f06olm-nnp4w5imp8zcq18sfvr8d6p9n';

/** networkingGoalsLab is the lab of the lesson on container networking's goals. */
export const networkingGoalsLab: ScenarioInput = {
  id: 'networking-goals-lab',
  title: 'What container networking must do',
  hosts: ['host1', 'host2'],
  setup: [
    { line: 'docker pull -q alpine' },
    { line: 'docker run -dit --name db alpine ash' },
    { line: 'docker run -dit --name api alpine ash' },
    { line: 'docker swarm init' },
    { host: 'host2', line: 'docker pull -q alpine' },
    { host: 'host2', line: `docker swarm join --token ${JOIN_TOKEN} 192.168.1.11:2377` },
    { line: 'docker network create -d overlay --attachable backbone' },
    { line: 'docker run -dit --name hub --network backbone alpine ash' },
  ],
  panes: ['terminal', 'topology', 'challenges'],
  challenges: [
    {
      id: 'api-finds-db',
      title: 'Let api reach db by its name',
      goal: { predicate: 'canResolve', args: { from: 'api', to: 'db' } },
      hints: [
        'The default bridge has no embedded DNS; a user-defined network has.',
        'Create a network (`docker network create appnet`) and `docker network connect` both containers to it.',
      ],
      solution: [
        'docker network create appnet',
        'docker network connect appnet db',
        'docker network connect appnet api',
      ],
    },
    {
      id: 'tenant-subnet',
      title: 'Create a network tenant-b with the subnet 10.20.0.0/24',
      goal: { predicate: 'networkSubnet', args: { name: 'tenant-b', subnet: '10.20.0.0/24' } },
      hints: ['`docker network create` takes `--subnet`; the bridge driver is the default.'],
      solution: ['docker network create --subnet 10.20.0.0/24 tenant-b'],
    },
    {
      id: 'macvlan-lan',
      title: 'With the same command, create a network lan on another driver: macvlan, on eth0',
      goal: { predicate: 'networkExists', args: { name: 'lan', driver: 'macvlan' } },
      hints: [
        '`-d` (`--driver`) picks the driver; macvlan needs the LAN’s subnet and gateway and a parent interface.',
        'The LAN is 192.168.1.0/24 with its router at 192.168.1.1; the parent is given with `-o parent=eth0`.',
      ],
      solution: [
        'docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0 lan',
      ],
    },
    {
      id: 'edge-on-host2',
      title: 'On host2, run a long-lived alpine container edge on the overlay backbone',
      host: 'host2',
      goal: { predicate: 'runningOn', args: { host: 'host2', name: 'edge', network: 'backbone' } },
      hints: [
        'backbone was created on the manager, host1, as attachable, so standalone containers on any node may join it.',
        'In host2’s terminal: `docker run -dit --name edge --network backbone alpine ash`.',
      ],
      solution: ['docker run -dit --name edge --network backbone alpine ash'],
    },
  ],
};
