// macvlan-lab: the macvlan lesson's lab. Two hosts on one LAN (192.168.1.0/24); host1 already has a
// macvlan network `lan` on eth0 (containers take 192.168.1.192/27, .223 is kept for a host shim)
// and an nginx `web` at 192.168.1.200. The learner adds a VLAN network, pins an address and tries
// ipvlan in L3 mode.
import type { ScenarioInput } from '../schema.ts';

/** macvlanLab is the lab of the macvlan lesson. */
export const macvlanLab: ScenarioInput = {
  id: 'macvlan-lab',
  title: 'macvlan and ipvlan',
  hosts: ['host1', 'host2'],
  setup: [
    { line: 'docker pull -q nginx' },
    { line: 'docker pull -q alpine' },
    {
      line: 'docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 --ip-range 192.168.1.192/27 --aux-address host-shim=192.168.1.223 -o parent=eth0 lan',
    },
    { line: 'docker run -d --name web --network lan --ip 192.168.1.200 nginx' },
  ],
  panes: ['terminal', 'topology', 'challenges'],
  challenges: [
    {
      id: 'vlan50',
      title:
        'Create a macvlan network vlan50 for VLAN 50 (subnet 10.50.0.0/24) on an 802.1q sub-interface of eth0',
      goal: { predicate: 'networkSubnet', args: { name: 'vlan50', subnet: '10.50.0.0/24' } },
      hints: [
        'A parent written as interface.VLAN makes Docker create the 802.1q sub-interface for you.',
        '`docker network create -d macvlan --subnet 10.50.0.0/24 --gateway 10.50.0.1 -o parent=eth0.50 vlan50`',
      ],
      solution: [
        'docker network create -d macvlan --subnet 10.50.0.0/24 --gateway 10.50.0.1 -o parent=eth0.50 vlan50',
      ],
    },
    {
      id: 'cam-address',
      title: 'Run an alpine container cam on lan at the fixed LAN address 192.168.1.210',
      goal: { predicate: 'containerIp', args: { container: 'cam', network: 'lan', ip: '192.168.1.210' } },
      hints: [
        'Devices on the LAN will expect it at one address: pick it with --ip, inside lan’s --ip-range.',
        '`docker run -dit --name cam --network lan --ip 192.168.1.210 alpine ash`',
      ],
      solution: ['docker run -dit --name cam --network lan --ip 192.168.1.210 alpine ash'],
    },
    {
      id: 'ipvlan-l3',
      title: 'Create an ipvlan network routed in L3 mode on eth0, subnet 10.60.0.0/24',
      goal: { predicate: 'networkExists', args: { name: 'routed', driver: 'ipvlan' } },
      hints: [
        'The driver is ipvlan; its mode is a driver option: -o ipvlan_mode=l3.',
        '`docker network create -d ipvlan --subnet 10.60.0.0/24 -o parent=eth0 -o ipvlan_mode=l3 routed`',
      ],
      solution: [
        'docker network create -d ipvlan --subnet 10.60.0.0/24 -o parent=eth0 -o ipvlan_mode=l3 routed',
      ],
    },
  ],
};
