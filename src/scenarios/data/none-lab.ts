// none-lab: the none lesson's lab. A worker on the default bridge, a builder on the none network
// and a user-defined network tools; the learner isolates, creates and reconnects containers.
import type { ScenarioInput } from '../schema.ts';

/** noneLab is the lab of the none lesson. */
export const noneLab: ScenarioInput = {
  id: 'none-lab',
  title: 'The none driver',
  hosts: ['host1'],
  setup: [
    { line: 'docker pull -q alpine' },
    { line: 'docker network create tools' },
    { line: 'docker run -dit --name worker alpine ash' },
    { line: 'docker run -dit --name builder --network none alpine ash' },
  ],
  panes: ['terminal', 'topology', 'challenges'],
  challenges: [
    {
      id: 'sealed-none',
      title: 'Run an alpine container called sealed with no network but loopback',
      goal: { predicate: 'runningOn', args: { name: 'sealed', network: 'none' } },
      hints: ['The network called none uses the null driver: `--network none`.'],
      solution: ['docker run -dit --name sealed --network none alpine ash'],
    },
    {
      id: 'worker-offline',
      title: 'Cut worker off every network without stopping it',
      goal: { predicate: 'loopbackOnly', args: { name: 'worker' } },
      hints: [
        '`docker inspect worker` lists its networks; it started on the default bridge.',
        '`docker network disconnect bridge worker`.',
      ],
      solution: ['docker network disconnect bridge worker'],
    },
    {
      id: 'builder-tools',
      title: 'Attach builder to the tools network',
      goal: { predicate: 'runningOn', args: { name: 'builder', network: 'tools' } },
      hints: [
        'A container on none cannot join another network at the same time: try it and read the error.',
        'Disconnect it from none first, then connect it to tools.',
      ],
      solution: ['docker network disconnect none builder', 'docker network connect tools builder'],
    },
  ],
};
