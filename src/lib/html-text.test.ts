// Text out of rendered HTML: entities and <Try> commands written as children.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandFromSlot, decodeEntities } from './html-text.ts';

test('decodeEntities decodes named, decimal and hex entities and leaves unknown ones', () => {
  assert.equal(
    decodeEntities('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x41; &bogus;'),
    'a & b <c> "d" \'e\' A &bogus;',
  );
});

test('commandFromSlot undoes tags, entities and smart punctuation', () => {
  assert.equal(
    commandFromSlot(' docker run -dit \u2013name box alpine ash '),
    'docker run -dit --name box alpine ash',
  );
  assert.equal(
    commandFromSlot('<code>sh -c \u201cecho hi &gt; /tmp/x\u201d</code> \u2018a\u2019 \u2014x \u2026'),
    'sh -c "echo hi > /tmp/x" \'a\' ---x ...',
  );
});
