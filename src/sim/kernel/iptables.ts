// Mirrors netfilter/iptables iptables/xtables.c do_commandx + xshared.c do_parse and the nft.c
// commands (nft_rule_append, nft_rule_delete, nft_chain_user_add …) at v1.8.9 (iptables-nft);
// simplified: IPv4 only, one command per call, no -c counters, no -h help text, no locking.

import type { ExecResult } from '../types.ts';
import type { IptChain, IptTable, IptTableName, NetNs } from './types.ts';
import {
  BUILTIN_TARGETS, IPT_PROG, IptError, applyRuleOption, errnoProblem, finishRule, isNatTarget, paramProblem, ruleTokens,
} from './ipt-rule.ts';
import type { RuleOptionState } from './ipt-rule.ts';
import { listEntries, listRules } from './ipt-format.ts';

export { evaluateChain } from './ipt-eval.ts';
export type { IptPacket, IptVerdict } from './ipt-eval.ts';

type Cmd = 'A' | 'C' | 'D' | 'I' | 'R' | 'L' | 'S' | 'F' | 'Z' | 'N' | 'X' | 'E' | 'P';

const LONG_CMDS: Record<string, Cmd> = {
  '--append': 'A', '--check': 'C', '--delete': 'D', '--insert': 'I', '--replace': 'R', '--list': 'L',
  '--list-rules': 'S', '--flush': 'F', '--zero': 'Z', '--new-chain': 'N', '--new': 'N', '--delete-chain': 'X',
  '--rename-chain': 'E', '--policy': 'P',
};
const TABLES: IptTableName[] = ['filter', 'nat', 'raw', 'mangle'];

interface CommandLine {
  table: string;
  cmd?: Cmd;
  chain?: string;
  rulenum: number;
  newName?: string;
  policy?: string;
  verbose: boolean;
  numeric: boolean;
  exact: boolean;
  lineNumbers: boolean;
  rule: RuleOptionState;
  ruleOptionsSeen: boolean;
}

const hasArg = (argv: string[], i: number): boolean => i < argv.length && !argv[i].startsWith('-') && !argv[i].startsWith('!');

function parseRulenum(s: string): number {
  if (!/^\d+$/.test(s) || Number(s) < 1) throw paramProblem(`Invalid rule number \`${s}'`);
  return Number(s);
}

/** expandBundles splits getopt-style bundles such as "-nvL" or "-tnat" into separate words. */
function expandBundles(argv: string[]): string[] {
  const withArg = new Set(['t', 'A', 'C', 'D', 'I', 'R', 'N', 'E', 'P', 's', 'd', 'i', 'o', 'p', 'j', 'g', 'm']);
  const out: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (!/^-[A-Za-z]{2,}/.test(a) || a.startsWith('--')) {
      out.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      out.push(`-${c}`);
      if (withArg.has(c) && j + 1 < a.length) {
        out.push(a.slice(j + 1));
        break;
      }
    }
  }
  return out;
}

function parseCommandLine(argvIn: string[]): CommandLine {
  const argv = expandBundles(argvIn);
  const p: CommandLine = {
    table: 'filter', rulenum: 0, verbose: false, numeric: false, exact: false, lineNumbers: false,
    rule: { spec: { matches: [] }, pendingInvert: false }, ruleOptionsSeen: false,
  };
  const setCmd = (c: Cmd): void => {
    if (p.rule.pendingInvert) throw paramProblem("unexpected '!' flag");
    if (p.cmd) throw paramProblem(`Cannot use -${c} with -${p.cmd}`);
    p.cmd = c;
  };
  let i = 0;
  while (i < argv.length) {
    const a = argv[i];
    const cmd: Cmd | undefined = /^-[ACDIRLSFZNXEP]$/.test(a) ? (a[1] as Cmd) : LONG_CMDS[a];
    if (cmd) {
      setCmd(cmd);
      i++;
      const need = (): string => {
        if (i >= argv.length) throw paramProblem(`option "${a}" requires an argument`);
        return argv[i++];
      };
      if ('ACDIRNEP'.includes(cmd)) p.chain = need();
      else if (hasArg(argv, i)) p.chain = argv[i++];
      if ((cmd === 'D' || cmd === 'I') && hasArg(argv, i)) p.rulenum = parseRulenum(argv[i++]);
      if (cmd === 'R') p.rulenum = parseRulenum(need());
      if ((cmd === 'L' || cmd === 'S' || cmd === 'Z') && p.chain && hasArg(argv, i)) p.rulenum = parseRulenum(argv[i++]);
      if (cmd === 'E') p.newName = need();
      if (cmd === 'P') p.policy = need();
      continue;
    }
    switch (a) {
      case '!':
        if (p.rule.pendingInvert) throw paramProblem('multiple consecutive ! not allowed');
        p.rule.pendingInvert = true;
        i++;
        continue;
      case '-t': case '--table':
        if (p.rule.pendingInvert) throw paramProblem('unexpected ! flag before --table');
        if (i + 1 >= argv.length) throw paramProblem(`option "${a}" requires an argument`);
        p.table = argv[i + 1];
        i += 2;
        continue;
      case '-n': case '--numeric': p.numeric = true; i++; continue;
      case '-v': case '--verbose': p.verbose = true; i++; continue;
      case '-x': case '--exact': p.exact = true; i++; continue;
      case '--line-numbers': case '--line-number': p.lineNumbers = true; i++; continue;
      case '-4': case '--ipv4': i++; continue;
      case '-w': case '--wait':
        i++;
        if (hasArg(argv, i) && /^\d+$/.test(argv[i])) i++;
        continue;
      case '-W': case '--wait-interval': i += 2; continue;
      case '-6': case '--ipv6':
        throw new IptError("Try `iptables -h' or 'iptables --help' for more information.\n", 2);
    }
    const next = applyRuleOption(p.rule, argv, i);
    if (next >= 0) {
      p.ruleOptionsSeen = true;
      i = next;
      continue;
    }
    if (!a.startsWith('-')) throw new IptError(`Bad argument \`${a}'\nTry \`iptables -h' or 'iptables --help' for more information.\n`, 2);
    throw paramProblem(`unknown option "${a}"`);
  }
  if (!p.cmd) throw paramProblem('no command specified');
  if (p.rule.pendingInvert) throw paramProblem('nothing appropriate following !');
  if (p.cmd === 'D' && p.rulenum && p.ruleOptionsSeen) throw paramProblem("Illegal option `-s' with this command");
  if ('LSFZNXEP'.includes(p.cmd) && p.ruleOptionsSeen) {
    const first = argvIn.find((x) => /^-[sdpjio]$/.test(x)) ?? '-s';
    throw paramProblem(`Illegal option \`${first}' with this command`);
  }
  if (p.chain && p.chain.length >= 29) throw paramProblem(`chain name \`${p.chain}' too long (must be under 29 chars)`);
  if ('ACDIR'.includes(p.cmd) && !(p.cmd === 'D' && p.rulenum)) {
    const chain = p.chain ?? '';
    if ((chain === 'PREROUTING' || chain === 'INPUT') && p.rule.spec.out) throw paramProblem(`Can't use -o with ${chain}\n`);
    if ((chain === 'POSTROUTING' || chain === 'OUTPUT') && p.rule.spec.in) throw paramProblem(`Can't use -i with ${chain}\n`);
    finishRule(p.rule.spec, p.table);
  }
  if (p.cmd === 'P' && p.table === 'nat' && p.policy === 'DROP') {
    throw paramProblem('\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n');
  }
  return p;
}

function findChain(t: IptTable, name: string | undefined): IptChain {
  const c = name === undefined ? undefined : t.chains.get(name);
  if (!c) throw errnoProblem('No chain/target/match by that name');
  return c;
}

function checkJump(t: IptTable, p: CommandLine): void {
  const target = p.rule.spec.target;
  if (!target) return;
  if (BUILTIN_TARGETS.has(target.name)) {
    if (isNatTarget(target.name) && t.name !== 'nat') {
      throw new IptError(`${IPT_PROG}:  RULE_${p.cmd === 'I' ? 'INSERT' : p.cmd === 'R' ? 'REPLACE' : 'APPEND'} failed (Invalid argument): rule in chain ${p.chain}\n`, 4);
    }
    return;
  }
  if (!t.chains.has(target.name)) throw paramProblem(`Chain '${target.name}' does not exist`);
}

function assertValidChainName(t: IptTable, name: string): void {
  if (name.startsWith('-') || name.startsWith('!')) throw paramProblem(`chain name not allowed to start with \`${name[0]}'`);
  if (BUILTIN_TARGETS.has(name)) throw paramProblem('chain name may not clash with target name');
  if (/\s/.test(name)) throw paramProblem(`Invalid chain name \`${name}'`);
  void t;
}

const sameSpec = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function run(ns: NetNs, p: CommandLine): string {
  if (!(TABLES as string[]).includes(p.table)) {
    throw new IptError(`${IPT_PROG}: table '${p.table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`, 3);
  }
  const t = ns.iptables[p.table as IptTableName];
  const spec = ruleTokens(p.rule.spec);
  switch (p.cmd) {
    case 'A': case 'I': case 'R': {
      checkJump(t, p);
      const c = findChain(t, p.chain);
      const rule = { spec, pkts: 0, bytes: 0 };
      if (p.cmd === 'A') c.rules.push(rule);
      else if (p.cmd === 'I') {
        const at = p.rulenum ? p.rulenum - 1 : 0;
        if (at > c.rules.length) throw errnoProblem('Index of insertion too big');
        c.rules.splice(at, 0, rule);
      } else {
        if (p.rulenum > c.rules.length) throw errnoProblem('Index of replacement too big');
        c.rules[p.rulenum - 1] = rule;
      }
      return '';
    }
    case 'D': case 'C': {
      if (p.cmd === 'D' && p.rulenum) {
        const c = findChain(t, p.chain);
        if (p.rulenum > c.rules.length) throw errnoProblem('Index of deletion too big');
        c.rules.splice(p.rulenum - 1, 1);
        return '';
      }
      checkJump(t, p);
      const c = findChain(t, p.chain);
      const at = c.rules.findIndex((r) => sameSpec(r.spec, spec));
      if (at < 0) throw errnoProblem('Bad rule (does a matching rule exist in that chain?)');
      if (p.cmd === 'D') c.rules.splice(at, 1);
      return '';
    }
    case 'F': {
      const chains = p.chain ? [findChain(t, p.chain)] : [...t.chains.values()];
      for (const c of chains) c.rules = [];
      return '';
    }
    case 'Z': {
      const chains = p.chain ? [findChain(t, p.chain)] : [...t.chains.values()];
      for (const c of chains) {
        c.rules.forEach((r, i) => {
          if (!p.rulenum || p.rulenum === i + 1) r.pkts = r.bytes = 0;
        });
        if (!p.rulenum) c.pkts = c.bytes = 0;
      }
      return '';
    }
    case 'N': {
      const name = p.chain ?? '';
      assertValidChainName(t, name);
      if (t.chains.has(name)) throw errnoProblem('Chain already exists');
      t.chains.set(name, { name, rules: [], pkts: 0, bytes: 0 });
      return '';
    }
    case 'X':
      return deleteChains(t, p.chain);
    case 'E': {
      const c = findChain(t, p.chain);
      const to = p.newName ?? '';
      assertValidChainName(t, to);
      if (t.chains.has(to)) throw errnoProblem('File exists');
      if (c.policy !== undefined) throw errnoProblem('No chain/target/match by that name');
      t.chains.delete(c.name);
      for (const other of t.chains.values()) {
        for (const r of other.rules) r.spec = r.spec.map((x, i) => ((r.spec[i - 1] === '-j' || r.spec[i - 1] === '-g') && x === c.name ? to : x));
      }
      c.name = to;
      t.chains.set(to, c);
      return '';
    }
    case 'P': {
      const c = t.chains.get(p.chain ?? '');
      if (p.policy !== 'ACCEPT' && p.policy !== 'DROP') {
        throw new IptError("iptables: Bad policy name. Run `dmesg' for more information.\n", 1);
      }
      if (!c || c.policy === undefined) throw errnoProblem('Bad built-in chain name');
      c.policy = p.policy;
      return '';
    }
    case 'S': {
      const c = p.chain !== undefined ? findChain(t, p.chain) : undefined;
      return listRules(t, c, p.rulenum);
    }
    case 'L': {
      const c = p.chain !== undefined ? findChain(t, p.chain) : undefined;
      const out = listEntries(t, { verbose: p.verbose, numeric: p.numeric, exact: p.exact, lineNumbers: p.lineNumbers }, c, p.rulenum);
      return out;
    }
  }
  return '';
}

function deleteChains(t: IptTable, name: string | undefined): string {
  const busy = (c: IptChain): boolean =>
    c.rules.length > 0 || [...t.chains.values()].some((o) => o !== c && o.rules.some((r) => r.spec.some((x, i) => (r.spec[i - 1] === '-j' || r.spec[i - 1] === '-g') && x === c.name)));
  if (name !== undefined) {
    const c = findChain(t, name);
    if (c.policy !== undefined) {
      if (c.rules.length || c.policy !== 'ACCEPT') throw errnoProblem('Directory not empty');
      return '';
    }
    if (busy(c)) throw new IptError(`${IPT_PROG}:  CHAIN_DEL failed (Device or resource busy): chain ${name}\n`, 4);
    t.chains.delete(name);
    return '';
  }
  const users = [...t.chains.values()].filter((c) => c.policy === undefined);
  const blocked = users.find((c) => [...t.chains.values()].some((o) => o.policy !== undefined && o.rules.some((r) => r.spec.includes(c.name))));
  if (blocked) throw new IptError(`${IPT_PROG}:  CHAIN_DEL failed (Device or resource busy): chain ${blocked.name}\n`, 4);
  for (const c of users) t.chains.delete(c.name);
  return '';
}

/**
 * iptables runs one iptables-nft 1.8.9 command line (argv without the leading "iptables") against
 * a namespace's tables and returns what the real tool prints, with its exit status.
 */
export function iptables(ns: NetNs, argv: string[]): ExecResult {
  try {
    const p = parseCommandLine(argv);
    return { stdout: run(ns, p), stderr: '', exitCode: 0 };
  } catch (e) {
    if (e instanceof IptError) return { stdout: '', stderr: e.stderr, exitCode: e.exitCode };
    throw e;
  }
}

/** iptablesOk runs an iptables command and throws when it fails (for drivers that program rules). */
export function iptablesOk(ns: NetNs, argv: string[]): void {
  const r = iptables(ns, argv);
  if (r.exitCode !== 0) throw new Error(`iptables ${argv.join(' ')}: ${r.stderr.trim()}`);
}

/** chainExists tells whether table has a chain of that name. */
export const chainExists = (ns: NetNs, table: IptTableName, chain: string): boolean => ns.iptables[table].chains.has(chain);
