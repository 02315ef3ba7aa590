// Mirrors docker/cli cli/command/container/opts.go addFlags and run.go/create.go flag sets;
// simplified: resource flags are accepted and shown in help but only networking, identity,
// process and restart options are sent to the daemon.

import type { FlagDef } from '../flags.ts';
import {
  normalizeExtraHost,
  validateEnv,
  validateExtraHost,
  validateIPAddress,
  validateLabel,
  validateLink,
} from '../opts.ts';

const list = (name: string, usage: string, extra: Partial<FlagDef> = {}): FlagDef => ({
  name,
  usage,
  kind: 'list',
  ...extra,
});
const str = (name: string, usage: string, extra: Partial<FlagDef> = {}): FlagDef => ({
  name,
  usage,
  kind: 'string',
  ...extra,
});
const bool = (name: string, usage: string, extra: Partial<FlagDef> = {}): FlagDef => ({
  name,
  usage,
  kind: 'bool',
  ...extra,
});
const int = (name: string, usage: string, extra: Partial<FlagDef> = {}): FlagDef => ({
  name,
  usage,
  kind: 'int',
  ...extra,
});
const typed = (name: string, typeName: string, usage: string, extra: Partial<FlagDef> = {}): FlagDef => ({
  name,
  usage,
  kind: 'list',
  typeName,
  ...extra,
});

/** containerFlags is addFlags: the options shared by run and create. */
export function containerFlags(): FlagDef[] {
  return [
    list('attach', 'Attach to STDIN, STDOUT or STDERR', { shorthand: 'a' }),
    list('device-cgroup-rule', 'Add a rule to the cgroup allowed devices list'),
    list('device', 'Add a host device to the container'),
    typed('gpus', 'gpu-request', "GPU devices to add to the container ('all' to pass all GPUs)"),
    list('env', 'Set environment variables', { shorthand: 'e', validate: validateEnv }),
    list('env-file', 'Read in a file of environment variables'),
    str('entrypoint', 'Overwrite the default ENTRYPOINT of the image'),
    list('group-add', 'Add additional groups to join'),
    str('hostname', 'Container host name', { shorthand: 'h' }),
    str('domainname', 'Container NIS domain name'),
    bool('interactive', 'Keep STDIN open even if not attached', { shorthand: 'i' }),
    list('label', 'Set meta data on a container', { shorthand: 'l', validate: validateLabel }),
    list('label-file', 'Read in a line delimited file of labels'),
    bool('read-only', "Mount the container's root filesystem as read only"),
    str('restart', 'Restart policy to apply when a container exits', { initial: 'no' }),
    str('stop-signal', 'Signal to stop the container'),
    int('stop-timeout', 'Timeout (in seconds) to stop a container'),
    typed('sysctl', 'map', 'Sysctl options', { defValue: 'map[]' }),
    bool('tty', 'Allocate a pseudo-TTY', { shorthand: 't' }),
    typed('ulimit', 'ulimit', 'Ulimit options', { defValue: '[]' }),
    str('user', 'Username or UID (format: <name|uid>[:<group|gid>])', { shorthand: 'u' }),
    str('workdir', 'Working directory inside the container', { shorthand: 'w' }),
    bool('rm', 'Automatically remove the container and its associated anonymous volumes when it exits'),
    list('cap-add', 'Add Linux capabilities'),
    list('cap-drop', 'Drop Linux capabilities'),
    bool('privileged', 'Give extended privileges to this container'),
    list('security-opt', 'Security Options'),
    str('userns', 'User namespace to use'),
    str(
      'cgroupns',
      "Cgroup namespace to use (host|private)\n'host':    Run the container in the Docker host's cgroup namespace\n'private': Run the container in its own private cgroup namespace\n'':        Use the cgroup namespace as configured by the\n           default-cgroupns-mode option on the daemon (default)",
    ),
    list('add-host', 'Add a custom host-to-IP mapping (host:ip)', {
      validate: validateExtraHost,
      normalize: normalizeExtraHost,
    }),
    list('dns', 'Set custom DNS servers', { validate: validateIPAddress }),
    list('dns-opt', 'Set DNS options', { hidden: true }),
    list('dns-option', 'Set DNS options'),
    list('dns-search', 'Set custom DNS search domains'),
    list('expose', 'Expose a port or a range of ports'),
    str('ip', 'IPv4 address (e.g., 172.30.100.104)'),
    str('ip6', 'IPv6 address (e.g., 2001:db8::33)'),
    list('link', 'Add link to another container', { validate: validateLink }),
    list('link-local-ip', 'Container IPv4/IPv6 link-local addresses'),
    str('mac-address', 'Container MAC address (e.g., 92:d0:c6:0a:29:33)'),
    list('publish', "Publish a container's port(s) to the host", { shorthand: 'p' }),
    bool('publish-all', 'Publish all exposed ports to random ports', { shorthand: 'P' }),
    typed('net', 'network', 'Connect a container to a network', { hidden: true }),
    typed('network', 'network', 'Connect a container to a network'),
    list('net-alias', 'Add network-scoped alias for the container', { hidden: true }),
    list('network-alias', 'Add network-scoped alias for the container'),
    str('log-driver', 'Logging driver for the container'),
    str('volume-driver', 'Optional volume driver for the container'),
    list('log-opt', 'Log driver options'),
    list('storage-opt', 'Storage driver options for the container'),
    list('tmpfs', 'Mount a tmpfs directory'),
    list('volumes-from', 'Mount volumes from the specified container(s)'),
    list('volume', 'Bind mount a volume', { shorthand: 'v' }),
    typed('mount', 'mount', 'Attach a filesystem mount to the container'),
    str('health-cmd', 'Command to run to check health'),
    typed('health-interval', 'duration', 'Time between running the check (ms|s|m|h) (default 0s)', {
      defValue: '0s',
    }),
    int('health-retries', 'Consecutive failures needed to report unhealthy'),
    typed('health-timeout', 'duration', 'Maximum time to allow one check to run (ms|s|m|h) (default 0s)', {
      defValue: '0s',
    }),
    typed(
      'health-start-period',
      'duration',
      'Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)',
      { defValue: '0s' },
    ),
    typed(
      'health-start-interval',
      'duration',
      'Time between running the check during the start period (ms|s|m|h) (default 0s)',
      { defValue: '0s' },
    ),
    bool('no-healthcheck', 'Disable any container-specified HEALTHCHECK'),
    typed(
      'blkio-weight',
      'uint16',
      'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)',
      { defValue: '0' },
    ),
    typed('blkio-weight-device', 'list', 'Block IO weight (relative device weight)', { defValue: '[]' }),
    str('cidfile', 'Write the container ID to the file'),
    str('cpuset-cpus', 'CPUs in which to allow execution (0-3, 0,1)'),
    str('cpuset-mems', 'MEMs in which to allow execution (0-3, 0,1)'),
    typed('cpu-count', 'int', 'CPU count (Windows only)', { defValue: '0', hidden: true }),
    typed('cpu-percent', 'int', 'CPU percent (Windows only)', { defValue: '0', hidden: true }),
    typed('cpu-period', 'int', 'Limit CPU CFS (Completely Fair Scheduler) period', { defValue: '0' }),
    typed('cpu-quota', 'int', 'Limit CPU CFS (Completely Fair Scheduler) quota', { defValue: '0' }),
    typed('cpu-rt-period', 'int', 'Limit CPU real-time period in microseconds', { defValue: '0' }),
    typed('cpu-rt-runtime', 'int', 'Limit CPU real-time runtime in microseconds', { defValue: '0' }),
    typed('cpu-shares', 'int', 'CPU shares (relative weight)', { shorthand: 'c', defValue: '0' }),
    typed('cpus', 'decimal', 'Number of CPUs'),
    typed('device-read-bps', 'list', 'Limit read rate (bytes per second) from a device', { defValue: '[]' }),
    typed('device-read-iops', 'list', 'Limit read rate (IO per second) from a device', { defValue: '[]' }),
    typed('device-write-bps', 'list', 'Limit write rate (bytes per second) to a device', { defValue: '[]' }),
    typed('device-write-iops', 'list', 'Limit write rate (IO per second) to a device', { defValue: '[]' }),
    typed('io-maxbandwidth', 'bytes', 'Maximum IO bandwidth limit for the system drive (Windows only)', {
      defValue: '0',
      hidden: true,
    }),
    typed('io-maxiops', 'uint', 'Maximum IOps limit for the system drive (Windows only)', {
      defValue: '0',
      hidden: true,
    }),
    typed('kernel-memory', 'bytes', 'Kernel memory limit', { defValue: '0' }),
    typed('memory', 'bytes', 'Memory limit', { shorthand: 'm', defValue: '0' }),
    typed('memory-reservation', 'bytes', 'Memory soft limit', { defValue: '0' }),
    typed('memory-swap', 'bytes', "Swap limit equal to memory plus swap: '-1' to enable unlimited swap", {
      defValue: '0',
    }),
    typed('memory-swappiness', 'int', 'Tune container memory swappiness (0 to 100)', { defValue: '-1' }),
    bool('oom-kill-disable', 'Disable OOM Killer'),
    int('oom-score-adj', "Tune host's OOM preferences (-1000 to 1000)"),
    typed('pids-limit', 'int', 'Tune container pids limit (set -1 for unlimited)', { defValue: '0' }),
    str('cgroup-parent', 'Optional parent cgroup for the container'),
    str('ipc', 'IPC mode to use'),
    str('isolation', 'Container isolation technology'),
    str('pid', 'PID namespace to use'),
    typed('shm-size', 'bytes', 'Size of /dev/shm', { defValue: '0' }),
    str('uts', 'UTS namespace to use'),
    str('runtime', 'Runtime to use for this container'),
    bool('init', 'Run an init inside the container that forwards signals and reaps processes'),
    typed('annotation', 'map', 'Add an annotation to the container (passed through to the OCI runtime)', {
      defValue: 'map[]',
    }),
  ];
}

/** runFlags is run.go's own flags plus addFlags. */
export function runFlags(): FlagDef[] {
  return [
    bool('detach', 'Run container in background and print container ID', { shorthand: 'd' }),
    bool('sig-proxy', 'Proxy received signals to the process', { initial: true }),
    str('name', 'Assign a name to the container'),
    str('detach-keys', 'Override the key sequence for detaching a container'),
    str('pull', 'Pull image before running ("always", "missing", "never")', { initial: 'missing' }),
    bool('quiet', 'Suppress the pull output', { shorthand: 'q' }),
    bool('use-api-socket', 'Bind mount Docker API socket and required auth'),
    bool('help', 'Print usage'),
    str('platform', 'Set platform if server is multi-platform capable'),
    bool('disable-content-trust', 'Skip image verification', { initial: true }),
    ...containerFlags(),
  ];
}

/** createFlags is create.go's own flags plus addFlags. */
export function createFlags(): FlagDef[] {
  return [
    str('name', 'Assign a name to the container'),
    str('pull', 'Pull image before creating ("always", "|missing", "never")', { initial: 'missing' }),
    bool('quiet', 'Suppress the pull output', { shorthand: 'q' }),
    bool('use-api-socket', 'Bind mount Docker API socket and required auth'),
    bool('help', 'Print usage'),
    str('platform', 'Set platform if server is multi-platform capable'),
    bool('disable-content-trust', 'Skip image verification', { initial: true }),
    ...containerFlags(),
  ];
}
