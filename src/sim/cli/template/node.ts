// Mirrors Go's text/template/parse/node.go; simplified: no define/template/block,
// numbers are float64 or int only, no complex numbers.

import { goQuote } from './quote.ts';

/** Node is one node of a parsed template tree. */
export type Node =
  | { type: 'list'; pos: number; nodes: Node[] }
  | { type: 'text'; pos: number; text: string }
  | { type: 'comment'; pos: number }
  | { type: 'action'; pos: number; line: number; pipe: PipeNode }
  | {
      type: 'if' | 'range' | 'with';
      pos: number;
      line: number;
      pipe: PipeNode;
      list: Node & { type: 'list' };
      elseList?: Node & { type: 'list' };
    }
  | { type: 'break' | 'continue'; pos: number }
  | { type: 'end' | 'else'; pos: number }
  | PipeNode
  | { type: 'command'; pos: number; args: Node[] }
  | { type: 'field'; pos: number; ident: string[] }
  | { type: 'variable'; pos: number; ident: string[] }
  | { type: 'identifier'; pos: number; name: string }
  | { type: 'chain'; pos: number; node: Node; field: string[] }
  | { type: 'dot'; pos: number }
  | { type: 'nil'; pos: number }
  | { type: 'bool'; pos: number; value: boolean }
  | { type: 'number'; pos: number; text: string; value: number; isInt: boolean }
  | { type: 'string'; pos: number; quoted: string; text: string };

/** PipeNode is a pipeline with optional declarations. */
export interface PipeNode {
  type: 'pipe';
  pos: number;
  line: number;
  isAssign: boolean;
  decl: Array<{ type: 'variable'; pos: number; ident: string[] }>;
  cmds: Array<{ type: 'command'; pos: number; args: Node[] }>;
}

/** Tree is a parsed template: its root list plus the source (for error locations). */
export interface Tree {
  name: string;
  root: Node & { type: 'list' };
  text: string;
}
/** nodeString renders a node as Go's Node.String does (used in error contexts). */
export function nodeString(n: Node): string {
  switch (n.type) {
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'text':
      return goQuote(n.text);
    case 'comment':
      return '{{/* */}}';
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'pipe': {
      let s = '';
      if (n.decl.length > 0) s = `${n.decl.map(nodeString).join(', ')} ${n.isAssign ? '=' : ':='} `;
      return s + n.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'field':
      return n.ident.map((i) => `.${i}`).join('');
    case 'variable':
      return n.ident.join('.');
    case 'identifier':
      return n.name;
    case 'chain':
      return (
        (n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) +
        n.field.map((f) => `.${f}`).join('')
      );
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(n.value);
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'if':
    case 'range':
    case 'with':
      return `{{${n.type} ${nodeString(n.pipe)}}}`;
    default:
      return `{{${n.type}}}`;
  }
}
