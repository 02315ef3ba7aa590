// Mirrors Go's text/template/parse/lex.go; simplified: default delimiters only, no
// per-item line tracking beyond what the parser's error messages need.

import {
  countNL,
  type Item,
  type ItemType,
  isAlphaNumeric,
  isSpace,
  KEYWORDS,
  LEFT,
  LEFT_COMMENT,
  leftTrimLength,
  RIGHT,
  RIGHT_COMMENT,
  rightTrimLength,
  TRIM_MARKER,
} from './item.ts';
import { goQuote, goRuneU } from './quote.ts';

export { goQuote } from './quote.ts';

/** lex tokenizes a template source into items (ending with eof or error). */
export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;
  let insideAction = false;

  const emit = (typ: ItemType): void => {
    items.push({ typ, pos: start, val: input.slice(start, pos), line: startLine });
    start = pos;
    startLine = line;
  };
  const ignore = (): void => {
    line += countNL(input.slice(start, pos));
    start = pos;
    startLine = line;
  };
  const errorf = (msg: string): boolean => {
    items.push({ typ: 'error', pos: start, val: msg, line: startLine });
    return false;
  };
  const next = (): string => {
    if (pos >= input.length) {
      pos = input.length + 1;
      return '';
    }
    const ch = String.fromCodePoint(input.codePointAt(pos) ?? 0);
    pos += ch.length;
    if (ch === '\n') line++;
    return ch;
  };
  const backup = (ch: string): void => {
    if (ch === '') {
      pos = input.length;
      return;
    }
    pos -= ch.length;
    if (ch === '\n') line--;
  };
  const peek = (): string => {
    const c = next();
    backup(c);
    return c;
  };
  const atLeftTrim = (at: number): boolean =>
    input.startsWith(TRIM_MARKER, at) && at + 1 < input.length && isSpace(input[at + 1]);
  const atRightDelim = (): { delim: boolean; trim: boolean } => {
    if (
      input.startsWith(` ${TRIM_MARKER}${RIGHT}`, pos) ||
      input.startsWith(`\t${TRIM_MARKER}${RIGHT}`, pos) ||
      input.startsWith(`\n${TRIM_MARKER}${RIGHT}`, pos) ||
      input.startsWith(`\r${TRIM_MARKER}${RIGHT}`, pos)
    ) {
      return { delim: true, trim: true };
    }
    if (input.startsWith(RIGHT, pos)) return { delim: true, trim: false };
    return { delim: false, trim: false };
  };

  // state functions return false to stop
  const lexText = (): 'action' | 'done' => {
    const x = input.indexOf(LEFT, pos);
    if (x >= 0) {
      if (x > pos) {
        line += countNL(input.slice(pos, x));
        pos = x;
        let trimLen = 0;
        if (atLeftTrim(x + LEFT.length)) trimLen = rightTrimLength(input.slice(start, pos));
        const save = pos;
        pos -= trimLen;
        if (pos > start) emit('text');
        pos = save;
        start = pos;
        startLine = line;
      }
      return 'action';
    }
    pos = input.length;
    if (pos > start) {
      line += countNL(input.slice(start, pos));
      emit('text');
    }
    items.push({ typ: 'eof', pos, val: '', line });
    return 'done';
  };

  const lexLeftDelim = (): boolean => {
    pos += LEFT.length;
    const trimSpace = atLeftTrim(pos);
    const afterMarker = trimSpace ? TRIM_MARKER.length + 1 : 0;
    if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
      pos += afterMarker;
      ignore();
      return lexComment();
    }
    emit('leftDelim');
    pos += afterMarker;
    ignore();
    parenDepth = 0;
    insideAction = true;
    return true;
  };

  const lexComment = (): boolean => {
    pos += LEFT_COMMENT.length;
    const x = input.indexOf(RIGHT_COMMENT, pos);
    if (x < 0) return errorf('unclosed comment');
    pos = x + RIGHT_COMMENT.length;
    const { delim, trim } = atRightDelim();
    if (!delim) return errorf('comment ends before closing delimiter');
    emit('comment');
    if (trim) pos += TRIM_MARKER.length + 1;
    pos += RIGHT.length;
    if (trim) pos += leftTrimLength(input.slice(pos));
    ignore();
    return true;
  };

  const lexRightDelim = (trim: boolean): boolean => {
    if (trim) {
      pos += TRIM_MARKER.length + 1;
      ignore();
    }
    pos += RIGHT.length;
    emit('rightDelim');
    if (trim) {
      pos += leftTrimLength(input.slice(pos));
      ignore();
    }
    insideAction = false;
    return true;
  };

  const lexInsideAction = (): boolean => {
    const { delim, trim } = atRightDelim();
    if (delim) {
      if (parenDepth === 0) return lexRightDelim(trim);
      return errorf('unclosed left paren');
    }
    const r = next();
    if (r === '') return errorf('unclosed action');
    if (isSpace(r)) {
      backup(r);
      return lexSpace();
    }
    if (r === '=') {
      emit('assign');
      return true;
    }
    if (r === ':') {
      if (next() !== '=') return errorf('expected :=');
      emit('declare');
      return true;
    }
    if (r === '|') {
      emit('pipe');
      return true;
    }
    if (r === '"') return lexQuote();
    if (r === '`') return lexRawQuote();
    if (r === '$') return lexVariable();
    if (r === "'") return lexChar();
    if (r === '.') {
      if (pos < input.length) {
        const c = input[pos];
        if (c < '0' || c > '9') return lexField();
      }
    }
    if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
      backup(r);
      return lexNumber();
    }
    if (isAlphaNumeric(r)) {
      backup(r);
      return lexIdentifier();
    }
    if (r === '(') {
      emit('leftParen');
      parenDepth++;
      return true;
    }
    if (r === ')') {
      parenDepth--;
      if (parenDepth < 0) return errorf('unexpected right paren');
      emit('rightParen');
      return true;
    }
    if (r === ',') {
      emit('char');
      return true;
    }
    if ((r.codePointAt(0) ?? 0) <= 0x7f && /[\x21-\x7e]/.test(r)) {
      emit('char');
      return true;
    }
    return errorf(`unrecognized character in action: ${goRuneU(r)}`);
  };

  const lexSpace = (): boolean => {
    let numSpaces = 0;
    for (;;) {
      const r = peek();
      if (r === '' || !isSpace(r)) break;
      next();
      numSpaces++;
    }
    if (isSpace(input[pos - 1] ?? '') && input.startsWith(`${TRIM_MARKER}${RIGHT}`, pos)) {
      backup(input[pos - 1]);
      if (numSpaces === 1) return true;
    }
    emit('space');
    return true;
  };

  const lexIdentifier = (): boolean => {
    for (;;) {
      const r = next();
      if (r !== '' && isAlphaNumeric(r)) continue;
      backup(r);
      const word = input.slice(start, pos);
      if (!atTerminator()) return errorf(`bad character ${goRuneU(r)}`);
      if (KEYWORDS.has(word)) {
        if (word === 'nil') emit('nil');
        else emit('keyword');
      } else if (word === 'true' || word === 'false') emit('bool');
      else emit('identifier');
      return true;
    }
  };

  const lexField = (): boolean => lexFieldOrVariable('field');
  const lexVariable = (): boolean => {
    if (pos < input.length && !isAlphaNumeric(String.fromCodePoint(input.codePointAt(pos) ?? 0))) {
      if (atTerminator()) {
        emit('variable');
        return true;
      }
    }
    if (pos >= input.length) {
      emit('variable');
      return true;
    }
    return lexFieldOrVariable('variable');
  };
  const lexFieldOrVariable = (typ: ItemType): boolean => {
    if (atTerminator()) {
      emit(typ === 'variable' ? 'variable' : 'dot');
      return true;
    }
    let r = '';
    for (;;) {
      r = next();
      if (r === '' || !isAlphaNumeric(r)) {
        backup(r);
        break;
      }
    }
    if (!atTerminator()) return errorf(`bad character ${goRuneU(r)}`);
    emit(typ);
    return true;
  };
  const atTerminator = (): boolean => {
    const r = peek();
    if (r === '' || isSpace(r)) return true;
    if ('.,|:)('.includes(r)) return true;
    return input.startsWith(RIGHT, pos);
  };

  const lexChar = (): boolean => {
    for (;;) {
      let r = next();
      if (r === '\\') {
        r = next();
        if (r !== '' && r !== '\n') continue;
      }
      if (r === '' || r === '\n') return errorf('unterminated character constant');
      if (r === "'") break;
    }
    emit('charConstant');
    return true;
  };

  const lexNumber = (): boolean => {
    const m = /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(\d[\d_]*)?\.?\d*([eE][+-]?\d+)?)i?/.exec(
      input.slice(pos),
    );
    const len = m ? m[0].length : 0;
    pos += len;
    const r = peek();
    if (len === 0 || (r !== '' && isAlphaNumeric(r))) {
      next();
      return errorf(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
    }
    emit('number');
    return true;
  };

  const lexQuote = (): boolean => {
    for (;;) {
      let r = next();
      if (r === '\\') {
        r = next();
        if (r !== '' && r !== '\n') continue;
      }
      if (r === '' || r === '\n') return errorf('unterminated quoted string');
      if (r === '"') break;
    }
    emit('string');
    return true;
  };

  const lexRawQuote = (): boolean => {
    const x = input.indexOf('`', pos);
    if (x < 0) return errorf('unterminated raw quoted string');
    line += countNL(input.slice(pos, x));
    pos = x + 1;
    emit('rawString');
    return true;
  };

  for (let guard = 0; guard < input.length * 4 + 16; guard++) {
    if (!insideAction) {
      if (lexText() === 'done') return items;
      if (!lexLeftDelim()) return items;
    } else if (!lexInsideAction()) return items;
  }
  items.push({ typ: 'error', pos, val: 'template too complex', line });
  return items;
}
