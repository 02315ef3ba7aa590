// Mirrors docker/cli cli/command/container/opts.go (parse, parseNetworkOpts,
// convertToStandardNotation), go-connections nat (ParsePortSpecs), opts/network.go (NetworkOpt)
// and create.go (createContainer with the implicit pull); simplified: no volumes parsing beyond
// passing binds, no devices, no resource limits sent.

import { pathEscape } from '../client.ts';
import type { RunContext } from '../context.ts';
import { ApiError, CliError } from '../errors.ts';
import type { FlagSet } from '../flags.ts';
import { isIP, kvMap, validateMAC } from '../opts.ts';
import { familiarString, normalizeRef, pullImage } from './image_pull.ts';

/** ContainerConfig is the body of POST /containers/create. */
export interface ContainerConfig {
  config: Record<string, unknown>;
  hostConfig: Record<string, unknown>;
  networkingConfig: { EndpointsConfig: Record<string, Record<string, unknown>> };
}

function parsePortRange(p: string): [number, number] | undefined {
  if (p === '') return undefined;
  const parts = p.split('-');
  const ok = (x: string): boolean => /^\d+$/.test(x) && Number(x) <= 65535;
  if (parts.length === 1) return ok(p) ? [Number(p), Number(p)] : undefined;
  if (!ok(parts[0]) || !ok(parts[1])) return undefined;
  const [a, b] = [Number(parts[0]), Number(parts[1])];
  return b < a ? undefined : [a, b];
}

function splitProtoPort(raw: string): [string, string] {
  const parts = raw.split('/');
  if (raw.length === 0 || parts[0].length === 0) return ['', ''];
  if (parts.length === 1) return ['tcp', raw];
  if (parts[1].length === 0) return ['tcp', parts[0]];
  return [parts[1], parts[0]];
}

/** parsePortSpecs is nat.ParsePortSpecs: exposed ports and bindings, in spec order. */
export function parsePortSpecs(specs: string[]): {
  exposed: Record<string, object>;
  bindings: Record<string, Array<{ HostIp: string; HostPort: string }>>;
} {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const raw of specs) {
    const parts = raw.split(':');
    const n = parts.length;
    let containerPort = parts[n - 1];
    let ip = n >= 3 ? parts.slice(0, n - 2).join(':') : '';
    const hostPort0 = n >= 2 ? parts[n - 2] : '';
    let proto: string;
    [proto, containerPort] = splitProtoPort(containerPort);
    if (ip.startsWith('[')) {
      if (!ip.endsWith(']'))
        throw new CliError(`invalid IP address ${ip}: address ${ip}:: missing ']' in address`);
      ip = ip.slice(1, -1);
    }
    if (ip !== '' && !isIP(ip)) throw new CliError(`invalid IP address: ${ip}`);
    if (containerPort === '') throw new CliError(`no port specified: ${raw}<empty>`);
    const cr = parsePortRange(containerPort);
    if (!cr) throw new CliError(`invalid containerPort: ${containerPort}`);
    let hr: [number, number] = [0, 0];
    if (hostPort0.length > 0) {
      const h = parsePortRange(hostPort0);
      if (!h) throw new CliError(`invalid hostPort: ${hostPort0}`);
      hr = h;
    }
    if (hostPort0 !== '' && cr[1] - cr[0] !== hr[1] - hr[0] && cr[1] !== cr[0]) {
      throw new CliError(
        `invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort0}`,
      );
    }
    if (!['tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) throw new CliError(`invalid proto: ${proto}`);
    for (let i = 0; i <= cr[1] - cr[0]; i++) {
      let hostPort = hostPort0;
      if (hostPort0.length > 0) hostPort = String(hr[0] + i);
      if (cr[0] === cr[1] && hr[0] !== hr[1]) hostPort = `${hostPort}-${hr[1]}`;
      const port = `${cr[0] + i}/${proto.toLowerCase()}`;
      exposed[port] = {};
      bindings[port] = [...(bindings[port] ?? []), { HostIp: ip, HostPort: hostPort }];
    }
  }
  return { exposed, bindings };
}

/** convertToStandardNotation turns long-form --publish (target=80,published=8080) into 8080:80/tcp. */
function convertToStandardNotation(ports: string[]): string[] {
  return ports.map((p) => {
    if (!p.includes('=')) return p;
    const params: Record<string, string> = { protocol: 'tcp' };
    for (const param of p.split(',')) {
      const i = param.indexOf('=');
      if (i <= 0) throw new CliError(`invalid publish opts format (should be name=value but got '${param}')`);
      params[param.slice(0, i)] = param.slice(i + 1);
    }
    return `${params.published ?? ''}:${params.target ?? ''}/${params.protocol}`;
  });
}

interface Attachment {
  target: string;
  aliases: string[];
  ipv4?: string;
  ipv6?: string;
  mac?: string;
  driverOpts?: Record<string, string>;
  links?: string[];
  linkLocalIPs?: string[];
  gwPriority?: number;
}

/** parseNetworkOpt is NetworkOpt.Set (plain name, or the name=...,alias=... long syntax). */
function parseNetworkOpt(value: string): Attachment {
  if (!/\w+=\w+(,\w+=\w+)*/.test(value)) return { target: value, aliases: [] };
  const att: Attachment = { target: '', aliases: [] };
  for (const field of value.split(',')) {
    const i = field.indexOf('=');
    const key = field.slice(0, i).toLowerCase().trim();
    const val = field
      .slice(i + 1)
      .toLowerCase()
      .trim();
    if (i < 0 || key === '') throw new CliError(`invalid field ${field}`);
    if (key === 'name') att.target = val;
    else if (key === 'alias') att.aliases.push(val);
    else if (key === 'ip') att.ipv4 = val;
    else if (key === 'ip6') att.ipv6 = val;
    else if (key === 'mac-address') att.mac = val;
    else if (key === 'link-local-ip') att.linkLocalIPs = [...(att.linkLocalIPs ?? []), val];
    else if (key === 'driver-opt') {
      const j = val.indexOf('=');
      if (j <= 0) throw new CliError('invalid key value pair format in driver options');
      att.driverOpts = { ...(att.driverOpts ?? {}), [val.slice(0, j).trim()]: val.slice(j + 1).trim() };
    } else if (key === 'gw-priority') att.gwPriority = Number(val);
    else throw new CliError(`invalid field key ${key}`);
  }
  if (att.target === '') throw new CliError('network name/id is not specified');
  return att;
}

const isUserDefined = (n: string): boolean =>
  !['default', 'bridge', 'host', 'none'].includes(n) && !n.startsWith('container:');

function endpointFor(att: Attachment): Record<string, unknown> {
  if (att.target.trim() === '') throw new CliError('no name set for network');
  if (!isUserDefined(att.target)) {
    if (att.aliases.length > 0)
      throw new CliError('network-scoped aliases are only supported for user-defined networks');
    if ((att.links ?? []).length > 0)
      throw new CliError('links are only supported for user-defined networks');
  }
  const ep: Record<string, unknown> = {};
  if (att.aliases.length > 0) ep.Aliases = att.aliases;
  if (att.driverOpts) ep.DriverOpts = att.driverOpts;
  if (att.links && att.links.length > 0) ep.Links = att.links;
  if (att.ipv4 || att.ipv6 || att.linkLocalIPs) {
    ep.IPAMConfig = {
      IPv4Address: att.ipv4 ?? '',
      IPv6Address: att.ipv6 ?? '',
      LinkLocalIPs: att.linkLocalIPs,
    };
  }
  if (att.mac) {
    if (!validateMAC(att.mac)) throw new CliError(`${att.mac} is not a valid mac address`);
    ep.MacAddress = att.mac;
  }
  if (att.gwPriority) ep.GwPriority = att.gwPriority;
  return ep;
}

/** parseContainer is opts.go's parse: flags + image + command → create body. */
export function parseContainer(flags: FlagSet, image: string, cmd: string[]): ContainerConfig {
  const g = <T>(n: string): T => flags.get<T>(n);
  const attach = g<string[]>('attach').map((a) => a.toLowerCase());
  const mac = g<string>('mac-address');
  if (mac !== '' && !validateMAC(mac)) throw new CliError(`${mac} is not a valid mac address`);
  const attachStdin = g<boolean>('interactive') || attach.includes('stdin');
  const attachStdout = attach.length === 0 || attach.includes('stdout');
  const attachStderr = attach.length === 0 || attach.includes('stderr');
  const { exposed, bindings } = parsePortSpecs(convertToStandardNotation(g<string[]>('publish')));
  for (const e of g<string[]>('expose')) {
    if (e.includes(':')) throw new CliError(`invalid port format for --expose: ${e}`);
    const [proto, port] = splitProtoPort(e);
    const r = parsePortRange(port);
    if (!r)
      throw new CliError(
        `invalid range format for --expose: ${e}, error: strconv.ParseUint: parsing ${JSON.stringify(port)}: invalid syntax`,
      );
    for (let i = r[0]; i <= r[1]; i++) exposed[`${i}/${proto}`] ??= {};
  }
  // UTSMode.Valid: "" or "host".
  if (!['', 'host'].includes(g<string>('uts'))) throw new CliError('--uts: invalid UTS mode');
  const restart = g<string>('restart');
  const rp = parseRestart(restart);
  if (g<boolean>('rm') && rp.Name !== '' && rp.Name !== 'no')
    throw new CliError('conflicting options: cannot specify both --restart and --rm');
  const entry = g<string>('entrypoint');
  const config: Record<string, unknown> = {
    Hostname: g('hostname'),
    Domainname: g('domainname'),
    User: g('user'),
    AttachStdin: attachStdin,
    AttachStdout: attachStdout,
    AttachStderr: attachStderr,
    ExposedPorts: exposed,
    Tty: g('tty'),
    OpenStdin: g('interactive'),
    StdinOnce: g<boolean>('interactive') && attachStdin,
    Env: g<string[]>('env'),
    Cmd: cmd.length > 0 ? cmd : null,
    Image: image,
    Volumes: {},
    WorkingDir: g('workdir'),
    Entrypoint: entry !== '' ? [entry] : flags.changed.has('entrypoint') ? [''] : null,
    MacAddress: mac,
    Labels: kvMap(g<string[]>('label')),
    StopSignal: g('stop-signal'),
  };
  if (flags.changed.has('stop-timeout')) config.StopTimeout = g('stop-timeout');
  const nets = [...g<string[]>('network'), ...g<string[]>('net')].map(parseNetworkOpt);
  const networkMode = nets.length > 0 ? nets[0].target : 'default';
  const hostConfig: Record<string, unknown> = {
    Binds: g<string[]>('volume').filter((v) => v.includes(':')),
    NetworkMode: networkMode,
    PortBindings: bindings,
    RestartPolicy: rp,
    AutoRemove: g('rm'),
    CapAdd: g<string[]>('cap-add'),
    CapDrop: g<string[]>('cap-drop'),
    Dns: g<string[]>('dns'),
    DnsOptions: [...g<string[]>('dns-option'), ...g<string[]>('dns-opt')],
    DnsSearch: g<string[]>('dns-search'),
    ExtraHosts: g<string[]>('add-host'),
    Links: g<string[]>('link'),
    Privileged: g('privileged'),
    PublishAllPorts: g('publish-all'),
    ReadonlyRootfs: g('read-only'),
    IpcMode: g('ipc'),
    PidMode: g('pid'),
    UTSMode: g('uts'),
  };
  const endpoints = parseNetworkOpts(flags, nets);
  const first = endpoints[networkMode];
  if (first && typeof first.MacAddress === 'string') config.MacAddress = first.MacAddress;
  return { config, hostConfig, networkingConfig: { EndpointsConfig: endpoints } };
}

function parseRestart(policy: string): { Name: string; MaximumRetryCount: number } {
  if (policy === '') return { Name: '', MaximumRetryCount: 0 };
  const i = policy.indexOf(':');
  const k = i < 0 ? policy : policy.slice(0, i);
  const v = i < 0 ? '' : policy.slice(i + 1);
  if (i >= 0 && k === '')
    throw new CliError('invalid restart policy format: no policy provided before colon');
  let count = 0;
  if (v !== '') {
    if (!/^[+-]?\d+$/.test(v))
      throw new CliError('invalid restart policy format: maximum retry count must be an integer');
    count = Number(v);
  }
  return { Name: k, MaximumRetryCount: count };
}

function parseNetworkOpts(flags: FlagSet, nets: Attachment[]): Record<string, Record<string, unknown>> {
  const aliases = [...flags.get<string[]>('network-alias'), ...flags.get<string[]>('net-alias')];
  const links = flags.get<string[]>('link');
  const ip = flags.get<string>('ip');
  const ip6 = flags.get<string>('ip6');
  const mac = flags.get<string>('mac-address');
  const lli = flags.get<string[]>('link-local-ip');
  const apply = (n: Attachment): void => {
    if (n.aliases.length > 0 && aliases.length > 0)
      throw new CliError('conflicting options: cannot specify both --network-alias and per-network alias');
    if (n.ipv4 && ip)
      throw new CliError('conflicting options: cannot specify both --ip and per-network IPv4 address');
    if (n.ipv6 && ip6)
      throw new CliError('conflicting options: cannot specify both --ip6 and per-network IPv6 address');
    if (n.mac && mac)
      throw new CliError(
        'conflicting options: cannot specify both --mac-address and per-network MAC address',
      );
    if (aliases.length > 0) n.aliases = [...aliases];
    if (isUserDefined(n.target) && links.length > 0) n.links = [...links];
    if (ip) n.ipv4 = ip;
    if (ip6) n.ipv6 = ip6;
    if (mac) n.mac = mac;
    if (lli.length > 0) n.linkLocalIPs = [...lli];
  };
  const endpoints: Record<string, Record<string, unknown>> = {};
  if (nets.length === 0) {
    const n: Attachment = { target: 'default', aliases: [] };
    apply(n);
    endpoints.default = endpointFor(n);
    return endpoints;
  }
  let hasUser = false;
  let hasNonUser = false;
  nets.forEach((n, i) => {
    if (isUserDefined(n.target)) hasUser = true;
    else hasNonUser = true;
    if (i === 0) apply(n);
    const ep = endpointFor(n);
    if (endpoints[n.target])
      throw new CliError(`network ${JSON.stringify(n.target)} is specified multiple times`);
    if (i === 0 && nets.length === 1 && Object.keys(ep).length === 0) return;
    endpoints[n.target] = ep;
  });
  if (hasUser && hasNonUser)
    throw new CliError(
      'conflicting options: cannot attach both user-defined and non-user-defined network-modes',
    );
  return endpoints;
}

/** createContainer is create.go's createContainer: create, on "No such image" pull and retry. */
export function createContainer(
  ctx: RunContext,
  cfg: ContainerConfig,
  name: string,
  pull: string,
  quiet: boolean,
): string {
  const image = cfg.config.Image as string;
  const ref = normalizeRef(image);
  const body = { ...cfg.config, HostConfig: cfg.hostConfig, NetworkingConfig: cfg.networkingConfig };
  const query = name ? { name } : undefined;
  if (pull === 'always') pullImage(ctx, image, quiet, 'err');
  let resp: { Id: string; Warnings?: string[] | null };
  try {
    resp = ctx.client.post('/containers/create', query, body);
  } catch (e) {
    if (!(e instanceof ApiError && e.isNotFound && ref && pull === 'missing')) throw e;
    if (!quiet) ctx.eprintln(`Unable to find image '${familiarString(ref)}' locally`);
    pullImage(ctx, image, quiet, 'err');
    resp = ctx.client.post('/containers/create', query, body);
  }
  const warnings = [...(resp.Warnings ?? [])];
  for (const dns of cfg.hostConfig.Dns as string[]) {
    if (/^127\./.test(dns) || dns === '::1') {
      warnings.push(`Localhost DNS (${dns}) may fail in containers.`);
      break;
    }
  }
  for (const w of warnings) ctx.eprintln(`WARNING: ${w}`);
  return resp.Id;
}

/** containerPath builds /containers/{id}... paths. */
export const containerPath = (id: string, rest = ''): string => `/containers/${pathEscape(id)}${rest}`;
