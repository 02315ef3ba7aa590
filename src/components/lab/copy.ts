// Copy to the clipboard with feedback: the Clipboard API, else a selected field and execCommand,
// and a short message in a status element (or the button) either way. Never throws. When the
// message goes into a button's own text, a page-wide polite live region says it too: screen
// readers do not read a focused button's new name by themselves.

/** announcer is the page's polite live region for copy messages, created before its first use. */
function announcer(): HTMLElement {
  let region = document.querySelector<HTMLElement>('[data-copy-announcer]');
  if (!region) {
    region = document.createElement('div');
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    region.dataset.copyAnnouncer = '';
    (document.querySelector('main') ?? document.body).append(region);
  }
  return region;
}

/** copyText copies `text` and says so in `status` (restored after a moment); true when copied. */
export async function copyText(
  text: string,
  status: HTMLElement,
  messages: { copied: string; failed: string },
  field?: HTMLInputElement | HTMLTextAreaElement,
): Promise<boolean> {
  let copied = false;
  // Made before the (asynchronous) copy, so the region exists when its text changes.
  const region = status.closest('[role="status"]') ? undefined : announcer();
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    if (field) {
      field.select();
      try {
        copied = document.execCommand('copy');
      } catch {
        copied = false;
      }
    }
  }
  const before = status.dataset.idleText ?? status.textContent ?? '';
  status.dataset.idleText = before;
  status.textContent = copied ? messages.copied : messages.failed;
  if (region) region.textContent = status.textContent;
  window.setTimeout(() => {
    status.textContent = status.dataset.idleText ?? '';
    if (region) region.textContent = '';
  }, 2500);
  return copied;
}

/** pageLink is the current page's address with a new fragment (`#id`), for copy-link buttons. */
export function pageLink(fragment: string): string {
  return `${location.origin}${location.pathname}${location.search}#${fragment}`;
}
