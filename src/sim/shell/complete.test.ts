import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Vfs } from '../kernel/vfs.ts';
import { type CompletionProviders, complete, splitForCompletion } from './complete.ts';

const fs = new Vfs();
fs.writeFile('/root/notes.txt', '');
fs.writeFile('/root/network.sh', '');
fs.mkdirp('/root/nginx/conf');
fs.writeFile('/root/.hidden', '');
fs.mkdirp('/etc/docker');
const providers: CompletionProviders = {
  programs: () => ['docker', 'dig', 'cat', 'cd', 'curl'],
  argument: (words, index) =>
    words[0] === 'docker' && index === 1
      ? ['network', 'run', 'rm', 'ps']
      : words[0] === 'docker' && words[1] === 'network' && index === 2
        ? ['create', 'connect', 'ls']
        : undefined,
};
const at = (line: string, cursor = line.length) =>
  complete({ line, cursor, fs, cwd: '/root', home: '/root', providers });

test('splitForCompletion starts a new command after operators', () => {
  assert.deepEqual(splitForCompletion('ls | gr', 7), { words: ['gr'], start: 5 });
  assert.deepEqual(splitForCompletion('docker network ', 15), {
    words: ['docker', 'network', ''],
    start: 15,
  });
  assert.deepEqual(splitForCompletion('cat "my fi', 10), { words: ['cat', 'my fi'], start: 4 });
});

test('command words complete to programs', () => {
  const r = at('d');
  assert.deepEqual([r.candidates, r.common, r.insert], [['dig', 'docker'], 'd', '']);
  assert.deepEqual(at('doc').insert, 'ker ');
  assert.deepEqual(at('echo x; cu').insert, 'rl ');
});

test('providers answer for docker subcommands', () => {
  assert.deepEqual(at('docker n').insert, 'etwork ');
  assert.deepEqual(at('docker network c').candidates, ['connect', 'create']);
  assert.deepEqual(at('docker network c').insert, `${'onn'.slice(0, 0)}`);
  assert.deepEqual(at('docker r').common, 'r');
});

test('other words complete to files; directories get a slash', () => {
  assert.deepEqual(at('cat n').candidates, ['network.sh', 'nginx/', 'notes.txt']);
  assert.deepEqual(at('cat ng').insert, 'inx/');
  assert.deepEqual(at('cat nginx/').candidates, ['nginx/conf/']);
  assert.deepEqual(at('cat /etc/d').insert, 'ocker/');
  assert.deepEqual(at('cat ~/not').insert, 'es.txt ');
  assert.deepEqual(at('cat .h').candidates, ['.hidden']);
  assert.deepEqual(at('cd n').candidates, ['nginx/']);
});

test('the word under the cursor is replaced up to its end', () => {
  const r = at('cat nox more', 5);
  assert.deepEqual([r.start, r.end, r.prefix], [4, 7, 'n']);
});
