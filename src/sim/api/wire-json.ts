// Mirrors moby api/server/httputils (WriteJSON: json.NewEncoder with its default SetEscapeHTML(true))
// and pkg/streamformatter (one JSON message per line, "\r\n"): how the Engine API puts JSON on the
// wire. Go escapes <, >, & and U+2028/U+2029, so "<missing>" travels as "\u003cmissing\u003e".

import { goEscapeHTML } from '../gojson.ts';

// The CLI re-indents this JSON as docker/cli does (json.Indent), keeping the escapes.
export { goEscapeHTML };

/** jsonBody is WriteJSON's output: the JSON text and a newline. */
export function jsonBody(value: unknown): string {
  return `${goEscapeHTML(JSON.stringify(value))}\n`;
}

/** progressBody is a pull/push/build stream: one JSON message per line, each ending in "\r\n". */
export function progressBody(messages: unknown[]): string {
  return messages.map((m) => `${goEscapeHTML(JSON.stringify(m))}\r\n`).join('');
}
