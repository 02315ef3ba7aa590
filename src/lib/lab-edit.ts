// What an <Edit> step does to a lab file, and how a <Try> with `from` gets its value: pure text
// functions shared by the page (edit-element.ts, try-element.ts) and the build-time handout
// (handout-output.ts), so the lab on screen and the printed outputs follow the same rules.

/** LAB_DIR is where the lab's editable files live (the simulator's LAB_HOME). */
const LAB_DIR = '/root';

/** FileEdit is one <Edit>: the file, the text to put in, and the text it replaces (if any). */
export interface FileEdit {
  file: string;
  content: string;
  /** replace is the exact text the content takes the place of; without it the content is appended. */
  replace?: string;
}

/** labPath turns an <Edit>'s file (`compose.yaml` or `/root/compose.yaml`) into its absolute path. */
export function labPath(file: string): string {
  const name = file.trim();
  return name.startsWith('/') ? name : `${LAB_DIR}/${name}`;
}

/**
 * applyEdit returns a file's text after an edit: unchanged when it already holds the content (the
 * learner typed it, or pressed Apply twice); else `replace`'s first occurrence becomes the content;
 * else the content goes on new lines at the end. A missing file is created with the content.
 */
export function applyEdit(current: string | undefined, edit: FileEdit): string {
  const content = edit.content.replace(/\n*$/, '');
  const text = current ?? '';
  if (content === '' || text.includes(content)) return text;
  if (edit.replace && text.includes(edit.replace)) return text.replace(edit.replace, () => content);
  const lead = text === '' || text.endsWith('\n') ? '' : '\n';
  return `${text}${lead}${content}\n`;
}

/** PLACEHOLDER is how a <Try> command marks the value its `from` command prints: `{{token}}`. */
const PLACEHOLDER = /\{\{([A-Za-z][\w-]*)\}\}/g;

/** placeholderNames lists the `{{name}}` placeholders of a command, in order. */
export function placeholderNames(command: string): string[] {
  return [...command.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** fillPlaceholders puts a value (the `from` command's output, trimmed) in place of each placeholder. */
export function fillPlaceholders(command: string, value: string): string {
  const filled = value.trim();
  return command.replace(PLACEHOLDER, () => filled);
}

/** showPlaceholders writes each placeholder as `<name>`, the way the page shows the command. */
export function showPlaceholders(command: string): string {
  return command.replace(PLACEHOLDER, (_, name: string) => `<${name}>`);
}

/** usableValue tells whether a `from` command's output can fill a placeholder: one word, no error. */
export function usableValue(exitCode: number, stdout: string): boolean {
  return exitCode === 0 && /^\S+$/.test(stdout.trim());
}
