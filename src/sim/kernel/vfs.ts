// A tiny in-memory file system: each host and each container has one. libnetwork writes
// /etc/hosts and /etc/resolv.conf into a container's, the shell reads and writes it, the editor shows it.

/** VfsEntry is a file or a directory. */
export type VfsEntry = { type: 'file'; content: string; mode: number } | { type: 'dir'; mode: number };

/** normalizePath resolves "." and ".." and returns an absolute path without a trailing slash. */
export function normalizePath(path: string, cwd = '/'): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return `/${out.join('/')}`;
}

/** Vfs is an in-memory tree of files keyed by absolute path. */
export class Vfs {
  private readonly entries = new Map<string, VfsEntry>([['/', { type: 'dir', mode: 0o755 }]]);

  /** stat returns the entry at path, if any. */
  stat(path: string): VfsEntry | undefined {
    return this.entries.get(normalizePath(path));
  }

  /** exists tells whether something is at path. */
  exists(path: string): boolean {
    return this.entries.has(normalizePath(path));
  }

  /** isDir tells whether path is a directory. */
  isDir(path: string): boolean {
    return this.stat(path)?.type === 'dir';
  }

  /** readFile returns a file's content, or undefined when it is missing or a directory. */
  readFile(path: string): string | undefined {
    const e = this.stat(path);
    return e?.type === 'file' ? e.content : undefined;
  }

  /** mkdirp creates path and its parents as directories. */
  mkdirp(path: string): void {
    let cur = '';
    for (const part of normalizePath(path).split('/').filter(Boolean)) {
      cur += `/${part}`;
      if (!this.entries.has(cur)) this.entries.set(cur, { type: 'dir', mode: 0o755 });
    }
  }

  /** writeFile creates or replaces a file, creating its parent directories. */
  writeFile(path: string, content: string, mode = 0o644): void {
    const p = normalizePath(path);
    this.mkdirp(p.slice(0, p.lastIndexOf('/')) || '/');
    this.entries.set(p, { type: 'file', content, mode });
  }

  /** remove deletes path and, for a directory, everything under it. */
  remove(path: string): boolean {
    const p = normalizePath(path);
    if (p === '/' || !this.entries.has(p)) return false;
    for (const k of [...this.entries.keys()]) if (k === p || k.startsWith(`${p}/`)) this.entries.delete(k);
    return true;
  }

  /** list returns the names directly inside a directory, sorted. */
  list(path: string): string[] {
    const p = normalizePath(path);
    const prefix = p === '/' ? '/' : `${p}/`;
    const names: string[] = [];
    for (const k of this.entries.keys()) {
      if (k !== p && k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
        names.push(k.slice(prefix.length));
    }
    return names.sort();
  }

  /** files returns every file path with its content, sorted by path. */
  files(): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (const [k, e] of this.entries) if (e.type === 'file') out.push([k, e.content]);
    return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }

  /** clone returns an independent copy (used to give a container its image's files). */
  clone(): Vfs {
    const v = new Vfs();
    for (const [k, e] of this.entries) v.entries.set(k, { ...e });
    return v;
  }
}
