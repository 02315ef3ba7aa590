#!/usr/bin/env node
// `npm run bench`: measurements of the built site, one table per section. Not part of `npm test`.
// Add a section by writing a module like bench/page-js.mjs and listing it in `sections`.
// A section is { name, title, columns, run({ distDir }) → rows (or a promise of rows) }; numeric
// cells print right-aligned.
// Run some sections only: `npm run bench -- page-js`.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { handoutsSection } from './bench/handouts.mjs';
import { labSection } from './bench/lab.mjs';
import { pageJsSection } from './bench/page-js.mjs';
import { simSection } from './bench/sim.mjs';

/** sections is the registry of bench sections, printed in this order. A section with needsDist: false runs without a build. */
export const sections = [pageJsSection, simSection, labSection, handoutsSection];

/** formatTable renders rows as an aligned plain-text table with a header rule. */
export function formatTable(columns, rows) {
  const cells = rows.map((row) =>
    row.map((cell) => (typeof cell === 'number' ? cell.toLocaleString('en-US') : String(cell))),
  );
  const numeric = columns.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number'));
  const widths = columns.map((title, i) => Math.max(title.length, ...cells.map((row) => row[i].length)));
  const line = (row) =>
    row.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  return [line(columns), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.map(line)].join('\n');
}

async function main() {
  const distDir = 'dist';
  const wanted = process.argv.slice(2);
  const chosen = sections.filter((s) => wanted.length === 0 || wanted.includes(s.name));
  if (chosen.some((s) => s.needsDist !== false) && !existsSync(distDir)) {
    console.error('dist/ does not exist: run `npm run build` first (or `npm run bench -- sim`).');
    process.exit(1);
  }
  for (const section of chosen) {
    console.log(`\n${section.name}: ${section.title}\n`);
    console.log(formatTable(section.columns, await section.run({ distDir })));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
