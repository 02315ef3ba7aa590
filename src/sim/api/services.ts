// Mirrors moby/moby api/server/router/swarm/cluster_routes.go's service and task routes (v28.2.2):
// GET /services, POST /services/create, GET|DELETE /services/{id}, POST /services/{id}/update,
// GET /services/{id}/logs, GET /tasks. The work is in daemon/cluster/services.ts.

import { requireManager } from '../daemon/cluster/cluster.ts';
import { daemonsOf } from '../daemon/cluster/node.ts';
import { updateService } from '../daemon/cluster/service_update.ts';
import {
  decodeSpec,
  digestWarning,
  listTasks,
  serviceJSON,
  taskJSON,
  unpinnable,
} from '../daemon/cluster/service_views.ts';
import { createService, findService, removeService, serviceTable } from '../daemon/cluster/services.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { containerLogs } from '../daemon/logs.ts';
import { findRegistryImage } from '../daemon/registry.ts';
import { notFound } from '../errdefs.ts';
import { boolValue, filtersOf, json, noContent, type RouteContext } from './httputils.ts';
import type { ApiResponse } from './types.ts';

/** specImage is the body's TaskTemplate.ContainerSpec.Image. */
function specImage(body: unknown): string | undefined {
  return (body as { TaskTemplate?: { ContainerSpec?: { Image?: string } } } | undefined)?.TaskTemplate
    ?.ContainerSpec?.Image;
}

function update(d: Daemon, ctx: RouteContext): ApiResponse {
  // The CLI sets QueryRegistry when --image changes the image; only then is it pinned (or warned).
  const known = (ref: string): boolean => findRegistryImage(d.world, ref) !== undefined;
  const raw = specImage(ctx.body);
  const current = findService(requireManager(d), ctx.vars.id).image;
  const query = raw !== undefined && raw !== current;
  const input = decodeSpec(ctx.body, known);
  if (!query && raw !== undefined) input.image = raw;
  updateService(d, ctx.vars.id, input);
  return json(200, { Warnings: query && raw && unpinnable(raw, known) ? [digestWarning(raw)] : null });
}

/** serviceLogs is GET /services/{id}/logs: each task's log lines with the task's details prefix. */
function serviceLogs(d: Daemon, ctx: RouteContext): ApiResponse {
  const store = requireManager(d);
  const svc = findService(store, ctx.vars.id);
  const out = { stdout: '', stderr: '' };
  const opts = { stdout: boolValue(ctx.query, 'stdout'), stderr: boolValue(ctx.query, 'stderr') };
  for (const t of serviceTable(store).tasks.filter((x) => x.serviceId === svc.id)) {
    const node = store.nodes.find((n) => n.id === t.nodeId);
    const daemon = node ? daemonsOf(store).get(node.hostname) : undefined;
    if (!daemon || !t.containerId || !daemon.containers.has(t.containerId)) continue;
    const logs = containerLogs(daemon, t.containerId, opts);
    const prefix = `com.docker.swarm.node.id=${t.nodeId},com.docker.swarm.service.id=${svc.id},com.docker.swarm.task.id=${t.id}`;
    for (const stream of ['stdout', 'stderr'] as const)
      for (const line of logs[stream].split(/(?<=\n)/).filter((l) => l !== ''))
        out[stream] += `${prefix} ${line}`;
  }
  return json(200, out);
}

/** SERVICE_ROUTES are the service and task routes. */
export const SERVICE_ROUTES: Array<[string, string, (d: Daemon, ctx: RouteContext) => ApiResponse]> = [
  [
    'GET',
    '/services',
    (d, ctx) => {
      const store = requireManager(d);
      const status = boolValue(ctx.query, 'status');
      const f = filtersOf(ctx.query);
      f.validate(['id', 'label', 'mode', 'name']);
      const prefixed = (key: string, value: string): boolean =>
        !f.contains(key) || f.get(key).some((p) => value.startsWith(p));
      return json(
        200,
        serviceTable(store)
          .services.filter((s) => prefixed('id', s.id) && prefixed('name', s.name))
          .filter((s) => !f.contains('mode') || f.get('mode').includes(s.global ? 'global' : 'replicated'))
          .filter(() => !f.contains('label') || f.get('label').length === 0)
          .map((s) => serviceJSON(store, s, status, d.world.clock.now())),
      );
    },
  ],
  [
    'POST',
    '/services/create',
    (d, ctx) => {
      const known = (ref: string): boolean => findRegistryImage(d.world, ref) !== undefined;
      const input = decodeSpec(ctx.body, known);
      const svc = createService(d, input);
      const raw = specImage(ctx.body);
      const warnings = raw && unpinnable(raw, known) ? [digestWarning(raw)] : null;
      return json(201, { ID: svc.id, Warnings: warnings });
    },
  ],
  ['GET', '/services/{id}/logs', serviceLogs],
  ['POST', '/services/{id}/update', update],
  [
    'GET',
    '/services/{id}',
    (d, ctx) => {
      const store = requireManager(d);
      return json(200, serviceJSON(store, findService(store, ctx.vars.id), false, d.world.clock.now()));
    },
  ],
  [
    'DELETE',
    '/services/{id}',
    (d, ctx) => {
      removeService(d, ctx.vars.id);
      return noContent(200);
    },
  ],
  ['GET', '/tasks', (d, ctx) => json(200, listTasks(d, filtersOf(ctx.query)))],
  [
    'GET',
    '/tasks/{id}',
    (d, ctx) => {
      const store = requireManager(d);
      const t = serviceTable(store).tasks.find((x) => x.id === ctx.vars.id || x.id.startsWith(ctx.vars.id));
      if (!t) throw notFound(`task ${ctx.vars.id} not found`);
      return json(200, taskJSON(store, t));
    },
  ],
];
