import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Vfs } from '../../../kernel/vfs.ts';
import { mimeOf, resolveStatic } from './nginx-static.ts';

test('nginx static resolution: index, files, directory redirect, 403 and 404', () => {
  const fs = new Vfs();
  fs.writeFile('/usr/share/nginx/html/index.html', '<h1>hi</h1>\n');
  fs.writeFile('/usr/share/nginx/html/app.js', 'x()\n');
  fs.mkdirp('/usr/share/nginx/html/empty');
  fs.writeFile('/etc/passwd', 'root:x:0:0\n');
  const html = {
    kind: 'file',
    path: '/usr/share/nginx/html/index.html',
    content: '<h1>hi</h1>\n',
    type: 'text/html',
  };
  assert.deepEqual(resolveStatic(fs, '/'), html);
  assert.deepEqual(resolveStatic(fs, '/?q=1'), html);
  assert.deepEqual(resolveStatic(fs, '/index.html'), html);
  assert.equal((resolveStatic(fs, '/app.js') as { type: string }).type, 'application/javascript');
  assert.deepEqual(resolveStatic(fs, '/empty'), { kind: 'redirect', location: '/empty/' });
  assert.deepEqual(resolveStatic(fs, '/empty/'), { kind: 'error', status: 403 });
  assert.deepEqual(resolveStatic(fs, '/missing'), { kind: 'error', status: 404 });
  assert.deepEqual(resolveStatic(fs, '/../../../etc/passwd'), { kind: 'error', status: 404 });
  assert.equal(mimeOf('data.bin'), 'application/octet-stream');
});
