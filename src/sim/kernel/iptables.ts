// Mirrors netfilter/iptables iptables/xtables.c do_commandx + xshared.c do_parse and the nft.c
// commands (nft_rule_append, nft_rule_delete, nft_chain_user_add …) at v1.8.9 (iptables-nft);
// simplified: IPv4 only, one command per call, no -c counters, no -h help text, no locking.

import type { ExecResult } from '../types.ts';
import type { CommandLine } from './ipt-cmdline.ts';
import { parseCommandLine } from './ipt-cmdline.ts';
import { listEntries, listRules } from './ipt-format.ts';
import {
  BUILTIN_TARGETS,
  errnoProblem,
  IPT_PROG,
  IptError,
  isNatTarget,
  paramProblem,
  ruleTokens,
} from './ipt-rule.ts';
import type { IptChain, IptTable, IptTableName, NetNs } from './types.ts';

export type { IptPacket, IptVerdict } from './ipt-eval.ts';
export { evaluateChain } from './ipt-eval.ts';

const TABLES: IptTableName[] = ['filter', 'nat', 'raw', 'mangle'];

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
      throw new IptError(
        `${IPT_PROG}:  RULE_${p.cmd === 'I' ? 'INSERT' : p.cmd === 'R' ? 'REPLACE' : 'APPEND'} failed (Invalid argument): rule in chain ${p.chain}\n`,
        4,
      );
    }
    return;
  }
  if (!t.chains.has(target.name)) throw paramProblem(`Chain '${target.name}' does not exist`);
}

function assertValidChainName(t: IptTable, name: string): void {
  if (name.startsWith('-') || name.startsWith('!'))
    throw paramProblem(`chain name not allowed to start with \`${name[0]}'`);
  if (BUILTIN_TARGETS.has(name)) throw paramProblem('chain name may not clash with target name');
  if (/\s/.test(name)) throw paramProblem(`Invalid chain name \`${name}'`);
  void t;
}

const sameSpec = (a: string[], b: string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function run(ns: NetNs, p: CommandLine): string {
  if (!(TABLES as string[]).includes(p.table)) {
    throw new IptError(
      `${IPT_PROG}: table '${p.table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`,
      3,
    );
  }
  const t = ns.iptables[p.table as IptTableName];
  const spec = ruleTokens(p.rule.spec);
  switch (p.cmd) {
    case 'A':
    case 'I':
    case 'R': {
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
    case 'D':
    case 'C': {
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
        for (const r of other.rules)
          r.spec = r.spec.map((x, i) =>
            (r.spec[i - 1] === '-j' || r.spec[i - 1] === '-g') && x === c.name ? to : x,
          );
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
      const out = listEntries(
        t,
        { verbose: p.verbose, numeric: p.numeric, exact: p.exact, lineNumbers: p.lineNumbers },
        c,
        p.rulenum,
      );
      return out;
    }
  }
  return '';
}

function deleteChains(t: IptTable, name: string | undefined): string {
  const busy = (c: IptChain): boolean =>
    c.rules.length > 0 ||
    [...t.chains.values()].some(
      (o) =>
        o !== c &&
        o.rules.some((r) =>
          r.spec.some((x, i) => (r.spec[i - 1] === '-j' || r.spec[i - 1] === '-g') && x === c.name),
        ),
    );
  if (name !== undefined) {
    const c = findChain(t, name);
    if (c.policy !== undefined) {
      if (c.rules.length || c.policy !== 'ACCEPT') throw errnoProblem('Directory not empty');
      return '';
    }
    if (busy(c))
      throw new IptError(`${IPT_PROG}:  CHAIN_DEL failed (Device or resource busy): chain ${name}\n`, 4);
    t.chains.delete(name);
    return '';
  }
  const users = [...t.chains.values()].filter((c) => c.policy === undefined);
  const blocked = users.find((c) =>
    [...t.chains.values()].some(
      (o) => o.policy !== undefined && o.rules.some((r) => r.spec.includes(c.name)),
    ),
  );
  if (blocked)
    throw new IptError(
      `${IPT_PROG}:  CHAIN_DEL failed (Device or resource busy): chain ${blocked.name}\n`,
      4,
    );
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
export const chainExists = (ns: NetNs, table: IptTableName, chain: string): boolean =>
  ns.iptables[table].chains.has(chain);
