// Mirrors docker/cli cli/command/network/create.go (flags, createIPAMConfig, subnetMatches);
// simplified: IPAM configs keep the order subnets were given (Go iterates a map: random order).

import { type CommandSpec, exactArgs } from '../cobra.ts';
import { CliError } from '../errors.ts';
import { isIPv4, isIPv6, kvMap, validateLabel } from '../opts.ts';

interface Cidr {
  bytes: number[];
  bits: number;
}

function parseIP(s: string): number[] | undefined {
  if (isIPv4(s)) return s.split('.').map(Number);
  if (!isIPv6(s)) return undefined;
  let str = s;
  let tail: number[] = [];
  const last = s.lastIndexOf(':');
  if (s.slice(last + 1).includes('.')) {
    tail = s
      .slice(last + 1)
      .split('.')
      .map(Number);
    str = s.slice(0, last + 1) + '0:0';
  }
  const [h, t] = str.includes('::') ? str.split('::') : [str, undefined];
  const hp = h ? h.split(':') : [];
  const tp = t !== undefined && t !== '' ? t.split(':') : [];
  const groups = t === undefined ? hp : [...hp, ...Array(8 - hp.length - tp.length).fill('0'), ...tp];
  const bytes: number[] = [];
  for (const g of groups) {
    const n = Number.parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

function parseCIDR(s: string): Cidr | undefined {
  const i = s.indexOf('/');
  if (i < 0) return undefined;
  const ip = parseIP(s.slice(0, i));
  const bitsStr = s.slice(i + 1);
  if (!ip || !/^\d+$/.test(bitsStr)) return undefined;
  const bits = Number(bitsStr);
  if (bits > ip.length * 8) return undefined;
  return { bytes: ip, bits };
}

function contains(net: Cidr, ip: number[]): boolean {
  let a = net.bytes;
  let b = ip;
  if (a.length !== b.length) {
    // net.IP.To4 / To16 mapping
    if (a.length === 4) a = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...a];
    if (b.length === 4) b = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...b];
    if (net.bytes.length === 4) return false;
  }
  const bits = net.bytes.length === a.length ? net.bits : net.bits + 96;
  for (let k = 0; k < bits; k++) {
    const byte = k >> 3;
    const mask = 0x80 >> (k & 7);
    if ((a[byte] & mask) !== (b[byte] & mask)) return false;
  }
  return true;
}

/** subnetMatches is create.go's subnetMatches (errors worded as Go's net package). */
function subnetMatches(subnet: string, data: string): boolean {
  const s = parseCIDR(subnet);
  if (!s) throw new CliError(`invalid subnet: invalid CIDR address: ${subnet}`);
  let ip: number[] | undefined;
  if (data.includes('/')) {
    const d = parseCIDR(data);
    if (!d) throw new CliError(`invalid CIDR address: ${data}`);
    ip = d.bytes;
  } else ip = parseIP(data);
  return ip !== undefined && contains(s, ip);
}

interface IpamConfig {
  Subnet: string;
  IPRange?: string;
  Gateway?: string;
  AuxiliaryAddresses: Record<string, string>;
}

/** createIPAMConfig is create.go's createIPAMConfig. */
export function createIPAMConfig(o: {
  driver: string;
  subnets: string[];
  ipRanges: string[];
  gateways: string[];
  aux: Record<string, string>;
  opts: Record<string, string>;
}): { Driver: string; Config: IpamConfig[]; Options: Record<string, string> } {
  if (o.subnets.length < o.ipRanges.length || o.subnets.length < o.gateways.length) {
    throw new CliError('every ip-range or gateway must have a corresponding subnet');
  }
  const data = new Map<string, IpamConfig>();
  for (const s of o.subnets) {
    for (const k of data.keys()) {
      if (subnetMatches(s, k) || subnetMatches(k, s))
        throw new CliError('multiple overlapping subnet configuration is not supported');
    }
    data.set(s, { Subnet: s, AuxiliaryAddresses: {} });
  }
  for (const r of o.ipRanges) {
    let match = false;
    for (const s of o.subnets) {
      if (!parseCIDR(r)) throw new CliError(`invalid CIDR address: ${r}`);
      if (!subnetMatches(s, r)) continue;
      const d = data.get(s) as IpamConfig;
      if (d.IPRange)
        throw new CliError(`cannot configure multiple ranges (${r}, ${d.IPRange}) on the same subnet (${s})`);
      d.IPRange = r;
      match = true;
    }
    if (!match) throw new CliError(`no matching subnet for range ${r}`);
  }
  for (const g of o.gateways) {
    let match = false;
    for (const s of o.subnets) {
      if (!subnetMatches(s, g)) continue;
      const d = data.get(s) as IpamConfig;
      if (d.Gateway)
        throw new CliError(
          `cannot configure multiple gateways (${g}, ${d.Gateway}) for the same subnet (${s})`,
        );
      d.Gateway = g;
      match = true;
    }
    if (!match) throw new CliError(`no matching subnet for gateway ${g}`);
  }
  for (const [key, aa] of Object.entries(o.aux)) {
    let match = false;
    for (const s of o.subnets) {
      if (!subnetMatches(s, aa)) continue;
      (data.get(s) as IpamConfig).AuxiliaryAddresses[key] = aa;
      match = true;
    }
    if (!match) throw new CliError(`no matching subnet for aux-address ${aa}`);
  }
  return { Driver: o.driver, Config: [...data.values()], Options: o.opts };
}

/** mapOpt is opts.MapOpts Set: "k=v" (or "k") appended to the map. */
export function mapOf(list: string[]): Record<string, string> {
  return kvMap(list);
}

/** networkCreateCommand is `docker network create`. */
export const networkCreateCommand: CommandSpec = {
  use: 'create [OPTIONS] NETWORK',
  short: 'Create a network',
  args: exactArgs(1),
  flags: [
    {
      name: 'driver',
      shorthand: 'd',
      usage: 'Driver to manage the Network',
      kind: 'string',
      initial: 'bridge',
    },
    { name: 'opt', shorthand: 'o', usage: 'Set driver specific options', kind: 'map', defValue: 'map[]' },
    { name: 'label', usage: 'Set metadata on a network', kind: 'list', validate: validateLabel },
    { name: 'internal', usage: 'Restrict external access to the network', kind: 'bool' },
    { name: 'ipv4', usage: 'Enable or disable IPv4 address assignment', kind: 'bool', initial: true },
    { name: 'ipv6', usage: 'Enable or disable IPv6 address assignment', kind: 'bool' },
    { name: 'attachable', usage: 'Enable manual container attachment', kind: 'bool' },
    { name: 'ingress', usage: 'Create swarm routing-mesh network', kind: 'bool' },
    { name: 'scope', usage: "Control the network's scope", kind: 'string' },
    { name: 'config-only', usage: 'Create a configuration only network', kind: 'bool' },
    { name: 'config-from', usage: 'The network from which to copy the configuration', kind: 'string' },
    { name: 'ipam-driver', usage: 'IP Address Management Driver', kind: 'string', initial: 'default' },
    { name: 'subnet', usage: 'Subnet in CIDR format that represents a network segment', kind: 'stringSlice' },
    { name: 'ip-range', usage: 'Allocate container ip from a sub-range', kind: 'stringSlice' },
    { name: 'gateway', usage: 'IPv4 or IPv6 Gateway for the master subnet', kind: 'stringSlice' },
    {
      name: 'aux-address',
      usage: 'Auxiliary IPv4 or IPv6 addresses used by Network driver',
      kind: 'map',
      defValue: 'map[]',
    },
    { name: 'ipam-opt', usage: 'Set IPAM driver specific options', kind: 'map', defValue: 'map[]' },
  ],
  run: (ctx, args, flags) => {
    const ipam = createIPAMConfig({
      driver: flags.get('ipam-driver'),
      subnets: flags.get('subnet'),
      ipRanges: flags.get('ip-range'),
      gateways: flags.get('gateway'),
      aux: mapOf(flags.get('aux-address')),
      opts: mapOf(flags.get('ipam-opt')),
    });
    const body: Record<string, unknown> = {
      Name: args[0],
      Driver: flags.get('driver'),
      Scope: flags.get('scope'),
    };
    if (flags.changed.has('ipv4')) body.EnableIPv4 = flags.get('ipv4');
    if (flags.changed.has('ipv6')) body.EnableIPv6 = flags.get('ipv6');
    Object.assign(body, {
      IPAM: ipam,
      Internal: flags.get('internal'),
      Attachable: flags.get('attachable'),
      Ingress: flags.get('ingress'),
      ConfigOnly: flags.get('config-only'),
      Options: mapOf(flags.get('opt')),
      Labels: kvMap(flags.get('label')),
    });
    const cf = flags.get<string>('config-from');
    if (cf) body.ConfigFrom = { Network: cf };
    const resp = ctx.client.post<{ Id: string; Warning?: string }>('/networks/create', undefined, body);
    ctx.println(resp.Id);
  },
};
