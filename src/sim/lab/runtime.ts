// The container runtime behind the daemon (what containerd + runc are to dockerd): it runs a
// container's main process and its execs in the place the daemon built, through the shell.

import type { Runtime } from '../daemon/index.ts';
import { runArgvIn } from '../shell/index.ts';
import { launchOf, withLaunch } from '../shell/jobs.ts';
import type { Place, ProgramContext, ProgramResult } from '../shell/program.ts';
import type { World } from '../world/world.ts';
import { basename, type ProgramTable } from './programs.ts';

// zsh (netshoot's default command) is interpreted in the bash dialect: a documented simplification.
const SHELLS = new Set(['sh', 'ash', 'bash', 'dash', 'zsh']);

// busybox images have sh and ash as applets; other shells must be in the image.
const hasShell = (place: Place, name: string): boolean =>
  place.tools === 'all' ||
  place.tools.has(name) ||
  (place.flavour === 'busybox' && (name === 'sh' || name === 'ash'));

/** dialectOf picks the shell dialect of a place: busybox images speak ash, others bash. */
export const dialectOf = (place: Place): 'ash' | 'bash' => (place.flavour === 'busybox' ? 'ash' : 'bash');

/** createRuntime builds the Runtime the daemon calls to start processes. */
export function createRuntime(world: World, table: ProgramTable): Runtime {
  // What containerd and runc answer when the binary is missing, at create (run) and at exec.
  const notFound = (name: string, phase: 'create' | 'exec'): Error => {
    const why = `exec: "${name}": executable file not found in $PATH: unknown`;
    return new Error(
      phase === 'create'
        ? `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${why}`
        : `OCI runtime exec failed: exec failed: unable to start container process: ${why}`,
    );
  };
  const run = (
    place: Place,
    argv: string[],
    env: Record<string, string>,
    phase: 'create' | 'exec',
  ): ProgramResult => {
    const name = argv[0] ?? '';
    const program = SHELLS.has(basename(name)) ? undefined : table.lookup(name, place);
    if (program) {
      // runc execs the binary itself: no shell in between, so "/docker-entrypoint.sh" is found as is.
      // exec lets an entrypoint script hand over to the image's server (`exec "$@"`).
      const exec = (next: string[]): ProgramResult => run(place, next, env, phase);
      return program({ argv, stdin: '', env, cwd: '/', place, world, exec } as ProgramContext);
    }
    if (!SHELLS.has(basename(name)) || !hasShell(place, basename(name))) throw notFound(name, phase);
    const res = runArgvIn(
      { place, world, env, lookup: table.lookup, dialect: dialectOf(place), argv0: name },
      argv,
    );
    return {
      stdout: res.stdout,
      stderr: res.stderr,
      exitCode: res.exitCode,
      effect: res.effect,
      running: res.running,
    };
  };
  return {
    startProcess({ argv, env, tty, openStdin, attached, place }) {
      // An interactive shell with nothing to run waits for its terminal: it keeps running.
      const shellOnly = argv.length === 1 && SHELLS.has(basename(argv[0]));
      if (shellOnly && (tty || openStdin)) return { stdout: '', stderr: '', exitCode: 0, running: true };
      // only an attached start (docker run without -d) gives the main process the lab's terminal,
      // so a job can be made of it (a foreground tcpdump in netshoot)
      const launch = attached ? (launchOf(world) ?? null) : null;
      return withLaunch(world, launch, () => run(place, argv, env, 'create'));
    },
    exec({ argv, env, place }) {
      return run(place, argv, env, 'exec');
    },
  };
}
