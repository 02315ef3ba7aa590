import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scrollRegion, tableScroll } from './table-scroll-plugin.mjs';

type Tree = { value?: string; children?: Tree[] };
const text = (n: Tree): string => n.value ?? (n.children ?? []).map(text).join('');
// The hast shapes are built loosely here; the plugin only reads type, names, children and text.
const region = (table: object) => scrollRegion(table as never, { textContent: text as never });

test('a table is wrapped in a focusable region labelled by its caption', () => {
  const caption = {
    type: 'mdxJsxFlowElement',
    name: 'caption',
    children: [{ type: 'text', value: ' Drivers\n at a glance ' }],
  };
  const wrapper = (label: string) => ({
    type: 'element',
    tagName: 'div',
    properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: label },
    children: [],
  });
  assert.deepEqual(
    region({ type: 'mdxJsxFlowElement', name: 'table', children: [caption] }),
    wrapper('Drivers at a glance'),
  );
  assert.deepEqual(region({ type: 'element', tagName: 'table', children: [] }), wrapper('Table'));
  assert.deepEqual(Object.keys(tableScroll), ['name', 'element', 'mdxJsxFlowElement']);
});
