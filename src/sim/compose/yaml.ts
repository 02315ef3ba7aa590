// Mirrors gopkg.in/yaml.v3 as compose-go uses it (its error wording: "yaml: line N: …");
// simplified: a line-based subset sufficient for compose files — block maps and lists, plain,
// single- and double-quoted scalars, comments, block scalars (| and > with - / + chomping), flow
// lists and maps (also across lines), `---` at the top. No anchors, tags or multi-documents.

/** YamlValue is what a document decodes to (YAML 1.2 core schema: null, bool, int, float, string). */
export type YamlValue = null | boolean | number | string | YamlValue[] | { [key: string]: YamlValue };

/** YamlError is a syntax error with go-yaml's message ("yaml: line 3: did not find expected key"). */
export class YamlError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`yaml: line ${line}: ${message}`);
    this.name = 'YamlError';
    this.line = line;
  }
}

interface Line {
  no: number;
  indent: number;
  /** text is the content after the indentation, without a trailing comment. */
  text: string;
  raw: string;
}

/** stripComment removes a ` #…` comment that is outside quotes. */
function stripComment(s: string): string {
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s[{,:-]/.test(s[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]))) return s.slice(0, i).trimEnd();
  }
  return s.trimEnd();
}

/** keyColon finds the `:` that ends a mapping key (followed by space or end), outside quotes and flows. */
function keyColon(s: string): number {
  let quote = '';
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s[{,]/.test(s[i - 1]))) quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ':' && depth === 0 && (i + 1 === s.length || s[i + 1] === ' ')) return i;
  }
  return -1;
}

const INT = /^[-+]?(0|[1-9][0-9]*)$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** resolvePlain gives a plain scalar its YAML 1.2 type. */
function resolvePlain(s: string): YamlValue {
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  if (/^(true|True|TRUE)$/.test(s)) return true;
  if (/^(false|False|FALSE)$/.test(s)) return false;
  if (INT.test(s)) return Number(s);
  if (/^0o[0-7]+$/.test(s)) return Number.parseInt(s.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return Number.parseInt(s.slice(2), 16);
  if (FLOAT.test(s) && /[0-9]/.test(s)) return Number(s);
  return s;
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '"': '"',
  '\\': '\\',
  '/': '/',
  '0': '\0',
  ' ': ' ',
};

/** Parser is a cursor over the document's lines. */
class Parser {
  readonly lines: Line[];
  pos = 0;
  constructor(lines: Line[]) {
    this.lines = lines;
  }

  peek(): Line | undefined {
    while (this.pos < this.lines.length && this.lines[this.pos].text === '') this.pos++;
    return this.lines[this.pos];
  }

  /** node parses the block node starting at the next line whose indent is ≥ min. */
  node(min: number): YamlValue {
    const l = this.peek();
    if (!l || l.indent < min) return null;
    if (l.text === '-' || l.text.startsWith('- ')) return this.sequence(l.indent);
    if (keyColon(l.text) >= 0 && !/^[[{"']/.test(l.text)) return this.mapping(l.indent);
    if (/^[[{"']/.test(l.text) && keyColon(l.text) >= 0 && /^("[^"]*"|'[^']*')\s*:/.test(l.text))
      return this.mapping(l.indent);
    this.pos++;
    return this.inlineValue(l, l.text, l.indent);
  }

  sequence(indent: number): YamlValue[] {
    const out: YamlValue[] = [];
    for (let l = this.peek(); l && l.indent === indent; l = this.peek()) {
      // A key at the same indent ends a list nested as `key:\n- item` (the mapping goes on).
      if (!(l.text === '-' || l.text.startsWith('- '))) break;
      const rest = l.text.slice(1).replace(/^ +/, '');
      if (rest === '') {
        this.pos++;
        out.push(this.node(indent + 1));
        continue;
      }
      // "- key: v" opens a compact mapping or list: re-read the rest as a line indented further.
      const offset = l.text.length - rest.length;
      l.indent += offset;
      l.text = rest;
      if (rest.startsWith('- ') || rest === '-' || (keyColon(rest) >= 0 && !/^[[{]/.test(rest))) {
        out.push(this.node(l.indent));
      } else {
        this.pos++;
        out.push(this.inlineValue(l, rest, l.indent));
      }
    }
    const next = this.peek();
    if (next && next.indent > indent) throw new YamlError(next.no, "did not find expected '-' indicator");
    return out;
  }

  mapping(indent: number): { [key: string]: YamlValue } {
    const out: { [key: string]: YamlValue } = {};
    const seen = new Map<string, number>();
    for (let l = this.peek(); l && l.indent === indent; l = this.peek()) {
      if (l.text.startsWith('- ') || l.text === '-')
        throw new YamlError(l.no - 1, 'did not find expected key');
      const colon = keyColon(l.text);
      if (colon < 0) throw new YamlError(l.no + 1, "could not find expected ':'");
      const key = String(this.scalar(l.text.slice(0, colon).trim(), l.no));
      if (seen.has(key))
        throw new YamlError(l.no, `mapping key "${key}" already defined at line ${seen.get(key)}`);
      seen.set(key, l.no);
      const rest = l.text.slice(colon + 1).trim();
      this.pos++;
      if (rest === '') {
        const next = this.peek();
        if (next && next.indent === indent && (next.text.startsWith('- ') || next.text === '-'))
          out[key] = this.sequence(indent);
        else out[key] = this.node(indent + 1);
      } else {
        out[key] = this.inlineValue(l, rest, indent);
      }
    }
    // A key between two indentation levels: libyaml's parser error, whose mark go-yaml reports
    // 0-based (one line up), as it does for every parser (not scanner) error.
    const next = this.peek();
    if (next && next.indent > indent) throw new YamlError(next.no - 1, 'did not find expected key');
    return out;
  }

  /** inlineValue parses what follows `key:` or `- ` on a line: block scalar, flow or plain scalar. */
  inlineValue(l: Line, rest: string, parentIndent: number): YamlValue {
    if (/^[|>][-+0-9]*$/.test(rest)) return this.blockScalar(rest, parentIndent);
    if (rest.startsWith('[') || rest.startsWith('{')) {
      let text = rest;
      while (!balanced(text)) {
        const next = this.lines[this.pos];
        if (!next) throw new YamlError(l.no, `did not find expected ',' or '${rest[0] === '[' ? ']' : '}'}'`);
        text += ` ${next.text}`;
        this.pos++;
      }
      const flow = new FlowParser(text, l.no);
      const v = flow.value();
      flow.end();
      return v;
    }
    if (keyColon(rest) >= 0 && !/^["']/.test(rest))
      throw new YamlError(l.no, 'mapping values are not allowed in this context');
    // A plain scalar may continue on more indented lines (folded with spaces).
    let text = rest;
    for (let n = this.peek(); n && n.indent > parentIndent && !/^["']/.test(rest); n = this.peek()) {
      if (keyColon(n.text) >= 0) throw new YamlError(n.no, 'mapping values are not allowed in this context');
      text += ` ${n.text}`;
      this.pos++;
    }
    return this.scalar(text, l.no);
  }

  scalar(s: string, no: number): YamlValue {
    if (s.startsWith('"')) {
      if (!/^"(?:[^"\\]|\\.)*"$/.test(s)) throw new YamlError(no, 'found unexpected end of stream');
      return s
        .slice(1, -1)
        .replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (_m, e: string) =>
          e.length > 1 ? String.fromCharCode(Number.parseInt(e.slice(1), 16)) : (ESCAPES[e] ?? e),
        );
    }
    if (s.startsWith("'")) {
      if (!/^'(?:[^']|'')*'$/.test(s)) throw new YamlError(no, 'found unexpected end of stream');
      return s.slice(1, -1).replace(/''/g, "'");
    }
    if (/^[@`]/.test(s)) throw new YamlError(no, 'found character that cannot start any token');
    return resolvePlain(s);
  }

  blockScalar(header: string, parentIndent: number): string {
    const keep = header.includes('+');
    const strip = header.includes('-');
    const body: Array<{ indent: number; raw: string }> = [];
    let indent = -1;
    while (this.pos < this.lines.length) {
      const l = this.lines[this.pos];
      const blank = l.raw.trim() === '';
      if (!blank) {
        if (indent < 0) indent = l.indent;
        if (l.indent < indent || l.indent <= parentIndent) break;
      }
      body.push({ indent: l.indent, raw: l.raw });
      this.pos++;
    }
    while (body.length > 0 && body[body.length - 1].raw.trim() === '' && !keep) body.pop();
    const rows = body.map((b) => (b.raw.trim() === '' ? '' : b.raw.slice(Math.max(indent, 0))));
    let text: string;
    if (header.startsWith('|')) text = rows.join('\n');
    else
      text = rows.reduce(
        (acc, r, i) => (i === 0 ? r : acc + (r === '' || rows[i - 1] === '' ? '\n' : ' ') + r),
        '',
      );
    if (strip || rows.length === 0) return text;
    return `${text}\n`;
  }
}

function balanced(s: string): boolean {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth <= 0;
}

/** FlowParser reads `[a, b]` and `{k: v}` collections. */
class FlowParser {
  readonly s: string;
  readonly no: number;
  i = 0;
  constructor(s: string, no: number) {
    this.s = s;
    this.no = no;
  }
  ws(): void {
    while (this.s[this.i] === ' ') this.i++;
  }
  end(): void {
    this.ws();
    if (this.i < this.s.length) throw new YamlError(this.no, 'did not find expected <document start>');
  }
  value(): YamlValue {
    this.ws();
    const c = this.s[this.i];
    if (c === '[') return this.list();
    if (c === '{') return this.map();
    return this.atom();
  }
  atom(): YamlValue {
    this.ws();
    const start = this.i;
    const c = this.s[this.i];
    if (c === '"' || c === "'") {
      this.i++;
      while (this.i < this.s.length && this.s[this.i] !== c)
        this.i += this.s[this.i] === '\\' && c === '"' ? 2 : 1;
      this.i++;
      return new Parser([]).scalar(this.s.slice(start, this.i), this.no);
    }
    while (
      this.i < this.s.length &&
      !/[,\]}]/.test(this.s[this.i]) &&
      !(this.s[this.i] === ':' && /[ ,\]}]/.test(this.s[this.i + 1] ?? ' '))
    )
      this.i++;
    return resolvePlain(this.s.slice(start, this.i).trim());
  }
  list(): YamlValue[] {
    const out: YamlValue[] = [];
    this.i++;
    for (;;) {
      this.ws();
      if (this.s[this.i] === ']') {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== ']') throw new YamlError(this.no, "did not find expected ',' or ']'");
    }
  }
  map(): { [key: string]: YamlValue } {
    const out: { [key: string]: YamlValue } = {};
    this.i++;
    for (;;) {
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      const key = String(this.atom());
      this.ws();
      let v: YamlValue = null;
      if (this.s[this.i] === ':') {
        this.i++;
        v = this.value();
      }
      out[key] = v;
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== '}') throw new YamlError(this.no, "did not find expected ',' or '}'");
    }
  }
}

/** parseYaml decodes one YAML document; it throws YamlError with go-yaml's wording. */
export function parseYaml(text: string): YamlValue {
  const lines: Line[] = [];
  for (const [i, raw] of text.replace(/\r\n/g, '\n').split('\n').entries()) {
    const m = /^( *)(.*)$/.exec(raw) as RegExpExecArray;
    if (m[2].startsWith('\t') && m[2].trim() !== '')
      throw new YamlError(i + 1, 'found character that cannot start any token');
    const body = stripComment(m[2]);
    if (i === 0 && body === '---') {
      lines.push({ no: 1, indent: 0, text: '', raw: '' });
      continue;
    }
    lines.push({ no: i + 1, indent: m[1].length, text: body.startsWith('#') ? '' : body, raw });
  }
  const p = new Parser(lines);
  const first = p.peek();
  if (!first) return null;
  const v = p.node(0);
  const rest = p.peek();
  if (rest)
    throw new YamlError(
      rest.no - 1,
      rest.indent > 0 ? 'did not find expected key' : 'did not find expected <document start>',
    );
  return v;
}
