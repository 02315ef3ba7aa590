// Mirrors netfilter/iptables iptables/nft.c (nft_rule_list, nft_rule_list_save), iptables/xshared.c
// (print_header, print_rule_details, print_ifaces, print_ipv4_addresses), libxtables xtables_print_num
// and the extensions' print functions at v1.8.9; simplified: no reverse DNS lookups without -n.

import type { Match, PortRange, RuleSpec } from './ipt-rule.ts';
import { cidrOf, ICMP_TYPES, PROTOS, parseRuleTokens, SERVICES, specText } from './ipt-rule.ts';
import type { IptChain, IptTable } from './types.ts';

/** ListFormat carries the -L flags. */
export interface ListFormat {
  verbose: boolean;
  numeric: boolean;
  exact: boolean;
  lineNumbers: boolean;
}

/** chainOrder returns a table's chains as iptables lists them: built-ins in hook order, then user chains by name. */
export function chainOrder(table: IptTable): IptChain[] {
  const all = [...table.chains.values()];
  const builtins = all.filter((c) => c.policy !== undefined);
  const users = all
    .filter((c) => c.policy === undefined)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...builtins, ...users];
}

/** chainHead is the "-P CHAIN POLICY" or "-N CHAIN" line of iptables -S. */
export const chainHead = (c: IptChain): string =>
  c.policy !== undefined ? `-P ${c.name} ${c.policy}` : `-N ${c.name}`;

/** ruleLine is one "-A CHAIN spec" line of iptables -S. */
export const ruleLine = (chain: string, spec: string[]): string =>
  spec.length ? `-A ${chain} ${specText(spec)}` : `-A ${chain}`;

/** listRules renders iptables -S [chain [rulenum]] for one table. */
export function listRules(table: IptTable, chain?: IptChain, rulenum = 0): string {
  const lines: string[] = [];
  const chains = chain ? [chain] : chainOrder(table);
  if (!rulenum) for (const c of chains) lines.push(chainHead(c));
  for (const c of chains) {
    c.rules.forEach((r, i) => {
      if (!rulenum || i + 1 === rulenum) lines.push(ruleLine(c.name, r.spec));
    });
  }
  return lines.map((l) => `${l}\n`).join('');
}

/** printNum mirrors xtables_print_num: padded count, or K/M/G/T units unless exact. */
export function printNum(n: number, exact: boolean, table = true): string {
  if (exact) return table ? `${String(n).padStart(8)} ` : `${n} `;
  if (n <= 99999) return table ? `${String(n).padStart(5)} ` : `${n} `;
  const units = ['K', 'M', 'G', 'T'];
  let v = n;
  for (let i = 0; i < units.length; i++) {
    v = Math.floor((v + 500) / 1000);
    if (v <= 9999 || i === units.length - 1)
      return table ? `${String(v).padStart(4)}${units[i]} ` : `${v}${units[i]} `;
  }
  return `${n} `;
}

const padR = (s: string, n: number): string => s.padEnd(n);

/** refCount counts the rules of a table that jump or go to a chain. */
export function refCount(table: IptTable, name: string): number {
  let n = 0;
  for (const c of table.chains.values()) {
    for (const r of c.rules) {
      const j = r.spec.findIndex(
        (t, i) => (t === '-j' || t === '-g') && r.spec[i + 1] === name && r.spec[i - 1] !== '--comment',
      );
      if (j >= 0) n++;
    }
  }
  return n;
}

function header(table: IptTable, c: IptChain, f: ListFormat): string {
  let s = `Chain ${c.name}`;
  if (c.policy !== undefined) {
    s += ` (policy ${c.policy}`;
    if (f.verbose)
      s += ` ${printNum(c.pkts, f.exact, false)}packets, ${printNum(c.bytes, f.exact, false)}bytes`;
    s += ')\n';
  } else {
    s += ` (${refCount(table, c.name)} references)\n`;
  }
  if (f.lineNumbers) s += `${padR('num', 4)} `;
  if (f.verbose)
    s += f.exact
      ? `${'pkts'.padStart(8)} ${'bytes'.padStart(10)} `
      : `${'pkts'.padStart(5)} ${'bytes'.padStart(5)} `;
  s += `${padR('target', 9)} `;
  s += ' prot opt';
  if (f.verbose) s += ` ${padR('in', 6)} ${padR('out', 6)} `;
  s += ` ${padR('source', 19)} `;
  s += ` ${padR('destination', 19)} `;
  return `${s}\n`;
}

function addrText(v: { value: string } | undefined, numeric: boolean): string {
  if (!v) return numeric ? '0.0.0.0/0' : 'anywhere';
  const c = cidrOf(v.value);
  if (c.prefixLen === 0 && !numeric) return 'anywhere';
  return c.prefixLen === 32 ? c.ip : `${c.ip}/${c.prefixLen}`;
}

function portName(p: number, numeric: boolean): string {
  if (numeric) return `${p}`;
  const name = Object.keys(SERVICES).find((k) => SERVICES[k] === p);
  return name ?? `${p}`;
}

function printPorts(name: string, r: PortRange | undefined, numeric: boolean): string {
  if (!r || (r.min === 0 && r.max === 65535 && !r.inv)) return '';
  const inv = r.inv ? '!' : '';
  if (r.min === r.max) return ` ${name}:${inv}${portName(r.min, numeric)}`;
  return ` ${name}s:${inv}${portName(r.min, numeric)}:${portName(r.max, numeric)}`;
}

function matchPrint(m: Match, numeric: boolean): string {
  switch (m.name) {
    case 'tcp':
    case 'udp':
      return ` ${m.name}${printPorts('spt', m.sport, numeric)}${printPorts('dpt', m.dport, numeric)}`;
    case 'icmp': {
      if (m.type === 'any') return ' icmp any';
      const name = Object.keys(ICMP_TYPES).find(
        (k) => ICMP_TYPES[k][0] === m.type && ICMP_TYPES[k][1] === m.code,
      );
      if (!numeric && name) return ` icmp ${m.inv ? '!' : ''}${name}`;
      return ` icmp${m.inv ? ' !' : ''}type ${m.type}${m.code !== undefined ? ` code ${m.code}` : ''}`;
    }
    case 'conntrack':
    case 'state':
      return `${m.inv ? ' !' : ''} ${m.name === 'state' ? 'state' : 'ctstate'} ${m.states.join(',')}`;
    case 'addrtype': {
      let s = ' ADDRTYPE match';
      if (m.srcType) s += ` src-type ${m.srcType.inv ? '!' : ''}${m.srcType.value}`;
      if (m.dstType) s += ` dst-type ${m.dstType.inv ? '!' : ''}${m.dstType.value}`;
      if (m.limitIn) s += ' limit-in';
      if (m.limitOut) s += ' limit-out';
      return s;
    }
    case 'comment':
      return ` /* ${m.comment} */`;
    case 'multiport':
      return ` multiport ${m.kind}${m.inv ? ' !' : ''} ${m.ports.map((p) => portName(p, numeric)).join(',')}`;
  }
}

function targetPrint(spec: RuleSpec): string {
  const t = spec.target;
  if (!t) return '';
  if (t.name === 'DNAT' && t.toDestination) return ` to:${t.toDestination}`;
  if (t.name === 'SNAT' && t.toSource) return ` to:${t.toSource}`;
  if (t.name === 'MASQUERADE')
    return `${t.toPorts ? ` masq ports: ${t.toPorts}` : ''}${t.random ? ' random' : ''}`;
  if (t.name === 'REJECT') return ` reject-with ${t.rejectWith}`;
  return '';
}

function ruleRow(num: number, spec: RuleSpec, pkts: number, bytes: number, f: ListFormat): string {
  let s = '';
  if (f.lineNumbers) s += `${padR(String(num), 4)} `;
  if (f.verbose) s += printNum(pkts, f.exact) + printNum(bytes, f.exact);
  s += `${padR(spec.target?.name ?? '', 9)} `;
  const p = spec.proto?.value ?? 'all';
  s += spec.proto?.inv ? '!' : ' ';
  s += `${padR(f.numeric ? String(PROTOS[p] ?? p) : p, 4)} `;
  s += '-- ';
  if (f.verbose) {
    const iface = (v: { value: string; inv: boolean } | undefined): string =>
      `${v?.inv ? '!' : ''}${v ? v.value : f.numeric ? '*' : 'any'}`;
    s += ` ${padR(iface(spec.in), 6)} ${padR(iface(spec.out), 6)} `;
  }
  s += `${spec.src?.inv ? '!' : ' '}${padR(addrText(spec.src, f.numeric), 19)} `;
  s += `${spec.dst?.inv ? '!' : ' '}${padR(addrText(spec.dst, f.numeric), 19)} `;
  if (spec.target?.goto) s += '[goto] ';
  const ordered = [
    ...spec.matches.filter((m) => m.name !== 'comment'),
    ...spec.matches.filter((m) => m.name === 'comment'),
  ];
  for (const m of ordered) s += matchPrint(m, f.numeric);
  s += targetPrint(spec);
  return `${s}\n`;
}

/** listEntries renders iptables -L [chain [rulenum]] for one table. */
export function listEntries(table: IptTable, f: ListFormat, chain?: IptChain, rulenum = 0): string {
  const chains = chain ? [chain] : chainOrder(table);
  const parts: string[] = [];
  for (const c of chains) {
    let s = rulenum ? '' : header(table, c, f);
    c.rules.forEach((r, i) => {
      if (!rulenum || i + 1 === rulenum) s += ruleRow(i + 1, parseRuleTokens(r.spec), r.pkts, r.bytes, f);
    });
    parts.push(s);
  }
  return parts.join(rulenum ? '' : '\n');
}
