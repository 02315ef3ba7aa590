// Mirrors docker/cli cli/command/image/history.go and formatter_history.go (v28.2.2): `docker
// history` / `docker image history` print GET /images/{name}/history as a table, quiet IDs or a
// --format template. Simplified: --platform is accepted and ignored (every image is linux/amd64).

import { pathEscape } from '../client.ts';
import { type CommandSpec, exactArgs } from '../cobra.ts';
import { formatterStruct, stringMethods, writeFormatted } from '../formatter/context.ts';
import { ellipsis, humanDuration, humanSizeWithPrecision, truncateID } from '../formatter/display.ts';
import { formatFlag } from '../opts.ts';
import type { GoStruct } from '../template/index.ts';

interface HistoryItem {
  Id: string;
  Created: number;
  CreatedBy: string;
  Size: number;
  Comment: string;
}

const HEADERS = {
  ID: 'IMAGE',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  CreatedBy: 'CREATED BY',
  Size: 'SIZE',
  Comment: 'COMMENT',
};

/** EPOCH is 2000-01-01: older (or unset) creation times show as N/A. */
const EPOCH = 946684800;

/** rfc3339 is time.Unix(sec, 0).Format(time.RFC3339) in the lab's UTC zone. */
function rfc3339(sec: number): string {
  const d = new Date(sec * 1000);
  if (Number.isNaN(d.getTime())) return '0001-01-01T00:00:00Z';
  return `${d.toISOString().slice(0, 19)}Z`;
}

/** historyFormat is NewHistoryFormat. */
function historyFormat(source: string, quiet: boolean, human: boolean): string {
  if (source !== 'table') return source;
  if (quiet) return '{{.ID}}';
  const created = human ? '{{.CreatedSince}}' : '{{.CreatedAt}}';
  return `table {{.ID}}\t${created}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}`;
}

function historyContext(h: HistoryItem, trunc: boolean, human: boolean, now: number): GoStruct {
  const createdAt = (): string => rfc3339(h.Created);
  return formatterStruct(
    '*image.historyContext',
    stringMethods({
      ID: () => (trunc ? truncateID(h.Id) : h.Id),
      CreatedAt: createdAt,
      CreatedSince: () => {
        if (!human) return createdAt();
        if (h.Created <= EPOCH) return 'N/A';
        return `${humanDuration(now - h.Created * 1000)} ago`;
      },
      CreatedBy: () => {
        const by = h.CreatedBy.replaceAll('\t', ' ');
        return trunc ? ellipsis(by, 45) : by;
      },
      Size: () => (human ? humanSizeWithPrecision(h.Size, 3) : String(h.Size)),
      Comment: () => h.Comment,
    }),
  );
}

/** historyCommand is `docker history` (use "history …") and `docker image history`. */
export function historyCommand(): CommandSpec {
  return {
    use: 'history [OPTIONS] IMAGE',
    short: 'Show the history of an image',
    args: exactArgs(1),
    annotations: { aliases: 'docker image history, docker history' },
    flags: [
      {
        name: 'human',
        shorthand: 'H',
        usage: 'Print sizes and dates in human readable format',
        kind: 'bool',
        initial: true,
      },
      { name: 'quiet', shorthand: 'q', usage: 'Only show image IDs', kind: 'bool' },
      { name: 'no-trunc', usage: "Don't truncate output", kind: 'bool' },
      formatFlag(),
      {
        name: 'platform',
        usage:
          'Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
        kind: 'string',
      },
    ],
    run: (ctx, args, flags) => {
      const items = ctx.client.get<HistoryItem[]>(`/images/${pathEscape(args[0])}/history`) ?? [];
      const human = flags.get<boolean>('human');
      const trunc = !flags.get<boolean>('no-trunc');
      const fmt = historyFormat(flags.get<string>('format') || 'table', flags.get('quiet'), human);
      const now = ctx.now();
      ctx.out(
        writeFormatted(
          fmt,
          HEADERS,
          items.map((h) => historyContext(h, trunc, human, now)),
        ),
      );
    },
  };
}
