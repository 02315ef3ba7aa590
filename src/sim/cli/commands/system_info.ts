// Mirrors docker/cli cli/command/system/info.go (prettyPrintInfo, printSwarmInfo, formatInfo);
// simplified: no CLI plugins are installed, so no "Plugins:" block in the client section.

import { type CommandSpec, noArgs } from '../cobra.ts';
import type { RunContext } from '../context.ts';
import { ApiError, CliError } from '../errors.ts';
import { bytesSize, humanDuration } from '../formatter/display.ts';
import { formatFlag, INSPECT_FORMAT_HELP } from '../opts.ts';
import { ExecError, GoStruct, goPrint, parseTemplate, TemplateParseError } from '../template/index.ts';
import { CLIENT_PLATFORM, CLIENT_VERSION, type Json } from './system_version.ts';

const p = (ctx: RunContext, ...a: unknown[]): void => ctx.println(a.map((x) => goPrint(x ?? '')).join(' '));
const pNonEmpty = (ctx: RunContext, label: string, v: unknown): void => {
  if (v !== undefined && v !== null && v !== '') ctx.println(`${label} ${goPrint(v)}`);
};

function printSwarm(ctx: RunContext, s: Json): void {
  const state = s.LocalNodeState;
  if (state === 'inactive' || state === 'locked' || state === undefined) return;
  p(ctx, '  NodeID:', s.NodeID);
  if (s.Error) p(ctx, '  Error:', s.Error);
  p(ctx, '  Is Manager:', s.ControlAvailable ?? false);
  const cl = s.Cluster as Json | undefined;
  if (cl && s.ControlAvailable && !s.Error && state !== 'error') {
    const spec = (cl.Spec as Json) ?? {};
    const g = (o: unknown, k: string): Json => ((o as Json)?.[k] as Json) ?? {};
    p(ctx, '  ClusterID:', cl.ID);
    p(ctx, '  Managers:', s.Managers ?? 0);
    p(ctx, '  Nodes:', s.Nodes ?? 0);
    if (Array.isArray(cl.DefaultAddrPool)) {
      p(ctx, '  Default Address Pool:', (cl.DefaultAddrPool as string[]).map((x) => `${x}  `).join(''));
      p(ctx, '  SubnetSize:', cl.SubnetSize ?? 0);
    }
    if (Number(cl.DataPathPort ?? 0) > 0) p(ctx, '  Data Path Port:', cl.DataPathPort);
    p(ctx, '  Orchestration:');
    p(ctx, '   Task History Retention Limit:', g(spec, 'Orchestration').TaskHistoryRetentionLimit ?? 0);
    const raft = g(spec, 'Raft');
    p(ctx, '  Raft:');
    p(ctx, '   Snapshot Interval:', raft.SnapshotInterval ?? 0);
    if (raft.KeepOldSnapshots !== undefined && raft.KeepOldSnapshots !== null)
      ctx.println(`   Number of Old Snapshots to Retain: ${raft.KeepOldSnapshots}`);
    p(ctx, '   Heartbeat Tick:', raft.HeartbeatTick ?? 0);
    p(ctx, '   Election Tick:', raft.ElectionTick ?? 0);
    p(ctx, '  Dispatcher:');
    p(ctx, '   Heartbeat Period:', humanDuration(Number(g(spec, 'Dispatcher').HeartbeatPeriod ?? 0) / 1e6));
    const ca = g(spec, 'CAConfig');
    p(ctx, '  CA Configuration:');
    p(ctx, '   Expiry Duration:', humanDuration(Number(ca.NodeCertExpiry ?? 0) / 1e6));
    p(ctx, '   Force Rotate:', ca.ForceRotate ?? 0);
    p(ctx, '  Autolock Managers:', g(spec, 'EncryptionConfig').AutoLockManagers ?? false);
    p(ctx, '  Root Rotation In Progress:', cl.RootRotationInProgress ?? false);
  }
  p(ctx, '  Node Address:', s.NodeAddr ?? '');
  const rm = ((s.RemoteManagers as Json[] | null) ?? []).map((m) => String(m.Addr)).sort();
  if (rm.length > 0) {
    p(ctx, '  Manager Addresses:');
    for (const a of rm) ctx.println(`   ${a}`);
  }
}

function printServer(ctx: RunContext, i: Json): void {
  p(ctx, ' Containers:', i.Containers ?? 0);
  p(ctx, '  Running:', i.ContainersRunning ?? 0);
  p(ctx, '  Paused:', i.ContainersPaused ?? 0);
  p(ctx, '  Stopped:', i.ContainersStopped ?? 0);
  p(ctx, ' Images:', i.Images ?? 0);
  pNonEmpty(ctx, ' Server Version:', i.ServerVersion);
  pNonEmpty(ctx, ' Storage Driver:', i.Driver);
  for (const [k, v] of (i.DriverStatus as string[][] | null) ?? []) ctx.println(`  ${k}: ${v}`);
  for (const [k, v] of (i.SystemStatus as string[][] | null) ?? []) ctx.println(` ${k}: ${v}`);
  pNonEmpty(ctx, ' Logging Driver:', i.LoggingDriver);
  pNonEmpty(ctx, ' Cgroup Driver:', i.CgroupDriver);
  pNonEmpty(ctx, ' Cgroup Version:', i.CgroupVersion);
  const pl = (i.Plugins as Record<string, string[] | null>) ?? {};
  p(ctx, ' Plugins:');
  p(ctx, '  Volume:', (pl.Volume ?? []).join(' '));
  p(ctx, '  Network:', (pl.Network ?? []).join(' '));
  if ((pl.Authorization ?? []).length > 0) p(ctx, '  Authorization:', (pl.Authorization ?? []).join(' '));
  p(ctx, '  Log:', (pl.Log ?? []).join(' '));
  const cdi = (i.CDISpecDirs as string[] | null) ?? [];
  if (cdi.length > 0) {
    p(ctx, ' CDI spec directories:');
    for (const d of cdi) ctx.println(`  ${d}`);
  }
  const swarm = (i.Swarm as Json) ?? {};
  p(ctx, ' Swarm:', swarm.LocalNodeState ?? '');
  printSwarm(ctx, swarm);
  const runtimes = Object.keys((i.Runtimes as Json) ?? {});
  if (runtimes.length > 0) {
    p(ctx, ' Runtimes:', runtimes.join(' '));
    p(ctx, ' Default Runtime:', i.DefaultRuntime ?? '');
  }
  if (i.OSType === 'linux') {
    p(ctx, ' Init Binary:', i.InitBinary ?? '');
    p(ctx, ' containerd version:', (i.ContainerdCommit as Json)?.ID ?? '');
    p(ctx, ' runc version:', (i.RuncCommit as Json)?.ID ?? '');
    p(ctx, ' init version:', (i.InitCommit as Json)?.ID ?? '');
    const so = (i.SecurityOptions as string[] | null) ?? [];
    if (so.length > 0) {
      p(ctx, ' Security Options:');
      for (const opt of so) {
        const kv = Object.fromEntries(
          opt.split(',').map((x) => [x.split('=')[0], x.split('=').slice(1).join('=')]),
        );
        ctx.println(`  ${kv.name ?? ''}`);
        if (kv.profile) p(ctx, '   Profile:', kv.profile);
      }
    }
  }
  pNonEmpty(ctx, ' Kernel Version:', i.KernelVersion);
  pNonEmpty(ctx, ' Operating System:', i.OperatingSystem);
  pNonEmpty(ctx, ' OSType:', i.OSType);
  pNonEmpty(ctx, ' Architecture:', i.Architecture);
  p(ctx, ' CPUs:', i.NCPU ?? 0);
  p(ctx, ' Total Memory:', bytesSize(Number(i.MemTotal ?? 0)));
  pNonEmpty(ctx, ' Name:', i.Name);
  pNonEmpty(ctx, ' ID:', i.ID);
  p(ctx, ' Docker Root Dir:', i.DockerRootDir ?? '');
  p(ctx, ' Debug Mode:', i.Debug ?? false);
  if (i.Debug) {
    p(ctx, '  File Descriptors:', i.NFd ?? 0);
    p(ctx, '  Goroutines:', i.NGoroutines ?? 0);
    p(ctx, '  System Time:', i.SystemTime ?? '');
    p(ctx, '  EventsListeners:', i.NEventsListener ?? 0);
  }
  pNonEmpty(ctx, ' HTTP Proxy:', i.HttpProxy);
  pNonEmpty(ctx, ' HTTPS Proxy:', i.HttpsProxy);
  pNonEmpty(ctx, ' No Proxy:', i.NoProxy);
  const labels = (i.Labels as string[] | null) ?? [];
  if (labels.length > 0) {
    p(ctx, ' Labels:');
    for (const l of labels) ctx.println(`  ${l}`);
  }
  p(ctx, ' Experimental:', i.ExperimentalBuild ?? false);
  const rc = i.RegistryConfig as Json | null | undefined;
  const cidrs = (rc?.InsecureRegistryCIDRs as Json[] | null) ?? [];
  const idx = (rc?.IndexConfigs as Record<string, Json> | null) ?? {};
  if (rc && (cidrs.length > 0 || Object.keys(idx).length > 0)) {
    p(ctx, ' Insecure Registries:');
    for (const c of Object.values(idx)) if (!c.Secure) ctx.println(`  ${c.Name}`);
    // registry.NetIPNet marshals as its CIDR string ("127.0.0.0/8").
    for (const c of cidrs) ctx.println(`  ${c}`);
  }
  const mirrors = (rc?.Mirrors as string[] | null) ?? [];
  if (mirrors.length > 0) {
    p(ctx, ' Registry Mirrors:');
    for (const m of mirrors) ctx.println(`  ${m}`);
  }
  p(ctx, ' Live Restore Enabled:', i.LiveRestoreEnabled ?? false);
  if (i.ProductLicense) p(ctx, ' Product License:', i.ProductLicense);
  const pools = (i.DefaultAddressPools as Json[] | null) ?? [];
  if (pools.length > 0) {
    p(ctx, ' Default Address Pools:');
    for (const pool of pools) ctx.println(`   Base: ${pool.Base}, Size: ${pool.Size}`);
  }
  ctx.println();
  for (const w of (i.Warnings as string[] | null) ?? []) ctx.eprintln(w);
}

/** infoCommand is `docker info`. */
export function infoCommand(): CommandSpec {
  return {
    use: 'info [OPTIONS]',
    short: 'Display system-wide information',
    args: noArgs,
    annotations: { 'category-top': '12', aliases: 'docker system info, docker info' },
    flags: [formatFlag(INSPECT_FORMAT_HELP, 'f')],
    run: (ctx, _args, flags) => {
      const format = flags.get<string>('format');
      let info: Json | undefined;
      let serverErr: string | undefined;
      try {
        info = ctx.client.get<Json>('/info');
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        serverErr = e.message;
      }
      const client = {
        Version: CLIENT_VERSION,
        Context: 'default',
        Debug: false,
        Plugins: [],
        Warnings: null,
      };
      if (format === '') {
        ctx.println(`Client: ${CLIENT_PLATFORM}`);
        ctx.println(` Version:    ${CLIENT_VERSION}`);
        ctx.println(' Context:    default');
        ctx.println(' Debug Mode: false');
        ctx.println();
        ctx.println('Server:');
        if (info) printServer(ctx, info);
        if (serverErr) {
          ctx.eprintln(`ERROR: ${serverErr}`);
          throw new CliError('errors pretty printing info');
        }
        return;
      }
      if (serverErr) ctx.eprintln(serverErr);
      const fmt = format === 'json' ? '{{json .}}' : format;
      let tmpl: ReturnType<typeof parseTemplate>;
      try {
        tmpl = parseTemplate(fmt);
      } catch (e) {
        if (e instanceof TemplateParseError) throw new CliError(`template parsing error: ${e.message}`, 64);
        throw e;
      }
      const fields = { ...(info ?? {}), ClientInfo: client };
      try {
        ctx.out(tmpl.execute(new GoStruct('system.dockerInfo', fields, {}, () => fields)));
      } catch (e) {
        ctx.println();
        if (e instanceof ExecError) throw new CliError(e.message);
        throw e;
      }
      ctx.println();
    },
  };
}
