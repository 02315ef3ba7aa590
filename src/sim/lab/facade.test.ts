// Tests of the facade's lab additions: completion, lab files, change events, snapshot and replay.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorld, replayWorld } from '../index.ts';

test('complete offers docker subcommands, flags and names from the daemon', () => {
  const sim = createWorld();
  sim.exec('docker network create mynet');
  sim.exec('docker run -dit --name web alpine ash');
  assert.equal(sim.complete('docker netw', 11).insert, 'ork ');
  assert.deepEqual(sim.complete('docker network ', 15).candidates, [
    'connect',
    'create',
    'disconnect',
    'inspect',
    'ls',
    'prune',
    'rm',
  ]);
  assert.ok(sim.complete('docker network inspect my', 25).candidates.includes('mynet'));
  assert.equal(sim.complete('docker stop w', 13).insert, 'eb ');
  assert.ok(sim.complete('docker run --ne', 15).candidates.includes('--network'));
  assert.ok(sim.complete('docker run --network ', 21).candidates.includes('mynet'));
  assert.equal(sim.complete('dock', 4).insert, 'er ');
});

test('files, writeFile and onChange: editor writes are visible to the shell', () => {
  const sim = createWorld();
  const seen: string[] = [];
  sim.onChange((e) => seen.push(`${e.kind}:${e.path ?? e.line}`));
  sim.writeFile('/root/compose.yaml', 'services: {}\n');
  assert.deepEqual(sim.files(), ['/root/compose.yaml']);
  assert.equal(sim.exec('cat compose.yaml').stdout, 'services: {}\n');
  sim.exec('echo hi > note.txt');
  assert.deepEqual(sim.files(), ['/root/compose.yaml', '/root/note.txt']);
  assert.deepEqual(seen, [
    'file:/root/compose.yaml',
    'command:cat compose.yaml',
    'command:echo hi > note.txt',
  ]);
});

test('snapshot shows containers, networks and their attachments', () => {
  const sim = createWorld();
  sim.exec('docker network create app');
  sim.exec('docker run -d --name db --network app -dit alpine ash');
  const host = sim.snapshot().hosts.host1;
  const db = host.containers.find((c) => c.name === 'db');
  assert.ok(db?.running);
  assert.deepEqual(Object.keys(db?.networks ?? {}), ['app']);
  assert.deepEqual(host.networks.find((n) => n.name === 'app')?.containers, ['db']);
  assert.ok(host.images.includes('alpine:latest'));
});

test('replayWorld reproduces the same world from a log', () => {
  const log = [
    { kind: 'command' as const, host: 'host1', line: 'docker network create app' },
    { kind: 'file' as const, host: 'host1', path: '/root/a.txt', content: 'x\n' },
  ];
  const a = replayWorld(createWorld, { seed: 7 }, log);
  const b = replayWorld(createWorld, { seed: 7 }, log);
  assert.equal(a.exec('docker network ls').stdout, b.exec('docker network ls').stdout);
  assert.equal(b.readFile('/root/a.txt'), 'x\n');
});

test('snapshots between commands never change what later commands print (replay stays exact)', () => {
  const script = [
    'docker swarm init',
    'docker build -t app /root/app',
    'docker images --format "{{.ID}} {{.Repository}}"',
    'docker info -f "{{.SystemTime}}"',
  ];
  const run = (snapshots: boolean): string[] => {
    const sim = createWorld({ seed: 9 });
    sim.writeFile('/root/app/Dockerfile', 'FROM alpine\nRUN apk add curl\n');
    return script.map((line) => {
      if (snapshots) sim.snapshot();
      const r = sim.exec(line);
      return r.stdout + r.stderr;
    });
  };
  assert.deepEqual(run(true), run(false));
});
