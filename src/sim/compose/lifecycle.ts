// Mirrors docker/compose v2.36 pkg/compose/down.go (reverse dependency order, stopContainer,
// removeNetwork), cmd/compose/ps.go + cmd/formatter/container.go (the ps table) and
// cmd/formatter/logs.go (the "name  | line" log prefix). Simplified: no --rmi, -v or orphans.

import { displayablePorts } from '../cli/commands/container_list.ts';
import { ellipsis, humanDuration } from '../cli/formatter/display.ts';
import { tabulate } from '../cli/tabwriter.ts';
import type { ComposeContext } from './context.ts';
import { event, warn } from './progress.ts';
import type { Project } from './project.ts';
import { serviceOrder } from './project.ts';
import { type ContainerSummary, projectContainers } from './up.ts';

const nameOf = (c: ContainerSummary): string => c.Names[0].replace(/^\//, '');

/** down is compose's Down: stop and remove containers in reverse dependency order, then networks. */
export function down(c: ComposeContext, p: Project): void {
  const containers = projectContainers(c, p.name);
  const order = serviceOrder(p).reverse();
  const known = new Set(order);
  for (const svc of [
    ...order,
    ...new Set(containers.map((x) => x.Labels['com.docker.compose.service']).filter((s) => !known.has(s))),
  ]) {
    for (const ctr of containers.filter((x) => x.Labels['com.docker.compose.service'] === svc)) {
      const id = `Container ${nameOf(ctr)}`;
      event(c, id, '', 'Stopping');
      if (ctr.State === 'running') c.client.post(`/containers/${ctr.Id}/stop`);
      event(c, id, '', 'Stopped');
      event(c, id, '', 'Removing');
      c.client.del(`/containers/${ctr.Id}`, { force: '1' });
      event(c, id, '', 'Removed');
    }
  }
  let ops = 0;
  for (const key of Object.keys(p.networks).sort()) {
    const n = p.networks[key];
    if (n.external) continue;
    ops++;
    const filters = JSON.stringify({
      label: { [`com.docker.compose.network=${key}`]: true, [`com.docker.compose.project=${p.name}`]: true },
    });
    const found = c.client.get<Array<{ Id: string; Name: string }>>('/networks', { filters });
    if (found.length === 0) continue;
    const id = `Network ${n.name}`;
    event(c, id, '', 'Removing');
    for (const nw of found.filter((x) => x.Name === n.name)) {
      const inUse =
        c.client.get<{ Containers?: Record<string, unknown> }>(`/networks/${nw.Id}`).Containers ?? {};
      if (Object.keys(inUse).length > 0) {
        event(c, id, '', 'Resource is still in use');
        continue;
      }
      c.client.del(`/networks/${nw.Id}`);
      event(c, id, '', 'Removed');
    }
  }
  const removed = containers.length > 0 || ops > 0;
  if (!removed) warn(c, `Warning: No resource found to remove for project "${p.name}".`);
}

/** PsOptions are `docker compose ps` flags. */
export interface PsOptions {
  all: boolean;
  quiet: boolean;
  services: string[];
}

/** ps is `docker compose ps`: the project's containers as compose's table. */
export function ps(c: ComposeContext, projectName: string, opts: PsOptions): void {
  const now = c.io.now();
  const rows = projectContainers(c, projectName, opts.all)
    .filter(
      (x) => opts.services.length === 0 || opts.services.includes(x.Labels['com.docker.compose.service']),
    )
    .sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : 1));
  if (opts.quiet) {
    for (const r of rows) c.out(`${r.Id}\n`);
    return;
  }
  let text = 'NAME\tIMAGE\tCOMMAND\tSERVICE\tCREATED\tSTATUS\tPORTS\n';
  for (const r of rows) {
    const created = `${humanDuration(now - r.Created * 1000)} ago`;
    text += `${nameOf(r)}\t${r.Image}\t${JSON.stringify(ellipsis(r.Command, 20))}\t${r.Labels['com.docker.compose.service']}\t${created}\t${r.Status}\t${displayablePorts(r.Ports)}\n`;
  }
  c.out(tabulate(text));
}

/** logs is `docker compose logs`: every container's output, prefixed with "service-N  | ". */
export function logs(c: ComposeContext, projectName: string, services: string[]): void {
  const rows = projectContainers(c, projectName)
    .filter((x) => services.length === 0 || services.includes(x.Labels['com.docker.compose.service']))
    .sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : 1));
  const short = (r: ContainerSummary): string => nameOf(r).replace(`${projectName}-`, '');
  const width = Math.max(0, ...rows.map((r) => short(r).length)) + 1;
  for (const r of rows) {
    const stream = c.client.stream('GET', `/containers/${r.Id}/logs`, { stdout: '1', stderr: '1' })();
    const prefix = `${short(r).padEnd(width)} | `;
    for (const [text, to] of [
      [stream.stdout, 'out'],
      [stream.stderr, 'err'],
    ] as const) {
      for (const line of text.split('\n').slice(0, text.endsWith('\n') ? -1 : undefined))
        if (text !== '') (to === 'out' ? c.out.bind(c) : c.err.bind(c))(`${prefix}${line}\n`);
    }
  }
}

/** exitedLines is the log printer's status line for each container that already exited
 * ("\r\x1b[Kdb-1 exited with code 0", goterm.RESET_LINE first, as compose writes it). */
export function exitedLines(c: ComposeContext, projectName: string, services: string[]): void {
  for (const r of projectContainers(c, projectName).sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : 1))) {
    if (services.length > 0 && !services.includes(r.Labels['com.docker.compose.service'])) continue;
    if (r.State !== 'exited') continue;
    const code = /^Exited \((\d+)\)/.exec(r.Status)?.[1] ?? '0';
    c.out(`\r\x1b[K${nameOf(r).replace(`${projectName}-`, '')} exited with code ${code}\n`);
  }
}
