// Mirrors moby/moby daemon/delete.go (ContainerRm, cleanupContainer), v28.2.2: a running container is
// refused unless forced, in which case it is killed first. Simplified: no volumes, no legacy links.

import { conflict, isSimError, SimError } from '../errdefs.ts';
import type { Container } from './container.ts';
import { stateString } from './container.ts';
import type { Daemon } from './daemon.ts';
import type { FilterArgs } from './filters.ts';
import { handleContainerExit } from './monitor.ts';

/** containerRm is DELETE /containers/{id}: `cannot remove container "x": …` wraps the reason. */
export function containerRm(
  d: Daemon,
  name: string,
  opts: { force?: boolean; removeLink?: boolean } = {},
): void {
  const c = d.getContainer(name);
  if (c.state.removalInProgress) throw conflict(`removal of container ${name} is already in progress`);
  if (opts.removeLink) throw conflict('Conflict, cannot remove the default link name of the container');
  try {
    cleanupContainer(d, c, opts.force ?? false);
  } catch (e) {
    if (isSimError(e)) throw new SimError(e.kind, `cannot remove container "${name}": ${e.message}`);
    throw e;
  }
}

/** cleanupContainer removes a container (killing it first when forced). */
export function cleanupContainer(d: Daemon, c: Container, force: boolean): void {
  if (c.removed) return;
  if (c.state.running) {
    if (!force) {
      if (c.state.paused) throw conflict('container is paused and must be unpaused first');
      throw conflict(
        `container is ${stateString(c.state)}: stop the container before removing or force remove`,
      );
    }
    handleContainerExit(d, c, 137);
    if (c.removed) return;
  }
  c.removed = true;
  c.state.dead = true;
  d.containers.delete(c.id);
  d.names.release(c.name);
  for (const id of c.execIds) d.execs.delete(id);
}

/** containersPrune is POST /containers/prune: every stopped container goes (label/until filters). */
export function containersPrune(
  d: Daemon,
  filter: FilterArgs,
): { ContainersDeleted: string[] | null; SpaceReclaimed: number } {
  filter.validate(['label', 'label!', 'until']);
  const deleted: string[] = [];
  for (const c of [...d.containers.values()]) {
    if (c.state.running) continue;
    const labels = (c.config.Labels as Record<string, string> | null) ?? {};
    if (!filter.matchKVList('label', labels)) continue;
    if (filter.contains('label!') && filter.matchKVList('label!', labels)) continue;
    cleanupContainer(d, c, false);
    deleted.push(c.id);
  }
  return { ContainersDeleted: deleted.length ? deleted : null, SpaceReclaimed: 0 };
}
