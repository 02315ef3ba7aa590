// Tests for portallocator.go: wildcard semantics, ephemeral range, error messages.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Vfs } from '../../kernel/vfs.ts';
import { dynamicPortRange, PortAllocator } from './portallocator.ts';

describe('portallocator', () => {
  it('reads the ephemeral range from /proc, else uses the kernel default', () => {
    const fs = new Vfs();
    assert.deepEqual(dynamicPortRange(fs), [32768, 60999]);
    fs.writeFile('/proc/sys/net/ipv4/ip_local_port_range', '40000\t40002\n');
    assert.deepEqual(dynamicPortRange(fs), [40000, 40002]);
  });

  it('treats a wildcard as every address of its family', () => {
    const pa = new PortAllocator();
    pa.requestPortsInRange(['127.0.0.1'], 'tcp', 8080, 8080);
    assert.throws(() => pa.requestPortsInRange(['0.0.0.0', '::'], 'tcp', 8080, 8080), {
      message: 'Bind for 127.0.0.1:8080 failed: port is already allocated',
    });
    assert.equal(pa.requestPortsInRange(['::1'], 'tcp', 8080, 8080), 8080);
    assert.equal(pa.requestPortsInRange(['0.0.0.0'], 'udp', 8080, 8080), 8080);
    pa.releasePort('127.0.0.1', 'tcp', 8080);
    assert.equal(pa.requestPortsInRange(['0.0.0.0'], 'tcp', 8080, 8080), 8080);
    assert.throws(() => pa.requestPortsInRange(['::'], 'tcp', 8080, 8080), {
      message: 'Bind for ::1:8080 failed: port is already allocated',
    });
  });

  it('continues after the last ephemeral port and wraps around', () => {
    const pa = new PortAllocator([40000, 40002]);
    const got = [0, 1, 2].map(() => pa.requestPortsInRange(['0.0.0.0'], 'tcp', 0, 0));
    assert.deepEqual(got, [40000, 40001, 40002]);
    pa.releasePort('0.0.0.0', 'tcp', 40001);
    assert.equal(pa.requestPortsInRange(['0.0.0.0'], 'tcp', 0, 0), 40001);
    assert.throws(() => pa.requestPortsInRange(['0.0.0.0'], 'tcp', 0, 0), {
      message: 'all ports are allocated',
    });
    assert.throws(() => pa.requestPortsInRange(['0.0.0.0'], 'tcp', 9000, 8000), {
      message: 'invalid port range: 9000-8000',
    });
  });
});
