// cnm-lab: the Container Network Model lesson's lab. A user-defined network `shop` with one
// container, `cart`, shows the CNM objects live; a second network `backend` with a subnet of our
// own choosing is ready for static addresses. The learner asks IPAM for a subnet, a fixed address
// and a second endpoint in cart's sandbox.
import type { ScenarioInput } from '../schema.ts';

/** cnmLab is the lab of the Container Network Model lesson. */
export const cnmLab: ScenarioInput = {
  id: 'cnm-lab',
  title: 'The Container Network Model',
  hosts: ['host1'],
  setup: [
    { line: 'docker pull -q alpine' },
    { line: 'docker network create shop' },
    { line: 'docker network create --subnet 10.30.0.0/24 backend' },
    { line: 'docker run -dit --name cart --network shop alpine ash' },
  ],
  panes: ['terminal', 'topology', 'challenges'],
  challenges: [
    {
      id: 'lab-subnet',
      title: 'Create a bridge network called lab whose IPAM subnet is 10.10.0.0/24, with gateway 10.10.0.254',
      goal: { predicate: 'networkSubnet', args: { name: 'lab', subnet: '10.10.0.0/24' } },
      hints: [
        'Without options, IPAM hands out the next free /16 from its default pools.',
        '`docker network create` takes `--subnet` and `--gateway`; the gateway must lie inside the subnet.',
      ],
      solution: ['docker network create --subnet 10.10.0.0/24 --gateway 10.10.0.254 lab'],
    },
    {
      id: 'stock-fixed-ip',
      title: 'Run an alpine container called stock on backend with the fixed address 10.30.0.30',
      goal: { predicate: 'containerIp', args: { container: 'stock', network: 'backend', ip: '10.30.0.30' } },
      hints: [
        '`--ip` asks IPAM for one particular address instead of the lowest free one.',
        'It works on backend because that network was created with its own `--subnet`.',
      ],
      solution: ['docker run -dit --name stock --network backend --ip 10.30.0.30 alpine ash'],
    },
    {
      id: 'cart-two-endpoints',
      title: 'Give cart’s sandbox a second endpoint, on the backend network',
      goal: { predicate: 'attached', args: { container: 'cart', network: 'backend' } },
      hints: [
        'A sandbox can hold one endpoint per network; connecting a running container adds one.',
        '`docker network connect NETWORK CONTAINER`.',
      ],
      solution: ['docker network connect backend cart'],
    },
  ],
};
