// Every scenario's data, unvalidated. src/scenarios/index.ts validates them; the browser only
// applies defaults (normalize.ts), so the page does not carry the schema library.
import type { ScenarioInput } from '../schema.ts';
import { bridgeBasics } from './bridge-basics.ts';
import { bridgeLab } from './bridge-lab.ts';
import { capstoneBrokenLab } from './capstone-broken-lab.ts';
import { capstoneLab } from './capstone-lab.ts';
import { cnmLab } from './cnm-lab.ts';
import { dockerWorkflowLab } from './docker-workflow-lab.ts';
import { hostLab } from './host-lab.ts';
import { macvlanLab } from './macvlan-lab.ts';
import { networkingGoalsLab } from './networking-goals-lab.ts';
import { noneLab } from './none-lab.ts';
import { overlayLab } from './overlay-lab.ts';
import { playground } from './playground.ts';
import { playground3 } from './playground-3.ts';
import { serversToContainersLab } from './servers-to-containers-lab.ts';
import { twoHosts } from './two-hosts.ts';

/** SCENARIO_DATA lists every scenario as written. */
export const SCENARIO_DATA: readonly ScenarioInput[] = [
  playground,
  bridgeBasics,
  twoHosts,
  bridgeLab,
  hostLab,
  noneLab,
  cnmLab,
  macvlanLab,
  serversToContainersLab,
  overlayLab,
  capstoneLab,
  capstoneBrokenLab,
  networkingGoalsLab,
  dockerWorkflowLab,
  playground3,
];
