// Tests for etchosts.go: file format, add and delete.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Vfs } from '../../kernel/vfs.ts';
import { add, build, buildNoIPv6, del } from './etchosts.ts';

describe('etchosts', () => {
  it('builds tab-separated records after the defaults, with or without IPv6', () => {
    const fs = new Vfs();
    buildNoIPv6(fs, '/etc/hosts', [
      { hosts: 'db', ip: '10.0.0.5' },
      { hosts: 'v6', ip: 'fd00::5' },
    ]);
    assert.equal(fs.readFile('/etc/hosts'), '127.0.0.1\tlocalhost\n10.0.0.5\tdb\n');
    build(fs, '/etc/hosts', []);
    assert.equal(fs.readFile('/etc/hosts')!.split('\n').length, 7);
  });

  it('deletes only the exact address and names, keeping comments and dropping blank lines', () => {
    const fs = new Vfs();
    fs.writeFile('/etc/hosts', '# mine\n\n172.18.0.2\tweb\n172.19.0.2\tweb\n172.18.0.2\tweb2\n');
    del(fs, '/etc/hosts', [{ hosts: 'web', ip: '172.18.0.2' }]);
    assert.equal(fs.readFile('/etc/hosts'), '# mine\n172.19.0.2\tweb\n172.18.0.2\tweb2\n');
    add(fs, '/etc/hosts', [{ hosts: 'web', ip: '172.20.0.2' }]);
    assert.ok(fs.readFile('/etc/hosts')!.endsWith('172.20.0.2\tweb\n'));
  });
});
