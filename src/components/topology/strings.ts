// The topology view's UI strings under flat dotted keys, as in src/i18n/en.json (kept here so the
// view stays self-contained; they can move to en.json as they are).

const STRINGS = {
  'topology.region': 'Network topology',
  'topology.canvas': 'Network topology drawing. Select an element to inspect it.',
  'topology.showTable': 'Show as table',
  'topology.table.caption': 'Network topology as a table',
  'topology.table.host': 'Host',
  'topology.table.network': 'Network',
  'topology.table.container': 'Container',
  'topology.table.iface': 'Interface',
  'topology.table.ip': 'IP address',
  'topology.table.peer': 'Host-side veth',
  'topology.table.state': 'State',
  'topology.walk.region': 'Packet walk',
  'topology.walk.title': 'Packet walk: {line}',
  'topology.walk.trace': 'Exchange',
  'topology.walk.back': 'Step back',
  'topology.walk.forward': 'Step forward',
  'topology.walk.play': 'Play',
  'topology.walk.pause': 'Pause',
  'topology.walk.position': 'Hop {n} of {total}',
  'topology.walk.none': 'Run ping, curl, wget or nslookup to see a packet walk.',
  'topology.hops.caption': 'Hops of this exchange',
  'topology.hops.n': '#',
  'topology.hops.where': 'Where',
  'topology.hops.iface': 'Interface',
  'topology.hops.step': 'What happened',
  'topology.hops.rule': 'Rule',
  'topology.hops.verdict': 'Verdict',
  'topology.finding.ok': 'Delivered',
  'topology.finding.drop': 'Dropped at {where}',
  'topology.finding.fail': 'Failed at {where}',
  'topology.inspect.title': 'Inspect: {name}',
  'topology.inspect.close': 'Close',
} as const;

/** StringKey names one of the view's strings. */
export type StringKey = keyof typeof STRINGS;

/** s returns the string for key with `{name}` placeholders replaced from vars. */
export function s(key: StringKey, vars: Record<string, string | number> = {}): string {
  return STRINGS[key].replace(/\{(\w+)\}/g, (_m, name: string) => String(vars[name] ?? ''));
}
