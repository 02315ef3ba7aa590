// Mirrors moby/moby daemon/images/image_history.go (ImageHistory for the graphdriver image store,
// v28.2.2) and the history BuildKit's dockerfile frontend writes (dockerfile2llb/convert.go
// commitToHistory, mobyexporter/writer.go normalizeLayersAndHistory). Simplified: catalogue images
// without a sourced history get one entry per layer with an empty CreatedBy, and the unpacked size
// of a pulled layer is the image size shared out in proportion to the compressed blobs.

import type { Daemon } from './daemon.ts';
import type { CatalogueImage, HistoryEntry } from './images-data.ts';

/** HistoryResponseItem is one row of GET /images/{name}/history (image.HistoryResponseItem). */
export interface HistoryResponseItem {
  Comment: string;
  Created: number;
  CreatedBy: string;
  Id: string;
  Size: number;
  Tags: string[] | null;
}

/** configHistory is the image config's history, or one entry per layer when the catalogue lacks it. */
export function configHistory(entry: CatalogueImage): HistoryEntry[] {
  if (entry.history) return entry.history;
  return entry.layers.map(() => ({ created: entry.created, created_by: '' }));
}

/**
 * layerDiffSizes is each layer's DiffSize: known for built layers, otherwise the rest of the
 * image size shared out by compressed size (the last such layer takes the rounding).
 */
export function layerDiffSizes(entry: CatalogueImage): number[] {
  const known = entry.layers.reduce((n, l) => n + (l.diffSize ?? 0), 0);
  const unknown = entry.layers.filter((l) => l.diffSize === undefined);
  const blobs = unknown.reduce((n, l) => n + l.size, 0);
  let left = Math.max(0, entry.size - known);
  const share = left;
  let seen = 0;
  return entry.layers.map((l) => {
    if (l.diffSize !== undefined) return l.diffSize;
    seen++;
    if (seen === unknown.length) return left;
    const part = blobs > 0 ? Math.round((share * l.size) / blobs) : 0;
    left -= part;
    return part;
  });
}

/**
 * fillHistoryTimes is normalizeLayersAndHistory's second half: entries without a time take the
 * first new layer's time, or the time of the layer before them.
 */
export function fillHistoryTimes(history: HistoryEntry[]): HistoryEntry[] {
  let created: string | undefined;
  let noCreatedTime = false;
  for (const h of history) {
    if (h.created !== undefined) {
      created = h.created;
      if (noCreatedTime) break;
    } else noCreatedTime = true;
  }
  noCreatedTime = false;
  return history.map((h) => {
    if (h.created !== undefined) {
      if (noCreatedTime) created = h.created;
      return h;
    }
    noCreatedTime = true;
    return created === undefined ? h : { ...h, created };
  });
}

/** fullRefName is reference.ParseNormalizedNamed(familiar).String(), for the reference store's sort. */
function fullRefName(familiar: string): string {
  const first = familiar.split('/')[0];
  const slash = familiar.includes('/');
  if (slash && (first.includes('.') || first.includes(':') || first === 'localhost')) return familiar;
  return slash ? `docker.io/${familiar}` : `docker.io/library/${familiar}`;
}

/** imageHistory is GET /images/{name}/history: newest entry first, the top one with the image ID. */
export function imageHistory(d: Daemon, name: string): HistoryResponseItem[] {
  const img = d.images.getImage(name);
  const sizes = layerDiffSizes(img.entry);
  const items: HistoryResponseItem[] = [];
  let layer = 0;
  for (const h of configHistory(img.entry)) {
    let size = 0;
    if (!h.empty_layer) {
      if (layer >= sizes.length) throw new Error('too many non-empty layers in History section');
      size = sizes[layer++];
    }
    items.unshift({
      Comment: h.comment ?? '',
      Created: h.created ? Math.floor(Date.parse(h.created) / 1000) : 0,
      CreatedBy: h.created_by ?? '',
      Id: '<missing>',
      Size: size,
      Tags: null,
    });
  }
  if (items.length > 0) {
    items[0].Id = img.entry.id;
    const tags = [...img.repoTags].sort((a, b) => {
      const x = fullRefName(a);
      const y = fullRefName(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    items[0].Tags = tags.length > 0 ? tags : null;
  }
  return items;
}
