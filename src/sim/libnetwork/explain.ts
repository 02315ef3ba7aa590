// The "what Docker just did" log: every driver setup step (drivers/bridge/setup.go queueStep) and
// every kernel change libnetwork makes is recorded here for the terminal and the topology view.
// Mirrors nothing in moby; the step names are moby's.

import { Emitter } from '../event.ts';

/** ExplainStep is one recorded action: a short title, the equivalent command and moby's step name. */
export interface ExplainStep {
  /** step is a short human title ("create bridge br-3f2a1b4c5d6e"). */
  step: string;
  /** detail is the equivalent command line ("ip link add br-3f2a1b4c5d6e type bridge"). */
  detail: string;
  /** source names moby's function or setup step ("bridge.setupDevice"). */
  source?: string;
}

/** ExplainLog keeps the steps in order and fires each one to listeners. */
export class ExplainLog {
  readonly emitter = new Emitter<ExplainStep>();
  readonly steps: ExplainStep[] = [];

  /** record appends a step and notifies listeners. */
  record(step: string, detail: string, source?: string): void {
    const s: ExplainStep = source === undefined ? { step, detail } : { step, detail, source };
    this.steps.push(s);
    this.emitter.fire(s);
  }
}
