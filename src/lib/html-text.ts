// Text out of rendered HTML: entity decoding, and the command of a <Try> written as children.

/** decodeEntities turns the HTML entities Astro and MDX write (named, decimal, hex) back into text. */
export function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const hex = name[1] === 'x' || name[1] === 'X';
      const code = hex ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[name.toLowerCase()] ?? whole;
  });
}

/** SMART maps the typography MDX's smart punctuation puts into text back to what was typed. */
const SMART: Record<string, string> = {
  '\u2013': '--',
  '\u2014': '---',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2026': '...',
};

/**
 * commandFromSlot returns the command a `<Try>…</Try>` holds, from its rendered children: tags
 * removed, entities decoded, and smart punctuation undone (`--name` arrives as `–name`, quotes
 * as curly ones), since no shell command means those characters.
 */
export function commandFromSlot(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/[\u2013\u2014\u2018\u2019\u201c\u201d\u2026]/g, (c) => SMART[c] ?? c)
    .trim();
}
