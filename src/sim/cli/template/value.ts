// Mirrors Go's reflect-based value handling in text/template/exec.go and fmt's %v printing;
// simplified: JSON-shaped values (null, boolean, number, string, array, object) stand for Go
// values, objects are map[string]interface{}, and GoStruct stands for a pointer to a struct.

/** NO_VALUE is Go's invalid reflect.Value (a missing map key); it prints as "<no value>". */
export const NO_VALUE: unique symbol = Symbol('no value');

/** GoMethod is a struct method callable from a template, with its parameter kinds. */
export interface GoMethod {
  params: Array<'string' | 'int' | 'any'>;
  fn: (...args: unknown[]) => unknown;
}

/** GoStruct stands for a pointer to a Go struct: exported fields and methods by name. */
export class GoStruct {
  readonly typeName: string;
  readonly fields: Record<string, unknown>;
  readonly methods: Record<string, GoMethod>;
  /** json is how `{{json .}}` encodes the value (MarshalJSON); defaults to the fields. */
  readonly json?: () => unknown;
  constructor(
    typeName: string,
    fields: Record<string, unknown>,
    methods: Record<string, GoMethod> = {},
    json?: () => unknown,
  ) {
    this.typeName = typeName;
    this.fields = fields;
    this.methods = methods;
    this.json = json;
  }
}

/** GoText stands for a typed value that prints differently from its JSON (time.Time, nil maps). */
export class GoText {
  readonly text: string;
  readonly jsonValue: unknown;
  readonly typeName: string;
  readonly truthy: boolean;
  constructor(typeName: string, text: string, jsonValue: unknown, truthy = true) {
    this.typeName = typeName;
    this.text = text;
    this.jsonValue = jsonValue;
    this.truthy = truthy;
  }
}

/** isMap tells whether v is a Go map (a plain object). */
export function isMap(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof GoStruct) &&
    !(v instanceof GoText)
  );
}

/** goTypeName names a value's Go type as reflect would for JSON-decoded data. */
export function goTypeName(v: unknown, raw: boolean): string {
  if (v instanceof GoStruct || v instanceof GoText) return v.typeName;
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return raw ? 'json.Number' : Number.isInteger(v) ? 'int' : 'float64';
  if (Array.isArray(v)) return raw ? '[]interface {}' : '[]string';
  if (isMap(v)) return raw ? 'map[string]interface {}' : 'map[string]string';
  return 'interface {}';
}

/** formatFloat renders a float64 like Go's %v ('g' with the shortest representation). */
export function formatFloat(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) {
    const [m, e] = n.toExponential().split('e');
    const ei = Number(e);
    return `${m}e${ei < 0 ? '-' : '+'}${String(Math.abs(ei)).padStart(2, '0')}`;
  }
  return String(n);
}

/** goPrint renders a value as fmt.Sprint would (%v). */
export function goPrint(v: unknown, nested = false): string {
  if (v === NO_VALUE) return '<no value>';
  if (v === null || v === undefined) return nested ? '<nil>' : '<nil>';
  if (typeof v === 'string') return v;
  if (v instanceof GoText) return v.text;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatFloat(v);
  if (Array.isArray(v)) return `[${v.map((e) => goPrint(e, true)).join(' ')}]`;
  if (v instanceof GoStruct) {
    const body = `{${Object.values(v.fields)
      .map((e) => goPrint(e, true))
      .join(' ')}}`;
    return nested ? body : `&${body}`;
  }
  if (isMap(v)) {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goPrint(v[k], true)}`).join(' ')}]`;
  }
  return String(v);
}

/** isTrue is Go template truth: empty values (0, "", nil, empty slice/map, false) are false. */
export function isTrue(v: unknown): boolean {
  if (v === NO_VALUE || v === null || v === undefined) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof GoStruct) return true;
  if (v instanceof GoText) return v.truthy;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

/**
 * MarshaledJSON is a value whose MarshalJSON calls json.Marshal (docker/cli formatter/reflect.go):
 * its <, > and & come out as \u003c, \u003e and \u0026 even inside the json func's non-escaping encoder.
 */
export class MarshaledJSON {
  readonly value: unknown;
  constructor(value: unknown) {
    this.value = value;
  }
}

const HTML_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' };

/** goJSON encodes a value like encoding/json with SetEscapeHTML(false), without the trailing newline. */
export function goJSON(v: unknown): string {
  const raws: string[] = [];
  const prep = (x: unknown): unknown => {
    if (x instanceof MarshaledJSON) {
      raws.push(goJSON(x.value).replace(/[<>&]/g, (c) => HTML_ESCAPES[c]));
      return `\uE000${raws.length - 1}\uE000`;
    }
    if (x === NO_VALUE || x === undefined) return null;
    if (x instanceof GoText) return x.jsonValue;
    if (x instanceof GoStruct) {
      if (x.json) return prep(x.json());
      return prep(x.fields);
    }
    if (Array.isArray(x)) return x.map(prep);
    if (isMap(x)) {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(x)) o[k] = prep(x[k]);
      return o;
    }
    return x;
  };
  const text = (JSON.stringify(prep(v)) ?? 'null')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return raws.length === 0 ? text : text.replace(/"\uE000(\d+)\uE000"/g, (_, i) => raws[Number(i)]);
}

/** utf8Bytes encodes a string as UTF-8 bytes (Go strings are byte sequences). */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** utf8Prefix returns the longest prefix of s whose UTF-8 encoding has at most n bytes (Go s[:n]). */
export function utf8Prefix(s: string, n: number): string {
  let used = 0;
  let out = '';
  for (const ch of s) {
    const len = utf8Bytes(ch).length;
    if (used + len > n) break;
    used += len;
    out += ch;
  }
  return out;
}
