// Mirrors iproute2 ip/iplink.c (link add TYPE, link set, link delete) and the busybox
// networking/libiproute/iplink.c subset, plus the error texts both print; simplified: veth,
// bridge, dummy, macvlan, ipvlan and vlan types, no netns moves.

import { addLink, addVethPair, delLink, findLink, setMaster, setUp } from '../../../kernel/netns.ts';
import type { Link, NetNs } from '../../../kernel/types.ts';
import type { ProgramContext, ProgramResult } from '../../program.ts';
import type { Flavour } from './ip-show.ts';

/** res builds a ProgramResult. */
export const res = (stdout: string, stderr = '', exitCode = 0): ProgramResult => ({
  stdout,
  stderr,
  exitCode,
});

/** IpCtx is what every ip subcommand needs. */
export interface IpCtx {
  ctx: ProgramContext;
  ns: NetNs;
  f: Flavour;
}

/** noDevice is the no-such-device error of iproute2 or busybox. */
export function noDevice(c: IpCtx, name: string, show = false): ProgramResult {
  if (c.f === 'busybox') return res('', `ip: can't find device '${name}'\n`, 1);
  return res('', show ? `Device "${name}" does not exist.\n` : `Cannot find device "${name}"\n`, 1);
}

/** rtnl is a netlink error (RTNETLINK answers: ...). */
export const rtnl = (c: IpCtx, msg: string): ProgramResult =>
  res('', c.f === 'busybox' ? `ip: RTNETLINK answers: ${msg}\n` : `RTNETLINK answers: ${msg}\n`, 2);

/** canAdmin tells whether the place may change the network (containers need NET_ADMIN). */
export function canAdmin(c: IpCtx): boolean {
  const ct = c.ctx.place.container;
  if (!ct) return true;
  return !!ct.privileged || (ct.capAdd ?? []).some((x) => /^(CAP_)?(NET_ADMIN|ALL)$/i.test(x));
}

/** mac draws a MAC for a new link. */
export function mac(c: IpCtx): string {
  return (c.ctx.world.netRng ?? c.ctx.world.rng).mac();
}

/** linkAdd is `ip link add`. */
export function linkAdd(c: IpCtx, args: string[]): ProgramResult {
  const kv = (k: string): string | undefined => {
    const i = args.indexOf(k);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const type = kv('type');
  const lowerName = kv('link');
  let name = kv('name') ?? args.find((a, i) => i === 0 && !['link', 'name', 'type'].includes(a));
  if (!name && args[0] === 'dev') name = args[1];
  if (!name || !type)
    return res(
      '',
      c.f === 'gnu' ? 'Not enough information: "dev" argument is required.\n' : 'ip: invalid argument\n',
      c.f === 'gnu' ? 255 : 1,
    );
  if (!canAdmin(c)) return rtnl(c, 'Operation not permitted');
  if (findLink(c.ns, name)) return rtnl(c, 'File exists');
  const lower = lowerName ? findLink(c.ns, lowerName) : undefined;
  if (lowerName && !lower) return noDevice(c, lowerName);
  switch (type) {
    case 'veth': {
      const pi = args.indexOf('peer');
      const peer =
        pi >= 0
          ? args[pi + 1] === 'name'
            ? args[pi + 2]
            : args[pi + 1]
          : `veth${c.ns.links.filter((l) => l.kind === 'veth').length}`;
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
      if (!lower)
        return res(
          '',
          c.f === 'gnu'
            ? `Error: ${type} requires a lower device.\n`
            : 'ip: RTNETLINK answers: Invalid argument\n',
          2,
        );
      const mode = kv('mode') ?? (type === 'macvlan' ? 'vepa' : 'l3');
      addLink(c.ns, {
        name,
        kind: type,
        mac: type === 'ipvlan' ? lower.mac : mac(c),
        mode,
        parent: { ns: c.ns, index: lower.index },
        mtu: lower.mtu,
      });
      return res('');
    }
    case 'vlan': {
      const id = Number(kv('id'));
      if (!lower || !Number.isInteger(id)) return rtnl(c, 'Invalid argument');
      addLink(c.ns, {
        name,
        kind: 'vlan',
        mac: lower.mac,
        vlanId: id,
        parent: { ns: c.ns, index: lower.index },
        mtu: lower.mtu,
      });
      return res('');
    }
    default:
      return res(
        '',
        c.f === 'gnu' ? `Error: Unknown device type.\n` : `ip: RTNETLINK answers: Operation not supported\n`,
        2,
      );
  }
}

/** linkSet is `ip link set`. */
export function linkSet(c: IpCtx, args: string[]): ProgramResult {
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

/** linkDel is `ip link delete`. */
export function linkDel(c: IpCtx, args: string[]): ProgramResult {
  const name = args[0] === 'dev' ? args[1] : args[0];
  const l: Link | undefined = name ? findLink(c.ns, name) : undefined;
  if (!l || !name) return noDevice(c, name ?? '');
  if (!canAdmin(c)) return rtnl(c, 'Operation not permitted');
  if (l.kind === 'loopback' || l.kind === 'ether') return rtnl(c, 'Operation not supported');
  for (const x of c.ns.links)
    if (x.parent && x.parent.ns === c.ns && x.parent.index === l.index) delLink(c.ns, x);
  delLink(c.ns, l);
  return res('');
}
