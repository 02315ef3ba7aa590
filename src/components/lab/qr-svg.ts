// A QR code as an SVG element built from uqr's module matrix with DOM calls (no markup strings):
// one <path> of dark squares on a white square, dark-on-light in both themes so phones can read it.

import { encode } from 'uqr';

const SVG = 'http://www.w3.org/2000/svg';

/** qrSvg draws `text` as a QR code, or returns undefined when it is too long for one. */
export function qrSvg(text: string, label: string): SVGSVGElement | undefined {
  let data: boolean[][];
  try {
    data = encode(text, { ecc: 'L', border: 2 }).data;
  } catch {
    return undefined;
  }
  const size = data.length;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#ffffff');
  const path = document.createElementNS(SVG, 'path');
  const d: string[] = [];
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d.push(`M${x} ${y}h1v1h-1z`);
    });
  });
  path.setAttribute('d', d.join(''));
  path.setAttribute('fill', '#000000');
  svg.append(background, path);
  return svg;
}
