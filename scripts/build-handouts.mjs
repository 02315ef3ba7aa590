#!/usr/bin/env node
// Handouts, after `astro build` (part of `npm run build`):
//   1. every built lesson page gets its <Try> outputs, computed by the simulator, and its quiz
//      answer key written into its print-only slots (src/lib/handout-output.ts);
//   2. Chromium prints each lesson page (print media, A4 or HANDOUT_PAPER=Letter) to
//      <dist>/handouts/<slug>.pdf, served from <dist> on a free local port;
//   3. the workshop page gets each PDF's size.
// Usage: node scripts/build-handouts.mjs [--dist DIR] (default dist). Exits 1 with one line when
// no Chromium is found (scripts/find-chromium.mjs).
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { t } from '../src/i18n/index.ts';
import { fillAnswerKey, fillTryOutputs } from '../src/lib/handout-output.ts';
import { findChromium, NO_CHROMIUM } from './find-chromium.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** lessonPages lists [slug, file] for every built lesson page under <dist>/lessons/. */
export function lessonPages(distDir) {
  const root = join(distDir, 'lessons');
  const found = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'index.html' && dir !== root)
        found.push([relative(root, dir).split(sep).join('/'), path]);
    }
  };
  walk(root);
  return found.sort(([a], [b]) => a.localeCompare(b));
}

/** formatSize prints a byte count the way the workshop page shows it: "184 KB", "1.2 MB". */
export function formatSize(bytes) {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** serveDir serves a directory over HTTP on a free port of 127.0.0.1; resolves to { url, close }. */
function serveDir(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir))) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** fillPages writes Try outputs and answer keys into every lesson page; returns the counts. */
export function fillPages(pages) {
  let outputs = 0;
  let answers = 0;
  for (const [, file] of pages) {
    const tried = fillTryOutputs(readFileSync(file, 'utf8'));
    const keyed = fillAnswerKey(tried.html);
    writeFileSync(file, keyed.html);
    outputs += tried.filled;
    answers += keyed.filled;
  }
  return { outputs, answers };
}

/** printPdfs prints each lesson page to <dist>/handouts/<slug>.pdf; returns [slug, bytes][]. */
async function printPdfs(distDir, pages, executablePath) {
  const paper = process.env.HANDOUT_PAPER === 'Letter' ? 'Letter' : 'A4';
  const server = await serveDir(distDir);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const sizes = [];
  try {
    // No JavaScript: the handout is the server-rendered page, and nothing loads the lab.
    const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    for (const [slug, file] of pages) {
      const html = readFileSync(file, 'utf8');
      const live = html.match(/data-handout-url="([^"]*)"/)?.[1] ?? `/lessons/${slug}/`;
      await page.goto(`${server.url}/lessons/${slug}/`, { waitUntil: 'load' });
      const title = await page.title();
      const out = join(distDir, 'handouts', `${slug}.pdf`);
      mkdirSync(dirname(out), { recursive: true });
      const small = 'font-size:7.5pt;font-family:system-ui,sans-serif;color:#555;width:100%;padding:0 14mm;';
      await page.pdf({
        path: out,
        format: paper,
        printBackground: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style="${small}display:flex;justify-content:space-between"><span>${escapeHtml(title)}</span><span>${live}</span></div>`,
        footerTemplate: `<div style="${small}text-align:right"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
        margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
      });
      sizes.push([slug, statSync(out).size]);
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  return sizes;
}

/** fillWorkshopSizes writes each PDF's size into the workshop page's `data-handout-size` slots. */
function fillWorkshopSizes(distDir, sizes) {
  const file = join(distDir, 'workshop', 'index.html');
  if (!existsSync(file)) return 0;
  const bySlug = new Map(sizes);
  let filled = 0;
  const html = readFileSync(file, 'utf8').replace(
    /(<span\b[^>]*\bdata-handout-size="([^"]*)"[^>]*>)\s*(<\/span>)/g,
    (whole, open, slug, close) => {
      const bytes = bySlug.get(slug);
      if (bytes === undefined) return whole;
      filled++;
      return `${open}${escapeHtml(t('workshop.pdfSize', { size: formatSize(bytes) }))}${close}`;
    },
  );
  writeFileSync(file, html);
  return filled;
}

async function main() {
  const at = process.argv.indexOf('--dist');
  const distDir = at >= 0 ? process.argv[at + 1] : 'dist';
  if (!distDir || !existsSync(distDir)) {
    console.error(
      `build-handouts: ${distDir ?? '(missing --dist value)'} does not exist: run \`astro build\` first`,
    );
    process.exit(1);
  }
  const browser = findChromium();
  if (!browser) {
    console.error(`build-handouts: ${NO_CHROMIUM}`);
    process.exit(1);
  }
  const pages = lessonPages(distDir);
  let start = performance.now();
  const { outputs, answers } = fillPages(pages);
  const seconds = () => ((performance.now() - start) / 1000).toFixed(1);
  console.log(
    `handouts: ${outputs} command outputs and ${answers} quiz answers in ${pages.length} lessons (${seconds()} s)`,
  );
  start = performance.now();
  const sizes = await printPdfs(distDir, pages, browser.executablePath);
  const total = sizes.reduce((sum, [, bytes]) => sum + bytes, 0);
  const listed = fillWorkshopSizes(distDir, sizes);
  console.log(
    `handouts: ${sizes.length} PDFs, ${formatSize(total)} in all, in ${seconds()} s (${listed} sizes on the workshop page)`,
  );
  for (const [slug, bytes] of sizes) console.log(`  handouts/${slug}.pdf  ${formatSize(bytes)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
