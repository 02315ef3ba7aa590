// Mirrors moby/moby daemon/images (image.go GetImage, image_pull.go, image_list.go, image_inspect.go,
// image_tag.go, image_delete.go) for the graphdriver (overlay2) image store of Engine 28.
// Simplified: images come from the offline catalogue; no layer sharing between images, no dangling images.

import { conflict, notFound } from '../errdefs.ts';
import type { Rng } from '../world/rng.ts';
import { BASE_IMAGES, type CatalogueImage } from './images-data.ts';
import { SERVICE_IMAGES } from './images-data-services.ts';
import { TOOL_IMAGES } from './images-data-tools.ts';
import {
  familiarString,
  type ImageRef,
  isImageIdLike,
  parseImageRef,
  registryPath,
  withDefaultTag,
} from './reference.ts';

/** CATALOGUE is every image the simulated registry can serve. */
export const CATALOGUE: readonly CatalogueImage[] = [...BASE_IMAGES, ...SERVICE_IMAGES, ...TOOL_IMAGES];

/** LocalImage is a pulled image: the catalogue entry plus this host's references and layer dirs. */
export interface LocalImage {
  entry: CatalogueImage;
  repoTags: string[];
  repoDigests: string[];
  /** cacheIds are the overlay2 directory names of the layers, bottom first. */
  cacheIds: string[];
  /** lastTagTime is set by `docker tag` (RFC3339Nano), else the zero time. */
  lastTagTime: string;
}

/** JsonMessage is one line of a pull progress stream (pkg/jsonmessage.JSONMessage). */
export interface JsonMessage {
  status: string;
  progressDetail?: { current?: number; total?: number };
  progress?: string;
  id?: string;
}

/** DeleteResponseItem is one entry of DELETE /images/{name} (image.DeleteResponse). */
export type DeleteResponseItem = { Untagged: string } | { Deleted: string };

/** humanSize is go-units HumanSize: decimal units with 4 significant digits ("3.8MB"). */
export function humanSize(size: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  while (size >= 1000 && i < units.length - 1) {
    size /= 1000;
    i++;
  }
  return `${Number(size.toPrecision(4))}${units[i]}`;
}

function progressBar(current: number, total: number): string {
  const bars = Math.min(50, Math.trunc(Math.trunc((current / total) * 100) / 2));
  return `[${'='.repeat(bars)}>${' '.repeat(50 - bars)}] ${humanSize(current).padStart(8)}/${humanSize(total)}`;
}

const shortId = (digest: string): string => digest.replace(/^sha256:/, '').slice(0, 12);

/** ImageStore is the daemon's image service: local images and the registry client. */
export class ImageStore {
  private readonly local: LocalImage[] = [];
  private readonly rng: Rng;
  private readonly catalogue: readonly CatalogueImage[];

  constructor(rng: Rng, catalogue: readonly CatalogueImage[] = CATALOGUE) {
    this.rng = rng;
    this.catalogue = catalogue;
  }

  /** list returns local images, newest first (daemon/images/image_list.go sorts by Created). */
  list(): LocalImage[] {
    return [...this.local].sort((a, b) =>
      a.entry.created < b.entry.created ? 1 : a.entry.created > b.entry.created ? -1 : 0,
    );
  }

  /** getImage is GetImage: by ID, ID prefix, tag or digest; `No such image: x` when missing. */
  getImage(refOrId: string): LocalImage {
    const found = this.findImage(refOrId);
    if (found) return found;
    let shown = refOrId;
    if (!isImageIdLike(refOrId)) {
      try {
        shown = familiarString(withDefaultTag(parseImageRef(refOrId)));
      } catch {
        // keep the text as given
      }
    }
    throw notFound(`No such image: ${shown}`);
  }

  /** findImage is getImage without the error. */
  findImage(refOrId: string): LocalImage | undefined {
    const hex = refOrId.replace(/^sha256:/, '');
    if (isImageIdLike(refOrId)) return this.local.find((i) => i.entry.id === `sha256:${hex}`);
    let ref: ImageRef | undefined;
    try {
      ref = withDefaultTag(parseImageRef(refOrId));
    } catch {
      ref = undefined;
    }
    if (ref) {
      const name = familiarString(ref);
      const byRef = this.local.find((i) => i.repoTags.includes(name) || i.repoDigests.includes(name));
      if (byRef) return byRef;
    }
    if (/^[a-f0-9]+$/.test(hex)) {
      const matches = this.local.filter((i) => i.entry.id.startsWith(`sha256:${hex}`));
      if (matches.length === 1) return matches[0];
    }
    return undefined;
  }

  /** pull is POST /images/create: it returns the progress messages dockerd streams. */
  pull(fromImage: string, tag: string | undefined): JsonMessage[] {
    const parsed = parseImageRef(
      tag ? `${fromImage}${tag.startsWith('sha256:') ? '@' : ':'}${tag}` : fromImage,
    );
    const ref = withDefaultTag(parsed);
    const entry = this.catalogue.find(
      (e) =>
        e.repo === ref.repo &&
        (ref.tag === undefined || e.tags.includes(ref.tag)) &&
        (ref.digest === undefined || e.digest === ref.digest),
    );
    if (!entry) {
      if (this.catalogue.some((e) => e.repo === ref.repo)) {
        throw notFound(`manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown`);
      }
      throw notFound(
        `pull access denied for ${ref.repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
      );
    }
    const name = familiarString(ref);
    const digestRef = `${ref.repo}@${entry.digest}`;
    const msgs: JsonMessage[] = [
      { status: `Pulling from ${registryPath(ref.repo)}`, id: ref.digest ?? ref.tag },
    ];
    let img = this.local.find((i) => i.entry.id === entry.id);
    const fresh = !img || (ref.tag !== undefined && !img.repoTags.includes(name));
    if (!img) {
      for (const l of entry.layers)
        msgs.push({ status: 'Pulling fs layer', progressDetail: {}, id: shortId(l.blob) });
      for (const l of entry.layers.slice(3))
        msgs.push({ status: 'Waiting', progressDetail: {}, id: shortId(l.blob) });
      for (const l of entry.layers) {
        const id = shortId(l.blob);
        msgs.push({
          status: 'Downloading',
          progressDetail: { current: l.size, total: l.size },
          progress: progressBar(l.size, l.size),
          id,
        });
        msgs.push(
          { status: 'Verifying Checksum', progressDetail: {}, id },
          { status: 'Download complete', progressDetail: {}, id },
        );
      }
      for (const l of entry.layers) {
        const id = shortId(l.blob);
        msgs.push({
          status: 'Extracting',
          progressDetail: { current: l.size, total: l.size },
          progress: progressBar(l.size, l.size),
          id,
        });
        msgs.push({ status: 'Pull complete', progressDetail: {}, id });
      }
      img = {
        entry,
        repoTags: [],
        repoDigests: [],
        cacheIds: entry.layers.map(() => this.rng.hex(64)),
        lastTagTime: '0001-01-01T00:00:00Z',
      };
      this.local.push(img);
    }
    if (ref.tag !== undefined && !img.repoTags.includes(name)) img.repoTags.push(name);
    if (!img.repoDigests.includes(digestRef)) img.repoDigests.push(digestRef);
    msgs.push({ status: `Digest: ${entry.digest}` });
    msgs.push({
      status: fresh
        ? `Status: Downloaded newer image for ${name}`
        : `Status: Image is up to date for ${name}`,
    });
    return msgs;
  }

  /** findInCatalogue finds the registry's image for a reference (the builder's FROM). */
  findInCatalogue(refStr: string): CatalogueImage | undefined {
    const ref = withDefaultTag(parseImageRef(refStr));
    return this.catalogue.find(
      (e) =>
        e.repo === ref.repo &&
        (ref.tag === undefined || e.tags.includes(ref.tag)) &&
        (ref.digest === undefined || e.digest === ref.digest),
    );
  }

  /** addImage stores an image built or pulled from the lab registry; names move from older images. */
  addImage(entry: CatalogueImage, names: string[], repoDigests: string[] = []): LocalImage {
    let img = this.local.find((i) => i.entry.id === entry.id);
    if (!img) {
      img = {
        entry,
        repoTags: [],
        repoDigests: [],
        cacheIds: entry.layers.map(() => this.rng.hex(64)),
        lastTagTime: '0001-01-01T00:00:00Z',
      };
      this.local.push(img);
    }
    for (const n of names) {
      for (const other of this.local)
        if (other !== img) other.repoTags = other.repoTags.filter((t) => t !== n);
      if (!img.repoTags.includes(n)) img.repoTags.push(n);
    }
    for (const d of repoDigests) if (!img.repoDigests.includes(d)) img.repoDigests.push(d);
    return img;
  }

  /** tag is POST /images/{name}/tag (daemon/images/image_tag.go). */
  tag(source: string, repo: string, tag: string | undefined, nowRfc3339: string): void {
    const img = this.getImage(source);
    const name = familiarString(withDefaultTag(parseImageRef(tag ? `${repo}:${tag}` : repo)));
    for (const other of this.local) other.repoTags = other.repoTags.filter((t) => t !== name);
    img.repoTags.push(name);
    img.lastTagTime = nowRfc3339;
  }

  /**
   * remove is DELETE /images/{name} (image_delete.go ImageDelete). usedBy lists the containers
   * created from an image ID (running or not).
   */
  remove(
    refOrId: string,
    force: boolean,
    usedBy: (imageId: string) => Array<{ id: string; running: boolean }>,
  ): DeleteResponseItem[] {
    const img = this.getImage(refOrId);
    const users = usedBy(img.entry.id);
    const records: DeleteResponseItem[] = [];
    const hex = refOrId.replace(/^sha256:/, '');
    const byId =
      /^[a-f0-9]+$/.test(hex) &&
      img.entry.id.startsWith(`sha256:${hex}`) &&
      !img.repoTags.includes(familiarString(withDefaultTag(parseImageRef(refOrId))));
    if (!byId) {
      const name = familiarString(withDefaultTag(parseImageRef(refOrId)));
      const single = img.repoTags.length <= 1;
      if (!force && single && users.length > 0) {
        throw conflict(
          `conflict: unable to remove repository reference "${refOrId}" (must force) - container ${users[0].id.slice(0, 12)} is using its referenced image ${shortId(img.entry.id)}`,
        );
      }
      img.repoTags = img.repoTags.filter((t) => t !== name);
      records.push({ Untagged: name });
      const repo = parseImageRef(refOrId).repo;
      if (!img.repoTags.some((t) => t.startsWith(`${repo}:`))) {
        for (const d of img.repoDigests.filter((x) => x.startsWith(`${repo}@`)))
          records.push({ Untagged: d });
        img.repoDigests = img.repoDigests.filter((x) => !x.startsWith(`${repo}@`));
      }
      if (img.repoTags.length > 0 || img.repoDigests.length > 0) return records;
    } else {
      const running = users.find((u) => u.running);
      if (running)
        throw conflict(
          `conflict: unable to delete ${shortId(img.entry.id)} (cannot be forced) - image is being used by running container ${running.id.slice(0, 12)}`,
        );
      if (img.repoTags.length > 1 && !force)
        throw conflict(
          `conflict: unable to delete ${shortId(img.entry.id)} (must be forced) - image is referenced in multiple repositories`,
        );
      if (!force && users.length > 0)
        throw conflict(
          `conflict: unable to delete ${shortId(img.entry.id)} (must be forced) - image is being used by stopped container ${users[0].id.slice(0, 12)}`,
        );
      for (const t of img.repoTags) records.push({ Untagged: t });
      for (const d of img.repoDigests) records.push({ Untagged: d });
    }
    const running = users.find((u) => u.running);
    if (running)
      throw conflict(
        `conflict: unable to delete ${shortId(img.entry.id)} (cannot be forced) - image is being used by running container ${running.id.slice(0, 12)}`,
      );
    if (users.length > 0 && !force)
      throw conflict(
        `conflict: unable to delete ${shortId(img.entry.id)} (must be forced) - image is being used by stopped container ${users[0].id.slice(0, 12)}`,
      );
    this.local.splice(this.local.indexOf(img), 1);
    records.push({ Deleted: img.entry.id });
    for (const l of [...img.entry.layers].reverse()) records.push({ Deleted: l.diffId });
    return records;
  }
}
