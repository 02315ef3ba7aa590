// Mirrors moby/buildkit frontend/dockerfile/parser (line continuations, comments, JSON vs shell
// form) and instructions/parse.go for FROM, RUN, COPY, ADD, ENV, EXPOSE, WORKDIR, CMD, ENTRYPOINT,
// LABEL, ARG, USER; simplified: no heredocs, --mount, multi-stage COPY --from or ONBUILD.

import { invalidParameter } from '../errdefs.ts';

/** Instruction is one parsed Dockerfile instruction. */
export interface Instruction {
  /** cmd is the upper-case keyword ("RUN"). */
  cmd: string;
  /** original is the instruction as the progress shows it ("RUN apk add curl"). */
  original: string;
  /** args are the instruction's arguments (JSON form: the array; shell form: one string). */
  args: string[];
  /** json is true for the exec form (`CMD ["nginx"]`). */
  json: boolean;
  /** line is the 1-based line where the instruction starts. */
  line: number;
}

const KNOWN = new Set([
  'FROM',
  'RUN',
  'COPY',
  'ADD',
  'ENV',
  'EXPOSE',
  'WORKDIR',
  'CMD',
  'ENTRYPOINT',
  'LABEL',
  'ARG',
  'USER',
  'STOPSIGNAL',
  'VOLUME',
  'MAINTAINER',
  'HEALTHCHECK',
  'SHELL',
  'ONBUILD',
]);

/** parseDockerfile splits a Dockerfile into instructions, as buildkit's parser does. */
export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) {
      line = line.slice(0, -1);
      i++;
      const next = lines[i].trim();
      if (!next.startsWith('#')) line += ` ${next}`;
    }
    line = line.replace(/\s+/g, ' ').trim();
    const m = /^(\S+)\s*(.*)$/.exec(line) as RegExpExecArray;
    const cmd = m[1].toUpperCase();
    if (!KNOWN.has(cmd))
      throw invalidParameter(`dockerfile parse error on line ${start + 1}: unknown instruction: ${m[1]}`);
    const rest = m[2];
    let args = [rest];
    let json = false;
    if (rest.startsWith('[')) {
      try {
        const parsed = JSON.parse(rest) as unknown;
        if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) {
          args = parsed;
          json = true;
        }
      } catch {
        // not JSON: shell form
      }
    }
    out.push({ cmd, original: `${cmd} ${rest}`, args, json, line: start + 1 });
  }
  if (out.length === 0) throw invalidParameter('the Dockerfile cannot be empty');
  const first = out.find((x) => x.cmd !== 'ARG');
  if (first?.cmd !== 'FROM')
    throw invalidParameter(
      `dockerfile parse error on line ${first?.line ?? 1}: no build stage in current context`,
    );
  return out;
}

/** splitKeyValues parses `K=V K2="a b"` (ENV, LABEL, ARG) and the legacy `ENV K V` form. */
export function splitKeyValues(s: string): Array<[string, string]> {
  if (!/^[^\s=]+=/.test(s)) {
    const sp = s.indexOf(' ');
    return sp < 0 ? [[s, '']] : [[s.slice(0, sp), s.slice(sp + 1)]];
  }
  const out: Array<[string, string]> = [];
  const re = /([^\s=]+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    let v = m[2];
    if (v.startsWith('"')) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    else if (v.startsWith("'")) v = v.slice(1, -1);
    out.push([m[1], v]);
  }
  return out;
}

/** expandVars substitutes $VAR and ${VAR} (buildkit shell lexer, without modifiers beyond :-). */
export function expandVars(s: string, vars: Record<string, string>): string {
  return s.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (_m, a, def, b) => {
      const v = vars[a ?? b];
      return v === undefined || v === '' ? (def ?? '') : v;
    },
  );
}

/** dockerignoreMatcher is moby/patternmatcher for .dockerignore lines: it tells whether a path
 * relative to the context is excluded (globs *, ?, **, and ! exceptions; later lines win). */
export function dockerignoreMatcher(text: string | undefined): (rel: string) => boolean {
  const rules = (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const pat = (negate ? l.slice(1) : l).replace(/^\/+/, '').replace(/\/+$/, '');
      const src = pat
        .split('/')
        .map((part) =>
          part === '**'
            ? '.*'
            : part
                .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]'),
        )
        .join('/');
      return { negate, re: new RegExp(`^${src}(/.*)?$`) };
    });
  return (rel) => {
    let excluded = false;
    for (const r of rules) if (r.re.test(rel)) excluded = !r.negate;
    return excluded;
  };
}
