// Mirrors iproute2 ip/ip.c, ip/iplink.c, ip/ipaddress.c, ip/iproute.c (and busybox
// networking/ip.c + libiproute) for the subset the lessons use: show link/addr/route/neigh, route
// get, and the mutations link add/set/del, addr add/del/flush, route add/del/replace; simplified:
// no JSON, no netns moves, containers need --cap-add NET_ADMIN (Docker drops it by default).

import { cidrString, isIPv4, parseCidr } from '../../../kernel/inet.ts';
import { addAddr, addRoute, delAddr, delRoute, findLink } from '../../../kernel/netns.ts';
import type { Link } from '../../../kernel/types.ts';
import { candidateRoutes } from '../../../trace/route.ts';
import type { Program, ProgramResult } from '../../program.ts';
import type { IpCtx } from './ip-link.ts';
import { canAdmin, linkAdd, linkDel, linkSet, noDevice, res, rtnl } from './ip-link.ts';
import { routeGet, showNeigh, showRoutes } from './ip-route.ts';
import type { Flavour, ShowOpts } from './ip-show.ts';
import { showLinks } from './ip-show.ts';

function takeDev(args: string[]): string | undefined {
  const i = args.indexOf('dev');
  if (i >= 0) return args[i + 1];
  const first = args.find((a) => !['show', 'list', 'ls', 'sh', 'lst', 'up'].includes(a));
  return first;
}

// iproute2's `type KIND` and `master DEV` selectors (ipaddress.c): physical NICs and lo have no
// rtnl kind, so `type` never matches them.
const RTNL_KINDS = new Set(['veth', 'bridge', 'macvlan', 'ipvlan', 'vlan', 'dummy', 'vxlan']);

function show(c: IpCtx, obj: 'link' | 'addr', args: string[], o: ShowOpts): ProgramResult {
  const rest = [...args];
  const filters: ((l: Link) => boolean)[] = [];
  for (let i = 0; c.f === 'gnu' && i < rest.length; ) {
    const [key, value] = [rest[i], rest[i + 1]];
    if (key === 'type' && value !== undefined) {
      filters.push((l) => RTNL_KINDS.has(l.kind) && l.kind === value);
    } else if (key === 'master' && value !== undefined) {
      const m = findLink(c.ns, value);
      if (!m) return noDevice(c, value, true);
      filters.push((l) => l.master === m.index);
    } else {
      i++;
      continue;
    }
    rest.splice(i, 2);
  }
  if (rest.includes('up')) filters.push((l) => l.up);
  const name = takeDev(rest.filter((a) => a !== 'up'));
  if (name) {
    const l = findLink(c.ns, name);
    if (!l) return noDevice(c, name, true);
    return res(showLinks(c.ns, { ...o, link: obj === 'link' }, l));
  }
  const keep = filters.length > 0 ? (l: Link) => filters.every((f) => f(l)) : undefined;
  return res(showLinks(c.ns, { ...o, link: obj === 'link' }, undefined, keep));
}

function addrCmd(c: IpCtx, cmd: string, args: string[]): ProgramResult {
  const devName = args[args.indexOf('dev') + 1];
  const l = args.includes('dev') ? findLink(c.ns, devName ?? '') : undefined;
  if (!l)
    return args.includes('dev')
      ? noDevice(c, devName ?? '')
      : res(
          '',
          c.f === 'gnu' ? 'Not enough information: "dev" argument is required.\n' : 'ip: need "dev IFACE"\n',
          c.f === 'gnu' ? 1 : 1,
        );
  if (!canAdmin(c)) return rtnl(c, 'Operation not permitted');
  if (cmd === 'flush') {
    for (const a of [...l.addrs]) if (a.family === 4) delAddr(c.ns, l, a.ip);
    return res('');
  }
  const pfx = args.find((x) => x !== 'dev' && x !== devName && (isIPv4(x) || parseCidr(x)));
  if (!pfx)
    return res(
      '',
      c.f === 'gnu' ? 'Not enough information: "local" argument is required.\n' : 'ip: need "local"\n',
      1,
    );
  const cidr = pfx.includes('/') ? pfx : `${pfx}/32`;
  const ip = cidr.split('/')[0];
  if (cmd === 'add') {
    if (l.addrs.some((a) => a.ip === ip))
      return res(
        '',
        c.f === 'gnu' ? 'Error: ipv4: Address already assigned.\n' : 'ip: RTNETLINK answers: File exists\n',
        2,
      );
    const scope = args.includes('scope')
      ? (args[args.indexOf('scope') + 1] as 'host' | 'link' | 'global')
      : ip.startsWith('127.')
        ? 'host'
        : 'global';
    const a = addAddr(c.ns, l.name, cidr, scope);
    if (!args.includes('brd') && !args.includes('broadcast')) delete a.broadcast;
    return res('');
  }
  if (!l.addrs.some((a) => a.ip === ip))
    return res(
      '',
      c.f === 'gnu'
        ? 'Error: ipv4: Address not found.\n'
        : 'ip: RTNETLINK answers: Cannot assign requested address\n',
      2,
    );
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
  const dst =
    dstWord === 'default' || dstWord === '0.0.0.0/0'
      ? 'default'
      : dstWord.includes('/')
        ? parseCidr(dstWord)
          ? cidrString(dstWord.split('/')[0], Number(dstWord.split('/')[1]))
          : ''
        : isIPv4(dstWord)
          ? `${dstWord}/32`
          : '';
  if (!dst)
    return res(
      '',
      c.f === 'gnu'
        ? `Error: any valid prefix is expected rather than "${dstWord}".\n`
        : `ip: an inet prefix is expected rather than "${dstWord}"\n`,
      1,
    );
  const devName = kv('dev');
  const dev = devName ? findLink(c.ns, devName) : undefined;
  if (devName && !dev) return noDevice(c, devName);
  const via = kv('via');
  if (cmd === 'del' || cmd === 'delete') {
    const hit = c.ns.routes.find(
      (r) => r.dst === dst && (!dev || r.dev === dev.index) && (!via || r.via === via),
    );
    if (!hit) return rtnl(c, 'No such process');
    delRoute(c.ns, dst, hit.dev);
    return res('');
  }
  let outDev = dev;
  if (via) {
    const onlink = args.includes('onlink');
    const gw = candidateRoutes(c.ns, via).find((r) => !r.via && (!dev || r.dev === dev.index));
    if (!gw && !onlink)
      return res(
        '',
        c.f === 'gnu'
          ? 'Error: Nexthop has invalid gateway.\n'
          : 'ip: RTNETLINK answers: Network unreachable\n',
        2,
      );
    outDev = outDev ?? (gw ? c.ns.links.find((l) => l.index === gw.dev) : undefined);
  }
  if (!outDev)
    return res(
      '',
      c.f === 'gnu' ? 'Error: Device for nexthop is not up.\n' : 'ip: RTNETLINK answers: No such device\n',
      2,
    );
  const metric = kv('metric') ? Number(kv('metric')) : undefined;
  const existing = c.ns.routes.find((r) => r.dst === dst && (r.metric ?? 0) === (metric ?? 0));
  if (existing && cmd === 'add') return rtnl(c, 'File exists');
  if (existing) delRoute(c.ns, dst, existing.dev);
  const scope = (kv('scope') as 'link' | 'host' | 'global' | undefined) ?? (via ? undefined : 'link');
  addRoute(c.ns, {
    dst,
    via,
    dev: outDev.index,
    scope,
    src: kv('src'),
    metric,
    proto: (kv('proto') as 'static' | undefined) ?? 'boot',
  });
  return res('');
}

const OBJECTS: Record<string, 'link' | 'addr' | 'route' | 'neigh'> = {
  l: 'link',
  li: 'link',
  lin: 'link',
  link: 'link',
  a: 'addr',
  ad: 'addr',
  add: 'addr',
  addr: 'addr',
  addre: 'addr',
  addres: 'addr',
  address: 'addr',
  r: 'route',
  ro: 'route',
  rou: 'route',
  rout: 'route',
  route: 'route',
  n: 'neigh',
  ne: 'neigh',
  nei: 'neigh',
  neigh: 'neigh',
  neighbor: 'neigh',
  neighbour: 'neigh',
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
    else
      return f === 'gnu'
        ? res('', `Option "${argv[i]}" is unknown, try "ip -help".\n`, 255)
        : res('', `ip: invalid argument '${argv[i]}' to 'ip'\n`, 1);
  }
  const objWord = argv[i];
  if (!objWord)
    return res(
      '',
      f === 'gnu'
        ? 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n'
        : 'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n',
      f === 'gnu' ? 255 : 1,
    );
  const obj = OBJECTS[objWord];
  if (!obj)
    return res(
      '',
      f === 'gnu'
        ? `Object "${objWord}" is unknown, try "ip help".\n`
        : `ip: invalid argument '${objWord}' to 'ip'\n`,
      f === 'gnu' ? 1 : 1,
    );
  const cmd = argv[i + 1] ?? 'show';
  const rest = argv.slice(i + 2);
  const isShow = ['show', 'list', 'lst', 'sh', 'ls', 'l', 's'].includes(cmd);
  switch (obj) {
    case 'link':
    case 'addr':
      if (isShow || cmd === 'dev') return show(c, obj, isShow ? rest : argv.slice(i + 1), o);
      if (obj === 'link') {
        if (cmd === 'add') return linkAdd(c, rest);
        if (cmd === 'set') return linkSet(c, rest);
        if (cmd === 'del' || cmd === 'delete') return linkDel(c, rest);
      } else if (['add', 'del', 'delete', 'flush'].includes(cmd))
        return addrCmd(c, cmd === 'delete' ? 'del' : cmd, rest);
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
  return res(
    '',
    f === 'gnu'
      ? `Command "${cmd}" is unknown, try "ip ${obj === 'addr' ? 'address' : obj} help".\n`
      : `ip: invalid argument '${cmd}' to 'ip'\n`,
    f === 'gnu' ? 255 : 1,
  );
};
