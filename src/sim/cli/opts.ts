// Mirrors docker/cli opts/ (opts.go validators, FilterOpt, env.go, hosts.go) and cli/flags
// (FormatHelp, InspectFormatHelp); simplified: validators return messages, no env lookups.

import type { FlagDef, FlagSet } from './flags.ts';

/** FORMAT_HELP is flagsHelper.FormatHelp (list commands' --format). */
export const FORMAT_HELP = `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;

/** INSPECT_FORMAT_HELP is flagsHelper.InspectFormatHelp. */
export const INSPECT_FORMAT_HELP = `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;

/** validateFilter is FilterOpt.Set's check. */
export const validateFilter = (v: string): string | undefined =>
  v === '' || v.includes('=') ? undefined : 'bad format of filter (expected name=value)';

/** filterFlag is a -f/--filter FilterOpt flag. */
export function filterFlag(usage: string, shorthand: string | undefined = 'f'): FlagDef {
  return { name: 'filter', shorthand, usage, kind: 'list', typeName: 'filter', validate: validateFilter };
}

/** formatFlag is a --format flag (with -f when shorthand given). */
export function formatFlag(usage = FORMAT_HELP, shorthand?: string): FlagDef {
  return { name: 'format', shorthand, usage, kind: 'string' };
}

/** filtersOf turns collected filter values into name → values (lower-cased, trimmed names). */
export function filtersOf(fs: FlagSet, name = 'filter'): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const v of fs.get<string[]>(name)) {
    if (v === '') continue;
    const i = v.indexOf('=');
    const k = v.slice(0, i).trim().toLowerCase();
    const val = v.slice(i + 1).trim();
    const cur = m.get(k) ?? [];
    if (!cur.includes(val)) cur.push(val);
    m.set(k, cur);
  }
  return m;
}

/** validateEnv is opts.ValidateEnv. */
export const validateEnv = (v: string): string | undefined =>
  v.split('=')[0] === '' ? `invalid environment variable: ${v}` : undefined;

/** validateLabel is opts.ValidateLabel. */
export const validateLabel = (v: string): string | undefined => {
  const key = v.split('=')[0].replace(/^[ \t\n\v\f\r]+/, '');
  if (key === '') return `invalid label '${v}': empty name`;
  if (/[ \t\n\v\f\r]/.test(key)) return `label '${key}' contains whitespaces`;
  return undefined;
};

/** isIP tells whether s parses as an IPv4 or IPv6 address (net.ParseIP). */
export function isIP(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}

/** isIPv4 checks dotted-quad syntax as net.ParseIP does. */
export function isIPv4(s: string): boolean {
  const p = s.split('.');
  return (
    p.length === 4 &&
    p.every((x) => /^\d{1,3}$/.test(x) && Number(x) <= 255 && !(x.length > 1 && x[0] === '0'))
  );
}

/** isIPv6 checks IPv6 syntax (with optional embedded IPv4 tail). */
export function isIPv6(s: string): boolean {
  if (!s.includes(':')) return false;
  let body = s;
  const groupsNeeded = 8;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIPv4(tail)) return false;
    body = s.slice(0, lastColon + 1) + '0:0';
  }
  const dbl = body.split('::');
  if (dbl.length > 2) return false;
  const grp = (x: string): string[] => (x === '' ? [] : x.split(':'));
  const parts = dbl.length === 2 ? [...grp(dbl[0]), ...grp(dbl[1])] : grp(body);
  if (!parts.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return dbl.length === 2 ? parts.length < groupsNeeded : parts.length === groupsNeeded;
}

/** validateIPAddress is opts.ValidateIPAddress. */
export const validateIPAddress = (v: string): string | undefined =>
  isIP(v.trim()) ? undefined : `IP address is not correctly formatted: ${v}`;

/** validateExtraHost is opts.ValidateExtraHost. */
export const validateExtraHost = (val: string): string | undefined => {
  let i = val.indexOf('=');
  if (i < 0) i = val.indexOf(':');
  const k = i < 0 ? '' : val.slice(0, i);
  let v = i < 0 ? '' : val.slice(i + 1);
  if (i < 0 || k === '' || k.includes(':')) return `bad format for add-host: ${JSON.stringify(val)}`;
  if (v !== 'host-gateway') {
    if (v.length > 2 && v.startsWith('[') && v.endsWith(']')) v = v.slice(1, -1);
    if (!isIP(v.trim())) return `invalid IP address in add-host: ${JSON.stringify(v)}`;
  }
  return undefined;
};

/** normalizeExtraHost rewrites "host=ip" / "host:[ip]" to docker's "host:ip". */
export const normalizeExtraHost = (val: string): string => {
  let i = val.indexOf('=');
  if (i < 0) i = val.indexOf(':');
  let v = val.slice(i + 1);
  if (v.length > 2 && v.startsWith('[') && v.endsWith(']')) v = v.slice(1, -1);
  return `${val.slice(0, i)}:${v}`;
};

/** validateLink is opts.ValidateLink (ParseLink). */
export const validateLink = (v: string): string | undefined => {
  if (v === '') return 'empty string specified for links';
  const parts = v.split(':');
  if (parts.length > 2) return 'bad format for links: ' + v;
  return undefined;
};

/** validateMAC is net.ParseMAC for 6-byte colon/dash forms. */
export function validateMAC(v: string): boolean {
  return /^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$/.test(v.trim());
}

/** kvMap is opts.ConvertKVStringsToMap ("k=v" → {k: v}; "k" → {k: ""}). */
export function kvMap(list: string[]): Record<string, string> {
  const m: Record<string, string> = {};
  for (const s of list) {
    const i = s.indexOf('=');
    if (i < 0) m[s] = '';
    else m[s.slice(0, i)] = s.slice(i + 1);
  }
  return m;
}
