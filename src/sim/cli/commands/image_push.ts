// Mirrors docker/cli cli/command/image/push.go (RunPush: "Using default tag: latest", the
// jsonmessage stream rendered without a TTY, errors from the stream); simplified: no content trust,
// no --all-tags, no registry login (the lab registry accepts every namespace but library/).

import { pathEscape } from '../client.ts';
import type { CommandSpec } from '../cobra.ts';
import { exactArgs } from '../cobra.ts';
import { CliError } from '../errors.ts';
import { decodeMessages, displayJSONMessages, familiarName, normalizeRef } from './image_pull.ts';

/** pushCommand is `docker push` / `docker image push`. */
export const pushCommand: CommandSpec = {
  use: 'push [OPTIONS] NAME[:TAG]',
  short: 'Upload an image to a registry',
  args: exactArgs(1),
  annotations: { 'category-top': '6', aliases: 'docker image push, docker push' },
  flags: [
    { name: 'all-tags', shorthand: 'a', usage: 'Push all tags of an image to the repository', kind: 'bool' },
    { name: 'quiet', shorthand: 'q', usage: 'Suppress verbose output', kind: 'bool' },
    {
      name: 'platform',
      usage: 'Push a platform-specific manifest as a single-platform image to the registry.',
      kind: 'string',
    },
    { name: 'disable-content-trust', usage: 'Skip image signing', kind: 'bool', initial: true },
  ],
  run: (ctx, args, flags) => {
    const raw = args[0];
    const ref = normalizeRef(raw);
    if (!ref) throw new CliError('invalid reference format');
    const nameOnly = !(raw.lastIndexOf(':') > raw.lastIndexOf('/'));
    if (nameOnly) ctx.println('Using default tag: latest');
    const resp = ctx.client.raw('POST', `/images/${pathEscape(familiarName(ref))}/push`, {
      tag: ref.tag ?? 'latest',
    });
    const { text, error } = displayJSONMessages(decodeMessages(resp));
    if (!flags.get<boolean>('quiet')) ctx.out(text);
    if (error !== undefined) throw new CliError(error);
    if (flags.get<boolean>('quiet')) ctx.println(`${familiarName(ref) === raw ? raw : raw}`);
  },
};
