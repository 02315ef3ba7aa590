// Every scenario's data, unvalidated. src/scenarios/index.ts validates them; the browser only
// applies defaults (normalize.ts), so the page does not carry the schema library.
import type { ScenarioInput } from '../schema.ts';
import { bridgeBasics } from './bridge-basics.ts';
import { bridgeLab } from './bridge-lab.ts';
import { cnmLab } from './cnm-lab.ts';
import { hostLab } from './host-lab.ts';
import { macvlanLab } from './macvlan-lab.ts';
import { noneLab } from './none-lab.ts';
import { playground } from './playground.ts';
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
];
