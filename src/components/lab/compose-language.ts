// Compose files in the lab's editor: markers from the simulator's `docker compose config` checks
// (validateComposeFile, same wording) and key/value completion from the Compose Specification's
// JSON schema (compose-spec.json, bundled with the editor chunk, never with the page).

import { type ComposeDiagnostic, validateComposeFile } from '../../sim/index.ts';
import { cursorContext, type JsonSchema, suggestions } from './compose-schema.ts';
import schemaJson from './compose-spec.json';
import { monaco } from './monaco.ts';

const schema = schemaJson as unknown as JsonSchema;

/** isComposeFile tells whether a path is one `docker compose` reads (compose.yaml, docker-compose.yml…). */
export const isComposeFile = (path: string): boolean =>
  /(^|\/)(docker-)?compose(\.[\w-]+)?\.ya?ml$/.test(path);

let registered = false;

/** registerComposeCompletion adds the schema-driven completion provider for YAML (once per page). */
export function registerComposeCompletion(): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCompletionItemProvider('yaml', {
    triggerCharacters: [' '],
    provideCompletionItems(model, position) {
      if (!isComposeFile(model.uri.path)) return { suggestions: [] };
      const ctx = cursorContext(model.getValue(), position.lineNumber, position.column);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: position.column - ctx.prefix.length,
        endColumn: position.column,
      };
      return {
        suggestions: suggestions(schema, ctx).map((s) => ({
          label: s.label,
          kind:
            s.kind === 'key'
              ? monaco.languages.CompletionItemKind.Property
              : monaco.languages.CompletionItemKind.EnumMember,
          insertText: s.kind === 'key' ? `${s.label}: ` : s.label,
          documentation: s.description ? { value: s.description } : undefined,
          range,
        })),
      };
    },
  });
}

/** updateComposeMarkers validates a compose model, sets its markers and returns the diagnostics. */
export function updateComposeMarkers(model: monaco.editor.ITextModel, path: string): ComposeDiagnostic[] {
  const diagnostics = validateComposeFile(model.getValue(), path);
  monaco.editor.setModelMarkers(
    model,
    'compose',
    diagnostics.map((d) => ({
      startLineNumber: d.line,
      startColumn: d.column,
      endLineNumber: d.line,
      endColumn: Math.max(model.getLineMaxColumn(d.line), d.column + 1),
      message: d.message,
      severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      source: 'docker compose config',
    })),
  );
  return diagnostics;
}
