// What `docker compose config` would say about a compose file, as editor diagnostics: the loader's
// own errors and warnings (project.ts, yaml.ts — the same wording), placed at the line and column of
// the key they are about. Unlike the real command, which stops at the first error, every unknown key
// gets its own diagnostic (each worded as compose-go's schema check words it).

import { loadProject, NETWORK_KEYS, SERVICE_KEYS, TOP_LEVEL_KEYS } from './project.ts';
import { parseYaml, YamlError, type YamlValue } from './yaml.ts';

/** ComposeDiagnostic is one problem in a compose file; line and column are 1-based. */
export interface ComposeDiagnostic {
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

interface KeyLine {
  path: string[];
  line: number;
  column: number;
}

const KEY = /^(\s*)((?:- +)*)("[^"]*"|'[^']*'|[^\s#"'\-[{][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:\s|$)/;

/** keyLines lists every block-style mapping key with its path from the document's root. */
export function keyLines(text: string): KeyLine[] {
  const out: KeyLine[] = [];
  const stack: Array<{ indent: number; key: string }> = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  for (const [i, raw] of lines.entries()) {
    const m = KEY.exec(raw);
    if (!m) {
      // A list item without a key still ends deeper mappings at its indentation.
      const item = /^(\s*)- /.exec(raw);
      if (item) while (stack.length && stack[stack.length - 1].indent >= item[1].length) stack.pop();
      continue;
    }
    const indent = m[1].length + m[2].length;
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    const key = m[3].replace(/^(["'])(.*)\1$/, '$2');
    stack.push({ indent, key });
    out.push({ path: stack.map((s) => s.key), line: i + 1, column: indent + 1 });
  }
  return out;
}

/** locate finds the line of the longest prefix of `path` that appears in the file (else line 1). */
function locate(keys: KeyLine[], path: string[]): { line: number; column: number } {
  for (let n = path.length; n > 0; n--) {
    const hit = keys.find((k) => k.path.length === n && k.path.every((p, i) => p === path[i]));
    if (hit) return { line: hit.line, column: hit.column };
  }
  return { line: 1, column: 1 };
}

/** pathOf tells which key a loader message is about, from its wording. */
function pathOf(message: string): string[] {
  let m = /additional properties '([^']*)' not allowed/.exec(message);
  const where = /: ([\w.-]+) additional properties/.exec(message);
  if (m) return [...(where ? where[1].split('.') : []), m[1]];
  m = /^service "([^"]+)" refers to undefined network (\S+):/.exec(message);
  if (m) return ['services', m[1], 'networks', m[2]];
  m = /^service "([^"]+)" depends on undefined service "([^"]+)"/.exec(message);
  if (m) return ['services', m[1], 'depends_on', m[2]];
  m = /^service "([^"]+)"/.exec(message);
  if (m) return ['services', m[1]];
  m = /(?:^validating |^)(services\.[\w.-]+)/.exec(message);
  if (m) return m[1].split('.');
  return [];
}

const isObj = (v: YamlValue | undefined): v is { [k: string]: YamlValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** unknownKeys finds every key the schema does not allow, worded as the loader words the first. */
function unknownKeys(doc: YamlValue, file: string): Array<{ path: string[]; message: string }> {
  const out: Array<{ path: string[]; message: string }> = [];
  if (!isObj(doc)) return out;
  const check = (where: string[], o: YamlValue, allowed: Set<string>) => {
    if (!isObj(o)) return;
    for (const k of Object.keys(o))
      if (!allowed.has(k) && !k.startsWith('x-'))
        out.push({
          path: [...where, k],
          message: `validating ${file}: ${where.length ? `${where.join('.')} ` : ''}additional properties '${k}' not allowed`,
        });
  };
  check([], doc, TOP_LEVEL_KEYS);
  if (isObj(doc.services))
    for (const [name, s] of Object.entries(doc.services)) check(['services', name], s, SERVICE_KEYS);
  if (isObj(doc.networks))
    for (const [name, n] of Object.entries(doc.networks)) check(['networks', name], n, NETWORK_KEYS);
  return out;
}

/** validateComposeFile checks a compose file as `docker compose config` would (file is its path). */
export function validateComposeFile(text: string, file = '/root/compose.yaml'): ComposeDiagnostic[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const lineStart = (line: number): number => {
    const raw = lines[line - 1] ?? '';
    return raw.length - raw.trimStart().length + 1;
  };
  let doc: YamlValue;
  try {
    doc = parseYaml(text);
  } catch (e) {
    if (!(e instanceof YamlError)) throw e;
    const line = Math.min(Math.max(e.line, 1), lines.length);
    return [{ line, column: lineStart(line), message: e.message, severity: 'error' }];
  }
  const keys = keyLines(text);
  const out: ComposeDiagnostic[] = [];
  const unknown = unknownKeys(doc, file);
  for (const u of unknown) out.push({ ...locate(keys, u.path), message: u.message, severity: 'error' });
  try {
    loadProject({
      file,
      content: text,
      env: {},
      warn: (message) => out.push({ ...locate(keys, ['version']), message, severity: 'warning' }),
    });
  } catch (e) {
    const message = (e as Error).message;
    if (!unknown.some((u) => u.message === message))
      out.push({ ...locate(keys, pathOf(message)), message, severity: 'error' });
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
