// The contract between the shell and every program it can run (host tools, image tools, the docker
// CLI). Mirrors just-bash's command signature: a program gets argv and stdin and returns an
// ExecResult; it never touches a terminal.

import type { NetNs } from '../kernel/types.ts';
import type { Vfs } from '../kernel/vfs.ts';
import type { ExecResult } from '../types.ts';
import type { World } from '../world/world.ts';

/** Place is where a process runs: a host's root namespace or a container's sandbox. */
export interface Place {
  /** host is the name of the machine. */
  host: string;
  ns: NetNs;
  fs: Vfs;
  hostname: string;
  /** container is set when the process runs inside a container. */
  container?: {
    id: string;
    name: string;
    image: string;
    /** capAdd and privileged decide whether `ip link set`, `iptables -A` … are allowed (NET_ADMIN). */
    capAdd?: string[];
    privileged?: boolean;
  };
  /** tools lists the programs this place provides (an image's binaries), or "all" on a host. */
  tools: ReadonlySet<string> | 'all';
  /** flavour picks output formats: "busybox" (alpine, busybox), "gnu" (hosts, debian images). */
  flavour: 'busybox' | 'gnu';
}

/** ProgramContext is everything a program may look at. */
export interface ProgramContext {
  argv: string[];
  stdin: string;
  env: Record<string, string>;
  cwd: string;
  place: Place;
  world: World;
}

/** SessionEffect is what a program asks of the interactive session (e.g. `docker exec -it c sh`). */
export interface SessionEffect {
  /** enter moves the session into a container's shell until `exit`. */
  enter?: { containerId: string; execId?: string };
  /** clear asks the terminal to clear the screen. */
  clear?: boolean;
}

/** ProgramResult is an ExecResult that may carry a session effect. */
export type ProgramResult = ExecResult & {
  effect?: SessionEffect;
  /**
   * running is true when the process keeps running after producing its output so far (a server
   * such as nginx, `top`, an interactive `ash` started with -it). Only meaningful for a container's
   * main process; the daemon then reports the container as Up and keeps its sockets bound.
   */
  running?: boolean;
  /**
   * marks say when stdout was written: stdout up to `end` was out by time `at` (ms since the
   * epoch). The interactive shell uses them to interleave a background job's output (ping).
   */
  marks?: Array<{ at: number; end: number }>;
  /**
   * output, when present, is stdout and stderr in the order the program wrote them (docker run
   * prints the pull's progress on stderr before the container ID on stdout); the shell writes the
   * pieces in that order when the result has no marks. Joined per stream, they are stdout and stderr.
   */
  output?: OutputPiece[];
};

/** OutputPiece is text a program wrote to one of its streams. */
export interface OutputPiece {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** Program is a runnable command. It must not throw; unexpected errors are caught by the shell. */
export type Program = (ctx: ProgramContext) => ProgramResult;
