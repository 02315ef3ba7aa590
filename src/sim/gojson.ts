// Go's encoding/json output rules, shared like gounits.ts: compact, map keys sorted (the caller
// builds struct-ordered objects), and <, >, & escaped as \u003c, \u003e, \u0026 (HTML-safe). Used
// by libnetwork's stores and by the Engine API's wire JSON.

/** goMap returns a copy of a string-keyed map with keys sorted, as Go marshals maps. */
export function goMap<T>(m: Record<string, T> | null | undefined): Record<string, T> | null {
  if (m === null || m === undefined) return null;
  const out: Record<string, T> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k];
  return out;
}

/** goEscapeHTML escapes JSON text as encoding/json does: <, >, &, U+2028 and U+2029 as \\uXXXX. */
export function goEscapeHTML(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** goJSON marshals v like Go's json.Marshal (v's own key order is kept). */
export function goJSON(v: unknown): string {
  return goEscapeHTML(JSON.stringify(v));
}
