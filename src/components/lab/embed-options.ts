// Options of an embedded lab (/embed/<scenario>/), read from its query string:
//   ?panes=terminal,topology   which of the scenario's panes to show (unknown names are ignored)
//   ?height=480                the terminal's height in CSS pixels (EMBED_HEIGHT.min–max)
// Anything invalid falls back to the default, so a hand-written URL can never break the lab.

import { PANES, type Pane } from '../../scenarios/panes.ts';

/** EMBED_HEIGHT bounds the `height` option (pixels). */
export const EMBED_HEIGHT = { min: 160, max: 1200 } as const;

/** EmbedOptions are the parsed options: undefined means "the default". */
export interface EmbedOptions {
  panes: Pane[] | undefined;
  height: number | undefined;
}

/** parseEmbedOptions reads panes and height from a query string, keeping only valid values. */
export function parseEmbedOptions(search: string, available: readonly Pane[]): EmbedOptions {
  const params = new URLSearchParams(search);
  const names = (params.get('panes') ?? '').split(',').map((p) => p.trim());
  const panes = PANES.filter((p) => names.includes(p) && available.includes(p));
  const raw = params.get('height') ?? '';
  const height = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
  return {
    panes: panes.length > 0 ? panes : undefined,
    height: height >= EMBED_HEIGHT.min && height <= EMBED_HEIGHT.max ? height : undefined,
  };
}

/** applyEmbedOptions hides the panes left out and sizes the terminal of a server-rendered lab. */
export function applyEmbedOptions(lab: HTMLElement, options: EmbedOptions): void {
  if (options.panes) {
    const shown = new Set<string>(options.panes);
    for (const pane of lab.querySelectorAll<HTMLElement>('[data-pane]'))
      if (!shown.has(pane.dataset.pane ?? '')) pane.hidden = true;
    if (!shown.has('terminal')) lab.dataset.noTerminal = '';
  }
  if (options.height) lab.style.setProperty('--dnl-lab-terminal-height', `${options.height}px`);
}
