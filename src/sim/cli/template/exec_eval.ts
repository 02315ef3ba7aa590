// Mirrors Go's text/template/exec.go (evalPipeline, evalCommand, evalField, evalCall, evalArg);
// simplified: values are JSON-shaped (value.ts), a GoStruct stands for a struct pointer with
// methods, and parameter types are coarse (ParamKind).

import { kindName, MISSING, type State } from './exec_state.ts';
import { FuncError, type GoFunc, type ParamKind } from './funcs.ts';
import { type Node, nodeString, type PipeNode } from './node.ts';
import { goQuote } from './quote.ts';
import { GoStruct, goTypeName, isMap, isTrue, NO_VALUE } from './value.ts';

/** evalPipeline evaluates a pipeline, declaring or assigning its variables (exec.go's evalPipeline). */
export function evalPipeline(s: State, dot: unknown, pipe: PipeNode): unknown {
  s.at(pipe);
  let value: unknown = MISSING;
  for (const cmd of pipe.cmds) value = evalCommand(s, dot, cmd, value);
  for (const v of pipe.decl) {
    if (pipe.isAssign) s.setVar(v.ident[0], value);
    else s.vars.push({ name: v.ident[0], value });
  }
  return value;
}

function notAFunction(s: State, args: Node[], final: unknown): void {
  if (args.length > 1 || final !== MISSING)
    s.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
}

function evalCommand(s: State, dot: unknown, cmd: Node & { type: 'command' }, final: unknown): unknown {
  const first = cmd.args[0];
  switch (first.type) {
    case 'field':
      return evalFieldNode(s, dot, first, cmd.args, final);
    case 'chain':
      return evalChainNode(s, dot, first, cmd.args, final);
    case 'identifier':
      return evalFunction(s, dot, first, cmd, cmd.args, final);
    case 'pipe':
      notAFunction(s, cmd.args, final);
      return evalPipeline(s, dot, first);
    case 'variable':
      return evalVariableNode(s, dot, first, cmd.args, final);
  }
  s.at(first);
  notAFunction(s, cmd.args, final);
  switch (first.type) {
    case 'bool':
      return first.value;
    case 'dot':
      return dot;
    case 'nil':
      return s.errorf('nil is not a command');
    case 'number':
      return first.value;
    case 'string':
      return first.text;
  }
  return s.errorf(`can't evaluate command ${goQuote(nodeString(first))}`);
}

function evalFieldNode(
  s: State,
  dot: unknown,
  field: Node & { type: 'field' },
  args: Node[],
  final: unknown,
): unknown {
  s.at(field);
  return evalFieldChain(s, dot, dot, field, field.ident, args, final);
}

function evalChainNode(
  s: State,
  dot: unknown,
  chain: Node & { type: 'chain' },
  args: Node[],
  final: unknown,
): unknown {
  if (chain.node.type === 'nil') s.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
  const pipe = evalArg(s, dot, 'any', chain.node);
  return evalFieldChain(s, dot, pipe, chain, chain.field, args, final);
}

function evalVariableNode(
  s: State,
  dot: unknown,
  v: Node & { type: 'variable' },
  args: Node[],
  final: unknown,
): unknown {
  s.at(v);
  const value = s.varValue(v.ident[0]);
  if (v.ident.length === 1) {
    notAFunction(s, args, final);
    return value;
  }
  return evalFieldChain(s, dot, value, v, v.ident.slice(1), args, final);
}

function evalFieldChain(
  s: State,
  dot: unknown,
  receiver: unknown,
  node: Node,
  ident: string[],
  args: Node[],
  final: unknown,
): unknown {
  const n = ident.length;
  let r = receiver;
  for (let i = 0; i < n - 1; i++) r = evalField(s, dot, ident[i], node, [], MISSING, r);
  return evalField(s, dot, ident[n - 1], node, args, final, r);
}

function evalField(
  s: State,
  dot: unknown,
  name: string,
  node: Node,
  args: Node[],
  final: unknown,
  receiver: unknown,
): unknown {
  if (receiver === NO_VALUE || receiver === undefined) {
    if (s.opts.missingKeyError) s.errorf(`nil data; no entry for key ${goQuote(name)}`);
    return NO_VALUE;
  }
  if (receiver === null) return s.errorf(`nil pointer evaluating interface {}.${name}`);
  const hasArgs = args.length > 1 || final !== MISSING;
  if (receiver instanceof GoStruct) {
    const m = receiver.methods[name];
    if (m) return evalCall(s, dot, m, node, name, args, final);
    if (Object.hasOwn(receiver.fields, name)) {
      if (hasArgs) s.errorf(`${name} has arguments but cannot be invoked as function`);
      return receiver.fields[name];
    }
  } else if (isMap(receiver)) {
    if (hasArgs) s.errorf(`${name} is not a method but has arguments`);
    if (Object.hasOwn(receiver, name)) return receiver[name];
    const alias = s.opts.fieldAliases?.[name];
    if (alias !== undefined && Object.hasOwn(receiver, alias)) return receiver[alias];
    if (s.opts.missingKeyError) s.errorf(`map has no entry for key ${goQuote(name)}`);
    return NO_VALUE;
  }
  return s.errorf(`can't evaluate field ${name} in type ${goTypeName(receiver, s.opts.raw ?? false)}`);
}

function evalFunction(
  s: State,
  dot: unknown,
  node: Node & { type: 'identifier' },
  cmd: Node,
  args: Node[],
  final: unknown,
): unknown {
  s.at(node);
  const fn = s.funcs[node.name];
  if (!fn) return s.errorf(`${goQuote(node.name)} is not a defined function`);
  return evalCall(s, dot, fn, cmd, node.name, args, final);
}

function evalCall(
  s: State,
  dot: unknown,
  fn: GoFunc,
  node: Node,
  name: string,
  args: Node[],
  final: unknown,
): unknown {
  const argNodes = args.slice(1);
  const numIn = argNodes.length + (final !== MISSING ? 1 : 0);
  const numFixed = fn.params.length;
  if (fn.variadic !== undefined) {
    if (numIn < numFixed) {
      s.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${numIn}`);
    }
  } else if (numIn !== numFixed) {
    s.errorf(`wrong number of args for ${name}: want ${numFixed} got ${numIn}`);
  }
  const kindAt = (i: number): ParamKind => (i < numFixed ? fn.params[i] : (fn.variadic ?? 'any'));
  if (fn.lazy) {
    // and / or: evaluate arguments one at a time, stop at the deciding one
    const isAnd = name === 'and';
    let v: unknown = MISSING;
    for (let i = 0; i < argNodes.length; i++) {
      v = evalArg(s, dot, 'any', argNodes[i]);
      if (isTrue(v) !== isAnd) return v;
    }
    if (final !== MISSING) v = final;
    return v;
  }
  const values: unknown[] = argNodes.map((a, i) => evalArg(s, dot, kindAt(i), a));
  if (final !== MISSING) values.push(validateType(s, final, kindAt(values.length)));
  s.at(node);
  try {
    return fn.fn(...values);
  } catch (e) {
    if (e instanceof FuncError) return s.errorf(`error calling ${name}: ${e.message}`);
    throw e;
  }
}

function validateType(s: State, value: unknown, kind: ParamKind): unknown {
  if (value === NO_VALUE) {
    if (kind === 'any' || kind === 'strings') return kind === 'any' ? NO_VALUE : null;
    return s.errorf(`invalid value; expected ${kindName(kind)}`);
  }
  switch (kind) {
    case 'string':
      if (typeof value !== 'string')
        s.errorf(`wrong type for value; expected string; got ${typeNameOf(s, value)}`);
      break;
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value))
        s.errorf(`wrong type for value; expected int; got ${typeNameOf(s, value)}`);
      break;
    case 'strings':
      if (value === null) return [];
      if (!Array.isArray(value) || !value.every((x) => typeof x === 'string')) {
        s.errorf(`wrong type for value; expected []string; got ${typeNameOf(s, value)}`);
      }
      break;
  }
  return value;
}

function typeNameOf(s: State, v: unknown): string {
  return v === null ? 'interface {}' : goTypeName(v, s.opts.raw ?? false);
}

function evalArg(s: State, dot: unknown, kind: ParamKind, n: Node): unknown {
  s.at(n);
  switch (n.type) {
    case 'dot':
      return validateType(s, dot, kind);
    case 'nil':
      if (kind === 'any' || kind === 'strings') return null;
      return s.errorf(`cannot assign nil to ${kindName(kind)}`);
    case 'field':
      return validateType(s, evalFieldNode(s, dot, n, [n], MISSING), kind);
    case 'variable':
      return validateType(s, evalVariableNode(s, dot, n, [], MISSING), kind);
    case 'pipe':
      return validateType(s, evalPipeline(s, dot, n), kind);
    case 'identifier':
      return validateType(s, evalFunction(s, dot, n, n, [n], MISSING), kind);
    case 'chain':
      return validateType(s, evalChainNode(s, dot, n, [], MISSING), kind);
    case 'bool':
      if (kind === 'any') return n.value;
      return s.errorf(`expected ${kind === 'int' ? 'integer' : kindName(kind)}; found ${nodeString(n)}`);
    case 'number':
      if (kind === 'any') return n.value;
      if (kind === 'int') {
        if (!n.isInt) s.errorf(`expected integer; found ${nodeString(n)}`);
        return n.value;
      }
      return s.errorf(`expected ${kindName(kind)}; found ${nodeString(n)}`);
    case 'string':
      if (kind === 'any' || kind === 'string') return n.text;
      return s.errorf(`expected ${kind === 'int' ? 'integer' : kindName(kind)}; found ${nodeString(n)}`);
  }
  return s.errorf(`can't handle ${nodeString(n)} for arg of type ${kindName(kind)}`);
}
