// A Sätteri hast plugin for lessons (Astro 7's Markdown/MDX processor): wraps every table,
// Markdown or JSX, in a focusable, labelled region that scrolls sideways, so a wide table never
// widens a 320 px page and keyboard users can still scroll it (axe: scrollable-region-focusable).
// The region's label is the table's caption, else "Table".

/**
 * @typedef {{ type: string, tagName?: string, name?: string, children?: Node[], value?: string }} Node
 * @typedef {{ wrapNode(node: Node, parent: Node): void, textContent(node: Node): string }} Ctx
 */

/** @param {Node} node @returns {boolean} */
const isCaption = (node) =>
  (node.type === 'element' && node.tagName === 'caption') ||
  (node.type === 'mdxJsxFlowElement' && node.name === 'caption');

/** scrollRegion is the wrapper element for a table. @param {Node} table @param {Ctx} ctx @returns {Node} */
export function scrollRegion(table, ctx) {
  const caption = (table.children ?? []).find(isCaption);
  const label = caption ? ctx.textContent(caption).replace(/\s+/g, ' ').trim() : '';
  return {
    type: 'element',
    tagName: 'div',
    // @ts-expect-error hast properties
    properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: label || 'Table' },
    children: [],
  };
}

/** @param {Node} node @param {Ctx} ctx */
const wrap = (node, ctx) => ctx.wrapNode(node, scrollRegion(node, ctx));

/** tableScroll is the plugin: `satteri({ hastPlugins: [tableScroll] })`. */
export const tableScroll = {
  name: 'dnl-table-scroll',
  element: { filter: ['table'], visit: wrap },
  mdxJsxFlowElement: { filter: ['table'], visit: wrap },
};
