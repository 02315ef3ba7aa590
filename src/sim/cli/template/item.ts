// Mirrors Go's text/template/parse/lex.go (item, itemType, key and the lexer's character
// classes); simplified: default delimiters only.

import { goQuote } from './quote.ts';

/** ItemType names a lexical token of a Go template. */
export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'comment'
  | 'assign'
  | 'declare'
  | 'eof'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  | 'keyword'
  | 'dot'
  | 'nil';

/** Item is one token with its byte offset and line. */
export interface Item {
  typ: ItemType;
  pos: number;
  val: string;
  line: number;
}

/** KEYWORDS are the words lexed as keywords (Go's key map; nil becomes its own item). */
export const KEYWORDS = new Set([
  'block',
  'break',
  'continue',
  'define',
  'else',
  'end',
  'if',
  'range',
  'nil',
  'template',
  'with',
]);

/** The default action and comment delimiters and the trim marker, as lex.go's constants. */
export const LEFT = '{{';
export const RIGHT = '}}';
export const LEFT_COMMENT = '/*';
export const RIGHT_COMMENT = '*/';
export const TRIM_MARKER = '-';

/** isSpace reports whether c is template white space (lex.go's isSpace). */
export const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
/** isAlphaNumeric reports whether c may appear in an identifier (lex.go's isAlphaNumeric). */
export const isAlphaNumeric = (c: string): boolean => c === '_' || /[\p{L}\p{Nd}]/u.test(c);

/** itemString renders an item as Go's item.String does (used in "unexpected" errors). */
export function itemString(i: Item): string {
  switch (i.typ) {
    case 'eof':
      return 'EOF';
    case 'error':
      return i.val;
  }
  if (i.typ === 'keyword') return `<${i.val}>`;
  if (i.val.length > 10) return `${goQuote(i.val.slice(0, 10))}...`;
  return goQuote(i.val);
}

/** countNL counts the newlines in s. */
export function countNL(s: string): number {
  let n = 0;
  for (const c of s) if (c === '\n') n++;
  return n;
}

/** rightTrimLength is the length of s's trailing white space (lex.go's rightTrimLength). */
export function rightTrimLength(s: string): number {
  return s.length - s.replace(/[ \t\r\n]+$/, '').length;
}

/** leftTrimLength is the length of s's leading white space (lex.go's leftTrimLength). */
export function leftTrimLength(s: string): number {
  return s.length - s.replace(/^[ \t\r\n]+/, '').length;
}
