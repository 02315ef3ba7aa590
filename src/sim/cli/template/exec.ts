// Mirrors Go's text/template/exec.go; simplified: values are JSON-shaped (value.ts), a GoStruct
// stands for a struct pointer with methods, and parameter types are coarse (ParamKind).

import { FuncError, type FuncMap, type GoFunc, type ParamKind } from './funcs.ts';
import { goQuote } from './lex.ts';
import { type Node, nodeString, type PipeNode, type Tree } from './parse.ts';
import { GoStruct, GoText, goPrint, goTypeName, isMap, isTrue, NO_VALUE, utf8Bytes } from './value.ts';

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

const MISSING = undefined; // "no final value" marker, distinct from NO_VALUE
class BreakSignal {}
class ContinueSignal {}

/** execute runs a parsed tree against data and returns the output. */
export function execute(tree: Tree, data: unknown, funcs: FuncMap, opts: ExecOptions = {}): string {
  let out = '';
  let current: Node | undefined;
  const vars: Array<{ name: string; value: unknown }> = [{ name: '$', value: data }];
  let depth = 0;

  const errorf = (msg: string): never => {
    const name = tree.name;
    if (!current) throw new ExecError(`template: ${name}: ${msg}`);
    const pos = current.pos;
    const text = tree.text.slice(0, pos);
    const nl = text.lastIndexOf('\n');
    const byteNum = nl === -1 ? utf8Len(text) : utf8Len(text.slice(nl + 1));
    const lineNum = 1 + (text.match(/\n/g)?.length ?? 0);
    let context = nodeString(current);
    if ([...context].length > 20) context = `${[...context].slice(0, 20).join('')}...`;
    throw new ExecError(
      `template: ${name}:${lineNum}:${byteNum}: executing ${goQuote(name)} at <${context}>: ${msg}`,
    );
  };
  const at = (n: Node): void => {
    current = n;
  };
  const varValue = (name: string): unknown => {
    for (let i = vars.length - 1; i >= 0; i--) if (vars[i].name === name) return vars[i].value;
    return errorf(`undefined variable: ${name}`);
  };
  const setVar = (name: string, value: unknown): void => {
    for (let i = vars.length - 1; i >= 0; i--) {
      if (vars[i].name === name) {
        vars[i].value = value;
        return;
      }
    }
    errorf(`undefined variable: ${name}`);
  };

  const walk = (dot: unknown, node: Node): void => {
    if (++depth > 10000) errorf('exceeded maximum template depth (100000)');
    try {
      switch (node.type) {
        case 'action': {
          const val = evalPipeline(dot, node.pipe);
          if (node.pipe.decl.length === 0) {
            at(node);
            out += goPrint(val);
          }
          return;
        }
        case 'text':
          out += node.text;
          return;
        case 'comment':
          return;
        case 'list':
          for (const n of node.nodes) walk(dot, n);
          return;
        case 'if':
        case 'with': {
          const mark = vars.length;
          const val = evalPipeline(dot, node.pipe);
          if (isTrue(val)) walk(node.type === 'with' ? val : dot, node.list);
          else if (node.elseList) walk(dot, node.elseList);
          vars.length = mark;
          return;
        }
        case 'range':
          walkRange(dot, node as Node & { type: 'range' });
          return;
        case 'break':
          throw new BreakSignal();
        case 'continue':
          throw new ContinueSignal();
        default:
          errorf(`unknown node: ${nodeString(node)}`);
      }
    } finally {
      depth--;
    }
  };

  const walkRange = (dot: unknown, r: Node & { type: 'range' }): void => {
    at(r);
    const mark = vars.length;
    const val = evalPipeline(dot, r.pipe);
    const decl = r.pipe.decl;
    const afterDecl = vars.length;
    const one = (index: unknown, elem: unknown): boolean => {
      if (decl.length > 0) {
        if (r.pipe.isAssign) setVar(decl[0].ident[0], decl.length > 1 ? index : elem);
        else vars[afterDecl - 1].value = elem;
      }
      if (decl.length > 1) {
        if (r.pipe.isAssign) setVar(decl[1].ident[0], elem);
        else vars[afterDecl - 2].value = index;
      }
      try {
        walk(elem, r.list);
      } catch (e) {
        if (e instanceof BreakSignal) return false;
        if (!(e instanceof ContinueSignal)) throw e;
      } finally {
        vars.length = afterDecl;
      }
      return true;
    };
    let iterated = false;
    if (Array.isArray(val)) {
      for (let i = 0; i < val.length; i++) {
        iterated = true;
        if (!one(i, val[i])) break;
      }
    } else if (isMap(val)) {
      for (const k of Object.keys(val).sort()) {
        iterated = true;
        if (!one(k, val[k])) break;
      }
    } else if (typeof val === 'number' && Number.isInteger(val) && !opts.raw) {
      if (decl.length > 1) errorf(`can't use ${val} to iterate over more than one variable`);
      for (let i = 0; i < val; i++) {
        iterated = true;
        if (!one(i, i)) break;
      }
    } else if (val !== null && val !== NO_VALUE && !(val instanceof GoText && !val.truthy)) {
      errorf(`range can't iterate over ${goPrint(val)}`);
    }
    vars.length = mark;
    if (!iterated && r.elseList) walk(dot, r.elseList);
  };

  const evalPipeline = (dot: unknown, pipe: PipeNode): unknown => {
    at(pipe);
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) value = evalCommand(dot, cmd, value);
    for (const v of pipe.decl) {
      if (pipe.isAssign) setVar(v.ident[0], value);
      else vars.push({ name: v.ident[0], value });
    }
    return value;
  };

  const notAFunction = (args: Node[], final: unknown): void => {
    if (args.length > 1 || final !== MISSING)
      errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  };

  const evalCommand = (dot: unknown, cmd: Node & { type: 'command' }, final: unknown): unknown => {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field':
        return evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        notAFunction(cmd.args, final);
        return evalPipeline(dot, first);
      case 'variable':
        return evalVariableNode(dot, first, cmd.args, final);
    }
    at(first);
    notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return errorf('nil is not a command');
      case 'number':
        return first.value;
      case 'string':
        return first.text;
    }
    return errorf(`can't evaluate command ${goQuote(nodeString(first))}`);
  };

  const evalFieldNode = (
    dot: unknown,
    field: Node & { type: 'field' },
    args: Node[],
    final: unknown,
  ): unknown => {
    at(field);
    return evalFieldChain(dot, dot, field, field.ident, args, final);
  };
  const evalChainNode = (
    dot: unknown,
    chain: Node & { type: 'chain' },
    args: Node[],
    final: unknown,
  ): unknown => {
    if (chain.node.type === 'nil') errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = evalArg(dot, 'any', chain.node);
    return evalFieldChain(dot, pipe, chain, chain.field, args, final);
  };
  const evalVariableNode = (
    dot: unknown,
    v: Node & { type: 'variable' },
    args: Node[],
    final: unknown,
  ): unknown => {
    at(v);
    const value = varValue(v.ident[0]);
    if (v.ident.length === 1) {
      notAFunction(args, final);
      return value;
    }
    return evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  };
  const evalFieldChain = (
    dot: unknown,
    receiver: unknown,
    node: Node,
    ident: string[],
    args: Node[],
    final: unknown,
  ): unknown => {
    const n = ident.length;
    let r = receiver;
    for (let i = 0; i < n - 1; i++) r = evalField(dot, ident[i], node, [], MISSING, r);
    return evalField(dot, ident[n - 1], node, args, final, r);
  };

  const evalField = (
    dot: unknown,
    name: string,
    node: Node,
    args: Node[],
    final: unknown,
    receiver: unknown,
  ): unknown => {
    if (receiver === NO_VALUE || receiver === undefined) {
      if (opts.missingKeyError) errorf(`nil data; no entry for key ${goQuote(name)}`);
      return NO_VALUE;
    }
    if (receiver === null) return errorf(`nil pointer evaluating interface {}.${name}`);
    const hasArgs = args.length > 1 || final !== MISSING;
    if (receiver instanceof GoStruct) {
      const m = receiver.methods[name];
      if (m) return evalCall(dot, m, node, name, args, final);
      if (Object.hasOwn(receiver.fields, name)) {
        if (hasArgs) errorf(`${name} has arguments but cannot be invoked as function`);
        return receiver.fields[name];
      }
    } else if (isMap(receiver)) {
      if (hasArgs) errorf(`${name} is not a method but has arguments`);
      if (Object.hasOwn(receiver, name)) return receiver[name];
      const alias = opts.fieldAliases?.[name];
      if (alias !== undefined && Object.hasOwn(receiver, alias)) return receiver[alias];
      if (opts.missingKeyError) errorf(`map has no entry for key ${goQuote(name)}`);
      return NO_VALUE;
    }
    return errorf(`can't evaluate field ${name} in type ${goTypeName(receiver, opts.raw ?? false)}`);
  };

  const evalFunction = (
    dot: unknown,
    node: Node & { type: 'identifier' },
    cmd: Node,
    args: Node[],
    final: unknown,
  ): unknown => {
    at(node);
    const fn = funcs[node.name];
    if (!fn) return errorf(`${goQuote(node.name)} is not a defined function`);
    return evalCall(dot, fn, cmd, node.name, args, final);
  };

  const evalCall = (
    dot: unknown,
    fn: GoFunc,
    node: Node,
    name: string,
    args: Node[],
    final: unknown,
  ): unknown => {
    const argNodes = args.slice(1);
    const numIn = argNodes.length + (final !== MISSING ? 1 : 0);
    const numFixed = fn.params.length;
    if (fn.variadic !== undefined) {
      if (numIn < numFixed) {
        errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${numIn}`);
      }
    } else if (numIn !== numFixed) {
      errorf(`wrong number of args for ${name}: want ${numFixed} got ${numIn}`);
    }
    const kindAt = (i: number): ParamKind => (i < numFixed ? fn.params[i] : (fn.variadic ?? 'any'));
    if (fn.lazy) {
      // and / or: evaluate arguments one at a time, stop at the deciding one
      const isAnd = name === 'and';
      let v: unknown = MISSING;
      for (let i = 0; i < argNodes.length; i++) {
        v = evalArg(dot, 'any', argNodes[i]);
        if (isTrue(v) !== isAnd) return v;
      }
      if (final !== MISSING) v = final;
      return v;
    }
    const values: unknown[] = argNodes.map((a, i) => evalArg(dot, kindAt(i), a));
    if (final !== MISSING) values.push(validateType(final, kindAt(values.length)));
    at(node);
    try {
      return fn.fn(...values);
    } catch (e) {
      if (e instanceof FuncError) return errorf(`error calling ${name}: ${e.message}`);
      throw e;
    }
  };

  const validateType = (value: unknown, kind: ParamKind): unknown => {
    if (value === NO_VALUE) {
      if (kind === 'any' || kind === 'strings') return kind === 'any' ? NO_VALUE : null;
      return errorf(`invalid value; expected ${kindName(kind)}`);
    }
    switch (kind) {
      case 'string':
        if (typeof value !== 'string')
          errorf(`wrong type for value; expected string; got ${typeNameOf(value)}`);
        break;
      case 'int':
        if (typeof value !== 'number' || !Number.isInteger(value))
          errorf(`wrong type for value; expected int; got ${typeNameOf(value)}`);
        break;
      case 'strings':
        if (value === null) return [];
        if (!Array.isArray(value) || !value.every((x) => typeof x === 'string')) {
          errorf(`wrong type for value; expected []string; got ${typeNameOf(value)}`);
        }
        break;
    }
    return value;
  };
  const typeNameOf = (v: unknown): string => (v === null ? 'interface {}' : goTypeName(v, opts.raw ?? false));

  const evalArg = (dot: unknown, kind: ParamKind, n: Node): unknown => {
    at(n);
    switch (n.type) {
      case 'dot':
        return validateType(dot, kind);
      case 'nil':
        if (kind === 'any' || kind === 'strings') return null;
        return errorf(`cannot assign nil to ${kindName(kind)}`);
      case 'field':
        return validateType(evalFieldNode(dot, n, [n], MISSING), kind);
      case 'variable':
        return validateType(evalVariableNode(dot, n, [], MISSING), kind);
      case 'pipe':
        return validateType(evalPipeline(dot, n), kind);
      case 'identifier':
        return validateType(evalFunction(dot, n, n, [n], MISSING), kind);
      case 'chain':
        return validateType(evalChainNode(dot, n, [], MISSING), kind);
      case 'bool':
        if (kind === 'any') return n.value;
        return errorf(`expected ${kind === 'int' ? 'integer' : kindName(kind)}; found ${nodeString(n)}`);
      case 'number':
        if (kind === 'any') return n.value;
        if (kind === 'int') {
          if (!n.isInt) errorf(`expected integer; found ${nodeString(n)}`);
          return n.value;
        }
        return errorf(`expected ${kindName(kind)}; found ${nodeString(n)}`);
      case 'string':
        if (kind === 'any' || kind === 'string') return n.text;
        return errorf(`expected ${kind === 'int' ? 'integer' : kindName(kind)}; found ${nodeString(n)}`);
    }
    return errorf(`can't handle ${nodeString(n)} for arg of type ${kindName(kind)}`);
  };

  walk(data, tree.root);
  return out;
}

function kindName(k: ParamKind): string {
  return k === 'strings' ? '[]string' : k === 'any' ? 'interface {}' : k;
}

function utf8Len(s: string): number {
  return utf8Bytes(s).length;
}
