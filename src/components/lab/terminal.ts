// One host's terminal in a lab: xterm.js + fit, driven by the LineEditor (line discipline) and
// the lab store (which runs lines in the simulated world). Thin glue: the editing rules live in
// line-editor.ts, the world in the store.

import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import type { LabStore } from '../state/lab-store.ts';
import { EscapeTabGate, formatColumns, LineEditor, renderLine } from './line-editor.ts';
import { MUTED, siteTheme, TERMINAL_THEMES, watchSiteTheme } from './terminal-theme.ts';

const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/** HostTerminal is the terminal of one host of a lab. */
export class HostTerminal {
  readonly term: Terminal;
  private readonly fit = new FitAddon();
  private readonly editor: LineEditor;
  private readonly gate = new EscapeTabGate();
  private readonly resize: ResizeObserver;
  private cursorRow = 0;
  private busy = false;
  private readonly queue: Array<() => Promise<void>> = [];
  private output?: { dispose(): void };
  private readonly theme: { dispose(): void };

  private readonly el: HTMLElement;
  private readonly store: LabStore;
  readonly host: string;
  private readonly announce: (text: string) => void;

  constructor(
    el: HTMLElement,
    store: LabStore,
    host: string,
    announce: (text: string) => void,
    screenReader: boolean,
  ) {
    this.el = el;
    this.store = store;
    this.host = host;
    this.announce = announce;
    this.editor = new LineEditor(store.history);
    this.term = new Terminal({
      fontFamily: 'ui-monospace, "SFMono-Regular", "Cascadia Mono", "DejaVu Sans Mono", Menlo, monospace',
      fontSize: 13,
      cursorBlink: true,
      scrollback: 2000,
      screenReaderMode: screenReader,
      theme: { ...TERMINAL_THEMES[siteTheme()] },
    });
    // The colours follow the site theme live (toggle, OS change); lab.css does the same for the box.
    this.theme = watchSiteTheme((theme) => {
      this.term.options.theme = { ...TERMINAL_THEMES[theme] };
    });
    this.term.loadAddon(this.fit);
    this.term.open(el);
    this.term.attachCustomKeyEventHandler((e) => this.keyFilter(e));
    this.term.onData((data) => this.enqueue(async () => this.feed(data)));
    this.resize = new ResizeObserver(() => this.fitNow());
    this.resize.observe(el);
    this.fitNow();
    this.term.write(this.prompt());
    this.watchOutput();
    el.dataset.ready = 'true';
  }

  /** watchOutput prints what a background job (tcpdump) writes while this terminal waits for input. */
  private watchOutput(): void {
    this.output?.dispose();
    this.output = this.store.sim.onOutput((e) => {
      if (e.host === this.host) this.enqueue(async () => this.printJobOutput());
    });
  }

  private printJobOutput(): void {
    const text = this.store.sim
      .takeOutput(this.host)
      .map((c) => c.text)
      .join('');
    if (!text) return;
    // like zsh: the text replaces the prompt line, then the prompt and the line being typed come back
    this.moveToEnd();
    this.term.write(`\r\x1b[K${crlf(text)}`);
    this.cursorRow = 0;
    this.redraw();
    this.announce(text);
  }

  private prompt(): string {
    return this.editor.promptOverride() ?? this.store.sim.prompt(this.host);
  }

  private fitNow(): void {
    if (this.el.offsetParent === null) return;
    try {
      this.fit.fit();
    } catch {
      // Not laid out yet: the next resize fits it.
    }
  }

  /** keyFilter decides which keys xterm handles; false lets the browser act (focus move, copy, paste). */
  private keyFilter(e: KeyboardEvent): boolean {
    if (e.type !== 'keydown') return true;
    if (!this.gate.keydown(e.key)) return false;
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && e.key.toLowerCase() === 'c' && (e.shiftKey || this.term.hasSelection())) {
      void navigator.clipboard?.writeText(this.term.getSelection()).catch(() => undefined);
      return false;
    }
    if (ctrl && e.key.toLowerCase() === 'v') return false; // the browser pastes; xterm gets the text
    return true;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue.push(task);
    if (!this.busy) void this.drain();
  }

  private async drain(): Promise<void> {
    this.busy = true;
    while (this.queue.length) await (this.queue.shift() as () => Promise<void>)();
    this.busy = false;
  }

  private redraw(): void {
    const { data, cursorRow } = renderLine(
      this.prompt(),
      this.editor.line,
      this.editor.cursor,
      this.term.cols,
      this.cursorRow,
    );
    this.cursorRow = cursorRow;
    this.term.write(data);
  }

  /** moveToEnd puts the cursor after the line's last character, ready for output below it. */
  private moveToEnd(): void {
    const saved = this.editor.cursor;
    this.editor.cursor = this.editor.line.length;
    this.redraw();
    this.editor.cursor = saved;
  }

  private feed(data: string): void {
    for (const action of this.editor.handle(data)) {
      if (action.type === 'render') this.redraw();
      else if (action.type === 'submit') this.runLine(action.line);
      else if (action.type === 'cancel' && this.store.sim.busy(this.host)) {
        // Ctrl-C reaches the foreground job (tcpdump), which prints its summary and gives the prompt back
        const res = this.store.sim.interrupt(this.host);
        const text = res.transcript.map((c) => c.text).join('');
        this.term.write(`^C${crlf(text)}${this.prompt()}`);
        this.announce(text);
        this.cursorRow = 0;
      } else if (action.type === 'cancel') {
        const prompt = this.store.sim.prompt(this.host);
        this.term.write(
          renderLine(prompt, action.line, action.line.length, this.term.cols, this.cursorRow).data,
        );
        this.term.write(`^C\r\n${this.prompt()}`);
        this.cursorRow = 0;
      } else if (action.type === 'clear') {
        this.term.write('\x1b[H\x1b[2J');
        this.cursorRow = 0;
        this.redraw();
      } else if (action.type === 'complete') this.complete(action.line, action.cursor, action.repeated);
      else if (action.type === 'bell') this.term.write('\x07');
    }
  }

  private complete(line: string, cursor: number, repeated: boolean): void {
    const res = this.store.sim.complete(line, cursor, this.host);
    if (res.insert) {
      this.editor.insert(res.insert);
      this.redraw();
    } else if (res.candidates.length > 1 && repeated) {
      this.moveToEnd();
      this.term.write(`\r\n${formatColumns(res.candidates, this.term.cols)}`);
      this.cursorRow = 0;
      this.redraw();
    } else if (res.candidates.length !== 1) this.term.write('\x07');
  }

  private runLine(line: string): void {
    // The editor has already cleared its line: draw the submitted line once more, then run it.
    const prompt = this.store.sim.prompt(this.host);
    this.term.write(renderLine(prompt, line, line.length, this.term.cols, this.cursorRow).data);
    this.term.write('\r\n');
    this.cursorRow = 0;
    const res = this.store.run(line, this.host);
    let text = '';
    for (const chunk of res.transcript) text += chunk.text;
    if (text) this.term.write(crlf(text));
    this.announce(text ? `${prompt}${line}\n${text}` : `${prompt}${line}`);
    this.term.write(this.prompt());
  }

  /** typeAndRun types a command visibly (character by character) and runs it, as <Try> does. */
  typeAndRun(command: string, delayMs = 18): Promise<void> {
    return new Promise((resolve) => {
      this.enqueue(async () => {
        this.editor.set('');
        this.redraw();
        for (const ch of command) {
          this.editor.insert(ch);
          this.redraw();
          if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
        }
        this.feed('\r');
        resolve();
      });
    });
  }

  /** newWorld redraws after the lab's world was replaced (reset, undo): a fresh prompt. */
  newWorld(message: string): void {
    this.watchOutput();
    this.enqueue(async () => {
      this.editor.set('');
      this.moveToEnd();
      this.term.write(`\r\n${MUTED}${message}\x1b[0m\r\n${this.prompt()}`);
      this.cursorRow = 0;
    });
  }

  /** setScreenReader turns xterm's screen reader mode on or off. */
  setScreenReader(on: boolean): void {
    this.term.options.screenReaderMode = on;
  }

  /** show fits the terminal once its panel is visible. */
  show(): void {
    this.fitNow();
  }

  /** focus puts the keyboard in the terminal. */
  focus(): void {
    this.term.focus();
  }

  /** dispose tears the terminal down. */
  dispose(): void {
    this.output?.dispose();
    this.theme.dispose();
    this.resize.disconnect();
    this.term.dispose();
  }
}
