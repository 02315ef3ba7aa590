// Bench section "handouts": what a workshop downloads. One row per lesson handout PDF
// (<dist>/handouts/*.pdf, written by scripts/build-handouts.mjs), then the offline precache that
// scripts/build-service-worker.mjs lists in sw.js (files and bytes).
import { existsSync, globSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { precacheList } from '../build-service-worker.mjs';

export const handoutsSection = {
  name: 'handouts',
  title: 'Handout PDFs and the offline precache (after `npm run build`)',
  columns: ['what', 'files', 'bytes'],
  run({ distDir }) {
    const pdfs = existsSync(join(distDir, 'handouts'))
      ? globSync('handouts/**/*.pdf', { cwd: distDir }).sort()
      : [];
    const rows = pdfs.map((file) => [`/${file}`, 1, statSync(join(distDir, file)).size]);
    const pdfBytes = rows.reduce((sum, row) => sum + row[2], 0);
    const precache = precacheList(distDir);
    rows.push(['all handout PDFs', pdfs.length, pdfBytes]);
    rows.push([
      existsSync(join(distDir, 'sw.js')) ? 'offline precache (sw.js)' : 'offline precache (no sw.js yet)',
      precache.length,
      precache.reduce((sum, file) => sum + file.bytes, 0),
    ]);
    return rows;
  },
};
