import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld } from '../index.ts';

const status = (sim: ReturnType<typeof createWorld>): string =>
  sim.exec('docker ps -a --format "{{.Names}} {{.Status}}"').stdout.replace(/ \d+ seconds?( ago)?/g, '');

test('an image entrypoint script hands over to the server it names (redis)', () => {
  const sim = createWorld({ seed: 3 });
  sim.exec('docker pull -q redis');
  assert.equal(sim.exec('docker run -d --name cache redis').exitCode, 0);
  assert.equal(status(sim), 'cache Up\n');
  assert.match(sim.exec('docker logs cache').stdout, /\* Ready to accept connections tcp\n$/);
});

test('postgres refuses to start without a password, and listens on 5432 with one', () => {
  const sim = createWorld({ seed: 3 });
  sim.exec('docker pull -q postgres');
  sim.exec('docker run -d --name db1 postgres');
  const logs = sim.exec('docker logs db1');
  assert.match(logs.stderr, /^Error: Database is uninitialized and superuser password is not specified\.\n/);
  sim.exec('docker run -d --name db2 -e POSTGRES_PASSWORD=secret postgres');
  assert.equal(status(sim), 'db2 Up\ndb1 Exited (1)\n');
  assert.match(sim.exec('docker logs db2').stderr, /listening on IPv4 address "0\.0\.0\.0", port 5432/);
});

test('a missing program fails the start as runc does', () => {
  const sim = createWorld({ seed: 3 });
  sim.exec('docker pull -q alpine');
  const r = sim.exec('docker run --rm alpine curl -s example.com');
  assert.equal(r.exitCode, 127);
  assert.match(r.stderr, /exec: "curl": executable file not found in \$PATH/);
});

test('a shell the image lacks fails like any missing binary; netshoot has zsh', () => {
  const sim = createWorld({ seed: 3 });
  sim.exec('docker pull -q alpine');
  sim.exec('docker pull -q nicolaka/netshoot');
  const r = sim.exec('docker run --rm alpine bash -c "echo hi"');
  assert.equal(r.exitCode, 127);
  assert.equal(
    r.stderr,
    'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "bash": executable file not found in $PATH: unknown\n\nRun \'docker run --help\' for more information\n',
  );
  assert.equal(sim.exec('docker run --rm alpine sh -c "echo hi"').stdout, 'hi\n');
  assert.equal(sim.exec('docker run -dit --name probe nicolaka/netshoot').exitCode, 0);
  assert.equal(status(sim), 'probe Up\n');
  assert.equal(sim.exec('docker exec probe zsh -c "echo \\$0"').stdout, 'zsh\n');
});
