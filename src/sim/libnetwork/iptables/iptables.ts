// Mirrors moby/moby libnetwork/iptables/iptables.go: creating chains and adding, inserting and
// deleting rules idempotently (Rule.Append/Insert/Delete check -C first). Simplified: instead of
// running the iptables binary, the rule tables of the namespace are edited directly; the rule
// specs are given in the canonical order `iptables -S` prints, so they read exactly like the output.

import type { IptChain, IptTableName, NetNs } from '../../kernel/types.ts';
import type { ExplainLog } from '../explain.ts';

/** Table is an iptables table name. */
export type Table = IptTableName;

/** Iptables edits one namespace's rule tables and records each change in the explain log. */
export class Iptables {
  readonly ns: NetNs;
  private readonly log: ExplainLog | undefined;

  constructor(ns: NetNs, log?: ExplainLog) {
    this.ns = ns;
    this.log = log;
  }

  private chain(table: Table, name: string): IptChain {
    const c = this.ns.iptables[table].chains.get(name);
    if (!c) throw new Error(`iptables: No chain/target/match by that name (${table}/${name}).`);
    return c;
  }

  private note(title: string, args: string[]): void {
    this.log?.record(title, ['iptables', ...args].join(' '), 'iptables');
  }

  /** hasChain tells whether a chain exists (iptables -n -L NAME succeeds). */
  hasChain(table: Table, name: string): boolean {
    return this.ns.iptables[table].chains.has(name);
  }

  /** newChain creates a user chain unless it exists (IPTable.NewChain). */
  newChain(table: Table, name: string): void {
    if (this.hasChain(table, name)) return;
    this.ns.iptables[table].chains.set(name, { name, rules: [], pkts: 0, bytes: 0 });
    this.note(`create chain ${name} in table ${table}`, ['-t', table, '-N', name]);
  }

  /** removeChain flushes and deletes a user chain if it exists (ChainInfo.Remove). */
  removeChain(table: Table, name: string): void {
    if (!this.hasChain(table, name)) return;
    this.ns.iptables[table].chains.delete(name);
    this.note(`delete chain ${name} from table ${table}`, ['-t', table, '-X', name]);
  }

  /** setPolicy sets a built-in chain's policy (IPTable.SetDefaultPolicy). */
  setPolicy(table: Table, chain: string, policy: 'ACCEPT' | 'DROP'): void {
    this.chain(table, chain).policy = policy;
    this.note(`set ${chain} policy to ${policy}`, ['-t', table, '-P', chain, policy]);
  }

  /** exists tells whether the chain holds a rule with exactly this spec (iptables -C). */
  exists(table: Table, chain: string, spec: string[]): boolean {
    if (!this.hasChain(table, chain)) return false;
    const s = spec.join(' ');
    return this.chain(table, chain).rules.some((r) => r.spec.join(' ') === s);
  }

  /** append adds the rule at the end of the chain unless it is already there (Rule.Append). */
  append(table: Table, chain: string, spec: string[]): void {
    if (this.exists(table, chain, spec)) return;
    this.chain(table, chain).rules.push({ spec: [...spec], pkts: 0, bytes: 0 });
    this.note(`append rule to ${table}/${chain}`, ['-t', table, '-A', chain, ...spec]);
  }

  /** insert adds the rule at the top of the chain unless it is already there (Rule.Insert). */
  insert(table: Table, chain: string, spec: string[]): void {
    if (this.exists(table, chain, spec)) return;
    this.chain(table, chain).rules.unshift({ spec: [...spec], pkts: 0, bytes: 0 });
    this.note(`insert rule at the top of ${table}/${chain}`, ['-t', table, '-I', chain, ...spec]);
  }

  /** delete removes the rule if present (Rule.Delete). */
  delete(table: Table, chain: string, spec: string[]): void {
    if (!this.exists(table, chain, spec)) return;
    const c = this.chain(table, chain);
    const s = spec.join(' ');
    const i = c.rules.findIndex((r) => r.spec.join(' ') === s);
    c.rules.splice(i, 1);
    this.note(`delete rule from ${table}/${chain}`, ['-t', table, '-D', chain, ...spec]);
  }

  /** program appends or deletes (appendOrDelChainRule). */
  appendOrDelete(table: Table, chain: string, spec: string[], enable: boolean): void {
    if (enable) this.append(table, chain, spec);
    else this.delete(table, chain, spec);
  }

  /** insertOrDelete inserts or deletes (programChainRule). */
  insertOrDelete(table: Table, chain: string, spec: string[], enable: boolean): void {
    if (enable) this.insert(table, chain, spec);
    else this.delete(table, chain, spec);
  }

  /** ensureJumpRule moves (or adds) `-j to` to the top of a filter chain (IPTable.EnsureJumpRule). */
  ensureJumpRule(from: string, to: string): void {
    this.delete('filter', from, ['-j', to]);
    this.insert('filter', from, ['-j', to]);
  }
}
