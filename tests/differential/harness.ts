// Differential harness: one world served by `sim:daemon` to the REAL docker client, the same world
// (same seed, same mutation lines) in process for our CLI; a read command must print the same
// stdout and stderr and exit with the same code on both sides.
// Each read runs in a fresh in-process replay, because our terminal moves the clock one second per
// line while the daemon's world stands still between HTTP requests.

import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createWorld, type ExecResult } from '../../src/sim/index.ts';

/** DOCKER_BIN is the real client, from PATH or /usr/local/bin; undefined when none is installed. */
export const DOCKER_BIN: string | undefined = [
  ...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'docker')),
  '/usr/local/bin/docker',
].find((p) => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
});

/** Mutations are the lines that build a scenario's world (`@host cmd` for another host). */
export interface Mutations {
  name: string;
  seed?: number;
  lines: string[];
  /** hosts are the world's machines (default: createWorld's single host1). */
  hosts?: string[];
}

/** JOIN_RE finds the join command `docker swarm init` and `swarm join-token` print. */
const JOIN_RE = /docker swarm join --token \S+ \S+/;

/**
 * resolveLines replays the lines in process and expands `${JOIN}` into the last join command
 * printed before it, so a scenario can join swarm workers; the world is deterministic from its
 * seed, so the daemon child prints the same token for the same lines.
 */
export function resolveLines(m: Mutations): string[] {
  if (!m.lines.some((l) => l.includes('${JOIN}'))) return m.lines;
  const sim = createWorld({ seed: m.seed ?? 1, hosts: m.hosts });
  let join = '';
  return m.lines.map((raw) => {
    const line = raw.replace('${JOIN}', join);
    const at = /^@(\S+)\s+(.*)$/.exec(line);
    const out = sim.exec(at ? at[2] : line, at ? { host: at[1] } : undefined).stdout;
    join = JOIN_RE.exec(out)?.[0] ?? join;
    return line;
  });
}

/** shellQuote joins argv into one line our shell splits back into the same argv. */
export function shellQuote(args: string[]): string {
  return args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** ourCli replays the mutations into a fresh world, then runs `docker ARGS` in its terminal. */
export function ourCli(m: Mutations, args: string[]): ExecResult {
  const sim = createWorld({ seed: m.seed ?? 1, hosts: m.hosts });
  for (const line of resolveLines(m)) {
    const at = /^@(\S+)\s+(.*)$/.exec(line);
    sim.exec(at ? at[2] : line, at ? { host: at[1] } : undefined);
  }
  return sim.exec(shellQuote(['docker', ...args]));
}

/** RealDaemon is a running `sim:daemon` child and a way to run the real client against it. */
export interface RealDaemon {
  docker(args: string[]): Promise<ExecResult>;
  stop(): void;
}

/** startDaemon launches `node src/sim/node/daemon.ts` on the scenario's script and waits for its sockets. */
export function startDaemon(m: Mutations): Promise<RealDaemon> {
  const dir = mkdtempSync(join(tmpdir(), 'simd-'));
  const home = join(dir, 'home');
  mkdirSync(home);
  writeFileSync(join(dir, 'script'), `${resolveLines(m).join('\n')}\n`);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'src/sim/node/daemon.ts',
      '--socket-dir',
      join(dir, 'sock'),
      '--script',
      join(dir, 'script'),
      '--seed',
      String(m.seed ?? 1),
      ...(m.hosts ? ['--hosts', m.hosts.join(',')] : []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    DOCKER_CONFIG: join(home, '.docker'),
    DOCKER_HOST: `unix://${join(dir, 'sock', 'host1.sock')}`,
    DOCKER_CLI_HINTS: 'false',
    LANG: 'C.UTF-8',
    TZ: 'UTC',
  };
  const docker = (args: string[]): Promise<ExecResult> =>
    new Promise((resolve) => {
      const p = execFile(DOCKER_BIN as string, args, { env, encoding: 'utf8' }, (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ stdout, stderr, exitCode: code });
      });
      p.stdin?.end();
    });
  const stop = (): void => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('host1: DOCKER_HOST=')) resolve({ docker, stop });
    });
    child.on('exit', (code) => reject(new Error(`sim:daemon exited with ${code} before serving`)));
  });
}

/**
 * normalise blanks the two JSON fields the real client computes from its own wall clock
 * (`"RunningFor":"10 months ago"`, `"CreatedSince":"17 months ago"`), and sorts the lists of
 * networks and labels (`"Networks":"b,a"` in JSON, `<<b,a>>` around `{{.Networks}}`/`{{.Labels}}`
 * in READS): docker/cli's formatter contexts range over Go maps for those, so the real client
 * prints them in random order.
 */
export function normalise(text: string): string {
  const sorted = (list: string): string => list.split(',').sort().join(',');
  return text
    .replace(/"(RunningFor|CreatedSince)":"[^"]*"/g, '"$1":"<ago>"')
    .replace(/"(Networks|Labels)":"([^"]*)"/g, (_, k: string, l: string) => `"${k}":"${sorted(l)}"`)
    .replace(/<<([^>\n]*)>>/g, (_, l: string) => `<<${sorted(l)}>>`);
}

/** Outcome is one read command's comparison. */
export interface Outcome {
  args: string[];
  ours: ExecResult;
  real: ExecResult;
  same: boolean;
}

/** compareReads runs every read on both sides (the real client a few at a time). */
export async function compareReads(m: Mutations, reads: string[][]): Promise<Outcome[]> {
  const daemon = await startDaemon(m);
  try {
    const out: Outcome[] = [];
    for (let i = 0; i < reads.length; i += 4) {
      const batch = reads.slice(i, i + 4);
      const reals = await Promise.all(batch.map((args) => daemon.docker(args)));
      batch.forEach((args, j) => {
        const ours = ourCli(m, args);
        const real = reals[j];
        const same =
          normalise(ours.stdout) === normalise(real.stdout) &&
          ours.stderr === real.stderr &&
          ours.exitCode === real.exitCode;
        out.push({ args, ours, real, same });
      });
    }
    return out;
  } finally {
    daemon.stop();
  }
}

/** describeDiff prints one mismatch so a reader can see both sides. */
export function describeDiff(o: Outcome): string {
  const side = (r: ExecResult): string =>
    `exit ${r.exitCode}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
  return `docker ${shellQuote(o.args)}\n=== real client\n${side(o.real)}=== our CLI\n${side(o.ours)}`;
}
