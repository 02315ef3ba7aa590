// Mirrors nginx's static module (ngx_http_static_module.c, ngx_http_index_module.c) with the
// nginx image's default.conf (root /usr/share/nginx/html; index index.html index.htm) and the
// common part of its mime.types: which file a request path names, and the status that follows.
// Simplified: files have no mtime in the model, so a file other than the image's own index.html
// reports the time the nginx process started as Last-Modified.

import { normalizePath, type Vfs } from '../../../kernel/vfs.ts';

const ROOT = '/usr/share/nginx/html';
const INDEXES = ['index.html', 'index.htm'];

const MIME: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  shtml: 'text/html',
  css: 'text/css',
  xml: 'text/xml',
  js: 'application/javascript',
  json: 'application/json',
  txt: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
};

/** StaticResult is what nginx does with a path: a file, a redirect to the directory, or an error. */
export type StaticResult =
  | { kind: 'file'; path: string; content: string; type: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'error'; status: 403 | 404 };

/** resolveStatic maps a request path (query string ignored) to a file under the html root. */
export function resolveStatic(fs: Vfs, requestPath: string): StaticResult {
  const raw = requestPath.split('?')[0] || '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { kind: 'error', status: 404 };
  }
  const path = normalizePath(`${ROOT}/${decoded}`);
  if (path !== ROOT && !path.startsWith(`${ROOT}/`)) return { kind: 'error', status: 404 };
  if (fs.isDir(path)) {
    if (!raw.endsWith('/')) return { kind: 'redirect', location: `${raw}/` };
    for (const name of INDEXES) {
      const file = `${path === '/' ? '' : path}/${name}`;
      const content = fs.readFile(file);
      if (content !== undefined) return { kind: 'file', path: file, content, type: mimeOf(name) };
    }
    return { kind: 'error', status: 403 };
  }
  const content = fs.readFile(path);
  if (content === undefined) return { kind: 'error', status: 404 };
  return { kind: 'file', path, content, type: mimeOf(path) };
}

/** mimeOf is the mime.types entry for a file name, else nginx's default_type application/octet-stream. */
export function mimeOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot >= 0 && MIME[name.slice(dot + 1).toLowerCase()]) || 'application/octet-stream';
}
