// Mirrors moby/moby api/server/router/image/image_routes.go (v28.2.2). POST /images/create answers
// with the pull progress as an array of JSON messages in `json` (dockerd streams them one per line).

import { buildImage } from '../daemon/build.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { imageHistory } from '../daemon/image-history.ts';
import { imageInspect, listImages } from '../daemon/images-json.ts';
import { pullFromRegistry, pushImage } from '../daemon/registry.ts';
import { invalidParameter } from '../errdefs.ts';
import type { Vfs } from '../kernel/vfs.ts';
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
      const ref = ctx.query.tag
        ? `${from}${ctx.query.tag.startsWith('sha256:') ? '@' : ':'}${ctx.query.tag}`
        : from;
      const shared = pullFromRegistry(d, ref);
      if (shared) return json(200, shared);
      const msgs = d.images.pull(from, ctx.query.tag || undefined);
      const entry = d.images.findImage(ctx.query.tag ? `${from}:${ctx.query.tag}` : from);
      d.advance(entry ? 1200 + Math.round(entry.entry.size / 40_000) : 800);
      return json(200, msgs);
    },
  ],
  [
    'POST',
    '/images/{name}/push',
    (d, ctx) => json(200, pushImage(d, ctx.vars.name, ctx.query.tag || undefined)),
  ],
  [
    // The build context travels as {fs, contextDir} (a directory of the client host's Vfs) instead
    // of a tar stream; the answer is the solve's vertexes (what BuildKit's status stream carries).
    'POST',
    '/build',
    (d, ctx) => {
      const b = (ctx.body ?? {}) as { fs?: Vfs; contextDir?: string };
      if (!b.fs) throw invalidParameter('a build context is required');
      return json(
        200,
        buildImage(d, {
          fs: b.fs,
          contextDir: b.contextDir ?? '/',
          dockerfile: ctx.query.dockerfile || 'Dockerfile',
          tags: ctx.query.t ? (JSON.parse(ctx.query.t) as string[]) : [],
          buildArgs: ctx.query.buildargs
            ? (JSON.parse(ctx.query.buildargs) as Record<string, string>)
            : undefined,
        }),
      );
    },
  ],
  ['GET', '/images/json', (d, ctx) => json(200, listImages(d, filtersOf(ctx.query)))],
  ['GET', '/images/{name}/json', (d, ctx) => json(200, imageInspect(d, ctx.vars.name))],
  ['GET', '/images/{name}/history', (d, ctx) => json(200, imageHistory(d, ctx.vars.name))],
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
