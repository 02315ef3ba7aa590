// "Share" and "Embed this": the lab's two dialogs (server-rendered <dialog> elements in Lab.astro).
// Share encodes the lab's state into a `#share=` link (state/lab-link.ts) with a QR code; Embed
// gives the iframe snippet of /embed/<scenario>/. Both are modal <dialog>s: focus stays inside,
// Esc closes, and focus returns to the button that opened them. Loaded when first opened.

import { encodeLink, LINK_VERSION } from '../state/lab-link.ts';
import type { LabStore } from '../state/lab-store.ts';
import { copyText } from './copy.ts';
import { qrSvg } from './qr-svg.ts';

/** DialogStrings are the dialogs' changing texts (from en.json, rendered into the page). */
export interface DialogStrings {
  copied: string;
  copiedHtml: string;
  copyFailed: string;
  tooLarge: string;
  qrTooLong: string;
  qrLabel: string;
}

function showDialog(dialog: HTMLDialogElement, opener: HTMLElement): void {
  if (dialog.dataset.wired === undefined) {
    dialog.dataset.wired = '';
    dialog.querySelector('[data-close]')?.addEventListener('click', () => dialog.close());
    dialog.addEventListener('click', (e) => {
      if (e.target === dialog) dialog.close();
    });
  }
  dialog.addEventListener('close', () => opener.focus(), { once: true });
  dialog.showModal();
}

function wireCopy(
  dialog: HTMLDialogElement,
  field: HTMLInputElement | HTMLTextAreaElement,
  s: DialogStrings,
  copied = s.copied,
) {
  const button = dialog.querySelector<HTMLButtonElement>('[data-copy]');
  const status = dialog.querySelector<HTMLElement>('[data-copy-status]');
  if (!button || !status || button.dataset.wired !== undefined) return;
  button.dataset.wired = '';
  button.addEventListener('click', () => {
    void copyText(field.value, status, { copied, failed: s.copyFailed }, field);
  });
}

/** shareUrl is the address of this page with the lab's state in a `#share=` fragment. */
export async function shareUrl(store: LabStore, instance: string): Promise<string | undefined> {
  const log = store.log.map((e) =>
    e.kind === 'command'
      ? { kind: e.kind, host: e.host, line: e.line }
      : { kind: e.kind, host: e.host, path: e.path, content: e.content },
  );
  const text = await encodeLink({
    v: LINK_VERSION,
    scenario: store.scenario.id,
    instance,
    seed: store.seed,
    log,
  });
  return text && `${location.origin}${location.pathname}${location.search}#share=${text}`;
}

/** openShare fills and opens a lab's share dialog. */
export async function openShare(lab: HTMLElement, store: LabStore, opener: HTMLElement, s: DialogStrings) {
  const dialog = lab.querySelector<HTMLDialogElement>('dialog[data-dialog="share"]');
  const field = dialog?.querySelector<HTMLInputElement>('[data-share-url]');
  const qr = dialog?.querySelector<HTMLElement>('[data-qr]');
  const problem = dialog?.querySelector<HTMLElement>('[data-share-problem]');
  if (!dialog || !field || !qr || !problem) return;
  const url = await shareUrl(store, lab.dataset.instance ?? '');
  field.value = url ?? '';
  field.closest('[data-share-link]')?.toggleAttribute('hidden', !url);
  problem.hidden = true;
  qr.replaceChildren();
  if (!url) {
    problem.textContent = s.tooLarge;
    problem.hidden = false;
  } else {
    const svg = qrSvg(url, s.qrLabel);
    if (svg) qr.append(svg);
    else {
      problem.textContent = s.qrTooLong;
      problem.hidden = false;
    }
  }
  wireCopy(dialog, field, s);
  showDialog(dialog, opener);
}

/** openEmbed fills and opens a lab's "Embed this" dialog with the iframe snippet. */
export function openEmbed(lab: HTMLElement, opener: HTMLElement, s: DialogStrings): void {
  const dialog = lab.querySelector<HTMLDialogElement>('dialog[data-dialog="embed"]');
  const field = dialog?.querySelector<HTMLTextAreaElement>('[data-embed-code]');
  if (!dialog || !field) return;
  const src = new URL(lab.dataset.embedPath ?? '/', location.href).href;
  const title = (lab.dataset.embedTitle ?? '').replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  field.value = `<iframe src="${src}" title="${title}" width="100%" height="640" loading="lazy" style="border: 0"></iframe>`;
  wireCopy(dialog, field, s, s.copiedHtml);
  showDialog(dialog, opener);
}
