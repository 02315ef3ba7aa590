// Mirrors docker/cli cli/command/inspect/inspector.go (Inspect, TemplateInspector with the raw
// JSON fallback, the indented and compact JSON inspectors); simplified: the template runs on the
// raw JSON with missingkey=error (the result docker shows when its typed pass fails), and struct
// field names whose JSON key differs (ID/Id, HostIP/HostIp) are accepted as the typed pass would.

import { goEscapeHTML } from '../api/wire-json.ts';
import type { RunContext } from './context.ts';
import { CliError } from './errors.ts';
import { ExecError, parseTemplate, TemplateParseError } from './template/index.ts';

// The daemon's JSON arrives HTML-escaped (WriteJSON), and json.Indent/Compact keep its escapes:
// an nginx label shows as "NGINX Docker Maintainers \u003cdocker-maint@nginx.com\u003e".

/** jsonIndent re-indents JSON as json.Indent(dst, src, "", "    ") does. */
export function jsonIndent(v: unknown): string {
  return goEscapeHTML(JSON.stringify(v, null, 4) ?? 'null');
}

/** jsonCompact is json.Compact of the daemon's JSON. */
export function jsonCompact(v: unknown): string {
  return goEscapeHTML(JSON.stringify(v) ?? 'null');
}

const FIELD_ALIASES = { ID: 'Id', HostIP: 'HostIp' };

/** GetRef fetches one object's raw JSON; it throws a CliError (ApiError) when missing. */
export type GetRef = (ref: string) => unknown;

/** TypedView turns an object's raw JSON into what docker's typed template pass would see. */
export type TypedView = (raw: unknown) => unknown;

/** inspect is inspect.Inspect: prints all found objects, joins errors (exit 1). */
export function inspect(
  ctx: RunContext,
  refs: string[],
  format: string,
  getRef: GetRef,
  typed?: TypedView,
): void {
  let tmpl: ReturnType<typeof parseTemplate> | undefined;
  if (format !== '' && format !== 'json') {
    try {
      tmpl = parseTemplate(format);
    } catch (e) {
      if (e instanceof TemplateParseError) throw new CliError(`template parsing error: ${e.message}`, 64);
      throw e;
    }
  }
  const errs: string[] = [];
  const elements: unknown[] = [];
  let buffer = '';
  for (const ref of refs) {
    let raw: unknown;
    try {
      raw = getRef(ref);
    } catch (e) {
      if (e instanceof CliError) {
        errs.push(e.message);
        continue;
      }
      throw e;
    }
    if (!tmpl) {
      elements.push(raw);
      continue;
    }
    const opts = { missingKeyError: true, raw: true, fieldAliases: FIELD_ALIASES };
    try {
      let text: string;
      try {
        text = tmpl.execute(typed ? typed(raw) : raw, opts);
      } catch (e) {
        // tryRawInspectFallback: a failed typed pass is retried on the raw JSON.
        if (!typed || !(e instanceof ExecError)) throw e;
        text = tmpl.execute(raw, opts);
      }
      buffer += `${text}\n`;
    } catch (e) {
      if (e instanceof ExecError) errs.push(`template parsing error: ${e.message}`);
      else throw e;
    }
  }
  if (tmpl) ctx.out(buffer === '' ? '\n' : buffer);
  else if (elements.length === 0) ctx.out('[]\n');
  else ctx.out(`${format === 'json' ? jsonCompact(elements) : jsonIndent(elements)}\n`);
  if (errs.length > 0) throw new CliError(errs.join('\n'), 1);
}
