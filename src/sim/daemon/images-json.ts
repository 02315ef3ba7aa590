// Mirrors moby/moby daemon/images/image_inspect.go, image_list.go (newImageSummary, filters) and
// api/types/image (InspectResponse, Summary), v28.2.2 with the overlay2 graph driver.

import type { Daemon } from './daemon.ts';
import type { FilterArgs } from './filters.ts';
import { sortedMap } from './gostruct.ts';
import type { LocalImage } from './images.ts';

const IMAGE_LIST_FILTERS = ['before', 'dangling', 'label', 'reference', 'since', 'until'];

function imageConfigJSON(img: LocalImage): Record<string, unknown> {
  const c = img.entry.config;
  const out: Record<string, unknown> = {};
  if (c.User) out.User = c.User;
  if (c.ExposedPorts) out.ExposedPorts = sortedMap(c.ExposedPorts);
  if (c.Env) out.Env = c.Env;
  if (c.Entrypoint) out.Entrypoint = c.Entrypoint;
  if (c.Cmd) out.Cmd = c.Cmd;
  if (c.Volumes) out.Volumes = sortedMap(c.Volumes);
  if (c.WorkingDir) out.WorkingDir = c.WorkingDir;
  if (c.Labels) out.Labels = sortedMap(c.Labels);
  if (c.StopSignal) out.StopSignal = c.StopSignal;
  return out;
}

/** imageInspect is GET /images/{name}/json. */
export function imageInspect(d: Daemon, name: string): Record<string, unknown> {
  const img = d.images.getImage(name);
  const dirs = img.cacheIds.map((id) => `/var/lib/docker/overlay2/${id}`);
  const top = dirs[dirs.length - 1];
  const data: Record<string, string> = {};
  if (dirs.length > 1)
    data.LowerDir = dirs
      .slice(0, -1)
      .reverse()
      .map((x) => `${x}/diff`)
      .join(':');
  data.MergedDir = `${top}/merged`;
  data.UpperDir = `${top}/diff`;
  data.WorkDir = `${top}/work`;
  return {
    Id: img.entry.id,
    RepoTags: [...img.repoTags],
    RepoDigests: [...img.repoDigests],
    Parent: '',
    Comment: img.entry.comment,
    Created: img.entry.created,
    DockerVersion: '',
    Author: '',
    Config: imageConfigJSON(img),
    Architecture: 'amd64',
    Os: 'linux',
    Size: img.entry.size,
    GraphDriver: { Data: sortedMap(data), Name: 'overlay2' },
    RootFS: { Type: 'layers', Layers: img.entry.layers.map((l) => l.diffId) },
    Metadata: { LastTagTime: img.lastTagTime },
  };
}

/** imageSummary is newImageSummary: one row of GET /images/json. */
export function imageSummary(img: LocalImage): Record<string, unknown> {
  return {
    Containers: -1,
    Created: Math.floor(Date.parse(img.entry.created) / 1000),
    Id: img.entry.id,
    Labels: img.entry.config.Labels ? sortedMap(img.entry.config.Labels) : null,
    ParentId: '',
    RepoDigests: [...img.repoDigests],
    RepoTags: [...img.repoTags],
    SharedSize: -1,
    Size: img.entry.size,
  };
}

function globMatch(pattern: string, s: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  );
  return re.test(s);
}

/** listImages is GET /images/json: newest first, filtered. */
export function listImages(d: Daemon, filter: FilterArgs): Array<Record<string, unknown>> {
  filter.validate(IMAGE_LIST_FILTERS);
  const dangling = filter.contains('dangling') ? filter.getBoolOrDefault('dangling', false) : false;
  return d.images
    .list()
    .filter((img) => !dangling && filter.matchKVList('label', img.entry.config.Labels ?? {}))
    .filter(
      (img) =>
        !filter.contains('reference') ||
        filter
          .get('reference')
          .some((p) => img.repoTags.some((t) => globMatch(p, t) || globMatch(p, t.split(':')[0]))),
    )
    .map(imageSummary);
}
