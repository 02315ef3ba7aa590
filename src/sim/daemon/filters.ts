// Mirrors moby/moby api/types/filters/parse.go and errors.go (v28.2.2): the `filters` query
// parameter, a JSON map of key → {value: true}; simplified: Go's regexp is approximated by JS RegExp.

import { invalidParameter } from '../errdefs.ts';
import { isPlainObject } from './gostruct.ts';

/** FilterArgs is moby's filters.Args: for each key, the set of values. */
export class FilterArgs {
  readonly fields = new Map<string, Set<string>>();

  /** add records value under key. */
  add(key: string, value: string): void {
    const set = this.fields.get(key) ?? new Set<string>();
    set.add(value);
    this.fields.set(key, set);
  }

  /** len is the number of keys. */
  len(): number {
    return this.fields.size;
  }

  /** get returns the values of key, in the order they were given. */
  get(key: string): string[] {
    return [...(this.fields.get(key) ?? [])];
  }

  /** contains tells whether key was given at all. */
  contains(key: string): boolean {
    return this.fields.has(key);
  }

  /** validate fails with `invalid filter 'x'` for a key not in accepted. */
  validate(accepted: readonly string[]): void {
    for (const k of this.fields.keys())
      if (!accepted.includes(k)) throw invalidParameter(`invalid filter '${k}'`);
  }

  /** exactMatch is true when key is absent or source is one of its values. */
  exactMatch(key: string, source: string): boolean {
    const values = this.fields.get(key);
    if (!values || values.size === 0) return true;
    return values.has(source);
  }

  /** match is exactMatch, or one of key's values matches source as a regular expression. */
  match(key: string, source: string): boolean {
    if (this.exactMatch(key, source)) return true;
    for (const pattern of this.fields.get(key) ?? []) {
      try {
        if (new RegExp(pattern).test(source)) return true;
      } catch {
        // an invalid pattern matches nothing, as in moby
      }
    }
    return false;
  }

  /** fuzzyMatch is exactMatch, or source starts with one of key's values. */
  fuzzyMatch(key: string, source: string): boolean {
    if (this.exactMatch(key, source)) return true;
    for (const prefix of this.fields.get(key) ?? []) if (source.startsWith(prefix)) return true;
    return false;
  }

  /** matchKVList checks `label=k` / `label=k=v` filters against a label map. */
  matchKVList(key: string, sources: Record<string, string> | null | undefined): boolean {
    const values = this.fields.get(key);
    if (!values || values.size === 0) return true;
    if (!sources || Object.keys(sources).length === 0) return false;
    for (const value of values) {
      const eq = value.indexOf('=');
      const k = eq < 0 ? value : value.slice(0, eq);
      if (!Object.hasOwn(sources, k)) return false;
      if (eq >= 0 && sources[k] !== value.slice(eq + 1)) return false;
    }
    return true;
  }

  /** getBoolOrDefault reads a boolean filter (`1`/`true`, `0`/`false`). */
  getBoolOrDefault(key: string, def: boolean): boolean {
    const values = this.fields.get(key);
    if (!values) return def;
    const isFalse = values.has('0') || values.has('false');
    const isTrue = values.has('1') || values.has('true');
    if (values.size === 0 || isFalse === isTrue)
      throw invalidParameter(`invalid filter '${key}=[${[...values].join(' ')}]'`);
    return isTrue;
  }
}

/** parseFilters is moby's filters.FromJSON: `{"name":{"x":true}}`, or the legacy `{"name":["x"]}`. */
export function parseFilters(param: string | undefined): FilterArgs {
  const args = new FilterArgs();
  if (param === undefined || param === '') return args;
  let raw: unknown;
  try {
    raw = JSON.parse(param);
  } catch {
    throw invalidParameter('invalid filter');
  }
  if (!isPlainObject(raw)) throw invalidParameter('invalid filter');
  for (const [key, values] of Object.entries(raw)) {
    if (Array.isArray(values)) {
      for (const v of values) if (typeof v === 'string') args.add(key, v);
      if (values.length === 0) args.fields.set(key, new Set());
    } else if (isPlainObject(values)) {
      if (Object.keys(values).length === 0) args.fields.set(key, new Set());
      for (const [v, on] of Object.entries(values)) if (on === true) args.add(key, v);
    } else if (values === null) {
      args.fields.set(key, new Set());
    } else {
      throw invalidParameter('invalid filter');
    }
  }
  return args;
}
