// Mirrors moby/moby daemon/monitor.go (handleContainerExit), container/container.go
// (CreateDaemonEnvironment) and the json-file log driver's line splitting: what happens when a
// container's main process writes output or exits. Simplified: restart policies are recorded, not applied.

import type { Place } from '../shell/program.ts';
import type { Container, Stamp } from './container.ts';
import { releaseNetwork, sandboxOf } from './container_operations.ts';
import type { Daemon } from './daemon.ts';
import { cleanupContainer } from './delete.ts';
import { netMode } from './netmode.ts';

/** DEFAULT_PATH_ENV is system.DefaultPathEnv on Linux. */
export const DEFAULT_PATH_ENV = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** containerEnv is CreateDaemonEnvironment plus Config.Env (and the HOME runc adds). */
export function containerEnv(c: Container, tty: boolean, extra: string[] = []): Record<string, string> {
  const env: Record<string, string> = { PATH: DEFAULT_PATH_ENV, HOSTNAME: c.config.Hostname as string };
  if (tty) env.TERM = 'xterm';
  for (const e of [...((c.config.Env as string[] | null) ?? []), ...extra]) {
    const eq = e.indexOf('=');
    if (eq > 0) env[e.slice(0, eq)] = e.slice(eq + 1);
  }
  env.HOME ??= '/root';
  return env;
}

/** networkedContainer is the container whose namespace a `--network container:x` container shares. */
export function networkedContainer(d: Daemon, c: Container): Container | undefined {
  const mode = netMode(c.hostConfig.NetworkMode as string);
  return mode.isContainer() ? d.findContainer(mode.connectedContainer()) : undefined;
}

/** placeOf builds where a container's processes run: its sandbox namespace, files and tools. */
export function placeOf(d: Daemon, c: Container): Place {
  const owner = networkedContainer(d, c) ?? c;
  const sb = sandboxOf(d, owner);
  const ns = sb?.ns ?? d.host.ns;
  return {
    host: d.host.name,
    ns,
    fs: c.fs,
    // oci_linux.go: --uts host removes the UTS namespace, so processes see the host's name
    // (Config.Hostname and /etc/hostname keep the container's own).
    hostname: c.hostConfig.UTSMode === 'host' ? d.host.name : (c.config.Hostname as string),
    container: {
      id: c.id,
      name: c.name.replace(/^\//, ''),
      image: c.config.Image as string,
      capAdd: (c.hostConfig.CapAdd as string[] | null) ?? [],
      privileged: Boolean(c.hostConfig.Privileged),
    },
    tools: new Set(c.image.entry.tools),
    flavour: c.image.entry.flavour,
  };
}

/** appendLog adds a process's output to the container log, one entry per line, with timestamps. */
export function appendLog(
  d: Daemon,
  c: Container,
  stream: 'stdout' | 'stderr',
  text: string,
  at?: Stamp,
): void {
  if (text === '') return;
  const t = at ?? d.now();
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  lines.forEach((line, i) => {
    c.logs.push({ stream, text: line, time: { ms: t.ms, ns: Math.min(999_999, t.ns + i * 1731) } });
  });
}

/** handleContainerExit records the exit, drops the container's sockets, releases its network, and auto-removes. */
export function handleContainerExit(d: Daemon, c: Container, exitCode: number): void {
  if (!c.state.running) return;
  c.state.running = false;
  c.state.pid = 0;
  c.state.exitCode = exitCode;
  c.state.finishedAt = d.now();
  c.exitCount++;
  for (const id of c.execIds) d.execs.delete(id);
  const sb = sandboxOf(d, c);
  const ns = sb?.ns ?? (netMode(c.hostConfig.NetworkMode as string).isHost() ? d.host.ns : undefined);
  if (ns) ns.sockets = ns.sockets.filter((s) => s.ownerId !== c.id);
  releaseNetwork(d, c);
  c.execIds = [];
  if (c.hostConfig.AutoRemove) cleanupContainer(d, c, true);
}
