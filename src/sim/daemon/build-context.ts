// Mirrors moby/buildkit's context handling for COPY/ADD (the local source, .dockerignore
// exclusion, dest-is-a-directory rules). Split from build.ts; simplified: the context is a
// directory of the host's Vfs, not a tar stream.

import { invalidParameter, notFound } from '../errdefs.ts';
import { normalizePath } from '../kernel/vfs.ts';
import type { BuildRequest } from './build.ts';
import { dockerignoreMatcher } from './build-dockerfile.ts';

/** contextFiles lists the build context's files that .dockerignore does not exclude. */
export function contextFiles(req: BuildRequest): Array<[string, string]> {
  const root = normalizePath(req.contextDir);
  const ignored = dockerignoreMatcher(req.fs.readFile(`${root}/.dockerignore`));
  const prefix = root === '/' ? '/' : `${root}/`;
  return req.fs.files().filter(([p]) => p.startsWith(prefix) && !ignored(p.slice(prefix.length)));
}

/** copyInto copies COPY/ADD sources into the image's files; it returns the bytes copied. */
export function copyInto(
  req: BuildRequest,
  st: { files: Record<string, string> },
  srcs: string[],
  dest: string,
  workdir: string,
): number {
  let bytes = 0;
  const target = normalizePath(expandDest(dest, workdir));
  const available = contextFiles(req);
  for (const src of srcs) {
    const from = normalizePath(src, req.contextDir);
    if (!from.startsWith(normalizePath(req.contextDir)))
      throw invalidParameter(`failed to compute cache key: "${src}" not found`);
    const files = available.filter(([p]) => p === from || p.startsWith(`${from}/`));
    if (files.length === 0)
      throw notFound(
        `failed to compute cache key: failed to calculate checksum of ref: "/${src.replace(/^\.?\//, '')}": not found`,
      );
    // Docker copies into dest when it ends in "/" or ".", names an existing directory, or several
    // sources (or a directory's contents) are copied.
    const existingDir = Object.keys(st.files).some((p) => p.startsWith(`${target === '/' ? '' : target}/`));
    const intoDir = /(^|\/)\.?\/?$/.test(dest) || existingDir || srcs.length > 1 || req.fs.isDir(from);
    for (const [p, content] of files) {
      const rel = p === from ? p.slice(p.lastIndexOf('/') + 1) : p.slice(from.length + 1);
      st.files[intoDir ? `${target === '/' ? '' : target}/${rel}` : target] = content;
      bytes += content.length;
    }
  }
  return bytes;
}

/** expandDest resolves a relative COPY destination against WORKDIR. */
const expandDest = (dest: string, workdir: string): string =>
  dest.startsWith('/') ? dest : `${workdir}/${dest}`;
