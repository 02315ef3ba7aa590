#!/usr/bin/env node
// The offline service worker, after `astro build` and the handouts (part of `npm run build`):
// lists every file of the built site except the handout PDFs (fetched and kept on demand) and
// the dev pages, hashes their contents into a version, and writes <dist>/sw.js from
// scripts/offline/service-worker.js. A changed file gives a new version, so the browser installs
// the new worker and drops the old caches.
// Usage: node scripts/build-service-worker.mjs [--dist DIR] (default dist).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TEMPLATE = new URL('./offline/service-worker.js', import.meta.url);

/** skipped says which built files stay out of the precache. */
function skipped(path) {
  return path === 'sw.js' || path.startsWith('handouts/') || path.startsWith('dev/') || path.endsWith('.map');
}

/** precacheList returns the site-relative URLs to precache with each file's size, sorted. */
export function precacheList(distDir) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const rel = relative(distDir, path).split(sep).join('/');
        if (!skipped(rel)) files.push({ path: rel, bytes: statSync(path).size });
      }
    }
  };
  walk(distDir);
  return files
    .map((file) => ({
      ...file,
      url: file.path === 'index.html' ? './' : file.path.replace(/(^|\/)index\.html$/, '$1'),
    }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** buildServiceWorker writes <dist>/sw.js and returns { version, files, bytes }. */
export function buildServiceWorker(distDir) {
  const files = precacheList(distDir);
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.path}\0`).update(readFileSync(join(distDir, file.path)));
  hash.update(readFileSync(TEMPLATE));
  const version = hash.digest('hex').slice(0, 16);
  const source = readFileSync(TEMPLATE, 'utf8')
    .replace("'__DNL_VERSION__'", JSON.stringify(version))
    .replace("['__DNL_FILES__']", JSON.stringify(files.map((file) => file.url)));
  writeFileSync(join(distDir, 'sw.js'), source);
  return { version, files: files.length, bytes: files.reduce((sum, file) => sum + file.bytes, 0) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--dist');
  const distDir = at >= 0 ? process.argv[at + 1] : 'dist';
  if (!distDir || !existsSync(distDir)) {
    console.error(
      `build-service-worker: ${distDir ?? '(missing --dist value)'} does not exist: run \`astro build\` first`,
    );
    process.exit(1);
  }
  const { version, files, bytes } = buildServiceWorker(distDir);
  console.log(
    `service worker: ${files} files to precache, ${(bytes / (1024 * 1024)).toFixed(1)} MB, version ${version}`,
  );
}
