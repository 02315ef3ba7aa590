// Mirrors iproute2 ip/iproute.c (print_route, iproute_get), ip/ipneigh.c (print_neigh) and busybox
// networking/libiproute/iproute.c + ipneigh.c; simplified: main table only, no multipath, no cache.

import { ipToInt } from '../../../kernel/inet.ts';
import { linkByIndex } from '../../../kernel/netns.ts';
import type { NetNs, Route } from '../../../kernel/types.ts';
import { lookupRoute, prefixLenOf } from '../../../trace/route.ts';
import type { Flavour } from './ip-show.ts';
import { hasCarrier } from './ip-show.ts';

/** visibleRoutes lists the routes the kernel would show (routes on an admin-down link are gone). */
export function visibleRoutes(ns: NetNs): Route[] {
  return ns.routes.filter((r) => r.table === 'main' && (linkByIndex(ns, r.dev)?.up ?? false));
}

/** routeLine renders one route as `ip route` prints it. */
export function routeLine(ns: NetNs, r: Route, f: Flavour): string {
  const link = linkByIndex(ns, r.dev);
  const dev = link?.name ?? `if${r.dev}`;
  const dst =
    r.dst === 'default' ? 'default' : prefixLenOf(r.dst) === 32 ? r.dst.replace(/\/32$/, '') : r.dst;
  let s = `${dst} `;
  if (r.via) s += `via ${r.via} `;
  s += `dev ${dev} `;
  if (f === 'gnu') {
    if (r.proto && r.proto !== 'boot') s += `proto ${r.proto} `;
    if (r.scope && r.scope !== 'global') s += `scope ${r.scope} `;
    if (r.src) s += `src ${r.src} `;
    if (r.metric) s += `metric ${r.metric} `;
    if (link && !hasCarrier(ns, link)) s += 'linkdown ';
  } else {
    if (r.scope && r.scope !== 'global') s += `scope ${r.scope} `;
    if (r.src) s += ` src ${r.src} `;
    if (r.metric) s += ` metric ${r.metric} `;
  }
  return `${s}\n`;
}

/** showRoutes renders `ip route [show] [dev X]`. */
export function showRoutes(ns: NetNs, f: Flavour, dev?: number): string {
  const rs = visibleRoutes(ns).filter((r) => dev === undefined || r.dev === dev);
  const key = (r: Route): number => (r.dst === 'default' ? -1 : (ipToInt(r.dst.split('/')[0]) ?? 0));
  return [...rs]
    .sort((a, b) => key(a) - key(b) || prefixLenOf(a.dst) - prefixLenOf(b.dst))
    .map((r) => routeLine(ns, r, f))
    .join('');
}

/** routeGet renders `ip route get ADDR`. */
export function routeGet(ns: NetNs, dst: string, f: Flavour): { out: string; err?: string } {
  const r = lookupRoute(ns, dst);
  if (!r)
    return {
      out: '',
      err:
        f === 'gnu'
          ? 'RTNETLINK answers: Network is unreachable\n'
          : 'ip: RTNETLINK answers: Network unreachable\n',
    };
  if (r.local)
    return {
      out: `local ${dst} dev lo ${f === 'gnu' ? 'table local ' : ''}src ${r.src} ${f === 'gnu' ? 'uid 0 ' : ''}\n    cache <local> \n`,
    };
  let s = `${dst} `;
  if (r.route?.via) s += `via ${r.route.via} `;
  if (f === 'busybox') return { out: `${s}dev ${r.link.name}  src ${r.src} \n` };
  s += `dev ${r.link.name} src ${r.src} uid 0 `;
  return { out: `${s}\n    cache \n` };
}

/** showNeigh renders `ip neigh`. */
export function showNeigh(ns: NetNs, f: Flavour): string {
  let out = '';
  for (const n of ns.neigh) {
    const dev = linkByIndex(ns, n.dev)?.name ?? `if${n.dev}`;
    if (f === 'gnu') out += `${n.ip} dev ${dev} ${n.mac ? `lladdr ${n.mac} ` : ''}${n.state} \n`;
    else out += `${n.ip} dev ${dev} ${n.mac ? `lladdr ${n.mac}` : ''} ${n.state}\n`;
  }
  return out;
}
