// Mirrors bash's readline completion (bashline.c: command words complete to commands, other words to
// file names, directories get a trailing slash) and busybox lineedit.c's complete_cmd_dir_file;
// simplified: no quoting inside completed names, programmable completion only through providers.

import { normalizePath, type Vfs } from '../kernel/vfs.ts';

/** CompletionProviders supplies the candidate lists that are not file names. */
export interface CompletionProviders {
  /** programs lists the command names runnable here (builtins and programs). */
  programs(): string[];
  /**
   * argument returns candidates for word `index` of a command (words[0] is the command name), e.g.
   * docker subcommands, flags, container or network names; undefined falls back to file names.
   */
  argument?(words: string[], index: number, prefix: string): string[] | undefined;
}

/** CompletionRequest is the line being edited, where the cursor is, and where files come from. */
export interface CompletionRequest {
  line: string;
  cursor: number;
  fs: Vfs;
  cwd: string;
  home?: string;
  providers: CompletionProviders;
}

/** CompletionResult tells the terminal what to offer and what to insert. */
export interface CompletionResult {
  /** start and end delimit the word being completed in the line. */
  start: number;
  end: number;
  /** prefix is that word's text up to the cursor. */
  prefix: string;
  /** candidates are the full words that could replace the prefix, sorted and unique. */
  candidates: string[];
  /** common is the longest common prefix of the candidates (at least prefix when there are any). */
  common: string;
  /** insert is the text to type at the cursor: the rest of common, plus a space for a unique final match. */
  insert: string;
}

const BREAKS = ' \t\n;|&<>()';

/** splitForCompletion cuts the line before the cursor into the words of the current command. */
export function splitForCompletion(line: string, cursor: number): { words: string[]; start: number } {
  const text = line.slice(0, cursor);
  let words: string[] = [];
  let cur = '';
  let start = 0;
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      if (!inWord) start = i;
      inWord = true;
      quote = c;
      continue;
    }
    if (c === '\\' && i + 1 < text.length) {
      if (!inWord) start = i;
      inWord = true;
      cur += text[++i];
      continue;
    }
    if (BREAKS.includes(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      if (';|&()'.includes(c)) words = [];
      continue;
    }
    if (!inWord) start = i;
    inWord = true;
    cur += c;
  }
  words.push(cur);
  if (!inWord) start = cursor;
  return { words, start };
}

function fileCandidates(
  prefix: string,
  fs: Vfs,
  cwd: string,
  home: string | undefined,
  dirsOnly: boolean,
): string[] {
  const slash = prefix.lastIndexOf('/');
  const dirPart = slash >= 0 ? prefix.slice(0, slash + 1) : '';
  const base = slash >= 0 ? prefix.slice(slash + 1) : prefix;
  const expanded = dirPart.startsWith('~/') && home ? home + dirPart.slice(1) : dirPart;
  const dir = normalizePath(expanded || '.', cwd);
  if (!fs.isDir(dir)) return [];
  return fs
    .list(dir)
    .filter((n) => n.startsWith(base) && (base.startsWith('.') || !n.startsWith('.')))
    .map((n) => ({ n, isDir: fs.isDir(`${dir === '/' ? '' : dir}/${n}`) }))
    .filter((x) => !dirsOnly || x.isDir)
    .map((x) => `${dirPart}${x.n}${x.isDir ? '/' : ''}`);
}

function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let p = words[0];
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** complete computes tab completions for the word under the cursor. */
export function complete(req: CompletionRequest): CompletionResult {
  const { words, start } = splitForCompletion(req.line, req.cursor);
  const prefix = words[words.length - 1];
  const index = words.length - 1;
  let end = req.cursor;
  while (end < req.line.length && !BREAKS.includes(req.line[end])) end++;
  let candidates: string[];
  if (index === 0 && !prefix.includes('/')) {
    candidates = req.providers.programs().filter((p) => p.startsWith(prefix));
  } else {
    const fromProvider = index > 0 ? req.providers.argument?.(words, index, prefix) : undefined;
    candidates = fromProvider
      ? fromProvider.filter((c) => c.startsWith(prefix))
      : fileCandidates(prefix, req.fs, req.cwd, req.home, words[0] === 'cd' && index === 1);
  }
  candidates = [...new Set(candidates)].sort();
  const common = candidates.length ? commonPrefix(candidates) : '';
  let insert = common.length > prefix.length ? common.slice(prefix.length) : '';
  if (candidates.length === 1 && !candidates[0].endsWith('/')) insert += ' ';
  return { start, end, prefix, candidates, common, insert };
}
