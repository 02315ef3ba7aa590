import assert from 'node:assert/strict';
import test from 'node:test';
import { containerCreate } from './create.ts';
import { containerRm } from './delete.ts';
import { containerExecCreate, containerExecStart, execInspect } from './exec.ts';
import { containerInspect } from './inspect.ts';
import { containerAttach, containerLogs, containerWait, rfc3339NanoFixed } from './logs.ts';
import { containerRename } from './rename.ts';
import { containerStart, processExited } from './start.ts';
import { containerStop } from './stop.ts';
import { newTestDaemon, ScriptedRuntime } from './testkit.ts';

const errOf = (fn: () => unknown): { kind: string; message: string } => {
  try {
    fn();
  } catch (e) {
    return { kind: (e as { kind: string }).kind, message: (e as Error).message };
  }
  throw new Error('no error');
};

test('exec runs through the runtime in the container and reports its exit code', () => {
  const rt = new ScriptedRuntime((argv, kind) =>
    kind === 'exec'
      ? { stdout: `ran ${argv.join(' ')}\n`, stderr: 'warn\n', exitCode: 3 }
      : { stdout: '', stderr: '', exitCode: 0, running: true },
  );
  const { d } = newTestDaemon({ pull: ['alpine'], runtime: rt });
  containerCreate(d, 'box', { Image: 'alpine', Cmd: ['sleep', '100'] });
  containerStart(d, 'box');
  const id = containerExecCreate(d, 'box', { AttachStdout: true, AttachStderr: true, Cmd: ['ip', 'addr'] });
  assert.deepEqual(execInspect(d, id).ExitCode, null);
  assert.deepEqual(containerExecStart(d, id), { stdout: 'ran ip addr\n', stderr: 'warn\n' });
  const info = execInspect(d, id);
  assert.deepEqual(Object.keys(info), [
    'ID',
    'Running',
    'ExitCode',
    'ProcessConfig',
    'OpenStdin',
    'OpenStderr',
    'OpenStdout',
    'CanRemove',
    'ContainerID',
    'DetachKeys',
    'Pid',
  ]);
  assert.deepEqual(
    [info.Running, info.ExitCode, info.ProcessConfig],
    [false, 3, { tty: false, entrypoint: 'ip', arguments: ['addr'], privileged: false }],
  );
  assert.deepEqual(containerInspect(d, 'box').ExecIDs, [id]);
  assert.deepEqual(
    errOf(() => containerExecStart(d, id)),
    { kind: 'conflict', message: `Error: Exec command ${id} is already running` },
  );
});

test('exec errors: no command, stopped container, unknown exec', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  containerCreate(d, 'box', { Image: 'alpine', Cmd: ['sleep', '100'] });
  assert.deepEqual(
    errOf(() => containerExecCreate(d, 'box', { Cmd: [] })),
    { kind: 'invalidParameter', message: 'No exec command specified' },
  );
  assert.deepEqual(
    errOf(() => containerExecCreate(d, 'box', { Cmd: ['ls'] })),
    { kind: 'conflict', message: `container ${d.getContainer('box').id} is not running` },
  );
  assert.deepEqual(
    errOf(() => execInspect(d, 'abc')),
    { kind: 'notFound', message: 'No such exec instance: abc' },
  );
});

test('logs keep stdout and stderr apart; -t prefixes RFC3339Nano (fixed 9 digits); --tail', () => {
  const rt = new ScriptedRuntime(() => ({ stdout: 'one\ntwo\nthree\n', stderr: 'oops\n', exitCode: 0 }));
  const { d } = newTestDaemon({ pull: ['alpine'], runtime: rt });
  containerCreate(d, 'talk', { Image: 'alpine', Cmd: ['sh', '-c', 'x'] });
  containerStart(d, 'talk');
  assert.deepEqual(containerLogs(d, 'talk', { stdout: true, stderr: true }), {
    stdout: 'one\ntwo\nthree\n',
    stderr: 'oops\n',
  });
  assert.deepEqual(containerLogs(d, 'talk', { stdout: true, tail: '1' }), { stdout: 'three\n', stderr: '' });
  const t = containerLogs(d, 'talk', { stdout: true, timestamps: true }).stdout.split('\n')[0];
  assert.match(t, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z one$/);
  assert.deepEqual(
    errOf(() => containerLogs(d, 'talk', {})),
    { kind: 'invalidParameter', message: 'Bad parameters: you must choose at least one stream' },
  );
});

test('rfc3339NanoFixed pads the fraction to nine digits', () => {
  assert.equal(
    rfc3339NanoFixed({ ms: Date.UTC(2026, 0, 5, 9, 0, 0, 7), ns: 42 }),
    '2026-01-05T09:00:00.007000042Z',
  );
});

test('a tty container logs stderr as stdout', () => {
  const rt = new ScriptedRuntime(() => ({ stdout: 'a\n', stderr: 'b\n', exitCode: 0 }));
  const { d } = newTestDaemon({ pull: ['alpine'], runtime: rt });
  containerCreate(d, 'tty', { Image: 'alpine', Tty: true, Cmd: ['sh'] });
  containerStart(d, 'tty');
  assert.deepEqual(containerLogs(d, 'tty', { stdout: true, stderr: true }), { stdout: 'a\nb\n', stderr: '' });
});

test('attach is lazy: attach, start, then read what the process wrote', () => {
  const rt = new ScriptedRuntime(() => ({ stdout: 'hello\n', stderr: '', exitCode: 0 }));
  const { d } = newTestDaemon({ pull: ['alpine'], runtime: rt });
  containerCreate(d, 'hi', { Image: 'alpine', Cmd: ['echo', 'hello'] });
  const read = containerAttach(d, 'hi', { stream: true, stdout: true, stderr: true });
  assert.deepEqual(read(), { stdout: '', stderr: '' });
  containerStart(d, 'hi');
  assert.deepEqual(read(), { stdout: 'hello\n', stderr: '' });
});

test('wait: next-exit sees the exit after the call; removed waits for --rm', () => {
  const rt = new ScriptedRuntime(() => ({ stdout: '', stderr: '', exitCode: 7 }));
  const { d } = newTestDaemon({ pull: ['alpine'], runtime: rt });
  containerCreate(d, 'w1', { Image: 'alpine', Cmd: ['sh'] });
  const next = containerWait(d, 'w1', 'next-exit');
  assert.equal(next(), undefined);
  containerStart(d, 'w1');
  assert.deepEqual(next(), { StatusCode: 7 });
  containerCreate(d, 'w2', { Image: 'alpine', Cmd: ['sh'], HostConfig: { AutoRemove: true } });
  const removed = containerWait(d, 'w2', 'removed');
  containerStart(d, 'w2');
  assert.deepEqual(removed(), { StatusCode: 7 });
  assert.throws(() => containerWait(d, 'w1', 'whenever'), { message: 'invalid condition: "whenever"' });
});

test('wait on a running container is still blocking until its process exits', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  containerCreate(d, 'srv', { Image: 'alpine', Cmd: ['sleep', '100'] });
  containerStart(d, 'srv');
  const w = containerWait(d, 'srv');
  assert.equal(w(), undefined);
  processExited(d, d.getContainer('srv').id, 2, { stderr: 'bye\n' });
  assert.deepEqual(w(), { StatusCode: 2 });
  assert.equal(containerLogs(d, 'srv', { stderr: true }).stderr, 'bye\n');
});

test('rename: new name, DNS names follow on a running container; errors as dockerd', () => {
  const { d } = newTestDaemon({ pull: ['alpine'] });
  containerCreate(d, 'old', { Image: 'alpine', Cmd: ['sleep', '9'] });
  containerCreate(d, 'taken', { Image: 'alpine', Cmd: ['sleep', '9'] });
  containerStart(d, 'old');
  containerRename(d, 'old', 'new');
  assert.equal(containerInspect(d, 'new').Name, '/new');
  assert.equal(errOf(() => d.getContainer('old')).message, 'No such container: old');
  assert.equal(
    errOf(() => containerRename(d, 'new', 'new')).message,
    'Renaming a container with the same name as its current name',
  );
  assert.match(
    errOf(() => containerRename(d, 'new', 'taken')).message,
    /^Error when allocating new name: Conflict\. The container name "\/taken" is already in use by container "[0-9a-f]{64}"\./,
  );
  containerStop(d, 'new');
  containerRm(d, 'new');
});

test('a runtime that cannot start the command: container stays Created with exit 127; exec gets 127', () => {
  const notFound =
    'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "curl": executable file not found in $PATH: unknown';
  const rt = new ScriptedRuntime((argv, kind) => {
    if (argv[0] === 'curl')
      throw new Error(
        kind === 'start'
          ? notFound
          : 'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown',
      );
    return { stdout: '', stderr: '', exitCode: 0, running: true };
  });
  const { d } = newTestDaemon({ pull: ['alpine'], runtime: rt });
  containerCreate(d, 'c1', { Image: 'alpine', Cmd: ['curl', 'x'] });
  assert.deepEqual(
    errOf(() => containerStart(d, 'c1')),
    { kind: 'invalidParameter', message: notFound },
  );
  const s = containerInspect(d, 'c1').State as Record<string, unknown>;
  assert.deepEqual([s.Status, s.ExitCode, s.Error], ['created', 127, notFound]);
  containerCreate(d, 'c2', { Image: 'alpine', Cmd: ['sleep', '9'] });
  containerStart(d, 'c2');
  const id = containerExecCreate(d, 'c2', { Cmd: ['curl', 'x'] });
  assert.equal(errOf(() => containerExecStart(d, id)).kind, 'invalidParameter');
  assert.equal(execInspect(d, id).ExitCode, 127);
  assert.deepEqual(containerInspect(d, 'c2').ExecIDs, null);
});
