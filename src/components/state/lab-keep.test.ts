// Unit tests for keeping a saved lab aside when a link replaces it, and restoring it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getScenario } from '../../scenarios/index.ts';
import { KEEP_LIMIT, keepSavedLab, takeKeptLab } from './lab-keep.ts';
import { LabStore, type StorageLike } from './lab-store.ts';

function memoryStorage(): StorageLike {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const scenario = getScenario('playground');
const shared = {
  seed: 1,
  log: [{ kind: 'command' as const, host: 'host1', line: 'docker network create shared' }],
};

test('saved work is kept when a link replaces it, and restored from the stack', () => {
  const storage = memoryStorage();
  new LabStore(scenario, storage).run('docker network create mine');
  assert.equal(keepSavedLab(storage, scenario, '', shared), true);
  const opened = new LabStore(scenario, storage, '', shared);
  assert.match(opened.sim.exec('docker network ls --format {{.Name}}').stdout, /shared/);
  // Opening the same link again without working on it keeps nothing new.
  assert.equal(keepSavedLab(storage, scenario, '', shared), true);
  const kept = takeKeptLab(storage, scenario, '');
  assert.deepEqual(kept?.log, [{ kind: 'command', host: 'host1', line: 'docker network create mine' }]);
  assert.equal(takeKeptLab(storage, scenario, ''), undefined);
  opened.replace(kept as NonNullable<typeof kept>);
  assert.equal(
    new LabStore(scenario, storage).sim.exec('docker network ls --format {{.Name}}').stdout.includes('mine'),
    true,
  );
});

test('an empty lab is not kept, the stack is capped, and no storage keeps nothing', () => {
  const storage = memoryStorage();
  assert.equal(keepSavedLab(storage, scenario, '', shared), false);
  for (let i = 0; i < KEEP_LIMIT + 2; i++) {
    new LabStore(scenario, storage).run(`docker network create n${i}`);
    keepSavedLab(storage, scenario, '', shared);
  }
  let count = 0;
  while (takeKeptLab(storage, scenario, '')) count++;
  assert.equal(count, KEEP_LIMIT);
  assert.equal(keepSavedLab(undefined, scenario, '', shared), false);
});
