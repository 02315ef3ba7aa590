import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonBody, progressBody } from './wire-json.ts';

test('Engine API JSON is HTML-escaped as Go writes it', () => {
  assert.equal(
    jsonBody([{ Id: '<missing>', CreatedBy: 'a && b > c' }]),
    '[{"Id":"\\u003cmissing\\u003e","CreatedBy":"a \\u0026\\u0026 b \\u003e c"}]\n',
  );
  assert.equal(
    progressBody([{ status: 'Pulling' }, { id: '<x>' }]),
    '{"status":"Pulling"}\r\n{"id":"\\u003cx\\u003e"}\r\n',
  );
});
