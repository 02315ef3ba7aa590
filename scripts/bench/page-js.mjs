// Bench section "page-js": the JavaScript each built page loads up front. For every HTML file in
// dist/, it sums the module scripts the page loads (external and inline) plus the chunks those
// import statically. Chunks loaded later through import() are not counted.
import { globSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const MODULE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g;

/** moduleScriptsOf lists the module scripts of one HTML page: { src } or { inline } each. */
export function moduleScriptsOf(html) {
  const scripts = [];
  for (const [, attributes, body] of html.matchAll(MODULE_SCRIPT)) {
    if (!/\btype=["']?module\b/i.test(attributes)) continue;
    const src = attributes.match(/\bsrc=["']?([^"'\s>]+)/i)?.[1];
    scripts.push(src ? { src } : { inline: body });
  }
  return scripts;
}

/** staticImportsOf lists the module specifiers a script imports statically. */
export function staticImportsOf(code) {
  return [...code.matchAll(STATIC_IMPORT)].map((match) => match[1]);
}

/** Resolves a script URL against the page or chunk that references it, to a path under distDir. */
function resolveUrl(distDir, fromUrl, specifier) {
  if (/^[a-z]+:/i.test(specifier)) return undefined; // another origin: not part of the build
  const url = specifier.startsWith('/') ? specifier : posix.join(posix.dirname(fromUrl), specifier);
  return { url, file: join(distDir, url.split('?')[0]) };
}

/**
 * pageJs measures one page: how many script files and inline module scripts it loads up front,
 * and their raw and gzip bytes. `documentUrl` is the HTML file's own path, e.g. /lessons/a/index.html.
 */
export function pageJs(distDir, documentUrl, html) {
  const seen = new Set();
  let raw = 0;
  let gzip = 0;
  const add = (code) => {
    raw += Buffer.byteLength(code);
    gzip += gzipSync(code).length;
  };
  const visit = (fromUrl, specifier) => {
    const target = resolveUrl(distDir, fromUrl, specifier);
    if (!target || seen.has(target.file)) return;
    seen.add(target.file);
    const code = readFileSync(target.file, 'utf8');
    add(code);
    for (const next of staticImportsOf(code)) visit(target.url, next);
  };
  let inline = 0;
  for (const script of moduleScriptsOf(html)) {
    if (script.src) visit(documentUrl, script.src);
    else {
      inline += 1;
      add(script.inline);
      for (const next of staticImportsOf(script.inline)) visit(documentUrl, next);
    }
  }
  return { files: seen.size, inline, raw, gzip };
}

/** The page-js bench section: one row per built page. */
export const pageJsSection = {
  name: 'page-js',
  title: 'JavaScript loaded by each built page (module scripts and their static imports)',
  columns: ['page', 'files', 'inline', 'raw bytes', 'gzip bytes'],
  run({ distDir }) {
    const pages = globSync('**/*.html', { cwd: distDir }).sort();
    return pages.map((file) => {
      const documentUrl = `/${file}`;
      const html = readFileSync(join(distDir, file), 'utf8');
      const { files, inline, raw, gzip } = pageJs(distDir, documentUrl, html);
      return [documentUrl.replace(/(^|\/)index\.html$/, '$1'), files, inline, raw, gzip];
    });
  },
};
