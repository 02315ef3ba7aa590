// Unit tests of one lab's page store: runs, persistence by replay, reset, undo, bad saves, progress.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getScenario } from '../../scenarios/index.ts';
import { LabStore, labKey, PROGRESS_KEY, type StorageLike } from './lab-store.ts';

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

test('a reload restores the world by replaying the saved log', () => {
  const storage = memoryStorage();
  const scenario = getScenario('bridge-basics');
  const a = new LabStore(scenario, storage);
  a.run('docker network create app');
  a.writeFile('/root/notes.txt', 'hello\n');
  const b = new LabStore(scenario, storage);
  assert.equal(b.notice, undefined);
  assert.equal(b.sim.exec('docker network ls --format {{.Name}}').stdout, 'app\nbridge\nhost\nnone\n');
  assert.equal(b.sim.readFile('/root/notes.txt'), 'hello\n');
  assert.deepEqual(b.history, ['docker network create app']);
  assert.equal(b.goals().get('user-network'), true);
});

test('undo replays all but the last command; reset starts over', () => {
  const store = new LabStore(getScenario('playground'), memoryStorage());
  store.run('docker network create app');
  store.run('docker network create other');
  assert.equal(store.undo(), true);
  assert.equal(store.sim.exec('docker network ls --format {{.Name}}').stdout, 'app\nbridge\nhost\nnone\n');
  store.reset();
  assert.equal(store.sim.exec('docker network ls --format {{.Name}}').stdout, 'bridge\nhost\nnone\n');
  assert.equal(store.log.length, 0);
  assert.equal(store.undo(), false);
});

test('a corrupt or foreign saved state gives a notice and a fresh lab', () => {
  for (const bad of [
    '{not json',
    JSON.stringify({ v: 99, scenario: 'playground' }),
    '{"v":1,"scenario":"playground","seed":1,"log":[{"kind":"command","host":"nohost","line":"ls"}],"history":[]}',
  ]) {
    const storage = memoryStorage();
    storage.setItem(labKey('playground'), bad);
    const store = new LabStore(getScenario('playground'), storage);
    assert.equal(store.notice, 'restore-failed');
    assert.equal(store.log.length, 0);
    assert.equal(storage.getItem(labKey('playground')), null);
  }
});

test('completed challenges are recorded for course progress and survive reset', () => {
  const storage = memoryStorage();
  const store = new LabStore(getScenario('playground'), storage);
  const events: string[] = [];
  store.subscribe((e) => events.push(e.type));
  assert.equal(store.goals().get('make-network'), false);
  store.run('docker network create app');
  assert.equal(store.goals().get('make-network'), true);
  assert.deepEqual(JSON.parse(storage.getItem(PROGRESS_KEY) ?? ''), { playground: ['make-network'] });
  store.reset();
  assert.equal(store.goals().get('make-network'), false);
  assert.deepEqual(store.completed(), ['make-network']);
  assert.deepEqual(events, ['change', 'world', 'change']);
});

test('two stores of the same page are independent', () => {
  const storage = memoryStorage();
  const a = new LabStore(getScenario('playground'), storage, 'a');
  const b = new LabStore(getScenario('playground'), storage, 'b');
  a.run('docker network create app');
  assert.equal(b.sim.exec('docker network ls --format {{.Name}}').stdout, 'bridge\nhost\nnone\n');
});
