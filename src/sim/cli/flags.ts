// Mirrors spf13/pflag flag.go (parseArgs, parseLongArg, parseSingleShortArg, FlagUsagesWrapped,
// UnquoteUsage, wrap) and docker/cli opts (ListOpts "list", MapOpts "map", FilterOpt "filter",
// NetworkOpt "network"); simplified: values are kept as JS values, validators return messages.

/** FlagKind is how a flag stores what it is given. */
export type FlagKind = 'bool' | 'string' | 'int' | 'stringSlice' | 'stringArray' | 'list' | 'map';

/** FlagDef declares one flag, as flags.XxxVarP(...) does. */
export interface FlagDef {
  name: string;
  shorthand?: string;
  usage: string;
  kind: FlagKind;
  /** typeName is Value.Type() (shown in help): "string", "list", "map", "filter", "bytes"... */
  typeName?: string;
  /** defValue is the default as Value.String() renders it (help shows it unless zero). */
  defValue?: string;
  /** initial is the default value the command sees. */
  initial?: unknown;
  hidden?: boolean;
  deprecated?: string;
  /** shorthandDeprecated is pflag's MarkShorthandDeprecated message. */
  shorthandDeprecated?: string;
  /** validate checks one value of a list/map/string flag; returns an error message or undefined. */
  validate?: (v: string) => string | undefined;
  /** normalize rewrites an accepted list value (ValidateExtraHost's "host:ip", ValidateIPAddress). */
  normalize?: (v: string) => string;
}

/** FlagSet holds definitions and, after parse, values and the remaining positional args. */
export class FlagSet {
  readonly defs: FlagDef[] = [];
  readonly values = new Map<string, unknown>();
  readonly changed = new Set<string>();
  args: string[] = [];
  interspersed = true;
  /** warnings collects pflag's deprecation notices (printed by cobra on stdout). */
  warnings = '';

  /** byName and byShorthand index defs (`docker run` has about a hundred flags). */
  private readonly byName = new Map<string, FlagDef>();
  private readonly byShorthand = new Map<string, FlagDef>();

  /** add defines a flag (later definitions with the same name are ignored, as AddFlagSet does). */
  add(def: FlagDef): this {
    if (this.byName.has(def.name)) return this;
    if (def.shorthand && this.byShorthand.has(def.shorthand)) def = { ...def, shorthand: undefined };
    this.defs.push(def);
    this.byName.set(def.name, def);
    if (def.shorthand) this.byShorthand.set(def.shorthand, def);
    this.values.set(def.name, initialOf(def));
    return this;
  }

  /** lookup finds a flag by long name. */
  lookup(name: string): FlagDef | undefined {
    return this.byName.get(name);
  }

  /** shorthand finds a flag by its one-letter shorthand. */
  shorthand(c: string): FlagDef | undefined {
    return this.byShorthand.get(c);
  }

  /** get returns a flag's current value. */
  get<T>(name: string): T {
    return this.values.get(name) as T;
  }

  /** set applies one value as pflag's FlagSet.Set (error text included). */
  set(def: FlagDef, value: string): string | undefined {
    const err = applyValue(this, def, value);
    if (err !== undefined) {
      const flagName = def.shorthand ? `-${def.shorthand}, --${def.name}` : `--${def.name}`;
      return `invalid argument ${goQ(value)} for ${goQ(flagName)} flag: ${err}`;
    }
    this.changed.add(def.name);
    if (def.deprecated) this.warnings += `Flag --${def.name} has been deprecated, ${def.deprecated}\n`;
    return undefined;
  }

  /** parse parses argv; returns an error message (pflag wording) or undefined. "help" is special. */
  parse(argv: string[]): string | undefined {
    this.args = [];
    let args = [...argv];
    while (args.length > 0) {
      const s = args.shift() as string;
      if (s.length === 0 || s[0] !== '-' || s.length === 1) {
        if (!this.interspersed) {
          this.args.push(s, ...args);
          return undefined;
        }
        this.args.push(s);
        continue;
      }
      if (s[1] === '-') {
        if (s.length === 2) {
          this.args.push(...args);
          return undefined;
        }
        const r = this.parseLong(s, args);
        if (typeof r === 'string') return r;
        args = r;
      } else {
        let shorthands = s.slice(1);
        while (shorthands.length > 0) {
          const r = this.parseShort(shorthands, args);
          if (typeof r === 'string') return r;
          [shorthands, args] = r;
        }
      }
    }
    return undefined;
  }

  private parseLong(s: string, args: string[]): string[] | string {
    const name0 = s.slice(2);
    if (name0.length === 0 || name0[0] === '-' || name0[0] === '=') return `bad flag syntax: ${s}`;
    const eq = name0.indexOf('=');
    const name = eq >= 0 ? name0.slice(0, eq) : name0;
    const def = this.lookup(name);
    if (!def) {
      if (name === 'help') return HELP;
      return `unknown flag: --${name}`;
    }
    let value: string;
    if (eq >= 0) value = name0.slice(eq + 1);
    else if (def.kind === 'bool') value = 'true';
    else if (args.length > 0) value = args.shift() as string;
    else return `flag needs an argument: ${s}`;
    const err = this.set(def, value);
    return err ?? args;
  }

  private parseShort(shorthands: string, args: string[]): [string, string[]] | string {
    const c = shorthands[0];
    let rest = shorthands.slice(1);
    const def = this.shorthand(c);
    if (!def) {
      if (c === 'h') return HELP;
      return `unknown shorthand flag: '${c}' in -${shorthands}`;
    }
    let value: string;
    if (shorthands.length > 2 && shorthands[1] === '=') {
      value = shorthands.slice(2);
      rest = '';
    } else if (def.kind === 'bool') value = 'true';
    else if (shorthands.length > 1) {
      value = shorthands.slice(1);
      rest = '';
    } else if (args.length > 0) value = args.shift() as string;
    else return `flag needs an argument: '${c}' in -${shorthands}`;
    if (def.shorthandDeprecated)
      this.warnings += `Flag shorthand -${c} has been deprecated, ${def.shorthandDeprecated}\n`;
    const err = this.set(def, value);
    return err ?? [rest, args];
  }

  /** usages renders FlagUsagesWrapped(cols) for the visible flags, sorted by name. */
  usages(cols = 79): string {
    const visible = [...this.defs]
      .filter((d) => !d.hidden)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const lines: string[] = [];
    let maxlen = 0;
    for (const d of visible) {
      let line =
        d.shorthand && !d.shorthandDeprecated ? `  -${d.shorthand}, --${d.name}` : `      --${d.name}`;
      const [varname, usage] = unquoteUsage(d);
      if (varname) line += ` ${varname}`;
      line += '\x00';
      if (line.length > maxlen) maxlen = line.length;
      line += usage;
      const dv = d.defValue ?? defaultString(d);
      if (!isZeroDefault(d, dv))
        line += (d.typeName ?? typeOf(d)) === 'string' ? ` (default ${goQ(dv)})` : ` (default ${dv})`;
      if (d.deprecated) line += ` (DEPRECATED: ${d.deprecated})`;
      lines.push(line);
    }
    let out = '';
    for (const line of lines) {
      const sidx = line.indexOf('\x00');
      const spacing = ' '.repeat(maxlen - sidx);
      out += `${line.slice(0, sidx)} ${spacing} ${wrap(maxlen + 2, cols, line.slice(sidx + 1))}\n`;
    }
    return out;
  }

  /** hasAvailableFlags tells whether any flag is visible (cobra HasAvailableFlags). */
  hasAvailableFlags(): boolean {
    return this.defs.some((d) => !d.hidden);
  }
}

/** HELP is returned by parse when --help/-h was given without a defined help flag. */
export const HELP = '\0help';

function goQ(s: string): string {
  return JSON.stringify(s);
}

function initialOf(def: FlagDef): unknown {
  if (def.initial !== undefined) return Array.isArray(def.initial) ? [...def.initial] : def.initial;
  switch (def.kind) {
    case 'bool':
      return false;
    case 'int':
      return 0;
    case 'string':
      return '';
    default:
      return [];
  }
}

function typeOf(d: FlagDef): string {
  return d.kind === 'map' ? 'map' : d.kind === 'list' ? 'list' : d.kind;
}

function defaultString(d: FlagDef): string {
  switch (d.kind) {
    case 'bool':
      return String(d.initial ?? false);
    case 'int':
      return String(d.initial ?? 0);
    case 'string':
      return String(d.initial ?? '');
    case 'stringSlice':
    case 'stringArray':
      return `[${((d.initial as string[]) ?? []).join(',')}]`;
    case 'map':
      return 'map[]';
    default:
      return '';
  }
}

function isZeroDefault(d: FlagDef, dv: string): boolean {
  switch (d.typeName ?? typeOf(d)) {
    case 'bool':
      return dv === 'false';
    case 'duration':
      return dv === '0' || dv === '0s';
    case 'int':
    case 'uint16':
    case 'uint':
      return dv === '0';
    case 'string':
      return dv === '';
    case 'stringSlice':
    case 'stringArray':
      return dv === '[]';
    default:
      return dv === 'false' || dv === '<nil>' || dv === '' || dv === '0';
  }
}

function unquoteUsage(d: FlagDef): [string, string] {
  const usage = d.usage;
  const i = usage.indexOf('`');
  if (i >= 0) {
    const j = usage.indexOf('`', i + 1);
    if (j >= 0) {
      const name = usage.slice(i + 1, j);
      return [name, usage.slice(0, i) + name + usage.slice(j + 1)];
    }
  }
  let name = d.typeName ?? typeOf(d);
  if (name === 'bool') name = '';
  else if (name === 'stringSlice') name = 'strings';
  else if (name === 'float64') name = 'float';
  else if (name === 'int64') name = 'int';
  else if (name === 'uint64') name = 'uint';
  return [name, usage];
}

function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** wrap is pflag's wrap: wraps s to width w with a hanging indent of i. */
export function wrap(i: number, w: number, s: string): string {
  if (w === 0) return s.replace(/\n/g, `\n${' '.repeat(i)}`);
  let width = w - i;
  let r = '';
  if (width < 24) {
    i = 16;
    width = w - i;
    r += `\n${' '.repeat(i)}`;
  }
  if (width < 24) return s.replace(/\n/g, r);
  const slop = 5;
  width -= slop;
  let l: string;
  [l, s] = wrapN(width, slop, s);
  r += l.replace(/\n/g, `\n${' '.repeat(i)}`);
  while (s !== '') {
    let t: string;
    [t, s] = wrapN(width, slop, s);
    r += `\n${' '.repeat(i)}${t.replace(/\n/g, `\n${' '.repeat(i)}`)}`;
  }
  return r;
}

function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/** parseGoInt is strconv.ParseInt(s, 0, 64) (with base prefixes and underscores). */
export function parseGoInt(v: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]+|[1-9][0-9_]*|0)$/.exec(v);
  if (!m || /__|_$/.test(v)) return undefined;
  const body = m[2].replace(/_/g, '');
  let n: number;
  if (/^0[xX]/.test(body)) n = Number.parseInt(body.slice(2), 16);
  else if (/^0[bB]/.test(body)) n = Number.parseInt(body.slice(2), 2);
  else if (/^0[oO]/.test(body)) n = Number.parseInt(body.slice(2), 8);
  else if (/^0\d/.test(body)) n = Number.parseInt(body.slice(1), 8);
  else n = Number.parseInt(body, 10);
  return m[1] === '-' ? -n : n;
}

/** readAsCSV splits a stringSlice value as encoding/csv would (one record). */
export function readAsCSV(v: string): string[] | string {
  if (v === '') return [];
  const out: string[] = [];
  let cur = '';
  let inQ = false;
  let quoted = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (inQ) {
      if (c === '"') {
        if (v[i + 1] === '"') {
          cur += '"';
          i++;
        } else inQ = false;
      } else cur += c;
    } else if (c === '"' && cur === '' && !quoted) {
      inQ = true;
      quoted = true;
    } else if (c === '"') {
      return `parse error on line 1, column ${i + 1}: bare " in non-quoted field`;
    } else if (c === ',') {
      out.push(cur);
      cur = '';
      quoted = false;
    } else cur += c;
  }
  if (inQ) return `parse error on line 1, column ${v.length + 1}: extraneous or missing " in quoted field`;
  out.push(cur);
  return out;
}

function applyValue(fs: FlagSet, def: FlagDef, value: string): string | undefined {
  switch (def.kind) {
    case 'bool': {
      const b = parseBool(value);
      if (b === undefined) return `strconv.ParseBool: parsing ${goQ(value)}: invalid syntax`;
      fs.values.set(def.name, b);
      return undefined;
    }
    case 'int': {
      const n = parseGoInt(value);
      if (n === undefined) return `strconv.ParseInt: parsing ${goQ(value)}: invalid syntax`;
      fs.values.set(def.name, n);
      return undefined;
    }
    case 'string': {
      const e = def.validate?.(value);
      if (e) return e;
      fs.values.set(def.name, value);
      return undefined;
    }
    case 'stringSlice': {
      const parts = readAsCSV(value);
      if (typeof parts === 'string') return parts;
      const cur = fs.changed.has(def.name) ? (fs.values.get(def.name) as string[]) : [];
      fs.values.set(def.name, [...cur, ...parts]);
      return undefined;
    }
    default: {
      const e = def.validate?.(value);
      if (e) return e;
      const cur = fs.values.get(def.name) as string[];
      fs.values.set(def.name, [...cur, def.normalize ? def.normalize(value) : value]);
      return undefined;
    }
  }
}
