// A Sätteri hast plugin for lessons (Astro 7's Markdown/MDX processor): wraps every table,
// Markdown or JSX, in a focusable, labelled region that scrolls sideways, so a wide table never
// widens a 320 px page and keyboard users can still scroll it (axe: scrollable-region-focusable).
// The region's label is the table's caption, else "Table".

/**
 * @typedef {import('satteri').HastVisitorContext} Ctx
 * @typedef {Parameters<Ctx['textContent']>[0]} HastNode
 * @typedef {import('satteri').HastParentContent} Wrapper
 */

/** @param {HastNode} node @returns {boolean} */
const isCaption = (node) =>
  (node.type === 'element' && node.tagName === 'caption') ||
  (node.type === 'mdxJsxFlowElement' && node.name === 'caption');

/**
 * scrollRegion is the wrapper element for a table.
 * @param {HastNode} table
 * @param {Pick<Ctx, 'textContent'>} ctx
 * @returns {Wrapper}
 */
export function scrollRegion(table, ctx) {
  const children = 'children' in table ? /** @type {HastNode[]} */ (table.children) : [];
  const caption = children.find(isCaption);
  const label = caption ? ctx.textContent(caption).replace(/\s+/g, ' ').trim() : '';
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: label || 'Table' },
    children: [],
  };
}

/** @param {HastNode} node @param {Ctx} ctx */
const wrap = (node, ctx) => ctx.wrapNode(node, scrollRegion(node, ctx));

/** tableScroll is the plugin: `satteri({ hastPlugins: [tableScroll] })`. @type {import('satteri').HastPluginDefinition} */
export const tableScroll = {
  name: 'dnl-table-scroll',
  element: { filter: ['table'], visit: wrap },
  mdxJsxFlowElement: { filter: ['table'], visit: wrap },
};
