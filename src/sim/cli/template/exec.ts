// Mirrors Go's text/template/exec.go (Execute, walk, walkIfOrWith, walkRange); simplified: values
// are JSON-shaped (value.ts), a GoStruct stands for a struct pointer with methods, and parameter
// types are coarse (ParamKind).

import { evalPipeline } from './exec_eval.ts';
import { type ExecOptions, State } from './exec_state.ts';
import type { FuncMap } from './funcs.ts';
import { type Node, nodeString, type Tree } from './node.ts';
import { GoText, goPrint, isMap, isTrue, NO_VALUE } from './value.ts';

class BreakSignal {}
class ContinueSignal {}

/** execute runs a parsed tree against data and returns the output. */
export function execute(tree: Tree, data: unknown, funcs: FuncMap, opts: ExecOptions = {}): string {
  const s = new State(tree, data, funcs, opts);
  walk(s, data, tree.root);
  return s.out;
}

function walk(s: State, dot: unknown, node: Node): void {
  if (++s.depth > 10000) s.errorf('exceeded maximum template depth (100000)');
  try {
    switch (node.type) {
      case 'action': {
        const val = evalPipeline(s, dot, node.pipe);
        if (node.pipe.decl.length === 0) {
          s.at(node);
          s.out += goPrint(val);
        }
        return;
      }
      case 'text':
        s.out += node.text;
        return;
      case 'comment':
        return;
      case 'list':
        for (const n of node.nodes) walk(s, dot, n);
        return;
      case 'if':
      case 'with': {
        const mark = s.vars.length;
        const val = evalPipeline(s, dot, node.pipe);
        if (isTrue(val)) walk(s, node.type === 'with' ? val : dot, node.list);
        else if (node.elseList) walk(s, dot, node.elseList);
        s.vars.length = mark;
        return;
      }
      case 'range':
        walkRange(s, dot, node as Node & { type: 'range' });
        return;
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      default:
        s.errorf(`unknown node: ${nodeString(node)}`);
    }
  } finally {
    s.depth--;
  }
}

function walkRange(s: State, dot: unknown, r: Node & { type: 'range' }): void {
  s.at(r);
  const mark = s.vars.length;
  const val = evalPipeline(s, dot, r.pipe);
  const decl = r.pipe.decl;
  const afterDecl = s.vars.length;
  const one = (index: unknown, elem: unknown): boolean => {
    if (decl.length > 0) {
      if (r.pipe.isAssign) s.setVar(decl[0].ident[0], decl.length > 1 ? index : elem);
      else s.vars[afterDecl - 1].value = elem;
    }
    if (decl.length > 1) {
      if (r.pipe.isAssign) s.setVar(decl[1].ident[0], elem);
      else s.vars[afterDecl - 2].value = index;
    }
    try {
      walk(s, elem, r.list);
    } catch (e) {
      if (e instanceof BreakSignal) return false;
      if (!(e instanceof ContinueSignal)) throw e;
    } finally {
      s.vars.length = afterDecl;
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
  } else if (typeof val === 'number' && Number.isInteger(val) && !s.opts.raw) {
    if (decl.length > 1) s.errorf(`can't use ${val} to iterate over more than one variable`);
    for (let i = 0; i < val; i++) {
      iterated = true;
      if (!one(i, i)) break;
    }
  } else if (val !== null && val !== NO_VALUE && !(val instanceof GoText && !val.truthy)) {
    s.errorf(`range can't iterate over ${goPrint(val)}`);
  }
  s.vars.length = mark;
  if (!iterated && r.elseList) walk(s, dot, r.elseList);
}
