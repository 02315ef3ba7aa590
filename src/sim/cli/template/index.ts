// Mirrors docker/cli templates/templates.go (Parse, New, NewParse) over our port of Go's
// text/template; simplified: one template per parse (no define/template/block).

import { execute } from './exec.ts';
import type { ExecOptions } from './exec_state.ts';
import { BUILTINS, DOCKER_FUNCS, type FuncMap } from './funcs.ts';
import type { Tree } from './node.ts';
import { parse } from './parse.ts';

export { ExecError } from './exec_state.ts';
export { FuncError, type FuncMap, HEADER_FUNCS } from './funcs.ts';
export { TemplateParseError } from './parse.ts';
export { type GoMethod, GoStruct, GoText, goJSON, goPrint, MarshaledJSON, NO_VALUE } from './value.ts';

/** Template is a parsed Go template with its function map. */
export class Template {
  readonly tree: Tree;
  readonly funcs: FuncMap;
  constructor(tree: Tree, funcs: FuncMap) {
    this.tree = tree;
    this.funcs = funcs;
  }

  /** execute runs the template against data (throws ExecError). */
  execute(data: unknown, opts: ExecOptions = {}): string {
    return execute(this.tree, data, this.funcs, opts);
  }

  /** withFuncs returns the same tree with some functions replaced, as Template.Funcs does. */
  withFuncs(extra: FuncMap): Template {
    return new Template(this.tree, { ...this.funcs, ...extra });
  }
}

/** parseTemplate parses text as docker's templates.NewParse(name, text) does (throws TemplateParseError). */
export function parseTemplate(text: string, name = '', extra: FuncMap = {}): Template {
  const funcs: FuncMap = { ...BUILTINS, ...DOCKER_FUNCS, ...extra };
  const tree = parse(name, text, new Set(Object.keys(funcs)));
  return new Template(tree, funcs);
}
