import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../../index.ts';

test('version templates see types.Version by its Go field names (APIVersion, not ApiVersion)', () => {
  const sim = createWorld();
  assert.equal(
    sim.exec("docker version -f '{{.Server.APIVersion}} {{.Server.MinAPIVersion}} {{.Client.APIVersion}}'")
      .stdout,
    '1.50 1.24 1.50\n',
  );
});
