// Mirrors moby/moby daemon/info.go, info_unix.go (SystemInfo, SystemVersion) and api/types/system/info.go
// (v28.2.2, API 1.50) for an Ubuntu 24.04 host with cgroup v2, overlay2 and the iptables firewall.
// Simplified: runtime feature status maps are left out; numbers such as NFd and NGoroutines are fixed.

import { API_VERSION } from '../api/types.ts';
import { rfc3339Nano } from '../world/clock.ts';
import { HOST_OS, KERNEL } from '../world/machine.ts';
import { swarmInfo } from './cluster/views.ts';
import type { Daemon } from './daemon.ts';

/** HOST_KERNEL is the kernel every simulated host runs (world/machine.ts, shared with `uname -r`). */
export const HOST_KERNEL = KERNEL.release;
export { HOST_OS };
/** ENGINE_GIT_COMMIT is moby v28.2.2's commit; ENGINE_GO_VERSION its Go toolchain. */
export const ENGINE_GIT_COMMIT = '45873be';
export const ENGINE_GO_VERSION = 'go1.24.3';
const BUILD_TIME = '2025-05-30T12:07:26.000000000+00:00';
const CONTAINERD = { version: '1.7.27', commit: '05044ec0a9a75232cad458027ca83437aae3f4da' };
const RUNC = { version: '1.2.5', commit: 'v1.2.5-0-g59923ef' };
const INIT = { version: '0.19.0', commit: 'de40ad0' };

/** systemVersion is GET /version (types.Version). */
export function systemVersion(d: Daemon): Record<string, unknown> {
  const v = d.config.serverVersion;
  return {
    Platform: { Name: 'Docker Engine - Community' },
    Components: [
      {
        Name: 'Engine',
        Version: v,
        Details: {
          ApiVersion: API_VERSION,
          Arch: 'amd64',
          BuildTime: BUILD_TIME,
          Experimental: 'false',
          GitCommit: ENGINE_GIT_COMMIT,
          GoVersion: ENGINE_GO_VERSION,
          KernelVersion: HOST_KERNEL,
          MinAPIVersion: '1.24',
          Os: 'linux',
        },
      },
      { Name: 'containerd', Version: CONTAINERD.version, Details: { GitCommit: CONTAINERD.commit } },
      { Name: 'runc', Version: RUNC.version, Details: { GitCommit: RUNC.commit } },
      { Name: 'docker-init', Version: INIT.version, Details: { GitCommit: INIT.commit } },
    ],
    Version: v,
    ApiVersion: API_VERSION,
    MinAPIVersion: '1.24',
    GitCommit: ENGINE_GIT_COMMIT,
    GoVersion: ENGINE_GO_VERSION,
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: HOST_KERNEL,
    BuildTime: BUILD_TIME,
  };
}

/** systemInfo is GET /info (system.Info). */
export function systemInfo(d: Daemon): Record<string, unknown> {
  const all = [...d.containers.values()];
  const running = all.filter((c) => c.state.running && !c.state.paused).length;
  const paused = all.filter((c) => c.state.paused).length;
  const id = d.engineId;
  return {
    ID: id,
    Containers: all.length,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: all.length - running - paused,
    Images: d.images.list().length,
    Driver: 'overlay2',
    DriverStatus: [
      ['Backing Filesystem', 'extfs'],
      ['Supports d_type', 'true'],
      ['Using metacopy', 'false'],
      ['Native Overlay Diff', 'true'],
      ['userxattr', 'false'],
    ],
    Plugins: {
      Volume: ['local'],
      Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
      Authorization: null,
      Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'],
    },
    MemoryLimit: true,
    SwapLimit: true,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    Debug: false,
    NFd: 29 + 2 * running,
    OomKillDisable: false,
    NGoroutines: 44 + 4 * running,
    // Sub-millisecond digits hashed from the clock, not drawn: the lab's state view reads /info
    // between commands, and a draw there would shift later build times and image IDs on replay.
    SystemTime: rfc3339Nano(
      d.world.clock.now(),
      (Math.imul(d.world.clock.now() | 0, 2654435761) >>> 0) % 1_000_000,
    ),
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    NEventsListener: 0,
    KernelVersion: HOST_KERNEL,
    OperatingSystem: HOST_OS,
    OSVersion: '24.04',
    OSType: 'linux',
    Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: {
      IndexConfigs: { 'docker.io': { Mirrors: [], Name: 'docker.io', Official: true, Secure: true } },
      InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'],
      Mirrors: null,
    },
    NCPU: 2,
    MemTotal: 4102029312,
    GenericResources: null,
    DockerRootDir: '/var/lib/docker',
    HttpProxy: '',
    HttpsProxy: '',
    NoProxy: '',
    Name: d.host.name,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: d.config.serverVersion,
    Runtimes: { 'io.containerd.runc.v2': { path: 'runc' }, runc: { path: 'runc' } },
    DefaultRuntime: 'runc',
    Swarm: swarmInfo(d),
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: { ID: CONTAINERD.commit },
    RuncCommit: { ID: RUNC.commit },
    InitCommit: { ID: INIT.commit },
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
    FirewallBackend: { Driver: 'iptables' },
    CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
    Containerd: {
      Address: '/run/containerd/containerd.sock',
      Namespaces: { Containers: 'moby', Plugins: 'plugins.moby' },
    },
    Warnings: null,
  };
}
