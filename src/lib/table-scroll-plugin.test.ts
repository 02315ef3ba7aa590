import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scrollRegion, tableScroll } from './table-scroll-plugin.mjs';

const text = (n: { value?: string; children?: unknown[] }): string =>
  n.value ?? (n.children ?? []).map((c) => text(c as typeof n)).join('');

test('a table is wrapped in a focusable region labelled by its caption', () => {
  const ctx = { wrapNode: () => {}, textContent: text };
  const caption = { type: 'mdxJsxFlowElement', name: 'caption', children: [{ type: 'text', value: ' Drivers\n at a glance ' }] };
  const region = scrollRegion({ type: 'mdxJsxFlowElement', name: 'table', children: [caption] }, ctx);
  assert.deepEqual(region, {
    type: 'element',
    tagName: 'div',
    properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: 'Drivers at a glance' },
    children: [],
  });
  const plain = scrollRegion({ type: 'element', tagName: 'table', children: [] }, ctx) as { properties: object };
  assert.deepEqual(plain.properties, { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: 'Table' });
  assert.deepEqual(tableScroll.element.filter, ['table']);
  assert.deepEqual(tableScroll.mdxJsxFlowElement.filter, ['table']);
});
