// Mirrors Go's text/template/funcs.go builtins and docker/cli templates/templates.go
// (basicFunctions, HeaderFunctions); simplified: values are JSON-shaped (see value.ts).

import { sprint, sprintf, sprintln } from './fmt.ts';
import { GoText, goJSON, goTypeName, isMap, isTrue, NO_VALUE, utf8Bytes, utf8Prefix } from './value.ts';

/** ParamKind is the Go type class a function parameter accepts. */
export type ParamKind = 'any' | 'string' | 'int' | 'strings';

/** GoFunc is a template function: fixed params, optional variadic tail. */
export interface GoFunc {
  params: ParamKind[];
  variadic?: ParamKind;
  /** lazy marks and/or, whose arguments are evaluated one by one. */
  lazy?: boolean;
  fn: (...args: unknown[]) => unknown;
}

/** FuncError is an error a function returned; exec wraps it as "error calling NAME: ...". */
export class FuncError extends Error {}

/** FuncMap maps names to template functions. */
export type FuncMap = Record<string, GoFunc>;

const NIL_KIND = 'nil';
type Kind = 'bool' | 'int' | 'float' | 'string' | 'nil' | 'other';

function basicKind(v: unknown): Kind {
  if (v === null || v === NO_VALUE || v === undefined) return NIL_KIND;
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  return 'other';
}

function numericKinds(a: Kind, b: Kind): boolean {
  return (a === 'int' || a === 'float') && (b === 'int' || b === 'float');
}

function eq(arg1: unknown, ...rest: unknown[]): boolean {
  if (rest.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const arg of rest) {
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2 && !numericKinds(k1, k2)) {
      if (k1 !== NIL_KIND && k2 !== NIL_KIND) throw new FuncError('incompatible types for comparison');
    } else if (k1 === 'other') {
      if (Array.isArray(arg1) || isMap(arg1)) {
        throw new FuncError(
          `non-comparable types ${sprint([arg1])}: ${goTypeName(arg1, true)}, ${goTypeName(arg, true)}: ${sprint([arg])}`,
        );
      }
      truth = arg1 === arg;
    } else if (k1 === NIL_KIND) {
      truth = true;
    } else {
      truth = arg1 === arg;
    }
    if (truth) return true;
  }
  return false;
}

function lt(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (
    k1 === 'bool' ||
    k1 === 'other' ||
    k1 === NIL_KIND ||
    k2 === 'bool' ||
    k2 === 'other' ||
    k2 === NIL_KIND
  ) {
    throw new FuncError('invalid type for comparison');
  }
  if (k1 !== k2 && !numericKinds(k1, k2)) throw new FuncError('incompatible types for comparison');
  return (a as number | string) < (b as number | string);
}

function indexOf(item: unknown, ...indexes: unknown[]): unknown {
  let v = item;
  if (v instanceof GoText && !v.truthy) return '';
  if (v === null || v === NO_VALUE) throw new FuncError('index of untyped nil');
  for (const ix of indexes) {
    if (v === null || v === NO_VALUE) throw new FuncError('index of nil pointer');
    if (Array.isArray(v) || typeof v === 'string') {
      if (typeof ix !== 'number' || !Number.isInteger(ix)) {
        throw new FuncError(`cannot index slice/array with type ${goTypeName(ix, false)}`);
      }
      if (ix < 0 || ix >= v.length) throw new FuncError(`index out of range: ${ix}`);
      v = typeof v === 'string' ? utf8Bytes(v)[ix] : v[ix];
    } else if (isMap(v)) {
      if (typeof ix !== 'string')
        throw new FuncError(`value has type ${goTypeName(ix, false)}; should be string`);
      if (Object.hasOwn(v, ix)) v = v[ix];
      else {
        // zero value of the element type: "" for string maps (Labels, Options), else nil
        const vals = Object.values(v);
        v = vals.every((x) => typeof x === 'string') ? '' : null;
      }
    } else {
      throw new FuncError(`can't index item of type ${goTypeName(v, false)}`);
    }
  }
  return v;
}

function sliceOf(item: unknown, ...idx: unknown[]): unknown {
  if (item === null || item === NO_VALUE) throw new FuncError('slice of untyped nil');
  if (!Array.isArray(item) && typeof item !== 'string')
    throw new FuncError(`can't slice item of type ${goTypeName(item, false)}`);
  if (idx.length > 3) throw new FuncError(`too many slice indexes: ${idx.length}`);
  if (typeof item === 'string' && idx.length === 3) throw new FuncError('cannot 3-index slice a string');
  const n = item.length;
  const nums = idx.map((x) => {
    if (typeof x !== 'number' || !Number.isInteger(x))
      throw new FuncError(`cannot index slice/array with type ${goTypeName(x, false)}`);
    if (x < 0 || x > n) throw new FuncError(`index out of range: ${x}`);
    return x;
  });
  const i = nums[0] ?? 0;
  const j = nums[1] ?? n;
  if (i > j) throw new FuncError(`invalid slice index: ${i} > ${j}`);
  return item.slice(i, j);
}

function length(item: unknown): number {
  if (item instanceof GoText && !item.truthy) return 0;
  if (item === null) throw new FuncError('len of nil pointer');
  if (typeof item === 'string') return utf8Bytes(item).length;
  if (Array.isArray(item)) return item.length;
  if (isMap(item)) return Object.keys(item).length;
  throw new FuncError(`len of type ${item === NO_VALUE ? '<nil>' : goTypeName(item, false)}`);
}

function htmlEscape(s: string): string {
  return s.replace(
    /[&'<>"\0]/g,
    (c) => ({ '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;', '\0': '\uFFFD' })[c] ?? c,
  );
}

function jsEscape(s: string): string {
  return s.replace(/[\\'"<>&=\n\r\t]/g, (c) => {
    const m: Record<string, string> = {
      '\\': '\\\\',
      "'": "\\'",
      '"': '\\"',
      '\n': '\\n',
      '\r': '\\r',
      '\t': '\\t',
    };
    return m[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/** goTitle is strings.Title: upper-cases the first letter of each word. */
export function goTitle(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    const sep = !/[\p{L}\p{N}_]/u.test(prev) && !/['’]/.test(prev);
    out += sep ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}

/** BUILTINS are text/template's predefined functions. */
export const BUILTINS: FuncMap = {
  and: { params: ['any'], variadic: 'any', lazy: true, fn: () => undefined },
  or: { params: ['any'], variadic: 'any', lazy: true, fn: () => undefined },
  not: { params: ['any'], fn: (a) => !isTrue(a) },
  len: { params: ['any'], fn: (a) => length(a) },
  index: { params: ['any'], variadic: 'any', fn: (a, ...r) => indexOf(a, ...r) },
  slice: { params: ['any'], variadic: 'any', fn: (a, ...r) => sliceOf(a, ...r) },
  print: { params: [], variadic: 'any', fn: (...a) => sprint(a) },
  printf: { params: ['string'], variadic: 'any', fn: (f, ...a) => sprintf(f as string, a) },
  println: { params: [], variadic: 'any', fn: (...a) => sprintln(a) },
  eq: { params: ['any'], variadic: 'any', fn: (a, ...r) => eq(a, ...r) },
  ne: { params: ['any', 'any'], fn: (a, b) => !eq(a, b) },
  lt: { params: ['any', 'any'], fn: (a, b) => lt(a, b) },
  le: { params: ['any', 'any'], fn: (a, b) => lt(a, b) || eq(a, b) },
  gt: { params: ['any', 'any'], fn: (a, b) => !lt(a, b) && !eq(a, b) },
  ge: { params: ['any', 'any'], fn: (a, b) => !lt(a, b) },
  html: { params: [], variadic: 'any', fn: (...a) => htmlEscape(sprint(a)) },
  js: { params: [], variadic: 'any', fn: (...a) => jsEscape(sprint(a)) },
  urlquery: { params: [], variadic: 'any', fn: (...a) => encodeURIComponent(sprint(a)).replace(/%20/g, '+') },
  call: {
    params: ['any'],
    variadic: 'any',
    fn: () => {
      throw new FuncError('non-function of type interface {}');
    },
  },
};

/** DOCKER_FUNCS are docker/cli's basicFunctions (templates/templates.go). */
export const DOCKER_FUNCS: FuncMap = {
  json: { params: ['any'], fn: (v) => goJSON(v) },
  split: { params: ['string', 'string'], fn: (s, sep) => goSplit(s as string, sep as string) },
  join: { params: ['strings', 'string'], fn: (a, sep) => (a as string[]).join(sep as string) },
  title: { params: ['string'], fn: (s) => goTitle(s as string) },
  lower: { params: ['string'], fn: (s) => (s as string).toLowerCase() },
  upper: { params: ['string'], fn: (s) => (s as string).toUpperCase() },
  pad: {
    params: ['string', 'int', 'int'],
    fn: (s, p, q) =>
      (s as string) === '' ? '' : ' '.repeat(p as number) + (s as string) + ' '.repeat(q as number),
  },
  truncate: {
    params: ['string', 'int'],
    fn: (s, n) => {
      const len = utf8Bytes(s as string).length;
      return len < (n as number) ? s : utf8Prefix(s as string, n as number);
    },
  },
};

/** HEADER_FUNCS are docker/cli's HeaderFunctions used to render table headers. */
export const HEADER_FUNCS: FuncMap = {
  json: { params: ['string'], fn: (v) => v },
  split: { params: ['string', 'string'], fn: (v) => v },
  join: { params: ['string', 'string'], fn: (v) => v },
  title: { params: ['string'], fn: (v) => v },
  lower: { params: ['string'], fn: (v) => v },
  upper: { params: ['string'], fn: (v) => v },
  truncate: { params: ['string', 'int'], fn: (v) => v },
};

/** goSplit is strings.Split (an empty separator splits into UTF-8 characters). */
export function goSplit(s: string, sep: string): string[] {
  if (sep === '') return [...s];
  return s.split(sep);
}
