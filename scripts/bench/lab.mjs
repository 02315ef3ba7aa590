// Bench section "lab": issue 6's budgets for a lesson page with a lab, measured in Chromium
// against the built site served locally. Prompt usable = navigation start → the lab's
// `dnl-lab-prompt:<scenario>` mark, its terminal taking input (median of 5 cold loads);
// initial JS = what page-js counts for the page (module scripts + static imports, gzip);
// editor ready = `dnl-editor-open` → `dnl-editor-ready` marks after opening it (median of 3).
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from '../find-chromium.mjs';
import { pageJs } from './page-js.mjs';

const LESSON = '/lessons/how-this-course-works/';
const SCENARIO = 'playground';
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
};

/** serve answers files from distDir on a free port; resolves to { url, close }. */
function serve(distDir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    let file = join(distDir, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }),
    ),
  );
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(browser, base) {
  const prompt = [];
  const editor = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}${LESSON}`);
    await page.waitForSelector(`dnl-lab[data-scenario="${SCENARIO}"][data-ready="true"]`);
    prompt.push(
      await page.evaluate((s) => performance.getEntriesByName(`dnl-lab-prompt:${s}`)[0].startTime, SCENARIO),
    );
    if (i < 3) {
      await page.click(`dnl-lab[data-scenario="${SCENARIO}"] [data-pane="editor"] summary`);
      await page.waitForFunction(
        (s) => performance.getEntriesByName(`dnl-editor-ready:${s}`).length > 0,
        SCENARIO,
      );
      editor.push(
        await page.evaluate(
          (s) =>
            performance.getEntriesByName(`dnl-editor-ready:${s}`)[0].startTime -
            performance.getEntriesByName(`dnl-editor-open:${s}`)[0].startTime,
          SCENARIO,
        ),
      );
    }
    await context.close();
  }
  return { prompt: Math.round(median(prompt)), editor: Math.round(median(editor)) };
}

/** The lab bench section: one row per budget. */
export const labSection = {
  name: 'lab',
  title: `Lab budgets on ${LESSON} (Chromium, local static server)`,
  columns: ['measure', 'value', 'budget', 'within'],
  async run({ distDir }) {
    const html = readFileSync(join(distDir, LESSON, 'index.html'), 'utf8');
    const js = pageJs(distDir, `${LESSON}index.html`, html);
    const found = findChromium();
    const server = await serve(distDir);
    const browser = await chromium.launch({
      executablePath: found?.executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    try {
      const { prompt, editor } = await measure(browser, server.url);
      const kib = Math.round((js.gzip / 1024) * 10) / 10;
      return [
        ['prompt usable, median of 5 (ms)', prompt, 500, prompt <= 500 ? 'yes' : 'NO'],
        ['initial JS (KiB gzip)', kib, 160, kib <= 160 ? 'yes' : 'NO'],
        ['editor ready after opening, median of 3 (ms)', editor, 2000, editor <= 2000 ? 'yes' : 'NO'],
      ];
    } finally {
      await browser.close();
      server.close();
    }
  },
};
