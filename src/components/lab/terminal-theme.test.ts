// The terminal's colours are readable: WCAG 2 contrast of every text colour against the background
// in both themes, checked here because axe cannot read what xterm draws. Also pins the contrast
// arithmetic and that the lab prints no SGR colour the themes do not cover.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { contrastRatio, MUTED, relativeLuminance, TERMINAL_THEMES, TEXT_COLOURS } from './terminal-theme.ts';

const here = import.meta.dirname;
const themes = Object.entries(TERMINAL_THEMES);

test('contrastRatio follows WCAG 2', () => {
  assert.equal(relativeLuminance('#000000'), 0);
  assert.equal(relativeLuminance('#ffffff'), 1);
  assert.equal(contrastRatio('#000000', '#ffffff'), 21);
  assert.equal(contrastRatio('#ffffff', '#000000'), 21);
  assert.equal(contrastRatio('#0e1621', '#0e1621'), 1);
  // #767676 is the lightest grey that passes AA on white (4.54:1); #777777 fails (4.48:1).
  assert.equal(contrastRatio('#767676', '#ffffff').toFixed(2), '4.54');
  assert.equal(contrastRatio('#777777', '#ffffff').toFixed(2), '4.48');
});

for (const [name, theme] of themes) {
  test(`${name} terminal: every text colour reads at 4.5:1 or more`, () => {
    const failing = TEXT_COLOURS.map((key) => ({ key, ratio: contrastRatio(theme[key], theme.background) }))
      .filter(({ ratio }) => ratio < 4.5)
      .map(({ key, ratio }) => `${key} ${theme[key]} ${ratio.toFixed(2)}:1`);
    assert.deepEqual(failing, []);
  });

  test(`${name} terminal: selected text, the cursor and the character under it are readable`, () => {
    assert.ok(contrastRatio(theme.foreground, theme.selectionBackground) >= 4.5);
    assert.ok(contrastRatio(theme.cursor, theme.background) >= 3);
    assert.ok(contrastRatio(theme.cursorAccent, theme.cursor) >= 4.5);
  });
}

test('the terminal boxes in lab.css have the themes’ backgrounds', () => {
  const css = readFileSync(join(here, 'lab.css'), 'utf8');
  const { light, dark } = TERMINAL_THEMES;
  assert.match(css, new RegExp(`--dnl-terminal-bg: light-dark\\(${light.background}, ${dark.background}\\)`));
});

/** sgrCodes lists the SGR parameters (`\x1b[…m`) written literally in the .ts files under `dir`. */
function sgrCodes(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(/\\(?:x1b|u001b|u\{1b\}|033)\[([0-9;]*)m/gi)) found.set(m[1], path);
  }
  return found;
}

test('the lab and the simulator print only colours the themes cover', () => {
  assert.equal(MUTED, '\x1b[90m'); // bright black: the palette's muted colour
  const covered = /^(0?|39|3[0-7]|9[0-7])$/; // reset, default foreground, the 16 palette colours
  const codes = new Map([...sgrCodes(join(here, '../../sim')), ...sgrCodes(here)]);
  const uncovered = [...codes]
    .filter(([code]) => !covered.test(code))
    .map(([code, path]) => `${code} in ${path}`);
  assert.deepEqual(uncovered, []);
  assert.ok(codes.has('90'), 'the muted colour is found in the sources');
});
