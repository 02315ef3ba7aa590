// Unit tests for the embed page's query options: valid values kept, anything else ignored.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEmbedOptions } from './embed-options.ts';

const all = ['terminal', 'editor', 'topology', 'challenges'] as const;

test('panes and height are read and validated', () => {
  assert.deepEqual(parseEmbedOptions('?panes=topology,terminal&height=480', all), {
    panes: ['terminal', 'topology'],
    height: 480,
  });
  assert.deepEqual(parseEmbedOptions('', all), { panes: undefined, height: undefined });
  assert.deepEqual(parseEmbedOptions('?panes=bogus,<script>&height=99999', all), {
    panes: undefined,
    height: undefined,
  });
  assert.deepEqual(parseEmbedOptions('?panes=editor,terminal&height=12.5', ['terminal', 'topology']), {
    panes: ['terminal'],
    height: undefined,
  });
  assert.deepEqual(parseEmbedOptions('?height=160', all).height, 160);
  assert.deepEqual(parseEmbedOptions('?height=159', all).height, undefined);
});
