// Tests for internal/resolvconf: parsing, transforms and the generated comment block.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Vfs } from '../../kernel/vfs.ts';
import { path, ResolvConf } from './resolvconf.ts';

describe('resolvconf', () => {
  it('parses nameservers, search, options and keeps other lines; flags invalid servers', () => {
    const rc = ResolvConf.parse(
      '# comment\nnameserver 10.0.0.2\nnameserver bogus\ndomain corp\noptions ndots:2 rotate\nsortlist 10.0.0.0\n',
      '/etc/resolv.conf',
    );
    assert.deepEqual(
      [rc.nameServers, rc.search, rc.options, rc.other, rc.invalidNSs],
      [['10.0.0.2'], ['corp'], ['ndots:2', 'rotate'], ['sortlist 10.0.0.0'], ['bogus']],
    );
    assert.equal(rc.option('ndots'), '2');
    assert.equal(rc.ndotsFrom, 'host');
    rc.transformForIntNS('127.0.0.11', ['ndots:0']);
    assert.equal(
      rc.generate(),
      "nameserver 127.0.0.11\nsearch corp\noptions ndots:2 rotate\nsortlist 10.0.0.0\n\n# Based on host file: '/etc/resolv.conf' (internal resolver)\n# ExtServers: [host(10.0.0.2)]\n# Invalid nameservers: [bogus]\n# Overrides: []\n# Option ndots from: host\n",
    );
  });

  it('drops an invalid ndots before adding ndots:0, and warns without upstream servers', () => {
    const rc = ResolvConf.parse('options ndots:-1\n', '/etc/resolv.conf');
    assert.deepEqual(rc.transformForIntNS('127.0.0.11', ['ndots:0']), []);
    assert.deepEqual(rc.options, ['ndots:0']);
    assert.ok(rc.generate().includes('# NO EXTERNAL NAMESERVERS DEFINED\n'));
  });

  it('keeps IPv6 nameservers only for IPv6 networks on the legacy path', () => {
    const a = ResolvConf.parse('nameserver 2001:db8::1\nnameserver 10.0.0.2\n', 'x');
    a.transformForLegacyNw(false);
    assert.deepEqual(a.nameServers, ['10.0.0.2']);
    const b = ResolvConf.parse('nameserver ::1\n', 'x');
    b.transformForLegacyNw(true);
    assert.deepEqual(b.nameServers, ['8.8.8.8', '8.8.4.4', '2001:4860:4860::8888', '2001:4860:4860::8844']);
  });

  it("picks systemd-resolved's file only for a lone 127.0.0.53", () => {
    const fs = new Vfs();
    fs.writeFile('/etc/resolv.conf', 'nameserver 127.0.0.53\n');
    assert.equal(path(fs), '/run/systemd/resolve/resolv.conf');
    fs.writeFile('/etc/resolv.conf', 'nameserver 127.0.0.53\nnameserver 1.1.1.1\n');
    assert.equal(path(fs), '/etc/resolv.conf');
  });
});
