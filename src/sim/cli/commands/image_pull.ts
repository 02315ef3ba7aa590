// Mirrors docker/cli cli/command/image/pull.go, distribution/reference (ParseNormalizedNamed,
// FamiliarString, TagNameOnly) and moby pkg/jsonmessage (DisplayJSONMessagesStream, non-TTY);
// simplified: no content trust, no registry auth.

import type { RunContext } from '../context.ts';
import { CliError } from '../errors.ts';

/** NamedRef is a normalized image reference. */
export interface NamedRef {
  domain: string;
  path: string;
  tag?: string;
  digest?: string;
}

const NAME_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$/;

/** normalizeRef is ParseNormalizedNamed + TagNameOnly; undefined when invalid. */
export function normalizeRef(s: string): NamedRef | undefined {
  let rest = s;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^[a-z0-9]+:[a-f0-9]{32,}$/.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return undefined;
  }
  let domain = 'docker.io';
  let path = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (
      first.includes('.') ||
      first.includes(':') ||
      first === 'localhost' ||
      first.toLowerCase() !== first
    ) {
      domain = first;
      path = rest.slice(slash + 1);
    }
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  if (path === '' || !path.split('/').every((c) => NAME_COMPONENT.test(c))) return undefined;
  if (!tag && !digest) tag = 'latest';
  return { domain, path, tag, digest };
}

/** familiarName is reference.FamiliarName ("alpine", "user/app", "reg:5000/x"). */
export function familiarName(r: NamedRef): string {
  if (r.domain === 'docker.io')
    return r.path.startsWith('library/') && r.path.split('/').length === 2 ? r.path.slice(8) : r.path;
  return `${r.domain}/${r.path}`;
}

/** familiarString is reference.FamiliarString. */
export function familiarString(r: NamedRef): string {
  return familiarName(r) + (r.tag ? `:${r.tag}` : '') + (r.digest ? `@${r.digest}` : '');
}

/** fullString is Reference.String() ("docker.io/library/alpine:latest"). */
export function fullString(r: NamedRef): string {
  return `${r.domain}/${r.path}` + (r.tag ? `:${r.tag}` : '') + (r.digest ? `@${r.digest}` : '');
}

interface JSONMessage {
  status?: string;
  id?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number };
  stream?: string;
  from?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: unknown;
}

/** displayJSONMessages renders a pull stream as the non-TTY jsonmessage renderer does. */
export function displayJSONMessages(messages: JSONMessage[]): { text: string; error?: string } {
  let text = '';
  for (const jm of messages) {
    if (jm.aux !== undefined) continue;
    if (jm.errorDetail || jm.error) return { text, error: jm.errorDetail?.message ?? jm.error ?? '' };
    const pd = jm.progressDetail;
    if (pd && ((pd.current ?? 0) > 0 || (pd.total ?? 0) > 0)) continue; // progress bars are dropped off a TTY
    if (jm.id) text += `${jm.id}: `;
    if (jm.from) text += `(from ${jm.from}) `;
    if (jm.stream) text += jm.stream;
    else text += `${jm.status ?? ''}\n`;
  }
  return { text };
}

/** decodeMessages reads the daemon's progress stream: a JSON array or newline-delimited JSON. */
export function decodeMessages(resp: { json?: unknown; stream?: () => { stdout: string } }): JSONMessage[] {
  if (Array.isArray(resp.json)) return resp.json as JSONMessage[];
  const out: JSONMessage[] = [];
  const text = resp.stream ? resp.stream().stdout : typeof resp.json === 'string' ? resp.json : '';
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as JSONMessage);
    } catch {
      // a broken line ends the stream as json.Decoder would; ignore the rest
      break;
    }
  }
  return out;
}

/** pullImage is POST /images/create with the progress rendered to stdout or stderr. */
export function pullImage(ctx: RunContext, image: string, quiet: boolean, to: 'out' | 'err'): NamedRef {
  const ref = normalizeRef(image);
  if (!ref) throw new CliError(`invalid reference format: repository name (${image}) must be lowercase`);
  const query: Record<string, string> = { fromImage: `${ref.domain}/${ref.path}` };
  query.tag = ref.digest ?? ref.tag ?? 'latest';
  const resp = ctx.client.raw('POST', '/images/create', query);
  const { text, error } = displayJSONMessages(decodeMessages(resp));
  if (!quiet) {
    if (to === 'out') ctx.out(text);
    else ctx.err(text);
  }
  if (error !== undefined) throw new CliError(error);
  return ref;
}
