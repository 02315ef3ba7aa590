/**
 * UI strings. Every visible piece of interface text lives in `en.json` under a flat dotted key,
 * so wording changes (and a future translation) happen in one place.
 */
import en from './en.json' with { type: 'json' };

/** UiKey is the name of one UI string in `en.json`. */
export type UiKey = keyof typeof en;

/** t returns the UI string for `key`, with `{name}` placeholders replaced from `vars`. */
export function t(key: UiKey, vars: Record<string, string | number> = {}): string {
  const template: string | undefined = en[key];
  if (template === undefined) throw new Error(`Unknown UI string key "${key}"`);
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`UI string "${key}" needs a value for {${name}}`);
    return String(value);
  });
}
