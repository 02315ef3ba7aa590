// Mirrors Go's text/template/exec.go (state, ExecError, errorf and the variable stack).

import type { FuncMap, ParamKind } from './funcs.ts';
import { type Node, nodeString, type Tree } from './node.ts';
import { goQuote } from './quote.ts';
import { utf8Bytes } from './value.ts';

/** ExecError is an execution failure worded as Go's ("template: :1:2: executing ..."). */
export class ExecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExecError';
  }
}

/** ExecOptions tunes execution: missingkey=error (docker's raw inspect fallback), raw type names. */
export interface ExecOptions {
  missingKeyError?: boolean;
  /** raw makes type names those of JSON-decoded data (map[string]interface {}, json.Number). */
  raw?: boolean;
  /** fieldAliases resolves struct field names whose JSON key differs (ID → Id, HostIP → HostIp). */
  fieldAliases?: Record<string, string>;
}

/** MISSING marks "no final value" passed along a pipeline, distinct from NO_VALUE. */
export const MISSING = undefined;

/** State is one execution's state, as exec.go's state: output, the node being evaluated, variables. */
export class State {
  readonly tree: Tree;
  readonly funcs: FuncMap;
  readonly opts: ExecOptions;
  readonly vars: Array<{ name: string; value: unknown }>;
  current: Node | undefined;
  out = '';
  depth = 0;

  constructor(tree: Tree, data: unknown, funcs: FuncMap, opts: ExecOptions) {
    this.tree = tree;
    this.funcs = funcs;
    this.opts = opts;
    this.vars = [{ name: '$', value: data }];
  }

  /** errorf throws an ExecError located at the current node. */
  errorf(msg: string): never {
    const name = this.tree.name;
    const current = this.current;
    if (!current) throw new ExecError(`template: ${name}: ${msg}`);
    const pos = current.pos;
    const text = this.tree.text.slice(0, pos);
    const nl = text.lastIndexOf('\n');
    const byteNum = nl === -1 ? utf8Len(text) : utf8Len(text.slice(nl + 1));
    const lineNum = 1 + (text.match(/\n/g)?.length ?? 0);
    let context = nodeString(current);
    if ([...context].length > 20) context = `${[...context].slice(0, 20).join('')}...`;
    throw new ExecError(
      `template: ${name}:${lineNum}:${byteNum}: executing ${goQuote(name)} at <${context}>: ${msg}`,
    );
  }

  /** at marks n as the node being evaluated (for error locations). */
  at(n: Node): void {
    this.current = n;
  }

  /** varValue returns the innermost variable called name. */
  varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    return this.errorf(`undefined variable: ${name}`);
  }

  /** setVar assigns to the innermost variable called name. */
  setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }
}

/** kindName is a parameter kind's Go type name. */
export function kindName(k: ParamKind): string {
  return k === 'strings' ? '[]string' : k === 'any' ? 'interface {}' : k;
}

function utf8Len(s: string): number {
  return utf8Bytes(s).length;
}
