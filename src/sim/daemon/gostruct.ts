// Mirrors Go's encoding/json as dockerd uses it (api/server/httputils WriteJSON, ReadJSON): request
// bodies are decoded into structs (case-insensitive field names, zero values for what is missing) and
// responses carry every struct field in declaration order, maps with sorted keys, `omitempty` fields
// only when non-empty. Simplified: field types are checked loosely (a wrong type decodes as zero).

/** FieldKind is the Go type of one struct field, as far as JSON is concerned. */
export type FieldKind = 'string' | 'bool' | 'int' | 'slice' | 'map' | 'ptr' | 'any' | 'size2' | GoStruct;

/** GoField is one struct field: its JSON name, its kind and whether it is `omitempty`. */
export interface GoField {
  name: string;
  kind: FieldKind;
  omitempty?: boolean;
}

/** GoStruct lists a struct's fields in declaration order. */
export interface GoStruct {
  fields: GoField[];
}

/** f builds a GoField (`f('Env', 'slice')`, `f('Healthcheck', 'ptr', true)`). */
export const f = (name: string, kind: FieldKind, omitempty = false): GoField => ({ name, kind, omitempty });

/** isPlainObject tells whether v is a JSON object (not an array, not null). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** lookupField finds a JSON key the way Go does: exact name first, then case-insensitively. */
export function lookupField(obj: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(obj, name)) return obj[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
  return undefined;
}

/** sortedMap copies a JSON object with its keys sorted, as Go encodes maps. */
export function sortedMap<T>(m: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k];
  return out;
}

function zeroOf(kind: FieldKind): unknown {
  switch (kind) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'int':
      return 0;
    case 'size2':
      return [0, 0];
    case 'slice':
    case 'map':
    case 'ptr':
    case 'any':
      return null;
    default:
      return decodeStruct(undefined, kind);
  }
}

/** isEmptyValue is Go's omitempty test: false, 0, "", nil, and empty slices and maps. */
export function isEmptyValue(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return false;
}

function decodeValue(v: unknown, kind: FieldKind): unknown {
  if (v === undefined) return zeroOf(kind);
  switch (kind) {
    case 'string':
      return typeof v === 'string' ? v : '';
    case 'bool':
      return typeof v === 'boolean' ? v : false;
    case 'int':
      return typeof v === 'number' ? Math.trunc(v) : 0;
    case 'size2':
      return Array.isArray(v) && v.length === 2 ? v.map((x) => (typeof x === 'number' ? x : 0)) : [0, 0];
    case 'slice':
      return Array.isArray(v) ? [...v] : null;
    case 'map':
      return isPlainObject(v) ? sortedMap(v) : null;
    case 'ptr':
    case 'any':
      return v;
    default:
      return decodeStruct(v, kind);
  }
}

/** decodeStruct decodes a JSON value into a struct: every field present, in order, zero when missing. */
export function decodeStruct(v: unknown, spec: GoStruct): Record<string, unknown> {
  const obj = isPlainObject(v) ? v : {};
  const out: Record<string, unknown> = {};
  for (const field of spec.fields) out[field.name] = decodeValue(lookupField(obj, field.name), field.kind);
  return out;
}

/** encodeStruct renders a decoded struct for a response: field order kept, omitempty fields dropped when empty, maps sorted. */
export function encodeStruct(v: Record<string, unknown>, spec: GoStruct): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of spec.fields) {
    let val = v[field.name];
    if (val === undefined) val = zeroOf(field.kind);
    if (
      field.omitempty &&
      (isEmptyValue(val) || (field.kind === 'map' && isPlainObject(val) && Object.keys(val).length === 0))
    )
      continue;
    if (field.kind === 'map' && isPlainObject(val)) val = sortedMap(val);
    else if (typeof field.kind === 'object' && isPlainObject(val)) val = encodeStruct(val, field.kind);
    out[field.name] = val;
  }
  return out;
}
