import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { moduleScriptsOf, pageJs, staticImportsOf } from '../../scripts/bench/page-js.mjs';
import { formatTable, sections } from '../../scripts/bench.mjs';

describe('bench: page JS', () => {
  test('finds external and inline module scripts, and ignores classic ones', () => {
    const html = `<script>var a=1</script><script type="module" src="/_astro/a.js"></script>
      <script type="module">import"./_astro/b.js";</script>`;
    assert.deepEqual(moduleScriptsOf(html), [{ src: '/_astro/a.js' }, { inline: 'import"./_astro/b.js";' }]);
  });

  test('follows static imports but not dynamic import()', () => {
    const code = 'import{a as b}from"./chunk.js";export{c}from"./c.js";import"./side.js";import("./lazy.js")';
    assert.deepEqual(staticImportsOf(code), ['./chunk.js', './c.js', './side.js']);
  });

  test('sums each loaded file once, with its gzip size', () => {
    const dist = mkdtempSync(join(tmpdir(), 'bench-'));
    mkdirSync(join(dist, '_astro'));
    writeFileSync(join(dist, '_astro/entry.js'), 'import"./shared.js";import("./lazy.js");');
    writeFileSync(join(dist, '_astro/shared.js'), 'export const x=1;');
    writeFileSync(join(dist, '_astro/lazy.js'), 'export const big="x".repeat(1e6);');
    const html =
      '<script type="module" src="/_astro/entry.js"></script><script type="module" src="/_astro/shared.js"></script>';
    const result = pageJs(dist, '/lessons/a/index.html', html);
    assert.equal(result.files, 2);
    assert.equal(result.raw, 'import"./shared.js";import("./lazy.js");'.length + 'export const x=1;'.length);
    assert.ok(result.gzip > 0);
  });

  test('sections are registered with a name, a title and columns', () => {
    for (const section of sections) {
      assert.ok(section.name && section.title && section.columns.length > 0 && section.run);
    }
  });

  test('formats an aligned table with numbers right-aligned', () => {
    assert.equal(
      formatTable(
        ['page', 'bytes'],
        [
          ['/', 1234],
          ['/lessons/a/', 5],
        ],
      ),
      ['page         bytes', '-----------  -----', '/            1,234', '/lessons/a/      5'].join('\n'),
    );
  });
});
