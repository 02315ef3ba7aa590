// Mirrors moby/buildkit frontend/dockerfile/dockerfile2llb/convert.go (as vendored by moby v28.2.2):
// the history entry each Dockerfile instruction commits (commitToHistory: "RUN /bin/sh -c … #
// buildkit" for layers, "CMD [\"nginx\" \"-g\" …]" for metadata, Comment buildkit.dockerfile.v0) and
// runCommandString's "|N K=V" prefix for the stage's ARGs.

import { expandVars, type Instruction, splitKeyValues } from './build-dockerfile.ts';
import { configHistory, fillHistoryTimes } from './image-history.ts';
import type { CatalogueImage, HistoryEntry } from './images-data.ts';

const COMMENT = 'buildkit.dockerfile.v0';

/** goQuoteList is fmt's %q of a []string: `["a" "b"]`. */
function goQuoteList(args: string[]): string {
  return `[${args.map((a) => JSON.stringify(a)).join(' ')}]`;
}

/** BuildHistory collects the new image's history: the base image's entries, then one per instruction. */
export class BuildHistory {
  readonly entries: HistoryEntry[];
  /** stageArgs are the ARGs declared after FROM, in order (d.buildArgs). */
  private readonly stageArgs: string[] = [];

  constructor(base: CatalogueImage) {
    this.entries = configHistory(base).map((h) => ({ ...h }));
  }

  /**
   * config commits a metadata instruction (ENV, ARG, LABEL, EXPOSE, CMD, ENTRYPOINT, USER,
   * STOPSIGNAL) as an empty layer; args are the build's ARG values before this instruction.
   * It returns false for instructions that make a layer.
   */
  config(ins: Instruction, expanded: string, args: Record<string, string>): boolean {
    let msg: string | undefined;
    switch (ins.cmd) {
      case 'ENV':
      case 'LABEL':
        msg =
          ins.cmd +
          splitKeyValues(expanded)
            .map(([k, v]) => ` ${k}=${v}`)
            .join('');
        break;
      case 'ARG': {
        const parts = ins.args[0].split(' ').filter(Boolean);
        const strs = parts.map((p) => {
          const eq = p.indexOf('=');
          const key = eq < 0 ? p : p.slice(0, eq);
          this.stageArgs.push(key);
          const value = key in args ? args[key] : eq < 0 ? undefined : expandVars(p.slice(eq + 1), args);
          return value === undefined ? key : `${key}=${value}`;
        });
        msg = `ARG ${strs.join(' ')}`;
        break;
      }
      case 'EXPOSE': {
        const ports = expanded
          .split(' ')
          .filter(Boolean)
          .map((p) => `${p.includes('/') ? p : `${p}/tcp`}:{}`)
          .sort();
        msg = `EXPOSE map[${[...new Set(ports)].join(' ')}]`;
        break;
      }
      case 'CMD':
      case 'ENTRYPOINT':
        msg = `${ins.cmd} ${goQuoteList(ins.json ? ins.args : ['/bin/sh', '-c', ins.args[0]])}`;
        break;
      case 'USER':
      case 'STOPSIGNAL':
        msg = `${ins.cmd} ${expanded}`;
        break;
      default:
        return false;
    }
    this.entries.push({ created_by: msg, comment: COMMENT, empty_layer: true });
    return true;
  }

  /** createdBy is the CreatedBy of a layer-making instruction (RUN, COPY, ADD, WORKDIR). */
  createdBy(ins: Instruction, expanded: string, env: Record<string, string>, workdir: string): string {
    if (ins.cmd === 'WORKDIR') return `WORKDIR ${workdir}`;
    if (ins.cmd === 'RUN') {
      const run = ins.json ? ins.args : ['/bin/sh', '-c', ins.args[0]];
      const seen = new Map<string, string>();
      for (const k of this.stageArgs) seen.set(k, `${k}=${env[k] ?? ''}`);
      const prefix = seen.size > 0 ? [`|${seen.size}`, ...seen.values()] : [];
      return `RUN ${[...prefix, ...run].join(' ')} # buildkit`;
    }
    const words = expanded.split(' ').filter(Boolean);
    const flags = ['chown', 'chmod']
      .map((f) => words.find((w) => w.startsWith(`--${f}=`)))
      .filter((w): w is string => w !== undefined);
    const paths = words.filter((w) => !w.startsWith('--'));
    return `${[ins.cmd, ...flags, ...paths].join(' ')} # buildkit`;
  }

  /** layer commits a layer's entry with the time its snapshot was made. */
  layer(createdBy: string, created: string): void {
    this.entries.push({ created, created_by: createdBy, comment: COMMENT });
  }

  /** finish fills the metadata entries' times as the exporter does and returns the history. */
  finish(): HistoryEntry[] {
    return fillHistoryTimes(this.entries);
  }
}
