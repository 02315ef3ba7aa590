// Mirrors docker/compose v2.36 pkg/compose/build.go (build without bake: the bake hint on stdout,
// buildkit's plain printer on stdout with "[service …]" step names, " service  Built" events) and
// the "[service] resolving provenance for metadata file" step buildx adds. Simplified: no bake, no
// build args or targets from compose files; the context is the service's directory of the host Vfs.

import { type BuildAnswer, exportLinesFor, renderPlain } from '../cli/commands/build.ts';
import { normalizePath } from '../kernel/vfs.ts';
import type { ComposeContext } from './context.ts';
import { event } from './progress.ts';
import { ComposeError, imageName, type Project, type Service } from './project.ts';

/** BAKE_HINT is compose's bakeSuggest, printed once before the first build. */
export const BAKE_HINT =
  'Compose can now delegate builds to bake for better performance.\n To do so, set COMPOSE_BAKE=true.';

/** buildServices builds the services that have a build section and no image yet, in order. */
export function buildServices(c: ComposeContext, p: Project, services: Service[]): void {
  if (services.length === 0) return;
  c.out(`${BAKE_HINT}\n`);
  const built: string[] = [];
  for (const s of services) {
    const build = s.build as { context: string; dockerfile: string };
    const contextDir = normalizePath(build.context, p.workingDir);
    if (!c.io.fs.isDir(contextDir))
      throw new ComposeError(`unable to prepare context: path "${contextDir}" not found`);
    const tag = imageName(p, s);
    const answer = c.client.post<BuildAnswer>(
      '/build',
      { dockerfile: build.dockerfile, t: JSON.stringify([tag]) },
      { fs: c.io.fs, contextDir },
    );
    if (answer.error !== undefined) {
      c.out(renderPlain(answer, undefined, s.name));
      throw new ComposeError(`failed to solve: ${answer.error}`);
    }
    const text = renderPlain(answer, exportLinesFor(answer.imageId as string, [tag]), s.name);
    const n = answer.vertexes.length + 2;
    c.out(`${text}\n#${n} [${s.name}] resolving provenance for metadata file\n#${n} DONE 0.0s\n`);
    built.push(s.name);
  }
  for (const name of built) event(c, name, '', 'Built');
}
