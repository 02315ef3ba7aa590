// The drawing's text forms: the rows of the screen-reader table, and the inspect JSON an element
// shows when clicked (what `docker inspect` / `docker network inspect` print, or, for the
// router, a plain summary of its interfaces). Pure, no DOM.
import type { StateSource, TopoGraph } from './graph.ts';
import type { InspectRef } from './layout.ts';

/** tableRows lists every container interface (and every empty network) as a table row:
 * host, network, container, interface, IP, host-side veth, state. */
export function tableRows(g: TopoGraph): string[][] {
  const rows: string[][] = [];
  for (const h of g.hosts) {
    const netName = (key: string | undefined): string => {
      const sec = h.sections.find((x) => x.key === key);
      return sec ? `${sec.network?.name ?? sec.label} (${sec.label}${sec.cidr ? ` ${sec.cidr}` : ''})` : '';
    };
    const used = new Set<string>();
    for (const c of h.containers) {
      if (c.ifaces.length === 0) {
        rows.push([h.name, netName(c.primary) || c.primary || '', c.name, '', '', '', c.state]);
        continue;
      }
      for (const i of c.ifaces) {
        used.add(i.section);
        rows.push([h.name, netName(i.section), c.name, i.name, i.ip ?? '', i.peer ?? '', c.state]);
      }
    }
    for (const sec of h.sections)
      if (!used.has(sec.key) && sec.kind === 'bridge')
        rows.push([h.name, netName(sec.key), '', '', '', '', '']);
  }
  return rows;
}

/** goJson prints a value as Go's json.MarshalIndent does with 4 spaces (docker inspect), escaping <, > and &. */
export function goJson(v: unknown): string {
  return JSON.stringify(v, null, 4)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

/** inspectOf returns the title and JSON shown for an element. */
export function inspectOf(src: StateSource, ref: InspectRef): { name: string; json: string } {
  switch (ref.kind) {
    case 'container': {
      const c = src.get(ref.host, `/containers/${ref.id}/json`) as { Name?: string } | undefined;
      return { name: `docker inspect ${(c?.Name ?? ref.id).replace(/^\//, '')}`, json: goJson([c ?? {}]) };
    }
    case 'network': {
      const n = src.get(ref.host, `/networks/${ref.id}`) as { Name?: string } | undefined;
      return { name: `docker network inspect ${n?.Name ?? ref.id}`, json: goJson([n ?? {}]) };
    }
    case 'host':
      return {
        name: `${ref.host}: Engine API GET /info`,
        json: JSON.stringify(src.get(ref.host, '/info') ?? {}, null, 2),
      };
    case 'ns': {
      const ns = src.namespaces().find((n) => n.id === ref.nsId);
      const links = (ns?.links ?? []).map((l) => ({
        name: l.name,
        kind: l.kind,
        mac: l.mac,
        addresses: l.addrs.map((a) => `${a.ip}/${a.prefixLen}`),
      }));
      return { name: `${ref.nsId}: network interfaces`, json: JSON.stringify(links, null, 2) };
    }
  }
}
