// Mirrors docker/cli cli/command/formatter/tabwriter/tabwriter.go (a fork of Go's text/tabwriter
// that measures cells in display width); simplified: no escapes, HTML filtering or flags other
// than the ones docker uses (0), whole input formatted at once.

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** displayWidth is go-runewidth's StringWidth: East Asian wide characters count 2, marks 0. */
export function displayWidth(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length; // the common case, without a regex per character
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0 || /\p{Mn}|\p{Me}|\p{Cf}/u.test(ch)) continue;
    if (
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd)
    ) {
      w += 2;
    } else w += 1;
  }
  return w;
}

interface Cell {
  text: string;
  width: number;
  htab: boolean;
}

/** TabWriter aligns tab-separated cells into columns like Go's tabwriter.Writer. */
export class TabWriter {
  private readonly minwidth: number;
  private readonly tabwidth: number;
  private readonly padding: number;
  private readonly padchar: string;
  private out = '';
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];

  constructor(minwidth: number, tabwidth: number, padding: number, padchar: string) {
    this.minwidth = minwidth;
    this.tabwidth = tabwidth;
    this.padding = padding;
    this.padchar = padchar;
  }

  /** write appends text; a line whose only cell ends with a newline flushes the block. */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i); // the separators are ASCII, so UTF-16 indexes are safe to cut at
      if (c !== 9 && c !== 11 && c !== 10 && c !== 12) continue;
      this.cell += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell(c === 9);
      if (c === 10 || c === 12) {
        this.lines.push([]);
        if (c === 12 || ncells === 1) this.flushLines();
      }
    }
    this.cell += text.slice(start);
  }

  /** flush formats what is buffered and returns everything written so far. */
  flush(): string {
    if (this.cell.length > 0) this.terminateCell(false);
    this.flushLines();
    const o = this.out;
    this.out = '';
    return o;
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1];
    line.push({ text: this.cell, width: displayWidth(this.cell), htab });
    this.cell = '';
    return line.length;
  }

  private flushLines(): void {
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  private writePadding(textw: number, cellw: number): void {
    if (this.padchar === '\t') {
      if (this.tabwidth === 0) return;
      const w = Math.ceil(cellw / this.tabwidth) * this.tabwidth;
      this.out += '\t'.repeat(Math.ceil((w - textw) / this.tabwidth));
      return;
    }
    this.out += this.padchar.repeat(Math.max(0, cellw - textw));
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      line.forEach((c, j) => {
        if (c.text.length === 0) {
          if (j < this.widths.length) this.writePadding(c.width, this.widths[j]);
        } else {
          this.out += c.text;
          if (j < this.widths.length) this.writePadding(c.width, this.widths[j]);
        }
      });
      if (i + 1 === this.lines.length) {
        // last buffered line: its cell is still incomplete (already empty after terminate)
      } else this.out += '\n';
    }
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let t = line0; t < line1; t++) {
      let line = this.lines[t];
      if (column >= line.length - 1) continue;
      this.writeLines(line0, t);
      line0 = t;
      let width = this.minwidth;
      for (; t < line1; t++) {
        line = this.lines[t];
        if (column >= line.length - 1) break;
        const w = line[column].width + this.padding;
        if (w > width) width = w;
      }
      this.widths.push(width);
      this.format(line0, t);
      this.widths.pop();
      line0 = t;
    }
    this.writeLines(line0, line1);
  }
}

/** tabulate runs text through docker's table writer (minwidth 10, tabwidth 1, padding 3, ' '). */
export function tabulate(text: string, minwidth = 10, tabwidth = 1, padding = 3, padchar = ' '): string {
  const tw = new TabWriter(minwidth, tabwidth, padding, padchar);
  tw.write(text);
  return tw.flush();
}
