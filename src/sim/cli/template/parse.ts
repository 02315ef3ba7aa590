// Mirrors Go's text/template/parse/parse.go; simplified: no define/template/block,
// numbers are float64 or int only, no complex numbers.

import { type Item, itemString } from './item.ts';
import { lex } from './lex.ts';
import { type Node, nodeString, type PipeNode, type Tree } from './node.ts';
import { goQuote, unquoteGo } from './quote.ts';

/** TemplateParseError is a parse failure worded as Go's parse errors ("template: :1: ..."). */
export class TemplateParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateParseError';
  }
}

/** parse parses a template source; funcs is the set of defined function names. */
export function parse(name: string, text: string, funcs: ReadonlySet<string>): Tree {
  const items = lex(text);
  let idx = 0;
  let vars: string[] = ['$'];
  let rangeDepth = 0;
  let lastLine = 1;

  const fail = (msg: string): never => {
    throw new TemplateParseError(`template: ${name}:${lastLine}: ${msg}`);
  };
  const next = (): Item => {
    const it = items[Math.min(idx, items.length - 1)];
    idx++;
    lastLine = it.line;
    if (it.typ === 'error') fail(it.val);
    return it;
  };
  const backup = (n = 1): void => {
    idx -= n;
  };
  const peek = (): Item => items[Math.min(idx, items.length - 1)];
  const nextNonSpace = (): Item => {
    for (;;) {
      const it = next();
      if (it.typ !== 'space') return it;
    }
  };
  const peekNonSpace = (): Item => {
    const save = idx;
    const it = nextNonSpace();
    idx = save;
    return it;
  };
  const isKw = (it: Item, kw: string): boolean => it.typ === 'keyword' && it.val === kw;
  const unexpected = (it: Item, context: string): never => fail(`unexpected ${itemString(it)} in ${context}`);
  const expect = (typ: Item['typ'], context: string): Item => {
    const it = nextNonSpace();
    if (it.typ !== typ) unexpected(it, context);
    return it;
  };

  const newList = (pos: number): Node & { type: 'list' } => ({ type: 'list', pos, nodes: [] });

  const parseTop = (): Node & { type: 'list' } => {
    const root = newList(peek().pos);
    while (peek().typ !== 'eof') {
      const n = textOrAction();
      if (n.type === 'end' || n.type === 'else') fail(`unexpected ${nodeString(n)}`);
      root.nodes.push(n);
    }
    next();
    return root;
  };

  const textOrAction = (): Node => {
    const token = nextNonSpace();
    switch (token.typ) {
      case 'text':
        return { type: 'text', pos: token.pos, text: token.val };
      case 'leftDelim':
        return action();
      case 'comment':
        return { type: 'comment', pos: token.pos };
      default:
        return unexpected(token, 'input');
    }
  };

  const action = (): Node => {
    const token = nextNonSpace();
    if (token.typ === 'keyword') {
      switch (token.val) {
        case 'if':
          return control('if');
        case 'range':
          return control('range');
        case 'with':
          return control('with');
        case 'else':
          return elseControl();
        case 'end':
          expect('rightDelim', 'end');
          return { type: 'end', pos: token.pos };
        case 'break':
        case 'continue': {
          if (rangeDepth === 0) fail(`{{${token.val}}} outside {{range}}`);
          expect('rightDelim', token.val);
          return { type: token.val, pos: token.pos };
        }
        default:
          fail(`{{${token.val}}} is not supported by this template engine`);
      }
    }
    backup();
    const t = peek();
    return { type: 'action', pos: t.pos, line: t.line, pipe: pipeline('command', 'rightDelim') };
  };

  const elseControl = (): Node => {
    const p = peekNonSpace();
    if (isKw(p, 'if') || isKw(p, 'with')) return { type: 'else', pos: p.pos };
    const token = expect('rightDelim', 'else');
    return { type: 'else', pos: token.pos };
  };

  const itemList = (): { list: Node & { type: 'list' }; next: Node } => {
    const list = newList(peekNonSpace().pos);
    while (peekNonSpace().typ !== 'eof') {
      const n = textOrAction();
      if (n.type === 'end' || n.type === 'else') return { list, next: n };
      list.nodes.push(n);
    }
    return fail('unexpected EOF');
  };

  const control = (context: 'if' | 'range' | 'with'): Node => {
    const saveVars = vars.length;
    const pipe = pipeline(context, 'rightDelim');
    if (context === 'range') rangeDepth++;
    const { list, next: nxt } = itemList();
    if (context === 'range') rangeDepth--;
    let elseList: (Node & { type: 'list' }) | undefined;
    if (nxt.type === 'else') {
      if (
        (context === 'if' && isKw(peekNonSpace(), 'if')) ||
        (context === 'with' && isKw(peekNonSpace(), 'with'))
      ) {
        nextNonSpace();
        const el = newList(nxt.pos);
        el.nodes.push(control(context));
        elseList = el;
      } else {
        const r = itemList();
        elseList = r.list;
        if (r.next.type !== 'end') fail(`expected end; found ${nodeString(r.next)}`);
      }
    }
    vars = vars.slice(0, saveVars);
    return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
  };

  const pipeline = (context: string, end: Item['typ']): PipeNode => {
    const token = peekNonSpace();
    const pipe: PipeNode = {
      type: 'pipe',
      pos: token.pos,
      line: token.line,
      isAssign: false,
      decl: [],
      cmds: [],
    };
    for (;;) {
      const v = peekNonSpace();
      if (v.typ !== 'variable') break;
      const save = idx;
      nextNonSpace();
      const after = peekNonSpace();
      if (after.typ === 'assign' || after.typ === 'declare') {
        pipe.isAssign = after.typ === 'assign';
        nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: [v.val] });
        vars.push(v.val);
        break;
      }
      if (after.typ === 'char' && after.val === ',') {
        nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: [v.val] });
        vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = peekNonSpace();
          if (p.typ === 'variable' || p.typ === 'rightDelim' || p.typ === 'rightParen') continue;
          fail('range can only initialize variables');
        }
        fail(`too many declarations in ${context}`);
      }
      idx = save;
      break;
    }
    for (;;) {
      const t = nextNonSpace();
      if (t.typ === end) {
        if (pipe.cmds.length === 0) fail(`missing value for ${context}`);
        pipe.cmds.slice(1).forEach((c, i) => {
          const k = c.args[0].type;
          if (k === 'bool' || k === 'dot' || k === 'nil' || k === 'number' || k === 'string') {
            fail(`non executable command in pipeline stage ${i + 2}`);
          }
        });
        return pipe;
      }
      switch (t.typ) {
        case 'bool':
        case 'charConstant':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          backup();
          pipe.cmds.push(command());
          break;
        default:
          unexpected(t, context);
      }
    }
  };

  const command = (): { type: 'command'; pos: number; args: Node[] } => {
    const cmd = { type: 'command' as const, pos: peekNonSpace().pos, args: [] as Node[] };
    for (;;) {
      peekNonSpace();
      const op = operand();
      if (op) cmd.args.push(op);
      const t = next();
      if (t.typ === 'space') continue;
      if (t.typ === 'rightDelim' || t.typ === 'rightParen') backup();
      else if (t.typ !== 'pipe') unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) fail('empty command');
    return cmd;
  };

  const operand = (): Node | undefined => {
    let node = term();
    if (!node) return undefined;
    if (peek().typ === 'field') {
      const fields: string[] = [];
      const pos = peek().pos;
      while (peek().typ === 'field') fields.push(next().val.slice(1));
      switch (node.type) {
        case 'field':
          node = { type: 'field', pos, ident: [...node.ident, ...fields] };
          break;
        case 'variable':
          node = { type: 'variable', pos, ident: [...node.ident, ...fields] };
          break;
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          fail(`unexpected . after term ${goQuote(nodeString(node))}`);
          break;
        default:
          node = { type: 'chain', pos, node, field: fields };
      }
    }
    return node;
  };

  const term = (): Node | undefined => {
    const t = nextNonSpace();
    switch (t.typ) {
      case 'identifier':
        if (!funcs.has(t.val)) fail(`function ${goQuote(t.val)} not defined`);
        return { type: 'identifier', pos: t.pos, name: t.val };
      case 'dot':
        return { type: 'dot', pos: t.pos };
      case 'nil':
        return { type: 'nil', pos: t.pos };
      case 'variable': {
        const ident = t.val.split('.');
        if (!vars.includes(ident[0])) fail(`undefined variable ${goQuote(ident[0])}`);
        return { type: 'variable', pos: t.pos, ident };
      }
      case 'field':
        return { type: 'field', pos: t.pos, ident: [t.val.slice(1)] };
      case 'bool':
        return { type: 'bool', pos: t.pos, value: t.val === 'true' };
      case 'charConstant': {
        const s = unquoteGo(t.val.slice(1, -1), "'");
        if (s === undefined) fail(`malformed character constant: ${t.val}`);
        const cp = (s as string).codePointAt(0) ?? 0;
        return { type: 'number', pos: t.pos, text: t.val, value: cp, isInt: true };
      }
      case 'number':
        return parseNumber(t);
      case 'leftParen':
        return pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString': {
        const s =
          t.typ === 'rawString' ? t.val.slice(1, -1).replace(/\r/g, '') : unquoteGo(t.val.slice(1, -1), '"');
        if (s === undefined) fail('invalid syntax');
        return { type: 'string', pos: t.pos, quoted: t.val, text: s as string };
      }
      default:
        backup();
        return undefined;
    }
  };

  const parseNumber = (t: Item): Node => {
    const raw = t.val.replace(/_/g, '');
    let value: number;
    let isInt = false;
    if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(raw)) {
      value = Number.parseInt(raw, 16);
      isInt = true;
    } else if (/^[+-]?0[bB][01]+$/.test(raw)) {
      value = Number.parseInt(raw.replace(/0[bB]/, ''), 2);
      isInt = true;
    } else if (/^[+-]?0[oO][0-7]+$/.test(raw)) {
      value = Number.parseInt(raw.replace(/0[oO]/, ''), 8);
      isInt = true;
    } else if (/^[+-]?0[0-7]+$/.test(raw)) {
      value = Number.parseInt(raw, 8);
      isInt = true;
    } else if (/^[+-]?\d+$/.test(raw)) {
      value = Number.parseInt(raw, 10);
      isInt = true;
    } else {
      value = Number(raw);
      if (Number.isNaN(value)) fail(`illegal number syntax: ${goQuote(t.val)}`);
    }
    return { type: 'number', pos: t.pos, text: t.val, value, isInt };
  };

  const root = parseTop();
  return { name, root, text };
}
