// Mirrors moby/moby libcontainerd's client (NewTask, Start, Exec) as a seam; simplified: synchronous calls.
// The container runtime seam (what containerd + runc do in moby: daemon/start.go NewTask/Start,
// daemon/exec.go). The daemon only decides when a process starts; the lead's shell runs it.

import type { Place, ProgramResult } from '../shell/program.ts';

/** Runtime runs a container's processes in the place the daemon built for it. */
export interface Runtime {
  /** startProcess runs a container's main process in its place; returns output so far, exit code if it exited, and running=true if it keeps running. */
  startProcess(c: {
    containerId: string;
    argv: string[];
    env: Record<string, string>;
    tty: boolean;
    openStdin: boolean;
    /** attached: a client is attached to the process's output (docker run without -d, start -a). */
    attached?: boolean;
    place: Place;
  }): ProgramResult;
  /** exec runs a command in a running container's place. */
  exec(c: {
    containerId: string;
    argv: string[];
    env: Record<string, string>;
    tty: boolean;
    place: Place;
  }): ProgramResult;
}
