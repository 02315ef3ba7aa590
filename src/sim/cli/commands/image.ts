// Mirrors docker/cli cli/command/image/{cmd,list,pull,remove,tag,inspect}.go and
// cli/command/formatter/image.go; simplified: no --tree view, no content trust, no platforms.

import { filtersJSON, pathEscape } from '../client.ts';
import {
  type CommandSpec,
  exactArgs,
  noArgs,
  renderHelp,
  requiresMaxArgs,
  requiresMinArgs,
} from '../cobra.ts';
import { ApiError, CliError } from '../errors.ts';
import { formatterStruct, stringMethods, writeFormatted } from '../formatter/context.ts';
import { goTimeString, humanDuration, humanSizeWithPrecision, truncateID } from '../formatter/display.ts';
import { inspect } from '../inspect.ts';
import { filterFlag, filtersOf, formatFlag, INSPECT_FORMAT_HELP } from '../opts.ts';
import type { GoStruct } from '../template/index.ts';
import { historyCommand } from './image_history.ts';
import { familiarName, fullString, normalizeRef, pullImage } from './image_pull.ts';

interface ImageSummary {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  Created?: number;
  Size?: number;
  SharedSize?: number;
  Containers?: number;
}

const HEADERS = {
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  VirtualSize: 'SIZE',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
};

function imageContext(
  img: ImageSummary,
  repo: string,
  tag: string,
  digest: string,
  trunc: boolean,
  now: number,
): GoStruct {
  const size = img.Size ?? 0;
  const shared = img.SharedSize ?? -1;
  return formatterStruct(
    '*formatter.imageContext',
    stringMethods({
      ID: () => (trunc ? truncateID(img.Id) : img.Id),
      Repository: () => repo,
      Tag: () => tag,
      Digest: () => digest,
      CreatedSince: () => (img.Created === undefined ? '' : `${humanDuration(now - img.Created * 1000)} ago`),
      CreatedAt: () => goTimeString((img.Created ?? 0) * 1000, 0),
      Size: () => humanSizeWithPrecision(size, 3),
      Containers: () => ((img.Containers ?? -1) === -1 ? 'N/A' : String(img.Containers)),
      VirtualSize: () => humanSizeWithPrecision(size, 4),
      SharedSize: () => (shared === -1 ? 'N/A' : humanSizeWithPrecision(shared, 4)),
      UniqueSize: () => (shared === -1 ? 'N/A' : humanSizeWithPrecision(size - shared, 4)),
    }),
  );
}

function imageRows(
  images: ImageSummary[],
  trunc: boolean,
  showDigest: boolean,
  needDigest: boolean,
  now: number,
): GoStruct[] {
  const rows: GoStruct[] = [];
  for (const img of images) {
    const tags = img.RepoTags ?? [];
    const digests = img.RepoDigests ?? [];
    const dangling =
      (tags.length === 0 && digests.length === 0) ||
      (tags.length === 1 &&
        tags[0] === '<none>:<none>' &&
        digests.length === 1 &&
        digests[0] === '<none>@<none>');
    if (dangling) {
      rows.push(imageContext(img, '<none>', '<none>', '<none>', trunc, now));
      continue;
    }
    const repoTags = new Map<string, string[]>();
    const repoDigests = new Map<string, string[]>();
    for (const t of tags) {
      const r = normalizeRef(t);
      if (r?.tag && t.lastIndexOf(':') > t.lastIndexOf('/'))
        repoTags.set(familiarName(r), [...(repoTags.get(familiarName(r)) ?? []), r.tag]);
    }
    for (const d of digests) {
      const at = d.indexOf('@');
      const r = at > 0 ? normalizeRef(d.slice(0, at)) : undefined;
      if (r) repoDigests.set(familiarName(r), [...(repoDigests.get(familiarName(r)) ?? []), d.slice(at + 1)]);
    }
    for (const [repo, ts] of repoTags) {
      let ds = repoDigests.get(repo) ?? [];
      repoDigests.delete(repo);
      if (!needDigest) ds = [];
      for (const tag of ts) {
        if (ds.length === 0) rows.push(imageContext(img, repo, tag, '<none>', trunc, now));
        else for (const d of ds) rows.push(imageContext(img, repo, tag, d, trunc, now));
      }
    }
    for (const [repo, ds] of repoDigests) {
      if (showDigest) for (const d of ds) rows.push(imageContext(img, repo, '<none>', d, trunc, now));
      else rows.push(imageContext(img, repo, '<none>', '', trunc, now));
    }
  }
  return rows;
}

function imageFormat(source: string, quiet: boolean, digest: boolean): string {
  const created = '{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}';
  if (source === 'table') {
    if (quiet) return '{{.ID}}';
    if (digest) return `table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t${created}\t{{.Size}}`;
    return `table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t${created}\t{{.Size}}`;
  }
  if (source === 'raw') {
    if (quiet) return 'image_id: {{.ID}}';
    return `repository: {{ .Repository }}\ntag: {{.Tag}}\n${digest ? 'digest: {{.Digest}}\n' : ''}image_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n`;
  }
  if (source.startsWith('table') && digest && !source.includes('{{.Digest}}'))
    return `${source}\t{{.Digest}}`;
  return source;
}

const SUBCOMMAND_NAMES = [
  'build',
  'history',
  'import',
  'inspect',
  'list',
  'load',
  'ls',
  'prune',
  'pull',
  'push',
  'rm',
  'save',
  'tag',
];

function imagesCommand(use: string, aliases?: string[]): CommandSpec {
  return {
    use,
    aliases,
    short: 'List images',
    args: requiresMaxArgs(1),
    annotations: { 'category-top': '7', aliases: 'docker image ls, docker image list, docker images' },
    flags: [
      { name: 'quiet', shorthand: 'q', usage: 'Only show image IDs', kind: 'bool' },
      {
        name: 'all',
        shorthand: 'a',
        usage: 'Show all images (default hides intermediate images)',
        kind: 'bool',
      },
      { name: 'no-trunc', usage: "Don't truncate output", kind: 'bool' },
      { name: 'digests', usage: 'Show digests', kind: 'bool' },
      formatFlag(),
      filterFlag('Filter output based on conditions provided'),
      { name: 'tree', usage: 'List multi-platform images as a tree (EXPERIMENTAL)', kind: 'bool' },
    ],
    run: (ctx, args, flags, cmd) => {
      const f = filtersOf(flags);
      if (args[0]) f.set('reference', [...(f.get('reference') ?? []), args[0]]);
      if (flags.get<boolean>('tree')) throw new CliError('--tree is not supported by this simulator');
      const q: Record<string, string> = {};
      if (flags.get<boolean>('all')) q.all = '1';
      const fj = filtersJSON(f);
      if (fj) q.filters = fj;
      const images = ctx.client.get<ImageSummary[]>('/images/json', q) ?? [];
      const format = flags.get<string>('format') || 'table';
      const digest = flags.get<boolean>('digests');
      const fmt = imageFormat(format, flags.get('quiet'), digest);
      const rows = imageRows(
        images,
        !flags.get<boolean>('no-trunc'),
        digest,
        digest || fmt.includes('{{.Digest}}'),
        ctx.now(),
      );
      ctx.out(writeFormatted(fmt, HEADERS, rows));
      if (args[0] && images.length === 0 && cmd.name === 'images' && SUBCOMMAND_NAMES.includes(args[0])) {
        ctx.err(`\nNo images found matching "${args[0]}": did you mean "docker image ${args[0]}"?\n`);
      }
    },
  };
}

const pullCommand: CommandSpec = {
  use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Download an image from a registry',
  args: exactArgs(1),
  annotations: { 'category-top': '5', aliases: 'docker image pull, docker pull' },
  flags: [
    { name: 'all-tags', shorthand: 'a', usage: 'Download all tagged images in the repository', kind: 'bool' },
    { name: 'quiet', shorthand: 'q', usage: 'Suppress verbose output', kind: 'bool' },
    { name: 'platform', usage: 'Set platform if server is multi-platform capable', kind: 'string' },
    { name: 'disable-content-trust', usage: 'Skip image verification', kind: 'bool', initial: true },
  ],
  run: (ctx, args, flags) => {
    const raw = args[0];
    const ref = normalizeRef(raw);
    if (!ref) throw new CliError('invalid reference format');
    const nameOnly = !raw.includes('@') && !(raw.lastIndexOf(':') > raw.lastIndexOf('/'));
    if (flags.get<boolean>('all-tags') && !nameOnly)
      throw new CliError("tag can't be used with --all-tags/-a");
    if (nameOnly && !flags.get<boolean>('quiet')) ctx.println('Using default tag: latest');
    pullImage(ctx, raw, flags.get('quiet'), 'out');
    ctx.println(fullString(ref));
  },
};

function rmiCommand(use: string, aliases?: string[]): CommandSpec {
  return {
    use,
    aliases,
    short: 'Remove one or more images',
    args: requiresMinArgs(1),
    annotations: { aliases: 'docker image rm, docker image remove, docker rmi' },
    flags: [
      { name: 'force', shorthand: 'f', usage: 'Force removal of the image', kind: 'bool' },
      { name: 'no-prune', usage: 'Do not delete untagged parents', kind: 'bool' },
      {
        name: 'platform',
        usage:
          'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
        kind: 'stringSlice',
      },
    ],
    run: (ctx, args, flags) => {
      const q: Record<string, string> = {};
      if (flags.get<boolean>('force')) q.force = '1';
      if (flags.get<boolean>('no-prune')) q.noprune = '1';
      let fatal = false;
      const errs: string[] = [];
      for (const img of args) {
        try {
          const dels =
            ctx.client.del<Array<{ Untagged?: string; Deleted?: string }>>(`/images/${pathEscape(img)}`, q) ??
            [];
          for (const d of dels)
            ctx.println(d.Deleted ? `Deleted: ${d.Deleted}` : `Untagged: ${d.Untagged ?? ''}`);
        } catch (e) {
          if (!(e instanceof CliError)) throw e;
          if (!(e instanceof ApiError && e.isNotFound)) fatal = true;
          errs.push(e.message);
        }
      }
      if (errs.length > 0) {
        if (!flags.get<boolean>('force') || fatal) throw new CliError(errs.join('\n'));
        ctx.eprintln(errs.join('\n'));
      }
    },
  };
}

const tagCommand: CommandSpec = {
  use: 'tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  args: exactArgs(2),
  interspersed: false,
  annotations: { aliases: 'docker image tag, docker tag' },
  run: (ctx, args) => {
    const target = normalizeRef(args[1]);
    if (!target)
      throw new CliError(
        `Error parsing reference: ${JSON.stringify(args[1])} is not a valid repository/tag: invalid reference format`,
      );
    if (target.digest) throw new CliError('refusing to create a tag with a digest reference');
    ctx.client.post(`/images/${pathEscape(args[0])}/tag`, {
      repo: `${target.domain}/${target.path}`,
      tag: target.tag ?? 'latest',
    });
  },
};

const imageInspect: CommandSpec = {
  use: 'inspect [OPTIONS] IMAGE [IMAGE...]',
  short: 'Display detailed information on one or more images',
  args: requiresMinArgs(1),
  flags: [
    formatFlag(INSPECT_FORMAT_HELP, 'f'),
    {
      name: 'platform',
      usage:
        "Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)",
      kind: 'string',
    },
  ],
  run: (ctx, args, flags) =>
    inspect(ctx, args, flags.get('format'), (ref) => ctx.client.get(`/images/${pathEscape(ref)}/json`)),
};

/** imageShortcuts are docker images/pull/rmi/tag/history. */
export function imageShortcuts(): CommandSpec[] {
  return [
    historyCommand(),
    imagesCommand('images [OPTIONS] [REPOSITORY[:TAG]]'),
    pullCommand,
    rmiCommand('rmi [OPTIONS] IMAGE [IMAGE...]'),
    tagCommand,
  ];
}

/** imageCommand is `docker image`. */
export function imageCommand(): CommandSpec {
  return {
    use: 'image',
    short: 'Manage images',
    args: noArgs,
    run: (ctx, _a, _f, cmd) => ctx.err(renderHelp(cmd)),
    subcommands: [
      pullCommand,
      tagCommand,
      imagesCommand('ls [OPTIONS] [REPOSITORY[:TAG]]', ['list']),
      rmiCommand('rm [OPTIONS] IMAGE [IMAGE...]', ['rmi', 'remove']),
      imageInspect,
      historyCommand(),
    ],
  };
}
