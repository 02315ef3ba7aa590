// Mirrors docker/cli cli/command/formatter/formatter.go (Context.Write: preFormat, parseFormat,
// postFormat with the table writer) and reflect.go (MarshalJSON of a formatter context).

import { CliError } from '../errors.ts';
import { tabulate } from '../tabwriter.ts';
import {
  ExecError,
  type GoMethod,
  GoStruct,
  HEADER_FUNCS,
  MarshaledJSON,
  parseTemplate,
  TemplateParseError,
} from '../template/index.ts';

/** isTableFormat is Format.IsTable. */
export function isTableFormat(f: string): boolean {
  return f.startsWith('table');
}

/** formatterStruct builds a formatter context whose {{json .}} is its zero-arg methods, sorted, json.Marshal'd. */
export function formatterStruct(typeName: string, methods: Record<string, GoMethod>): GoStruct {
  return new GoStruct(typeName, {}, methods, () => {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(methods).sort()) if (methods[k].params.length === 0) o[k] = methods[k].fn();
    return new MarshaledJSON(o);
  });
}

/** stringMethods turns name → getter into template methods. */
export function stringMethods(getters: Record<string, () => unknown>): Record<string, GoMethod> {
  const out: Record<string, GoMethod> = {};
  for (const [k, fn] of Object.entries(getters)) out[k] = { params: [], fn };
  return out;
}

/** writeFormatted renders rows as Context.Write does; throws CliError on template errors. */
export function writeFormatted(format: string, headers: Record<string, string>, rows: GoStruct[]): string {
  let final = format;
  if (isTableFormat(format)) final = final.slice('table'.length);
  else if (format === 'json') final = '{{json .}}';
  final = final
    .replace(/^ +| +$/g, '')
    .replace(/\\t/g, '\t')
    .replace(/\\n/g, '\n');
  let tmpl: ReturnType<typeof parseTemplate>;
  try {
    tmpl = parseTemplate(final);
  } catch (e) {
    if (e instanceof TemplateParseError) throw new CliError(`template parsing error: ${e.message}`);
    throw e;
  }
  let buffer = '';
  for (const row of rows) {
    try {
      buffer += tmpl.execute(row);
    } catch (e) {
      if (e instanceof ExecError) throw new CliError(`template parsing error: ${e.message}`);
      throw e;
    }
    buffer += '\n';
  }
  if (!isTableFormat(format)) return buffer;
  let header = '';
  try {
    header = tmpl.withFuncs(HEADER_FUNCS).execute(headers);
  } catch {
    // Go ignores the header template's error (the Execute result is not checked)
  }
  return tabulate(`${header}\n${buffer}`);
}
