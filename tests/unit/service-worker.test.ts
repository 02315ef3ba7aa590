// The offline service worker's build step and the handout script's helpers, on a tiny fake dist.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { formatSize, lessonPages } from '../../scripts/build-handouts.mjs';
import { buildServiceWorker, precacheList } from '../../scripts/build-service-worker.mjs';

function fakeDist(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dnl-dist-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const site = {
  'index.html': '<h1>home</h1>',
  '404.html': 'missing',
  'lessons/bridge/index.html': 'bridge',
  '_astro/app.abc123.js': 'js',
  'handouts/bridge.pdf': '%PDF-',
  'dev/topology/index.html': 'dev',
  'sw.js': 'old worker',
};

test('the precache lists every page and asset as a scope-relative URL, without PDFs and dev pages', () => {
  const dist = fakeDist(site);
  try {
    assert.deepEqual(
      precacheList(dist).map((file) => [file.url, file.bytes]),
      [
        ['./', 13],
        ['404.html', 7],
        ['_astro/app.abc123.js', 2],
        ['lessons/bridge/', 6],
      ],
    );
  } finally {
    rmSync(dist, { recursive: true });
  }
});

test('sw.js carries the file list and a version that changes with any file', () => {
  const dist = fakeDist(site);
  try {
    const first = buildServiceWorker(dist);
    assert.deepEqual({ files: first.files, bytes: first.bytes }, { files: 4, bytes: 28 });
    assert.match(first.version, /^[0-9a-f]{16}$/);
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    assert.ok(sw.includes(`const VERSION = "${first.version}";`));
    assert.ok(sw.includes('const FILES = ["./","404.html","_astro/app.abc123.js","lessons/bridge/"];'));
    assert.equal(buildServiceWorker(dist).version, first.version);
    writeFileSync(join(dist, 'lessons/bridge/index.html'), 'bridge, edited');
    assert.notEqual(buildServiceWorker(dist).version, first.version);
  } finally {
    rmSync(dist, { recursive: true });
  }
});

test('the handout script finds lesson pages by slug and prints sizes', () => {
  const dist = fakeDist({
    ...site,
    'lessons/index.html': 'not a lesson',
    'lessons/part/deep/index.html': 'x',
  });
  try {
    assert.deepEqual(
      lessonPages(dist).map(([slug]) => slug),
      ['bridge', 'part/deep'],
    );
  } finally {
    rmSync(dist, { recursive: true });
  }
  assert.deepEqual(
    [formatSize(10), formatSize(150_000), formatSize(2_500_000)],
    ['1 KB', '146 KB', '2.4 MB'],
  );
});
