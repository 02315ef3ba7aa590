// Mirrors moby/moby api/server/router/image/image_routes.go (v28.2.2). POST /images/create answers
// with the pull progress as an array of JSON messages in `json` (dockerd streams them one per line).

import type { Daemon } from '../daemon/daemon.ts';
import { imageInspect, listImages } from '../daemon/images-json.ts';
import { invalidParameter } from '../errdefs.ts';
import { rfc3339Nano } from '../world/clock.ts';
import { boolValue, filtersOf, json, noContent, type RouteContext } from './httputils.ts';
import type { ApiResponse } from './types.ts';

/** IMAGE_ROUTES are the /images routes. */
export const IMAGE_ROUTES: Array<[string, string, (d: Daemon, ctx: RouteContext) => ApiResponse]> = [
  [
    'POST',
    '/images/create',
    (d, ctx) => {
      const from = ctx.query.fromImage;
      if (!from) throw invalidParameter('"fromImage" or "fromSrc" is required');
      const msgs = d.images.pull(from, ctx.query.tag || undefined);
      const entry = d.images.findImage(ctx.query.tag ? `${from}:${ctx.query.tag}` : from);
      d.advance(entry ? 1200 + Math.round(entry.entry.size / 40_000) : 800);
      return json(200, msgs);
    },
  ],
  ['GET', '/images/json', (d, ctx) => json(200, listImages(d, filtersOf(ctx.query)))],
  ['GET', '/images/{name}/json', (d, ctx) => json(200, imageInspect(d, ctx.vars.name))],
  [
    'POST',
    '/images/{name}/tag',
    (d, ctx) => {
      if (!ctx.query.repo) throw invalidParameter('repository name must have at least one component');
      d.images.tag(
        ctx.vars.name,
        ctx.query.repo,
        ctx.query.tag || undefined,
        rfc3339Nano(d.world.clock.now(), d.cosmetic.int(1_000_000)),
      );
      return noContent(201);
    },
  ],
  [
    'DELETE',
    '/images/{name}',
    (d, ctx) => {
      const usedBy = (imageId: string): Array<{ id: string; running: boolean }> =>
        [...d.containers.values()]
          .filter((c) => c.image.entry.id === imageId)
          .map((c) => ({ id: c.id, running: c.state.running }));
      return json(200, d.images.remove(ctx.vars.name, boolValue(ctx.query, 'force'), usedBy));
    },
  ],
];
