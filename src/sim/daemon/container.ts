// Mirrors moby/moby container/container.go and container/state.go (v28.2.2): a container's record
// and its state machine (created → running → exited, plus removing/dead). Simplified: no paused or
// restarting states, no health checks.

import { humanDuration } from '../gounits.ts';
import type { Vfs } from '../kernel/vfs.ts';
import type { SessionEffect } from '../shell/program.ts';
import { rfc3339Nano } from '../world/clock.ts';
import type { LocalImage } from './images.ts';

/** Stamp is a moment: milliseconds from the clock plus sub-millisecond nanoseconds, for RFC3339Nano. */
export interface Stamp {
  ms: number;
  ns: number;
}

/** formatStamp renders a Stamp as Go's time.RFC3339Nano; undefined is Go's zero time. */
export const formatStamp = (s: Stamp | undefined): string =>
  s ? rfc3339Nano(s.ms, s.ns) : '0001-01-01T00:00:00Z';

/** EndpointSettings is a container's configuration and state on one network (api/types/network EndpointSettings). */
export interface EndpointSettings {
  IPAMConfig: { IPv4Address?: string; IPv6Address?: string; LinkLocalIPs?: string[] } | null;
  Links: string[] | null;
  Aliases: string[] | null;
  MacAddress: string;
  DriverOpts: Record<string, string> | null;
  GwPriority: number;
  NetworkID: string;
  EndpointID: string;
  Gateway: string;
  IPAddress: string;
  IPPrefixLen: number;
  IPv6Gateway: string;
  GlobalIPv6Address: string;
  GlobalIPv6PrefixLen: number;
  DNSNames: string[] | null;
  /** desiredMacAddress is the MAC the user asked for (daemon/network.EndpointSettings.DesiredMacAddress). */
  desiredMacAddress: string;
}

/** PortBinding is one nat.PortBinding of NetworkSettings.Ports. */
export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

/** ContainerState is container.State. */
export interface ContainerState {
  running: boolean;
  paused: boolean;
  restarting: boolean;
  oomKilled: boolean;
  dead: boolean;
  removalInProgress: boolean;
  pid: number;
  exitCode: number;
  error: string;
  startedAt?: Stamp;
  finishedAt?: Stamp;
}

/** LogLine is one line of the json-file log: the stream it went to, its text (with newline) and time. */
export interface LogLine {
  stream: 'stdout' | 'stderr';
  text: string;
  time: Stamp;
}

/** ExecConfig is one exec instance (container/exec.go ExecConfig). */
export interface ExecConfig {
  id: string;
  containerId: string;
  entrypoint: string;
  args: string[];
  tty: boolean;
  privileged: boolean;
  user: string;
  env: string[];
  workingDir: string;
  openStdin: boolean;
  openStdout: boolean;
  openStderr: boolean;
  running: boolean;
  exitCode: number | null;
  pid: number;
  output?: { stdout: string; stderr: string };
  effect?: SessionEffect;
}

/** Container is one container's record (container.Container). Config/HostConfig are Go-shaped JSON. */
export interface Container {
  id: string;
  /** name is the name with its leading slash ("/web"). */
  name: string;
  created: Stamp;
  path: string;
  args: string[];
  config: Record<string, unknown>;
  hostConfig: Record<string, unknown>;
  image: LocalImage;
  state: ContainerState;
  networkSettings: {
    bridge: string;
    sandboxId: string;
    sandboxKey: string;
    ports: Record<string, PortBinding[] | null> | null;
    networks: Map<string, EndpointSettings>;
  };
  restartCount: number;
  /** paths are set the first time the container starts (ResolvConfPath, HostnamePath, HostsPath, LogPath). */
  pathsSet: boolean;
  /** mountId is the overlay2 directory of the container's writable layer. */
  mountId: string;
  fs: Vfs;
  execIds: string[];
  logs: LogLine[];
  /** exitCount counts exits, so `wait?condition=next-exit` can tell an exit that came after it. */
  exitCount: number;
  removed: boolean;
  hasBeenStartedBefore: boolean;
  /** attachPending: a client attached a stream before the next start (`docker run` without -d). */
  attachPending?: boolean;
  hasBeenManuallyStopped: boolean;
  /** effect is what the main process asked of the session when it started (e.g. an -it shell). */
  effect?: SessionEffect;
}

/** newEndpointSettings is an empty EndpointSettings, as the API decodes `{}`. */
export function newEndpointSettings(): EndpointSettings {
  return {
    IPAMConfig: null,
    Links: null,
    Aliases: null,
    MacAddress: '',
    DriverOpts: null,
    GwPriority: 0,
    NetworkID: '',
    EndpointID: '',
    Gateway: '',
    IPAddress: '',
    IPPrefixLen: 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: null,
    desiredMacAddress: '',
  };
}

/** stateString is State.StateString: created, running, paused, restarting, removing, exited or dead. */
export function stateString(s: ContainerState): string {
  if (s.running) {
    if (s.paused) return 'paused';
    if (s.restarting) return 'restarting';
    return 'running';
  }
  if (s.removalInProgress) return 'removing';
  if (s.dead) return 'dead';
  if (!s.startedAt) return 'created';
  return 'exited';
}

/** statusString is State.String, the STATUS column: "Up 2 minutes", "Exited (0) 3 seconds ago" … */
export function statusString(s: ContainerState, nowMs: number): string {
  const since = (t: Stamp | undefined): string => humanDuration(nowMs - (t?.ms ?? nowMs));
  if (s.running) {
    if (s.paused) return `Up ${since(s.startedAt)} (Paused)`;
    if (s.restarting) return `Restarting (${s.exitCode}) ${since(s.finishedAt)} ago`;
    return `Up ${since(s.startedAt)}`;
  }
  if (s.removalInProgress) return 'Removal In Progress';
  if (s.dead) return 'Dead';
  if (!s.startedAt) return 'Created';
  if (!s.finishedAt) return '';
  return `Exited (${s.exitCode}) ${since(s.finishedAt)} ago`;
}

/** cleanOperationalData is daemon/container_operations.go cleanOperationalData: forget what a stopped endpoint had. */
export function cleanOperationalData(es: EndpointSettings): void {
  es.EndpointID = '';
  es.Gateway = '';
  es.IPAddress = '';
  es.IPPrefixLen = 0;
  es.IPv6Gateway = '';
  es.GlobalIPv6Address = '';
  es.GlobalIPv6PrefixLen = 0;
  es.MacAddress = '';
}
