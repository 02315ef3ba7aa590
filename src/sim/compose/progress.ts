// Mirrors docker/compose v2.36 pkg/progress/plain.go: without a TTY every event is one line,
// fmt.Fprintln(out, prefix, e.ID, e.Text, e.StatusText) — hence the leading and doubled spaces.

import type { ComposeContext } from './context.ts';

/** event prints one plain progress line on stderr: " ID Text StatusText". */
export function event(c: ComposeContext, id: string, text: string, statusText: string): void {
  c.err(` ${id} ${text} ${statusText}\n`);
}

/** warn prints a logrus warning as compose's TextFormatter does off a TTY (time=… level=warning msg=…). */
export function warn(c: ComposeContext, msg: string): void {
  const time = new Date(c.io.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  c.err(`time="${time}" level=warning msg=${JSON.stringify(msg)}\n`);
}
