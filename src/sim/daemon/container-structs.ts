// Mirrors moby/moby api/types/container/config.go (Config), hostconfig.go (HostConfig, Resources,
// LogConfig, RestartPolicy) and api/types/network/endpoint.go (EndpointSettings), v28.2.2: field
// order, JSON names and omitempty, so inspect prints what dockerd prints.

import { f, type GoStruct } from './gostruct.ts';

/** CONFIG is container.Config. */
export const CONFIG: GoStruct = {
  fields: [
    f('Hostname', 'string'),
    f('Domainname', 'string'),
    f('User', 'string'),
    f('AttachStdin', 'bool'),
    f('AttachStdout', 'bool'),
    f('AttachStderr', 'bool'),
    f('ExposedPorts', 'map', true),
    f('Tty', 'bool'),
    f('OpenStdin', 'bool'),
    f('StdinOnce', 'bool'),
    f('Env', 'slice'),
    f('Cmd', 'slice'),
    f('Healthcheck', 'ptr', true),
    f('ArgsEscaped', 'bool', true),
    f('Image', 'string'),
    f('Volumes', 'map'),
    f('WorkingDir', 'string'),
    f('Entrypoint', 'slice'),
    f('NetworkDisabled', 'bool', true),
    f('MacAddress', 'string', true),
    f('OnBuild', 'slice'),
    f('Labels', 'map'),
    f('StopSignal', 'string', true),
    f('StopTimeout', 'ptr', true),
    f('Shell', 'slice', true),
  ],
};

const LOG_CONFIG: GoStruct = { fields: [f('Type', 'string'), f('Config', 'map')] };
const RESTART_POLICY: GoStruct = { fields: [f('Name', 'string'), f('MaximumRetryCount', 'int')] };

/** HOST_CONFIG is container.HostConfig with its embedded Resources flattened in place. */
export const HOST_CONFIG: GoStruct = {
  fields: [
    f('Binds', 'slice'),
    f('ContainerIDFile', 'string'),
    f('LogConfig', LOG_CONFIG),
    f('NetworkMode', 'string'),
    f('PortBindings', 'map'),
    f('RestartPolicy', RESTART_POLICY),
    f('AutoRemove', 'bool'),
    f('VolumeDriver', 'string'),
    f('VolumesFrom', 'slice'),
    f('ConsoleSize', 'size2'),
    f('Annotations', 'map', true),
    f('CapAdd', 'slice'),
    f('CapDrop', 'slice'),
    f('CgroupnsMode', 'string'),
    f('Dns', 'slice'),
    f('DnsOptions', 'slice'),
    f('DnsSearch', 'slice'),
    f('ExtraHosts', 'slice'),
    f('GroupAdd', 'slice'),
    f('IpcMode', 'string'),
    f('Cgroup', 'string'),
    f('Links', 'slice'),
    f('OomScoreAdj', 'int'),
    f('PidMode', 'string'),
    f('Privileged', 'bool'),
    f('PublishAllPorts', 'bool'),
    f('ReadonlyRootfs', 'bool'),
    f('SecurityOpt', 'slice'),
    f('StorageOpt', 'map', true),
    f('Tmpfs', 'map', true),
    f('UTSMode', 'string'),
    f('UsernsMode', 'string'),
    f('ShmSize', 'int'),
    f('Sysctls', 'map', true),
    f('Runtime', 'string', true),
    f('Isolation', 'string'),
    // Resources (embedded)
    f('CpuShares', 'int'),
    f('Memory', 'int'),
    f('NanoCpus', 'int'),
    f('CgroupParent', 'string'),
    f('BlkioWeight', 'int'),
    f('BlkioWeightDevice', 'slice'),
    f('BlkioDeviceReadBps', 'slice'),
    f('BlkioDeviceWriteBps', 'slice'),
    f('BlkioDeviceReadIOps', 'slice'),
    f('BlkioDeviceWriteIOps', 'slice'),
    f('CpuPeriod', 'int'),
    f('CpuQuota', 'int'),
    f('CpuRealtimePeriod', 'int'),
    f('CpuRealtimeRuntime', 'int'),
    f('CpusetCpus', 'string'),
    f('CpusetMems', 'string'),
    f('Devices', 'slice'),
    f('DeviceCgroupRules', 'slice'),
    f('DeviceRequests', 'slice'),
    f('KernelMemory', 'int', true),
    f('KernelMemoryTCP', 'int', true),
    f('MemoryReservation', 'int'),
    f('MemorySwap', 'int'),
    f('MemorySwappiness', 'ptr'),
    f('OomKillDisable', 'ptr'),
    f('PidsLimit', 'ptr'),
    f('Ulimits', 'slice'),
    f('CpuCount', 'int'),
    f('CpuPercent', 'int'),
    f('IOMaximumIOps', 'int'),
    f('IOMaximumBandwidth', 'int'),
    // back to HostConfig
    f('Mounts', 'slice', true),
    f('MaskedPaths', 'slice'),
    f('ReadonlyPaths', 'slice'),
    f('Init', 'ptr', true),
  ],
};

/** ENDPOINT_IPAM_CONFIG is network.EndpointIPAMConfig. */
export const ENDPOINT_IPAM_CONFIG: GoStruct = {
  fields: [
    f('IPv4Address', 'string', true),
    f('IPv6Address', 'string', true),
    f('LinkLocalIPs', 'slice', true),
  ],
};

/** ENDPOINT_SETTINGS is network.EndpointSettings (the request side: what a client may set). */
export const ENDPOINT_SETTINGS: GoStruct = {
  fields: [
    f('IPAMConfig', 'ptr'),
    f('Links', 'slice'),
    f('Aliases', 'slice'),
    f('MacAddress', 'string'),
    f('DriverOpts', 'map'),
    f('GwPriority', 'int'),
    f('NetworkID', 'string'),
    f('EndpointID', 'string'),
    f('Gateway', 'string'),
    f('IPAddress', 'string'),
    f('IPPrefixLen', 'int'),
    f('IPv6Gateway', 'string'),
    f('GlobalIPv6Address', 'string'),
    f('GlobalIPv6PrefixLen', 'int'),
    f('DNSNames', 'slice'),
  ],
};

/** DEFAULT_MASKED_PATHS is oci.DefaultSpec's masked paths, which dockerd records in HostConfig. */
export const DEFAULT_MASKED_PATHS = [
  '/proc/asound',
  '/proc/acpi',
  '/proc/interrupts',
  '/proc/kcore',
  '/proc/keys',
  '/proc/latency_stats',
  '/proc/timer_list',
  '/proc/timer_stats',
  '/proc/sched_debug',
  '/proc/scsi',
  '/sys/firmware',
  '/sys/devices/virtual/powercap',
];

/** DEFAULT_READONLY_PATHS is oci.DefaultSpec's read-only paths. */
export const DEFAULT_READONLY_PATHS = [
  '/proc/bus',
  '/proc/fs',
  '/proc/irq',
  '/proc/sys',
  '/proc/sysrq-trigger',
];
