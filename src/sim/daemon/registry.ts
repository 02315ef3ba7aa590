// Mirrors moby/moby distribution/push_v2.go (pushV2Repository: Preparing, Pushed / Mounted from /
// Layer already exists, "TAG: digest: sha256:… size: N") and pull_v2.go against one registry shared
// by every host of the lab (world.registry). Simplified: no auth — any namespace but Docker Hub's
// library/ is writable; localhost:5000/… and other hosts are the same store.

import { notFound } from '../errdefs.ts';
import type { World } from '../world/world.ts';
import { sha256Hex } from './build-sha256.ts';
import type { Daemon } from './daemon.ts';
import { CATALOGUE, type JsonMessage } from './images.ts';
import type { CatalogueImage } from './images-data.ts';
import { familiarString, parseImageRef, registryPath, withDefaultTag } from './reference.ts';

/** fullName is the registry key of a reference: "docker.io/learner/app:latest", "localhost:5000/x:v1". */
export function fullName(refStr: string): {
  key: string;
  repo: string;
  tag: string;
  hub: boolean;
  path: string;
} {
  const ref = withDefaultTag(parseImageRef(refStr));
  const first = ref.repo.split('/')[0];
  const hub = !(ref.repo.includes('/') && /[.:]|^localhost$/.test(first));
  const path = hub ? `docker.io/${registryPath(ref.repo)}` : ref.repo;
  return { key: `${path}:${ref.tag}`, repo: ref.repo, tag: ref.tag ?? 'latest', hub, path };
}

/** findRegistryImage returns the pushed image for a reference, if someone pushed it. */
export function findRegistryImage(world: World, refStr: string): CatalogueImage | undefined {
  try {
    return world.registry?.manifests.get(fullName(refStr).key)?.image as CatalogueImage | undefined;
  } catch {
    return undefined;
  }
}

const short = (d: string): string => d.replace(/^sha256:/, '').slice(0, 12);

/** pushImage is POST /images/{name}/push: it stores the image in the shared registry. */
export function pushImage(d: Daemon, name: string, tag: string | undefined): JsonMessage[] {
  const refStr = tag ? `${name}:${tag}` : name;
  const n = fullName(refStr);
  const img = d.images.findImage(familiarString(withDefaultTag(parseImageRef(refStr))));
  if (!img) throw notFound(`An image does not exist locally with the tag: ${n.repo}`);
  const msgs: JsonMessage[] = [{ status: `The push refers to repository [${n.path}]` }];
  const layers = [...img.entry.layers].reverse();
  for (const l of layers) msgs.push({ status: 'Preparing', progressDetail: {}, id: short(l.diffId) });
  if (n.hub && n.path.startsWith('docker.io/library/')) {
    const error = 'denied: requested access to the resource is denied';
    return [...msgs, { error, errorDetail: { message: error } } as unknown as JsonMessage];
  }
  const reg = d.world.registry;
  if (!reg) throw notFound('no registry in this lab');
  const known = new Set<string>();
  for (const m of reg.manifests.values())
    for (const l of (m.image as CatalogueImage).layers) known.add(l.diffId);
  for (const l of layers) {
    const base = known.has(l.diffId)
      ? undefined
      : CATALOGUE.find((e) => e.layers.some((x) => x.diffId === l.diffId));
    const status = known.has(l.diffId)
      ? 'Layer already exists'
      : base
        ? `Mounted from ${registryPath(base.repo)}`
        : 'Pushed';
    msgs.push({ status, progressDetail: {}, id: short(l.diffId) });
  }
  const manifest = JSON.stringify(
    {
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: {
        mediaType: 'application/vnd.docker.container.image.v1+json',
        size: 1400 + JSON.stringify(img.entry.config).length,
        digest: img.entry.id,
      },
      layers: img.entry.layers.map((l) => ({
        mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
        size: l.size,
        digest: l.blob,
      })),
    },
    null,
    3,
  );
  const digest = `sha256:${sha256Hex(manifest)}`;
  const image: CatalogueImage = { ...img.entry, repo: n.repo, tags: [n.tag], digest };
  reg.manifests.set(n.key, { digest, image });
  const digestRef = `${n.repo}@${digest}`;
  if (!img.repoDigests.includes(digestRef)) img.repoDigests.push(digestRef);
  msgs.push({ status: `${n.tag}: digest: ${digest} size: ${manifest.length}` });
  d.advance(600 + layers.length * 300);
  return msgs;
}

/** pullFromRegistry is POST /images/create for an image someone pushed to the lab registry. */
export function pullFromRegistry(d: Daemon, refStr: string): JsonMessage[] | undefined {
  const image = findRegistryImage(d.world, refStr);
  const n = fullName(refStr);
  if (!image) {
    // A repository someone pushed, or any private registry, answers "manifest unknown" for a missing tag.
    const pushed = [...(d.world.registry?.manifests.keys() ?? [])].some((k) => k.startsWith(`${n.path}:`));
    if (!n.hub || pushed)
      throw notFound(`manifest for ${n.repo}:${n.tag} not found: manifest unknown: manifest unknown`);
    return undefined;
  }
  const name = familiarString(withDefaultTag(parseImageRef(refStr)));
  const have = d.images.findImage(image.id);
  const msgs: JsonMessage[] = [
    {
      status: `Pulling from ${n.hub ? registryPath(n.repo) : n.repo.slice(n.repo.indexOf('/') + 1)}`,
      id: n.tag,
    },
  ];
  const localLayers = new Set(d.images.list().flatMap((i) => i.entry.layers.map((l) => l.diffId)));
  if (!have) {
    for (const l of image.layers) {
      const id = short(l.blob);
      if (localLayers.has(l.diffId)) msgs.push({ status: 'Already exists', progressDetail: {}, id });
      else msgs.push({ status: 'Pulling fs layer', progressDetail: {}, id });
    }
    for (const l of image.layers.filter((x) => !localLayers.has(x.diffId))) {
      const id = short(l.blob);
      msgs.push(
        { status: 'Verifying Checksum', progressDetail: {}, id },
        { status: 'Download complete', progressDetail: {}, id },
        { status: 'Pull complete', progressDetail: {}, id },
      );
    }
  }
  const fresh = !have?.repoTags.includes(name);
  d.images.addImage(image, [name], [`${n.repo}@${image.digest}`]);
  msgs.push({ status: `Digest: ${image.digest}` });
  msgs.push({
    status: fresh ? `Status: Downloaded newer image for ${name}` : `Status: Image is up to date for ${name}`,
  });
  d.advance(800);
  return msgs;
}
