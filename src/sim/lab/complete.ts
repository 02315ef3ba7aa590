// Tab completion for a lab terminal. Mirrors docker/cli's cobra completion (contrib/completion and
// `docker __complete`: subcommands from the command tree, flags from each command's flag set,
// container/network/image names asked of the daemon); simplified: no per-flag value completion
// beyond names, no descriptions.

import type { EngineApi } from '../api/types.ts';
import type { Command } from '../cli/cobra.ts';
import { buildRoot } from '../cli/index.ts';
import type { CompletionProviders } from '../shell/complete.ts';

/** NameKind says which daemon objects a docker command's positional arguments name. */
type NameKind = 'container' | 'network' | 'image' | 'none';

/** namesFor lists the objects of one kind on a host, as the CLI's completion asks the API. */
export function namesFor(api: EngineApi, kind: NameKind): string[] {
  if (kind === 'container') {
    const res = api.route({ method: 'GET', path: '/containers/json', query: { all: '1' } });
    const list = (res.json as Array<{ Names?: string[] }> | undefined) ?? [];
    return list.flatMap((c) => (c.Names ?? []).map((n) => n.replace(/^\//, '')));
  }
  if (kind === 'network') {
    const res = api.route({ method: 'GET', path: '/networks' });
    return ((res.json as Array<{ Name: string }> | undefined) ?? []).map((n) => n.Name);
  }
  if (kind === 'image') {
    const res = api.route({ method: 'GET', path: '/images/json' });
    const list = (res.json as Array<{ RepoTags?: string[] }> | undefined) ?? [];
    return list.flatMap((i) => (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'));
  }
  return [];
}

/** kindOf picks what a command's arguments name from its path ("docker network inspect" → networks). */
function kindOf(cmd: Command, argIndex: number): NameKind {
  const path = cmd.commandPath.split(' ').slice(1);
  const group = path.length > 1 ? path[0] : '';
  const verb = path[path.length - 1];
  if (group === 'network') {
    if (verb === 'connect' || verb === 'disconnect') return argIndex === 0 ? 'network' : 'container';
    if (verb === 'create' || verb === 'ls' || verb === 'prune') return 'none';
    return 'network';
  }
  if (group === 'image' || ['rmi', 'history', 'push', 'tag', 'save'].includes(verb)) return 'image';
  if (verb === 'run' || verb === 'create' || verb === 'pull') return argIndex === 0 ? 'image' : 'none';
  if (['ps', 'ls', 'version', 'info', 'images', 'prune', 'build'].includes(verb)) return 'none';
  return 'container';
}

/** flagNames lists a command's visible flags as typed on a command line. */
function flagNames(cmd: Command): string[] {
  return cmd.flags.defs
    .filter((d) => !d.hidden && !d.deprecated)
    .flatMap((d) => [`--${d.name}`, ...(d.shorthand ? [`-${d.shorthand}`] : [])]);
}

/** takesValue tells whether a flag word consumes the next word ("--network x"). */
function takesValue(cmd: Command, word: string): boolean {
  if (word.includes('=')) return false;
  const def = word.startsWith('--')
    ? cmd.flags.lookup(word.slice(2))
    : word.length === 2
      ? cmd.flags.shorthand(word.slice(1))
      : undefined;
  return def !== undefined && def.kind !== 'bool';
}

/** dockerArgument completes word `index` of a `docker …` line: subcommands, flags or names. */
export function dockerArgument(api: EngineApi, words: string[], index: number, prefix: string): string[] {
  let cmd = buildRoot();
  let positional = 0;
  let pendingFlag: string | undefined;
  for (let i = 1; i < index; i++) {
    const w = words[i];
    if (pendingFlag) {
      pendingFlag = undefined;
      continue;
    }
    if (w.startsWith('-')) {
      if (takesValue(cmd, w)) pendingFlag = w;
      continue;
    }
    const child = positional === 0 ? cmd.findNext(w) : undefined;
    if (child) cmd = child;
    else positional++;
  }
  if (pendingFlag) {
    const flag = pendingFlag.replace(/^-+/, '');
    if (flag === 'network' || flag === 'net') return namesFor(api, 'network');
    if (flag === 'link') return namesFor(api, 'container');
    return [];
  }
  if (prefix.startsWith('-')) return flagNames(cmd);
  if (cmd.hasSubCommands && positional === 0) {
    return cmd.children.filter((c) => c.isAvailable).map((c) => c.name);
  }
  return namesFor(api, kindOf(cmd, positional));
}

/** labProviders builds the completion providers of a host's terminal. */
export function labProviders(api: EngineApi | undefined, programs: () => string[]): CompletionProviders {
  return {
    programs,
    argument(words, index, prefix) {
      if (words[0] !== 'docker' || !api) return undefined;
      return dockerArgument(api, words, index, prefix);
    },
  };
}
