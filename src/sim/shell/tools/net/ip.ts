// Mirrors iproute2 ip/ip.c, ip/iplink.c, ip/ipaddress.c, ip/iproute.c (and busybox
// networking/ip.c + libiproute) for the subset the lessons use: show link/addr/route/neigh, route
// get, and the mutations link add/set/del, addr add/del/flush, route add/del/replace; simplified:
// no JSON, no netns moves, containers need --cap-add NET_ADMIN (Docker drops it by default).

import type { Link, NetNs } from '../../../kernel/types.ts';
import { addAddr, addLink, addRoute, addVethPair, delAddr, delLink, delRoute, findLink, setMaster, setUp } from '../../../kernel/netns.ts';
import { cidrString, isIPv4, parseCidr } from '../../../kernel/inet.ts';
import type { Program, ProgramContext, ProgramResult } from '../../program.ts';
import { showLinks } from './ip-show.ts';
import type { Flavour, ShowOpts } from './ip-show.ts';
import { routeGet, showNeigh, showRoutes } from './ip-route.ts';
import { candidateRoutes } from '../../../trace/route.ts';

const res = (stdout: string, stderr = '', exitCode = 0): ProgramResult => ({ stdout, stderr, exitCode });

interface IpCtx {
  ctx: ProgramContext;
  ns: NetNs;
  f: Flavour;
}

function noDevice(c: IpCtx, name: string, show = false): ProgramResult {
  if (c.f === 'busybox') return res('', `ip: can't find device '${name}'\n`, 1);
  return res('', show ? `Device "${name}" does not exist.\n` : `Cannot find device "${name}"\n`, 1);
}

const rtnl = (c: IpCtx, msg: string): ProgramResult => res('', c.f === 'busybox' ? `ip: RTNETLINK answers: ${msg}\n` : `RTNETLINK answers: ${msg}\n`, 2);

function canAdmin(c: IpCtx): boolean {
  const ct = c.ctx.place.container as ({ capAdd?: string[]; privileged?: boolean } & object) | undefined;
  if (!ct) return true;
  return !!ct.privileged || (ct.capAdd ?? []).some((x) => /^(CAP_)?(NET_ADMIN|ALL)$/i.test(x));
}

function mac(c: IpCtx): string {
  return (c.ctx.world.netRng ?? c.ctx.world.rng).mac();
}

function takeDev(args: string[]): string | undefined {
  const i = args.indexOf('dev');
  if (i >= 0) return args[i + 1];
  const first = args.find((a) => !['show', 'list', 'ls', 'sh', 'lst', 'up'].includes(a));
  return first;
}

function show(c: IpCtx, obj: 'link' | 'addr', args: string[], o: ShowOpts): ProgramResult {
  const name = takeDev(args.filter((a) => a !== 'up'));
  const upOnly = args.includes('up');
  if (name) {
    const l = findLink(c.ns, name);
    if (!l) return noDevice(c, name, true);
    return res(showLinks(c.ns, { ...o, link: obj === 'link' }, l));
  }
  return res(showLinks(c.ns, { ...o, link: obj === 'link' }, undefined, upOnly ? (l) => l.up : undefined));
}

function linkAdd(c: IpCtx, args: string[]): ProgramResult {
  const kv = (k: string): string | undefined => {
    const i = args.indexOf(k);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const type = kv('type');
  const lowerName = kv('link');
  let name = kv('name') ?? args.find((a, i) => i === 0 && !['link', 'name', 'type'].includes(a));
  if (!name && args[0] === 'dev') name = args[1];
  if (!name || !type) return res('', c.f === 'gnu' ? 'Not enough information: "dev" argument is required.\n' : 'ip: invalid argument\n', c.f === 'gnu' ? 255 : 1);
  if (!canAdmin(c)) return rtnl(c, 'Operation not permitted');
  if (findLink(c.ns, name)) return rtnl(c, 'File exists');
  const lower = lowerName ? findLink(c.ns, lowerName) : undefined;
  if (lowerName && !lower) return noDevice(c, lowerName);
  switch (type) {
    case 'veth': {
      const pi = args.indexOf('peer');
      const peer = pi >= 0 ? (args[pi + 1] === 'name' ? args[pi + 2] : args[pi + 1]) : `veth${c.ns.links.filter((l) => l.kind === 'veth').length}`;
      if (findLink(c.ns, peer)) return rtnl(c, 'File exists');
      addVethPair(c.ns, name, mac(c), c.ns, peer, mac(c));
      return res('');
    }
    case 'bridge':
    case 'dummy':
      addLink(c.ns, { name, kind: type, mac: mac(c) });
      return res('');
    case 'macvlan':
    case 'ipvlan': {
      if (!lower) return res('', c.f === 'gnu' ? `Error: ${type} requires a lower device.\n` : 'ip: RTNETLINK answers: Invalid argument\n', 2);
      const mode = kv('mode') ?? (type === 'macvlan' ? 'vepa' : 'l3');
      addLink(c.ns, { name, kind: type, mac: type === 'ipvlan' ? lower.mac : mac(c), mode, parent: { ns: c.ns, index: lower.index }, mtu: lower.mtu });
      return res('');
    }
    case 'vlan': {
      const id = Number(kv('id'));
      if (!lower || !Number.isInteger(id)) return rtnl(c, 'Invalid argument');
      addLink(c.ns, { name, kind: 'vlan', mac: lower.mac, vlanId: id, parent: { ns: c.ns, index: lower.index }, mtu: lower.mtu });
      return res('');
    }
    default:
      return res('', c.f === 'gnu' ? `Error: Unknown device type.\n` : `ip: RTNETLINK answers: Operation not supported\n`, 2);
  }
}

function linkSet(c: IpCtx, args: string[]): ProgramResult {
  const a = args[0] === 'dev' ? args.slice(1) : args;
  const name = a[0];
  const l = name ? findLink(c.ns, name) : undefined;
  if (!name || !l) return noDevice(c, name ?? '');
  if (!canAdmin(c)) return rtnl(c, 'Operation not permitted');
  for (let i = 1; i < a.length; i++) {
    const w = a[i];
    if (w === 'up') setUp(l, true);
    else if (w === 'down') setUp(l, false);
    else if (w === 'nomaster') setMaster(l, undefined);
    else if (w === 'master') {
      const br = findLink(c.ns, a[++i] ?? '');
      if (!br) return noDevice(c, a[i] ?? '');
      setMaster(l, br);
    } else if (w === 'name') {
      const to = a[++i] ?? '';
      if (findLink(c.ns, to)) return rtnl(c, 'File exists');
      if (l.up) return rtnl(c, 'Device or resource busy');
      l.name = to;
    } else if (w === 'mtu') l.mtu = Number(a[++i]);
    else if (w === 'address') l.mac = a[++i] ?? l.mac;
    else if (w === 'promisc') l.promisc = a[++i] === 'on';
    else if (w === 'isolated') l.isolated = a[++i] === 'on';
  }
  return res('');
}

function addrCmd(c: IpCtx, cmd: string, args: string[]): ProgramResult {
  const devName = args[args.indexOf('dev') + 1];
  const l = args.includes('dev') ? findLink(c.ns, devName ?? '') : undefined;
  if (!l) return args.includes('dev') ? noDevice(c, devName ?? '') : res('', c.f === 'gnu' ? 'Not enough information: "dev" argument is required.\n' : 'ip: need "dev IFACE"\n', c.f === 'gnu' ? 1 : 1);
  if (!canAdmin(c)) return rtnl(c, 'Operation not permitted');
  if (cmd === 'flush') {
    for (const a of [...l.addrs]) if (a.family === 4) delAddr(c.ns, l, a.ip);
    return res('');
  }
  const pfx = args.find((x) => x !== 'dev' && x !== devName && (isIPv4(x) || parseCidr(x)));
  if (!pfx) return res('', c.f === 'gnu' ? 'Not enough information: "local" argument is required.\n' : 'ip: need "local"\n', 1);
  const cidr = pfx.includes('/') ? pfx : `${pfx}/32`;
  const ip = cidr.split('/')[0];
  if (cmd === 'add') {
    if (l.addrs.some((a) => a.ip === ip)) return res('', c.f === 'gnu' ? 'Error: ipv4: Address already assigned.\n' : 'ip: RTNETLINK answers: File exists\n', 2);
    const scope = args.includes('scope') ? (args[args.indexOf('scope') + 1] as 'host' | 'link' | 'global') : ip.startsWith('127.') ? 'host' : 'global';
    const a = addAddr(c.ns, l.name, cidr, scope);
    if (!args.includes('brd') && !args.includes('broadcast')) delete a.broadcast;
    return res('');
  }
  if (!l.addrs.some((a) => a.ip === ip)) return res('', c.f === 'gnu' ? 'Error: ipv4: Address not found.\n' : 'ip: RTNETLINK answers: Cannot assign requested address\n', 2);
  delAddr(c.ns, l, ip);
  return res('');
}

function routeCmd(c: IpCtx, cmd: string, args: string[]): ProgramResult {
  if (!canAdmin(c)) return rtnl(c, 'Operation not permitted');
  const kv = (k: string): string | undefined => {
    const i = args.indexOf(k);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const skip = new Set(['via', 'dev', 'src', 'metric', 'scope', 'proto', 'table']);
  let dstWord = args.find((a, i) => !skip.has(a) && !skip.has(args[i - 1] ?? '') && a !== 'onlink') ?? '';
  if (dstWord === 'to') dstWord = args[args.indexOf('to') + 1] ?? '';
  const dst = dstWord === 'default' || dstWord === '0.0.0.0/0' ? 'default' : dstWord.includes('/') ? (parseCidr(dstWord) ? cidrString(dstWord.split('/')[0], Number(dstWord.split('/')[1])) : '') : isIPv4(dstWord) ? `${dstWord}/32` : '';
  if (!dst) return res('', c.f === 'gnu' ? `Error: any valid prefix is expected rather than "${dstWord}".\n` : `ip: an inet prefix is expected rather than "${dstWord}"\n`, 1);
  const devName = kv('dev');
  const dev = devName ? findLink(c.ns, devName) : undefined;
  if (devName && !dev) return noDevice(c, devName);
  const via = kv('via');
  if (cmd === 'del' || cmd === 'delete') {
    const hit = c.ns.routes.find((r) => r.dst === dst && (!dev || r.dev === dev.index) && (!via || r.via === via));
    if (!hit) return rtnl(c, 'No such process');
    delRoute(c.ns, dst, hit.dev);
    return res('');
  }
  let outDev = dev;
  if (via) {
    const onlink = args.includes('onlink');
    const gw = candidateRoutes(c.ns, via).find((r) => !r.via && (!dev || r.dev === dev.index));
    if (!gw && !onlink) return res('', c.f === 'gnu' ? 'Error: Nexthop has invalid gateway.\n' : 'ip: RTNETLINK answers: Network unreachable\n', 2);
    outDev = outDev ?? (gw ? c.ns.links.find((l) => l.index === gw.dev) : undefined);
  }
  if (!outDev) return res('', c.f === 'gnu' ? 'Error: Device for nexthop is not up.\n' : 'ip: RTNETLINK answers: No such device\n', 2);
  const metric = kv('metric') ? Number(kv('metric')) : undefined;
  const existing = c.ns.routes.find((r) => r.dst === dst && (r.metric ?? 0) === (metric ?? 0));
  if (existing && cmd === 'add') return rtnl(c, 'File exists');
  if (existing) delRoute(c.ns, dst, existing.dev);
  const scope = (kv('scope') as 'link' | 'host' | 'global' | undefined) ?? (via ? undefined : 'link');
  addRoute(c.ns, { dst, via, dev: outDev.index, scope, src: kv('src'), metric, proto: (kv('proto') as 'static' | undefined) ?? 'boot' });
  return res('');
}

function linkDel(c: IpCtx, args: string[]): ProgramResult {
  const name = args[0] === 'dev' ? args[1] : args[0];
  const l: Link | undefined = name ? findLink(c.ns, name) : undefined;
  if (!l || !name) return noDevice(c, name ?? '');
  if (!canAdmin(c)) return rtnl(c, 'Operation not permitted');
  if (l.kind === 'loopback' || l.kind === 'ether') return rtnl(c, 'Operation not supported');
  for (const x of c.ns.links) if (x.parent && x.parent.ns === c.ns && x.parent.index === l.index) delLink(c.ns, x);
  delLink(c.ns, l);
  return res('');
}

const OBJECTS: Record<string, 'link' | 'addr' | 'route' | 'neigh'> = {
  l: 'link', li: 'link', lin: 'link', link: 'link',
  a: 'addr', ad: 'addr', add: 'addr', addr: 'addr', addre: 'addr', addres: 'addr', address: 'addr',
  r: 'route', ro: 'route', rou: 'route', rout: 'route', route: 'route',
  n: 'neigh', ne: 'neigh', nei: 'neigh', neigh: 'neigh', neighbor: 'neigh', neighbour: 'neigh',
};

/** ip is iproute2's ip (hosts, netshoot) or busybox ip (alpine, busybox), depending on the place. */
export const ip: Program = (ctx) => {
  const f: Flavour = ctx.place.flavour === 'busybox' ? 'busybox' : 'gnu';
  const c: IpCtx = { ctx, ns: ctx.place.ns, f };
  const o: ShowOpts = { flavour: f, brief: false, details: false, link: false };
  const argv = ctx.argv.slice(1);
  let i = 0;
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    const a = argv[i].replace(/^--/, '-');
    if (a === '-4') o.family = 4;
    else if (a === '-6') o.family = 6;
    else if (f === 'gnu' && (a === '-br' || a === '-brief')) o.brief = true;
    else if (f === 'gnu' && (a === '-d' || a === '-details')) o.details = true;
    else if (a === '-s' || a === '-c' || a === '-color' || a === '-o') continue;
    else return f === 'gnu' ? res('', `Option "${argv[i]}" is unknown, try "ip -help".\n`, 255) : res('', `ip: invalid argument '${argv[i]}' to 'ip'\n`, 1);
  }
  const objWord = argv[i];
  if (!objWord) return res('', f === 'gnu' ? 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n' : 'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n', f === 'gnu' ? 255 : 1);
  const obj = OBJECTS[objWord];
  if (!obj) return res('', f === 'gnu' ? `Object "${objWord}" is unknown, try "ip help".\n` : `ip: invalid argument '${objWord}' to 'ip'\n`, f === 'gnu' ? 1 : 1);
  const cmd = argv[i + 1] ?? 'show';
  const rest = argv.slice(i + 2);
  const isShow = ['show', 'list', 'lst', 'sh', 'ls', 'l', 's'].includes(cmd);
  switch (obj) {
    case 'link':
    case 'addr':
      if (isShow || (cmd === 'dev')) return show(c, obj, isShow ? rest : argv.slice(i + 1), o);
      if (obj === 'link') {
        if (cmd === 'add') return linkAdd(c, rest);
        if (cmd === 'set') return linkSet(c, rest);
        if (cmd === 'del' || cmd === 'delete') return linkDel(c, rest);
      } else if (['add', 'del', 'delete', 'flush'].includes(cmd)) return addrCmd(c, cmd === 'delete' ? 'del' : cmd, rest);
      break;
    case 'route':
      if (isShow) {
        const dev = rest.includes('dev') ? findLink(c.ns, rest[rest.indexOf('dev') + 1] ?? '') : undefined;
        if (rest.includes('dev') && !dev) return noDevice(c, rest[rest.indexOf('dev') + 1] ?? '');
        return res(o.family === 6 ? '' : showRoutes(c.ns, f, dev?.index));
      }
      if (cmd === 'get') {
        const r = routeGet(c.ns, rest.filter((x) => x !== 'to')[0] ?? '', f);
        return r.err ? res('', r.err, 2) : res(r.out);
      }
      if (['add', 'del', 'delete', 'replace', 'change'].includes(cmd)) return routeCmd(c, cmd, rest);
      break;
    case 'neigh':
      if (isShow) return res(showNeigh(c.ns, f));
      break;
  }
  return res('', f === 'gnu' ? `Command "${cmd}" is unknown, try "ip ${obj === 'addr' ? 'address' : obj} help".\n` : `ip: invalid argument '${cmd}' to 'ip'\n`, f === 'gnu' ? 255 : 1);
};
