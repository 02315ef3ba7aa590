// "Copy link" buttons for the lesson's section headings (h2 and h3 with the ids MDX gives them),
// following Starlight's heading anchors: the heading and its button share a wrapper, so the
// heading's accessible name stays its own text. Strings come from the page's first <dnl-lab>.

import { copyText, pageLink } from './copy.ts';

function addHeadingLinks(): void {
  const lab = document.querySelector<HTMLElement>('dnl-lab');
  const template = lab?.dataset.copySection;
  if (!lab || !template) return;
  const messages = { copied: lab.dataset.copied ?? '', failed: lab.dataset.copyFailed ?? '' };
  for (const heading of document.querySelectorAll<HTMLElement>('.prose :is(h2, h3)[id]')) {
    if (heading.closest('dnl-lab, .dnl-heading')) continue;
    const wrapper = document.createElement('div');
    wrapper.className = `dnl-heading dnl-heading-${heading.localName}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'dnl-heading-link';
    const mark = document.createElement('span');
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = '#';
    const label = document.createElement('span');
    label.className = 'visually-hidden';
    label.textContent = template.replace('{title}', heading.textContent?.trim() ?? '');
    button.append(mark, label);
    button.addEventListener('click', () => void copyText(pageLink(heading.id), label, messages));
    heading.replaceWith(wrapper);
    wrapper.append(heading, button);
  }
}

try {
  addHeadingLinks();
} catch {
  // The links are a convenience: the headings keep their ids and the table of contents works.
}
