// Copy to the clipboard with feedback: the Clipboard API, else a selected field and execCommand,
// and a short message in a status element (or the button) either way. Never throws.

/** copyText copies `text` and says so in `status` (restored after a moment); true when copied. */
export async function copyText(
  text: string,
  status: HTMLElement,
  messages: { copied: string; failed: string },
  field?: HTMLInputElement | HTMLTextAreaElement,
): Promise<boolean> {
  let copied = false;
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
  window.setTimeout(() => {
    status.textContent = status.dataset.idleText ?? '';
  }, 2500);
  return copied;
}

/** pageLink is the current page's address with a new fragment (`#id`), for copy-link buttons. */
export function pageLink(fragment: string): string {
  return `${location.origin}${location.pathname}${location.search}#${fragment}`;
}
