// Completion for compose files from the Compose Specification's JSON schema: compose-spec.json is
// compose-go v2.6.4's schema/compose-spec.json (Apache-2.0), the one docker compose v2.36.2 validates
// with. It tells which keys are valid at the cursor's YAML path and which values (enums, booleans) a
// key takes, each with the schema's description. Plain TS over text and schema (no Monaco here).

/** JsonSchema is the part of a JSON schema node this module reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  definitions?: Record<string, JsonSchema>;
}

/** Suggestion is one completion: a key (inserted as `key: `) or a value. */
export interface Suggestion {
  label: string;
  kind: 'key' | 'value';
  description: string;
}

/** CursorContext is where the cursor stands: the key path above it, and the key whose value it types. */
export interface CursorContext {
  path: string[];
  /** valueKey is set when the cursor is after `key: ` on its line. */
  valueKey?: string;
  /** listItem is true when the cursor's line starts with `- `. */
  listItem: boolean;
  /** prefix is the word typed so far. */
  prefix: string;
}

const KEY_LINE = /^(\s*)((?:- +)*)("[^"]*"|'[^']*'|[^\s#"'[{-][^:#]*?)\s*:(?:\s|$)/;

/** cursorContext reads the YAML path at a cursor (line and column 1-based, as in Monaco). */
export function cursorContext(text: string, line: number, column: number): CursorContext {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const before = (lines[line - 1] ?? '').slice(0, column - 1);
  const value = /^(\s*)((?:- +)*)("[^"]*"|'[^']*'|[^\s#"'[{-][^:#]*?)\s*:\s+([\w.+-]*)$/.exec(before);
  const key = /^(\s*)((?:- +)*)([\w.-]*)$/.exec(before);
  const m = value ?? key;
  if (!m) return { path: [], listItem: false, prefix: '' };
  const indent = m[1].length + m[2].length;
  const stack: Array<{ indent: number; key: string }> = [];
  for (const raw of lines.slice(0, line - 1)) {
    const k = KEY_LINE.exec(raw);
    const item = /^(\s*)- /.exec(raw);
    const at = k ? k[1].length + k[2].length : item ? item[1].length : -1;
    if (at < 0) continue;
    while (stack.length && stack[stack.length - 1].indent >= at) stack.pop();
    if (k) stack.push({ indent: at, key: k[3].replace(/^(["'])(.*)\1$/, '$2') });
  }
  while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
  const path = stack.map((s) => s.key);
  if (value)
    return {
      path,
      valueKey: value[3].replace(/^(["'])(.*)\1$/, '$2'),
      listItem: m[2] !== '',
      prefix: value[4],
    };
  return { path, listItem: m[2] !== '', prefix: m[3] };
}

/** expand follows $ref and flattens oneOf/anyOf/allOf into the alternatives of a node. */
function expand(root: JsonSchema, node: JsonSchema | undefined, depth = 0): JsonSchema[] {
  if (!node || depth > 12) return [];
  if (node.$ref) {
    const name = node.$ref.replace(/^#\/definitions\//, '');
    const target = root.definitions?.[name];
    return target
      ? expand(root, { ...target, description: node.description ?? target.description }, depth + 1)
      : [];
  }
  const alternatives = [...(node.oneOf ?? []), ...(node.anyOf ?? []), ...(node.allOf ?? [])];
  return [node, ...alternatives.flatMap((a) => expand(root, a, depth + 1))];
}

/** child finds the schema of `key` under a node: a property, a matching pattern, or a list's items. */
function child(root: JsonSchema, nodes: JsonSchema[], key: string): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const n of nodes) {
    const direct = n.properties?.[key];
    if (direct) {
      out.push(...expand(root, direct));
      continue;
    }
    for (const [pattern, sub] of Object.entries(n.patternProperties ?? {}))
      if (pattern !== '^x-' && new RegExp(pattern).test(key)) out.push(...expand(root, sub));
    if (n.items) out.push(...child(root, expand(root, n.items), key));
  }
  return out;
}

const described = (root: JsonSchema, node: JsonSchema): string =>
  node.description ?? expand(root, node).find((n) => n.description)?.description ?? '';

/** nodesAt walks the schema along a key path. */
export function nodesAt(root: JsonSchema, path: string[]): JsonSchema[] {
  let nodes = expand(root, root);
  for (const key of path) nodes = child(root, nodes, key);
  return nodes;
}

/** suggestions lists the keys or values the schema allows at a cursor context. */
export function suggestions(root: JsonSchema, ctx: CursorContext): Suggestion[] {
  const seen = new Map<string, Suggestion>();
  if (ctx.valueKey !== undefined) {
    for (const n of nodesAt(root, [...ctx.path, ctx.valueKey])) {
      const types = Array.isArray(n.type) ? n.type : n.type ? [n.type] : [];
      const values = n.enum ? n.enum.map(String) : types.includes('boolean') ? ['true', 'false'] : [];
      for (const v of values)
        if (!seen.has(v)) seen.set(v, { label: v, kind: 'value', description: described(root, n) });
    }
    return [...seen.values()];
  }
  let nodes = nodesAt(root, ctx.path);
  // `- ` under a list: the keys of its items' objects.
  if (ctx.listItem) nodes = nodes.flatMap((n) => (n.items ? expand(root, n.items) : []));
  for (const n of nodes)
    for (const [key, sub] of Object.entries(n.properties ?? {}))
      if (!seen.has(key)) seen.set(key, { label: key, kind: 'key', description: described(root, sub) });
  return [...seen.values()];
}
