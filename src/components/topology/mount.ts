// Placeholder until the topology view lands: mountTopology draws a lab's live topology into el.
// The topology helper replaces this file; the Lab calls only mountTopology.
import type { Sim } from '../../sim/index.ts';

/** TopologyHandle lets the Lab dispose of the view. */
export interface TopologyHandle {
  dispose(): void;
}

/** mountTopology renders the topology of sim (the host given, or all hosts) into el. */
export function mountTopology(el: HTMLElement, sim: Sim, opts: { host?: string } = {}): TopologyHandle {
  void sim;
  void opts;
  el.textContent = '';
  return { dispose: () => (el.textContent = '') };
}
