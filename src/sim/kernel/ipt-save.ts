// Mirrors the save side of netfilter/iptables at v1.8.9: iptables/nft-ipv4.c nft_ipv4_save_rule,
// xshared.c save_rule_details, nft-shared.c save_matches_and_target, the extensions' save functions
// and libxtables xtables_save_string; simplified: the matches and targets ipt-rule.ts parses.

import type { Match, PortRange, RuleSpec } from './ipt-rule.ts';

const neg = (inv: boolean): string[] => (inv ? ['!'] : []);

function portTokens(r: PortRange | undefined, flag: string): string[] {
  if (!r || (r.min === 0 && r.max === 65535 && !r.inv)) return [];
  return [...neg(r.inv), flag, r.min === r.max ? `${r.min}` : `${r.min}:${r.max}`];
}

function matchTokens(m: Match): string[] {
  switch (m.name) {
    case 'tcp':
    case 'udp':
      return [...portTokens(m.sport, '--sport'), ...portTokens(m.dport, '--dport')];
    case 'icmp':
      return [
        ...neg(m.inv),
        '--icmp-type',
        m.type === 'any' ? 'any' : `${m.type}${m.code !== undefined ? `/${m.code}` : ''}`,
      ];
    case 'conntrack':
    case 'state':
      return [...neg(m.inv), m.name === 'state' ? '--state' : '--ctstate', m.states.join(',')];
    case 'addrtype':
      return [
        ...(m.srcType ? [...neg(m.srcType.inv), '--src-type', m.srcType.value] : []),
        ...(m.dstType ? [...neg(m.dstType.inv), '--dst-type', m.dstType.value] : []),
        ...(m.limitIn ? ['--limit-iface-in'] : []),
        ...(m.limitOut ? ['--limit-iface-out'] : []),
      ];
    case 'comment':
      return ['--comment', m.comment];
    case 'multiport':
      return [...neg(m.inv), `--${m.kind}`, m.ports.join(',')];
  }
}

/** ruleTokens saves a RuleSpec as the canonical -S tokens (without "-A CHAIN"). */
export function ruleTokens(spec: RuleSpec): string[] {
  const out: string[] = [];
  if (spec.src) out.push(...neg(spec.src.inv), '-s', spec.src.value);
  if (spec.dst) out.push(...neg(spec.dst.inv), '-d', spec.dst.value);
  if (spec.in) out.push(...neg(spec.in.inv), '-i', spec.in.value);
  if (spec.out) out.push(...neg(spec.out.inv), '-o', spec.out.value);
  if (spec.proto && (spec.proto.value !== 'all' || spec.proto.inv))
    out.push(...neg(spec.proto.inv), '-p', spec.proto.value);
  const ordered = [
    ...spec.matches.filter((m) => m.name !== 'comment'),
    ...spec.matches.filter((m) => m.name === 'comment'),
  ];
  for (const m of ordered) out.push('-m', m.name, ...matchTokens(m));
  const t = spec.target;
  if (t) {
    out.push(t.goto ? '-g' : '-j', t.name);
    if (t.toDestination) out.push('--to-destination', t.toDestination);
    if (t.toSource) out.push('--to-source', t.toSource);
    if (t.toPorts) out.push('--to-ports', t.toPorts);
    if (t.random) out.push('--random');
    if (t.rejectWith) out.push('--reject-with', t.rejectWith);
  }
  return out;
}

/** saveString quotes a value as xtables_save_string does (comments in -S output). */
export function saveString(value: string): string {
  if (/^[_\-0-9a-zA-Z]+$/.test(value)) return value;
  return `"${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

/** specText renders stored spec tokens as the text after "-A CHAIN " (quoting comments). */
export function specText(tokens: string[]): string {
  return tokens.map((t, i) => (tokens[i - 1] === '--comment' ? saveString(t) : t)).join(' ');
}
