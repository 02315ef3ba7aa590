// Mirrors glibc fnmatch/glob as bash and busybox ash use them for `*`, `?` and `[…]`; simplified: no
// extglob, no character classes such as [[:digit:]], no GLOBIGNORE; dotfiles match only an explicit dot.

import { normalizePath, type Vfs } from '../kernel/vfs.ts';

/** hasGlobChars tells whether a pattern (backslash escapes quoted characters) has unescaped * ? or [. */
export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** escapeGlob backslash-escapes glob metacharacters so the text matches only itself. */
export function escapeGlob(text: string): string {
  return text.replace(/[\\*?[\]]/g, (c) => `\\${c}`);
}

/** unescapeGlob removes the backslashes escapeGlob added. */
export function unescapeGlob(pattern: string): string {
  return pattern.replace(/\\(.)/g, '$1');
}

/** globToRegexSource turns a shell pattern into the source of an equivalent regular expression. */
export function globToRegexSource(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) out += escapeRegex(pattern[++i]);
    else if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, (x) => `\\${x}`)}]`;
      i = close;
    } else out += escapeRegex(c);
  }
  return out;
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** globMatch tells whether text matches the whole shell pattern. */
export function globMatch(pattern: string, text: string): boolean {
  return new RegExp(`^${globToRegexSource(pattern)}$`, 's').test(text);
}

/** expandGlob lists the paths in fs matching pattern (relative to cwd), sorted; [] when none match. */
export function expandGlob(pattern: string, fs: Vfs, cwd: string): string[] {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let bases: string[] = [absolute ? '/' : ''];
  for (let idx = absolute ? 1 : 0; idx < segments.length; idx++) {
    const seg = segments[idx];
    const next: string[] = [];
    for (const base of bases) {
      const dir = normalizePath(base || '.', cwd);
      if (!hasGlobChars(seg)) {
        const cand = joinPath(base, unescapeGlob(seg));
        if (fs.exists(normalizePath(cand, cwd))) next.push(cand);
        continue;
      }
      if (!fs.isDir(dir)) continue;
      const re = new RegExp(`^${globToRegexSource(seg)}$`, 's');
      for (const name of fs.list(dir)) {
        if (name.startsWith('.') && !seg.startsWith('.') && !seg.startsWith('\\.')) continue;
        if (re.test(name)) next.push(joinPath(base, name));
      }
    }
    bases = next;
  }
  return bases.filter((b) => b !== '' && b !== '/').sort();
}

function joinPath(base: string, name: string): string {
  if (base === '') return name;
  return base.endsWith('/') ? `${base}${name}` : `${base}/${name}`;
}
