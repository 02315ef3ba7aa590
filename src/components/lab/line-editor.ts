// The terminal's line discipline, without any DOM: a readline-like editor that turns the bytes
// xterm reports (onData) into edits of one line and actions for the glue (run, complete, cancel…).
// Mirrors GNU readline's emacs bindings for the keys the course promises: ←/→, Home/End,
// Ctrl-A/E/U/K/W/B/F/D, Backspace/Delete, ↑/↓ history, Ctrl-R reverse search, Ctrl-C, Ctrl-L, Tab.

/** EditorAction is what the glue must do after a key. */
export type EditorAction =
  | { type: 'render' }
  | { type: 'submit'; line: string }
  | { type: 'complete'; line: string; cursor: number; repeated: boolean }
  | { type: 'cancel'; line: string }
  | { type: 'clear' }
  | { type: 'bell' };

/** SearchState is an active Ctrl-R reverse incremental search. */
interface SearchState {
  query: string;
  /** index is the history entry matched, or -1 when nothing matches. */
  index: number;
}

const KEYS: Record<string, string> = {
  '\x1b[D': 'left',
  '\x1bOD': 'left',
  '\x02': 'left',
  '\x1b[C': 'right',
  '\x1bOC': 'right',
  '\x06': 'right',
  '\x1b[A': 'up',
  '\x1bOA': 'up',
  '\x10': 'up',
  '\x1b[B': 'down',
  '\x1bOB': 'down',
  '\x0e': 'down',
  '\x1b[H': 'home',
  '\x1bOH': 'home',
  '\x1b[1~': 'home',
  '\x01': 'home',
  '\x1b[F': 'end',
  '\x1bOF': 'end',
  '\x1b[4~': 'end',
  '\x05': 'end',
  '\x7f': 'backspace',
  '\x08': 'backspace',
  '\x1b[3~': 'delete',
  '\x04': 'eof',
  '\x15': 'kill-before',
  '\x0b': 'kill-after',
  '\x17': 'kill-word',
  '\x03': 'cancel',
  '\x07': 'cancel',
  '\x0c': 'clear',
  '\x12': 'search',
  '\t': 'tab',
  '\r': 'enter',
  '\n': 'enter',
  '\x1b': 'escape',
};

/** printable drops control characters (C0 and DEL) from typed or pasted text. */
function printable(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0x20 && code !== 0x7f) out += ch;
  }
  return out;
}

/** LineEditor holds the line being typed, its cursor and the lab's shared command history. */
export class LineEditor {
  line = '';
  cursor = 0;
  /** history is shared by every terminal of a lab (oldest first); the editor only reads it. */
  private readonly history: string[];
  /** historyIndex is the history entry shown, or undefined while editing a new line. */
  private historyIndex: number | undefined;
  private draft = '';
  private search: SearchState | undefined;
  private lastWasTab = false;

  constructor(history: string[]) {
    this.history = history;
  }

  /** searching tells whether a Ctrl-R search is active. */
  get searching(): boolean {
    return this.search !== undefined;
  }

  /** promptOverride is what replaces the prompt during a search: `(reverse-i-search)`q': `. */
  promptOverride(): string | undefined {
    if (!this.search) return undefined;
    const failed = this.search.index < 0 && this.search.query !== '' ? 'failed ' : '';
    return `(${failed}reverse-i-search)\`${this.search.query}': `;
  }

  /** set replaces the line (cursor at its end) and leaves history browsing. */
  set(line: string): void {
    this.line = line;
    this.cursor = line.length;
    this.historyIndex = undefined;
  }

  /** insert types text at the cursor. */
  insert(text: string): void {
    this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
    this.cursor += text.length;
  }

  /** handle feeds one onData chunk (a key, an escape sequence or pasted text) and returns actions. */
  handle(data: string): EditorAction[] {
    const key = KEYS[data];
    const wasTab = this.lastWasTab;
    this.lastWasTab = key === 'tab';
    if (this.search) return this.handleSearch(data, key);
    if (key) return this.handleKey(key, wasTab);
    if (data.startsWith('\x1b')) return []; // an unbound escape sequence (F-keys, Alt-…)
    return this.handleText(data);
  }

  private handleText(data: string): EditorAction[] {
    const text = data.replace(/\r\n/g, '\r').replace(/\n/g, '\r');
    const parts = text.split('\r');
    const actions: EditorAction[] = [];
    for (let i = 0; i < parts.length; i++) {
      this.insert(printable(parts[i]));
      if (i < parts.length - 1) actions.push(this.submit());
    }
    if (actions.length === 0 || parts[parts.length - 1] !== '') actions.push({ type: 'render' });
    return actions;
  }

  private submit(): EditorAction {
    const line = this.line;
    this.line = '';
    this.cursor = 0;
    this.draft = '';
    this.historyIndex = undefined;
    return { type: 'submit', line };
  }

  private handleKey(key: string, wasTab: boolean): EditorAction[] {
    const render: EditorAction[] = [{ type: 'render' }];
    switch (key) {
      case 'enter':
        return [this.submit()];
      case 'left':
        if (this.cursor === 0) return [];
        this.cursor--;
        return render;
      case 'right':
        if (this.cursor === this.line.length) return [];
        this.cursor++;
        return render;
      case 'home':
        this.cursor = 0;
        return render;
      case 'end':
        this.cursor = this.line.length;
        return render;
      case 'backspace':
        if (this.cursor === 0) return [{ type: 'bell' }];
        this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor);
        this.cursor--;
        return render;
      case 'delete':
      case 'eof':
        if (this.cursor === this.line.length) return [];
        this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
        return render;
      case 'kill-before':
        this.line = this.line.slice(this.cursor);
        this.cursor = 0;
        return render;
      case 'kill-after':
        this.line = this.line.slice(0, this.cursor);
        return render;
      case 'kill-word': {
        const before = this.line.slice(0, this.cursor);
        const start = before.replace(/\S+\s*$/, '').length;
        this.line = this.line.slice(0, start) + this.line.slice(this.cursor);
        this.cursor = start;
        return render;
      }
      case 'up':
        return this.browse(-1);
      case 'down':
        return this.browse(1);
      case 'cancel': {
        const dropped = this.line;
        this.line = '';
        this.cursor = 0;
        this.historyIndex = undefined;
        return [{ type: 'cancel', line: dropped }];
      }
      case 'clear':
        return [{ type: 'clear' }];
      case 'search':
        this.search = { query: '', index: -1 };
        return render;
      case 'tab':
        return [{ type: 'complete', line: this.line, cursor: this.cursor, repeated: wasTab }];
      default:
        return [];
    }
  }

  private browse(step: number): EditorAction[] {
    const current = this.historyIndex ?? this.history.length;
    const next = current + step;
    if (next < 0 || next > this.history.length) return [{ type: 'bell' }];
    if (this.historyIndex === undefined) this.draft = this.line;
    this.historyIndex = next === this.history.length ? undefined : next;
    this.line = next === this.history.length ? this.draft : this.history[next];
    this.cursor = this.line.length;
    return [{ type: 'render' }];
  }

  private find(query: string, from: number): number {
    for (let i = Math.min(from, this.history.length - 1); i >= 0; i--)
      if (this.history[i].includes(query)) return i;
    return -1;
  }

  private showMatch(s: SearchState): void {
    if (s.index < 0) return;
    this.line = this.history[s.index];
    this.cursor = Math.max(0, this.line.indexOf(s.query));
  }

  private handleSearch(data: string, key: string | undefined): EditorAction[] {
    const s = this.search as SearchState;
    if (key === 'search') {
      const older = this.find(s.query, (s.index < 0 ? this.history.length : s.index) - 1);
      if (older < 0) return [{ type: 'bell' }];
      s.index = older;
      this.showMatch(s);
      return [{ type: 'render' }];
    }
    if (key === 'backspace') {
      s.query = s.query.slice(0, -1);
      s.index = s.query ? this.find(s.query, this.history.length - 1) : -1;
      this.showMatch(s);
      return [{ type: 'render' }];
    }
    if (key === 'cancel') {
      this.search = undefined;
      this.set('');
      return [{ type: 'render' }];
    }
    if (key === undefined && !data.startsWith('\x1b')) {
      s.query += printable(data);
      s.index = this.find(s.query, s.index < 0 ? this.history.length - 1 : s.index);
      this.showMatch(s);
      return [{ type: 'render' }];
    }
    // Any other key accepts the match into the line, then acts as usual (Enter runs it).
    this.search = undefined;
    this.historyIndex = undefined;
    if (key === 'escape') return [{ type: 'render' }];
    return [{ type: 'render' }, ...(key ? this.handleKey(key, false) : [])];
  }
}

/** renderLine returns the escape sequence that redraws prompt+line from the start of its first row
 * (given the row the cursor was on, relative to that start) and where the cursor ends up. */
export function renderLine(
  prompt: string,
  line: string,
  cursor: number,
  cols: number,
  previousCursorRow: number,
): { data: string; cursorRow: number } {
  const up = previousCursorRow > 0 ? `\x1b[${previousCursorRow}A` : '';
  const total = prompt.length + line.length;
  // At an exact multiple of the width the terminal holds the cursor in the last column: force the wrap.
  const wrap = total > 0 && total % cols === 0 ? ' \r' : '';
  const endRow = Math.floor(total / cols);
  const target = prompt.length + cursor;
  const targetRow = Math.floor(target / cols);
  const back = endRow > targetRow ? `\x1b[${endRow - targetRow}A` : '';
  const data = `${up}\r\x1b[J${prompt}${line}${wrap}${back}\r${target % cols ? `\x1b[${target % cols}C` : ''}`;
  return { data, cursorRow: targetRow };
}

/** formatColumns lays candidates out in columns like readline's completion listing. */
export function formatColumns(words: string[], cols: number): string {
  const width = Math.max(...words.map((w) => w.length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(words.length / perRow);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let row = '';
    for (let c = 0; c < perRow; c++) {
      const w = words[c * rows + r];
      if (w !== undefined)
        row += c === perRow - 1 || words[(c + 1) * rows + r] === undefined ? w : w.padEnd(width);
    }
    out.push(row);
  }
  return `${out.join('\r\n')}\r\n`;
}

/** EscapeTabGate implements "Esc, then Tab leaves the terminal": Tab right after Esc is not for us. */
export class EscapeTabGate {
  private armed = false;

  /** keydown returns false when the browser should handle the key (move focus) instead of xterm. */
  keydown(key: string): boolean {
    if (key === 'Escape') {
      this.armed = true;
      return true;
    }
    if (key === 'Tab' && this.armed) {
      this.armed = false;
      return false;
    }
    if (key !== 'Shift') this.armed = false;
    return true;
  }
}
