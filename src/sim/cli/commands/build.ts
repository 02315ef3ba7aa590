// Mirrors docker/cli cli/command/image/build.go handing over to buildx (the default "docker build"
// of Docker 28) and buildkit util/progress/progressui/printer.go in plain mode (what a non-TTY or
// --progress=plain shows): "#N name", status and timed log lines, "#N DONE 0.0s", errors with the
// Dockerfile excerpt. Simplified: the context is the host directory itself (see api/images.ts /build).

import type { Vfs } from '../../kernel/vfs.ts';
import { normalizePath } from '../../kernel/vfs.ts';
import type { CommandSpec } from '../cobra.ts';
import type { RunContext } from '../context.ts';
import { CliError } from '../errors.ts';

interface Vertex {
  name: string;
  statuses: string[];
  logs: Array<{ t: number; line: string }>;
  cached?: boolean;
  seconds: number;
  error?: string;
}

/** BuildAnswer is POST /build's answer: the solve's vertexes and the image ID or error. */
export interface BuildAnswer {
  vertexes: Vertex[];
  imageId?: string;
  error?: string;
  failed?: { line: number; vertex: number };
}

/** renderPlain prints a solve as buildkit's plain progress printer does; target prefixes step names
 * as compose's builds do ("[web 2/3] RUN …"). */
export function renderPlain(answer: BuildAnswer, exportLines: string[] | undefined, target?: string): string {
  let out = '#0 building with "default" instance using docker driver\n';
  const all = [...answer.vertexes];
  answer.vertexes.forEach((v, i) => {
    const n = `#${i + 1}`;
    const name = target && v.name.startsWith('[') ? `[${target} ${v.name.slice(1)}` : v.name;
    out += `\n${n} ${name}\n`;
    for (const s of v.statuses) out += `${n} ${s}\n`;
    for (const l of v.logs) out += `${n} ${l.t.toFixed(3)} ${l.line}\n`;
    if (v.error) out += `${n} ERROR: ${v.error}\n`;
    else if (v.cached) out += `${n} CACHED\n`;
    else out += `${n} DONE ${v.seconds.toFixed(1)}s\n`;
  });
  if (exportLines) {
    const n = `#${all.length + 1}`;
    out += `\n${n} exporting to image\n`;
    for (const l of exportLines) out += `${n} ${l}\n`;
    out += `${n} DONE 0.1s\n`;
  }
  return out;
}

/** exportLinesFor is the "exporting to image" vertex of the docker driver: layers, image, names. */
export function exportLinesFor(id: string, tags: string[]): string[] {
  const lines = ['exporting layers', 'exporting layers 0.1s done', `writing image ${id} done`];
  for (const t of tags) {
    const full =
      t.includes('/') && /[.:]|^localhost$/.test(t.split('/')[0])
        ? t
        : `docker.io/${t.includes('/') ? t : `library/${t}`}`;
    lines.push(`naming to ${full.includes(':', full.lastIndexOf('/')) ? full : `${full}:latest`} done`);
  }
  return lines;
}

/** failureBlock is buildx's error report: the step's last logs, the Dockerfile excerpt, the cause. */
export function failureBlock(answer: BuildAnswer, dockerfile: string, dfName: string): string {
  let out = '';
  const f = answer.failed;
  if (f) {
    const v = answer.vertexes[f.vertex - 1];
    out += `------\n > ${v.name}:\n`;
    for (const l of v.logs.slice(-10)) out += `${l.t.toFixed(3)} ${l.line}\n`;
    out += '------\n';
    const lines = dockerfile.split('\n');
    out += `${dfName}:${f.line}\n--------------------\n`;
    for (let i = Math.max(1, f.line - 2); i <= Math.min(lines.length, f.line + 2); i++) {
      if (i === lines.length && lines[i - 1] === '') break;
      out += `${String(i).padStart(4)} | ${i === f.line ? '>>> ' : '    '}${lines[i - 1]}\n`;
    }
    out += '--------------------\n';
  }
  return `${out}ERROR: failed to build: failed to solve: ${answer.error}\n`;
}

function run(ctx: RunContext, args: string[], flags: { get<T>(n: string): T }): void {
  const files = (ctx as RunContext & { files?: { fs: Vfs; cwd: string } }).files;
  if (!files) throw new CliError('ERROR: the build context is not available');
  const contextDir = normalizePath(args[0], files.cwd);
  if (!files.fs.isDir(contextDir))
    throw new CliError(`ERROR: failed to build: unable to prepare context: path "${args[0]}" not found`);
  const dockerfile = flags.get<string>('file') || 'Dockerfile';
  const dfRel = dockerfile.startsWith('/')
    ? dockerfile
    : normalizePath(dockerfile, files.cwd).startsWith(`${contextDir}/`)
      ? normalizePath(dockerfile, files.cwd).slice(contextDir.length + 1)
      : dockerfile;
  const tags = flags.get<string[]>('tag') ?? [];
  const buildArgs: Record<string, string> = {};
  for (const a of flags.get<string[]>('build-arg') ?? []) {
    const eq = a.indexOf('=');
    buildArgs[eq < 0 ? a : a.slice(0, eq)] = eq < 0 ? (ctx.env[a] ?? '') : a.slice(eq + 1);
  }
  const answer = ctx.client.post<BuildAnswer>(
    '/build',
    { dockerfile: dfRel, t: JSON.stringify(tags), buildargs: JSON.stringify(buildArgs) },
    { fs: files.fs, contextDir },
  );
  const quiet = flags.get<boolean>('quiet');
  if (answer.error !== undefined) {
    if (!quiet) ctx.err(renderPlain(answer, undefined));
    const text = files.fs.readFile(normalizePath(dfRel, contextDir)) ?? '';
    throw new CliError(
      `${failureBlock(answer, text, dfRel.slice(dfRel.lastIndexOf('/') + 1))}`.replace(/\n$/, ''),
    );
  }
  const id = answer.imageId as string;
  if (quiet) ctx.println(id);
  else ctx.err(renderPlain(answer, exportLinesFor(id, tags)));
}

/** buildCommand is `docker buildx build` as `docker build` / `docker image build` run it. */
export function buildCommand(use = 'build [OPTIONS] PATH | URL | -'): CommandSpec {
  return {
    use,
    short: 'Start a build',
    // buildx's cli.ExactArgs wording: docker build is an alias of `docker buildx build`.
    args: (_cmd, a) =>
      a.length === 1
        ? undefined
        : `ERROR: "docker buildx build" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build`,
    annotations: { 'category-top': '4', aliases: 'docker image build, docker build, docker builder build' },
    flags: [
      { name: 'tag', shorthand: 't', usage: 'Name and optionally a tag (format: "name:tag")', kind: 'list' },
      {
        name: 'file',
        shorthand: 'f',
        usage: 'Name of the Dockerfile (default: "PATH/Dockerfile")',
        kind: 'string',
      },
      { name: 'build-arg', usage: 'Set build-time variables', kind: 'list' },
      {
        name: 'quiet',
        shorthand: 'q',
        usage: 'Suppress the build output and print image ID on success',
        kind: 'bool',
      },
      {
        name: 'progress',
        usage: 'Set type of progress output ("auto", "plain", "tty", "quiet", "rawjson")',
        kind: 'string',
        initial: 'auto',
      },
      { name: 'no-cache', usage: 'Do not use cache when building the image', kind: 'bool' },
    ],
    run: (ctx, args, flags) => run(ctx, args, flags),
  };
}

/** buildShortcut is the top-level `docker build`. */
export function buildShortcut(): CommandSpec {
  return buildCommand();
}
