// Mirrors netfilter/iptables iptables/xshared.c do_parse + extensions/libxt_{tcp,udp,conntrack,
// addrtype,comment,NAT}.c, libipt_{icmp,REJECT}.c at v1.8.9; simplified: IPv4 only, the matches
// and targets Docker and the lessons use. A rule is parsed into a RuleSpec and saved back in the
// canonical order iptables-save prints (-s -d -i -o -p, matches, comment last as iptables-nft does,
// then the target), which is what IptRule.spec stores.

import { cidrString, ipToInt, parseCidr } from './inet.ts';
import {
  ADDR_TYPES,
  ICMP_TYPES,
  IPT_PROG,
  IptError,
  PROTOS,
  paramProblem,
  REJECT_TYPES,
  SERVICES,
  STATES,
} from './ipt-const.ts';

/** Negatable is a value with iptables' `!` inversion flag. */
export interface Negatable {
  value: string;
  inv: boolean;
}

/** PortRange is an inclusive tcp/udp port range. */
export interface PortRange {
  min: number;
  max: number;
  inv: boolean;
}

/** Match is one `-m` match with its options in canonical form. */
export type Match =
  | { name: 'tcp' | 'udp'; sport?: PortRange; dport?: PortRange }
  | { name: 'icmp'; type: number | 'any'; code?: number; inv: boolean }
  | { name: 'conntrack' | 'state'; states: string[]; inv: boolean }
  | { name: 'addrtype'; srcType?: Negatable; dstType?: Negatable; limitIn?: boolean; limitOut?: boolean }
  | { name: 'comment'; comment: string }
  | { name: 'multiport'; kind: 'sports' | 'dports' | 'ports'; ports: number[]; inv: boolean };

/** Target is the rule's -j/-g with its options. */
export interface Target {
  name: string;
  goto: boolean;
  /** toDestination / toSource hold DNAT/SNAT ranges as iptables prints them ("172.18.0.2:80"). */
  toDestination?: string;
  toSource?: string;
  toPorts?: string;
  random?: boolean;
  rejectWith?: string;
}

/** RuleSpec is a parsed rule. */
export interface RuleSpec {
  src?: Negatable;
  dst?: Negatable;
  in?: Negatable;
  out?: Negatable;
  proto?: Negatable;
  matches: Match[];
  target?: Target;
}

function parseAddr(arg: string): string {
  const [host, mask] = arg.includes('/') ? arg.split('/', 2) : [arg, '32'];
  if (ipToInt(host) === undefined) throw paramProblem(`host/network \`${host}' not found`);
  if (!/^\d+$/.test(mask) || Number(mask) > 32) throw paramProblem(`invalid mask \`${mask}' specified`);
  return cidrString(host, Number(mask));
}

function parsePort(s: string, proto: string): number {
  if (/^\d+$/.test(s) && Number(s) <= 65535) return Number(s);
  const n = SERVICES[s];
  if (n === undefined) throw paramProblem(`invalid port/service \`${s}' specified`);
  void proto;
  return n;
}

function parsePortRange(arg: string, inv: boolean, proto: string): PortRange {
  const [a, b] = arg.split(':', 2);
  const min = a === '' ? 0 : parsePort(a, proto);
  const max = b === undefined ? min : b === '' ? 65535 : parsePort(b, proto);
  return { min, max, inv };
}

function parseNatRange(arg: string): string {
  const m = /^([\d.]+)?(?:-([\d.]+))?(?::(\d+)(?:-(\d+))?)?$/.exec(arg);
  if (!m || (m[1] && ipToInt(m[1]) === undefined) || (m[2] && ipToInt(m[2]) === undefined)) {
    throw paramProblem(`Bad IP address "${arg.split(':')[0]}"`);
  }
  let s = m[1] ?? '';
  if (m[2] && m[2] !== m[1]) s += `-${m[2]}`;
  if (m[3]) s += `:${m[3]}${m[4] && m[4] !== m[3] ? `-${m[4]}` : ''}`;
  return s;
}

/** ParsedCommandLine is the rule part plus the options and positional words of one command line. */
export interface RuleOptionState {
  spec: RuleSpec;
  /** pendingInvert is set after a lone "!" and consumed by the next option. */
  pendingInvert: boolean;
}

function takeInvert(st: RuleOptionState): boolean {
  const inv = st.pendingInvert;
  st.pendingInvert = false;
  return inv;
}

function lastMatch(spec: RuleSpec, name: string): Match | undefined {
  for (let i = spec.matches.length - 1; i >= 0; i--)
    if (spec.matches[i].name === name) return spec.matches[i];
  return undefined;
}

function ensureProtoMatch(spec: RuleSpec, opt: string): Match & { name: 'tcp' | 'udp' } {
  const loaded = [...spec.matches].reverse().find((m) => m.name === 'tcp' || m.name === 'udp');
  if (loaded && (loaded.name === 'tcp' || loaded.name === 'udp')) return loaded;
  const p = spec.proto && !spec.proto.inv ? spec.proto.value : '';
  if (p !== 'tcp' && p !== 'udp') throw paramProblem(`unknown option "${opt}"`);
  const m: Match = { name: p };
  spec.matches.push(m);
  return m;
}

/**
 * applyRuleOption consumes one rule option (with its arguments) from argv at i and returns the
 * index after it, or -1 when argv[i] is not a rule option.
 */
export function applyRuleOption(st: RuleOptionState, argv: string[], i: number): number {
  const opt = argv[i];
  const spec = st.spec;
  const arg = (): string => {
    const v = argv[i + 1];
    if (v === undefined) throw paramProblem(`option "${opt}" requires an argument`);
    return v;
  };
  const once = (key: 'src' | 'dst' | 'in' | 'out' | 'proto', flag: string): void => {
    if (spec[key]) throw paramProblem(`multiple -${flag} flags not allowed`);
  };
  switch (opt) {
    case '-s':
    case '--source':
    case '--src':
      once('src', 's');
      spec.src = { value: parseAddr(arg()), inv: takeInvert(st) };
      return i + 2;
    case '-d':
    case '--destination':
    case '--dst':
      once('dst', 'd');
      spec.dst = { value: parseAddr(arg()), inv: takeInvert(st) };
      return i + 2;
    case '-i':
    case '--in-interface':
    case '-o':
    case '--out-interface': {
      const key = opt === '-i' || opt === '--in-interface' ? 'in' : 'out';
      once(key, key === 'in' ? 'i' : 'o');
      const v = arg();
      if (v === '') throw paramProblem('Empty interface is likely to be undesired');
      spec[key] = { value: v, inv: takeInvert(st) };
      return i + 2;
    }
    case '-p':
    case '--protocol': {
      once('proto', 'p');
      let v = arg().toLowerCase();
      if (/^\d+$/.test(v)) v = Object.keys(PROTOS).find((k) => PROTOS[k] === Number(v)) ?? v;
      if (PROTOS[v] === undefined && !/^\d+$/.test(v))
        throw paramProblem(`unknown protocol "${v}" specified`);
      spec.proto = { value: v, inv: takeInvert(st) };
      return i + 2;
    }
    case '-j':
    case '--jump':
    case '-g':
    case '--goto': {
      if (spec.target)
        throw paramProblem(
          `multiple -${opt.startsWith('--g') || opt === '-g' ? 'g' : 'j'} flags not allowed`,
        );
      const name = arg();
      if (name.length < 1) throw paramProblem('Invalid target name (too short)');
      spec.target = { name, goto: opt === '-g' || opt === '--goto' };
      if (name === 'REJECT') spec.target.rejectWith = 'icmp-port-unreachable';
      return i + 2;
    }
    case '-m':
    case '--match': {
      if (takeInvert(st)) throw paramProblem('unexpected ! flag before --match');
      const name = arg();
      const known = ['tcp', 'udp', 'icmp', 'conntrack', 'state', 'addrtype', 'comment', 'multiport'];
      if (!known.includes(name)) {
        throw paramProblem(`Couldn't load match \`${name}':No such file or directory\n`);
      }
      const m: Match =
        name === 'tcp' || name === 'udp'
          ? { name }
          : name === 'icmp'
            ? { name, type: 'any', inv: false }
            : name === 'conntrack' || name === 'state'
              ? { name, states: [], inv: false }
              : name === 'addrtype'
                ? { name }
                : name === 'comment'
                  ? { name, comment: '' }
                  : { name: 'multiport', kind: 'dports', ports: [], inv: false };
      spec.matches.push(m);
      return i + 2;
    }
    case '--dport':
    case '--destination-port':
    case '--sport':
    case '--source-port': {
      const m = ensureProtoMatch(spec, opt);
      const range = parsePortRange(arg(), takeInvert(st), m.name);
      if (opt === '--dport' || opt === '--destination-port') m.dport = range;
      else m.sport = range;
      return i + 2;
    }
    case '--icmp-type': {
      let m = lastMatch(spec, 'icmp');
      if (!m) {
        if (spec.proto?.value !== 'icmp') throw paramProblem(`unknown option "${opt}"`);
        m = { name: 'icmp', type: 'any', inv: false };
        spec.matches.push(m);
      }
      if (m.name !== 'icmp') return -1;
      const v = arg();
      const named = ICMP_TYPES[v];
      const num = /^(\d+)(?:\/(\d+))?$/.exec(v);
      if (v === 'any') m.type = 'any';
      else if (named) [m.type, m.code] = named;
      else if (num) [m.type, m.code] = [Number(num[1]), num[2] === undefined ? undefined : Number(num[2])];
      else throw paramProblem(`Invalid ICMP type \`${v}'`);
      m.inv = takeInvert(st);
      return i + 2;
    }
    case '--ctstate':
    case '--state': {
      const m = lastMatch(spec, opt === '--ctstate' ? 'conntrack' : 'state');
      if (!m || (m.name !== 'conntrack' && m.name !== 'state')) throw paramProblem(`unknown option "${opt}"`);
      const v = arg();
      const states = v.split(',');
      for (const s of states) if (!STATES.includes(s.toUpperCase())) throw paramProblem(`Bad ctstate "${s}"`);
      m.states = STATES.filter((s) => states.some((x) => x.toUpperCase() === s));
      m.inv = takeInvert(st);
      return i + 2;
    }
    case '--src-type':
    case '--dst-type': {
      const m = lastMatch(spec, 'addrtype');
      if (m?.name !== 'addrtype') throw paramProblem(`unknown option "${opt}"`);
      const v = arg().toUpperCase();
      if (!v.split(',').every((t) => ADDR_TYPES.includes(t)))
        throw paramProblem(`addrtype: invalid address type specified: ${v}`);
      const value = ADDR_TYPES.filter((t) => v.split(',').includes(t)).join(',');
      if (opt === '--src-type') m.srcType = { value, inv: takeInvert(st) };
      else m.dstType = { value, inv: takeInvert(st) };
      return i + 2;
    }
    case '--limit-iface-in':
    case '--limit-iface-out': {
      const m = lastMatch(spec, 'addrtype');
      if (m?.name !== 'addrtype') throw paramProblem(`unknown option "${opt}"`);
      if (opt === '--limit-iface-in') m.limitIn = true;
      else m.limitOut = true;
      return i + 1;
    }
    case '--comment': {
      const m = lastMatch(spec, 'comment');
      if (m?.name !== 'comment') throw paramProblem(`unknown option "${opt}"`);
      m.comment = arg();
      return i + 2;
    }
    case '--dports':
    case '--sports':
    case '--ports':
    case '--destination-ports':
    case '--source-ports': {
      const m = lastMatch(spec, 'multiport');
      if (m?.name !== 'multiport') throw paramProblem(`unknown option "${opt}"`);
      const proto = spec.proto?.value ?? '';
      if (!['tcp', 'udp', 'sctp'].includes(proto))
        throw paramProblem("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
      m.kind = opt.includes('dest') || opt === '--dports' ? 'dports' : opt === '--ports' ? 'ports' : 'sports';
      m.ports = arg()
        .split(',')
        .map((p) => parsePort(p, proto));
      m.inv = takeInvert(st);
      return i + 2;
    }
    case '--to-destination':
    case '--to-source':
    case '--to-ports':
    case '--random':
    case '--reject-with': {
      const t = spec.target;
      const wants =
        opt === '--to-destination'
          ? ['DNAT']
          : opt === '--to-source'
            ? ['SNAT']
            : opt === '--reject-with'
              ? ['REJECT']
              : ['MASQUERADE', 'REDIRECT', 'SNAT', 'DNAT'];
      if (!t || !wants.includes(t.name)) throw paramProblem(`unknown option "${opt}"`);
      if (opt === '--random') {
        t.random = true;
        return i + 1;
      }
      const v = arg();
      if (opt === '--to-destination') t.toDestination = parseNatRange(v);
      else if (opt === '--to-source') t.toSource = parseNatRange(v);
      else if (opt === '--to-ports') t.toPorts = v;
      else {
        const found = REJECT_TYPES.find(([n, a]) => n === v || a === v || n.startsWith(v));
        if (!found) throw paramProblem(`unknown reject type "${v}"`);
        t.rejectWith = found[0];
      }
      return i + 2;
    }
    default:
      return -1;
  }
}

/** finishRule runs the checks iptables does after parsing (final checks of matches and targets). */
export function finishRule(spec: RuleSpec, table: string): void {
  const t = spec.target;
  if (t?.name === 'DNAT' && !t.toDestination)
    throw paramProblem('DNAT: option "--to-destination" must be specified');
  if (t?.name === 'SNAT' && !t.toSource) throw paramProblem('SNAT: option "--to-source" must be specified');
  if (table === 'nat' && t?.name === 'DROP') {
    throw paramProblem(
      '\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n',
    );
  }
  for (const m of spec.matches) {
    if (m.name === 'tcp' && spec.proto?.value !== 'tcp')
      throw new IptError(`${IPT_PROG}: TCP match requires '-p tcp'\n`, 1);
    if (m.name === 'udp' && spec.proto?.value !== 'udp')
      throw new IptError(`${IPT_PROG}: UDP match requires '-p udp'\n`, 1);
    if ((m.name === 'conntrack' || m.name === 'state') && m.states.length === 0) {
      throw paramProblem(
        m.name === 'state'
          ? 'state match: option "--state" must be specified'
          : 'conntrack: At least one option is required',
      );
    }
    if (m.name === 'comment' && m.comment === '')
      throw paramProblem('comment match: option "--comment" must be specified');
    if (m.name === 'addrtype' && !m.srcType && !m.dstType)
      throw paramProblem('addrtype: you must specify --src-type or --dst-type');
  }
}

/** parseRuleTokens parses rule options (a stored spec or the rule part of a command line). */
export function parseRuleTokens(tokens: string[]): RuleSpec {
  const st: RuleOptionState = { spec: { matches: [] }, pendingInvert: false };
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i] === '!') {
      st.pendingInvert = true;
      i++;
      continue;
    }
    const next = applyRuleOption(st, tokens, i);
    if (next < 0) throw paramProblem(`unknown option "${tokens[i]}"`);
    i = next;
  }
  return st.spec;
}

/** cidrOf returns the canonical CIDR for an address spec value (already canonical when stored). */
export const cidrOf = (v: string): { ip: string; prefixLen: number } =>
  parseCidr(v) ?? { ip: v, prefixLen: 32 };

export {
  ADDR_TYPES,
  BUILTIN_TARGETS,
  errnoProblem,
  ICMP_TYPES,
  IPT_PROG,
  IptError,
  isNatTarget,
  PROTOS,
  paramProblem,
  REJECT_TYPES,
  SERVICES,
  STATES,
} from './ipt-const.ts';
export { ruleTokens, saveString, specText } from './ipt-save.ts';
