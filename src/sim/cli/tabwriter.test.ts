import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonIndent } from './inspect.ts';
import { displayWidth, tabulate } from './tabwriter.ts';

test('network ls table from the reference (minwidth 10, padding 3, last cell unpadded)', () => {
  const got = tabulate(
    'NETWORK ID\tNAME\tDRIVER\tSCOPE\n7b369448dccb\tbridge\tbridge\tlocal\nc288470c46f6\thost\thost\tlocal\n18a2866682b8\tnone\tnull\tlocal\n',
  );
  assert.equal(
    got,
    'NETWORK ID     NAME      DRIVER    SCOPE\n7b369448dccb   bridge    bridge    local\nc288470c46f6   host      host      local\n18a2866682b8   none      null      local\n',
  );
});

test('empty ps table prints just the header', () => {
  const got = tabulate('CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n');
  assert.equal(got, 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
});

test('an empty cell is padded to the column width', () => {
  assert.equal(tabulate('A\tB\tC\n\tx\ty\n'), 'A         B         C\n          x         y\n');
});

test('a line with a single cell flushes the block (columns restart)', () => {
  assert.equal(tabulate('long-cell-value\tx\n\nA\tB\n'), 'long-cell-value   x\n\nA         B\n');
});

test('docker version layout: minwidth 20, padding 1', () => {
  assert.equal(
    tabulate(' Version:\t28.2.2\n API version:\t1.50\n', 20, 1, 1),
    ' Version:           28.2.2\n API version:       1.50\n',
  );
});

test('display width counts East Asian wide characters as 2 and the ellipsis as 1', () => {
  assert.equal(displayWidth('容器'), 4);
  assert.equal(displayWidth('a…'), 2);
  assert.equal(tabulate('容器\tx\n'), '容器      x\n');
});

test('jsonIndent matches json.Indent with 4 spaces and keeps key order', () => {
  const v = [
    { Name: 'n', Id: 'x', IPAM: { Driver: 'default', Options: {}, Config: [] }, Labels: {}, Z: null },
  ];
  assert.equal(
    jsonIndent(v),
    '[\n    {\n        "Name": "n",\n        "Id": "x",\n        "IPAM": {\n            "Driver": "default",\n            "Options": {},\n            "Config": []\n        },\n        "Labels": {},\n        "Z": null\n    }\n]',
  );
});
