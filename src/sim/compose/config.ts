// Mirrors docker/compose cmd/compose/config.go (runConfig: the normalised model marshalled with
// yaml.v3, indent 2) and compose-go's field order in types.ServiceConfig / NetworkConfig;
// simplified: only the fields our Project keeps.

import type { NetworkConfig, Project, Service } from './project.ts';

type Node = string | number | boolean | null | Node[] | Array<[string, Node]> | { seq: Node[] };

/** quoteScalar renders a string as yaml.v3 does: plain unless it would read as another type. */
export function quoteScalar(s: string): string {
  const special =
    s === '' ||
    /^(true|false|yes|no|on|off|y|n|null|~)$/i.test(s) ||
    /^[-+]?(\.?[0-9][0-9_.]*([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i.test(s) ||
    /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(s) ||
    /[\s]$/.test(s) ||
    /: |\s#/.test(s) ||
    s.endsWith(':') ||
    /[\n\t"\\]/.test(s);
  return special ? JSON.stringify(s) : s;
}

function emit(node: Node, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (node && typeof node === 'object' && 'seq' in node) {
    for (const item of node.seq) {
      if (isScalar(item)) out.push(`${pad}- ${scalar(item)}`);
      else {
        const sub: string[] = [];
        emit(item, indent + 2, sub);
        sub[0] = `${pad}- ${sub[0].trimStart()}`;
        out.push(...sub);
      }
    }
    return;
  }
  for (const [k, v] of node as Array<[string, Node]>) {
    if (isScalar(v)) out.push(`${pad}${quoteScalar(k)}: ${scalar(v)}`);
    else if (isEmpty(v)) out.push(`${pad}${quoteScalar(k)}: ${'seq' in (v as object) ? '[]' : '{}'}`);
    else {
      out.push(`${pad}${quoteScalar(k)}:`);
      emit(v, indent + 2, out);
    }
  }
}

const isScalar = (v: Node): v is string | number | boolean | null => v === null || typeof v !== 'object';
const isEmpty = (v: Node): boolean =>
  'seq' in (v as object) ? (v as { seq: Node[] }).seq.length === 0 : (v as Node[]).length === 0;
const scalar = (v: string | number | boolean | null): string =>
  v === null ? 'null' : typeof v === 'string' ? quoteScalar(v) : String(v);

const seq = (items: Node[]): Node => ({ seq: items });
const sortedMap = (o: Record<string, Node>): Array<[string, Node]> =>
  Object.keys(o)
    .sort()
    .map((k) => [k, o[k]]);

function serviceNode(s: Service): Array<[string, Node]> {
  const out: Array<[string, Node]> = [];
  if (s.build)
    out.push([
      'build',
      [
        ['context', s.build.context],
        ['dockerfile', s.build.dockerfile],
      ],
    ]);
  if (s.command) out.push(['command', seq(s.command)]);
  if (s.containerName) out.push(['container_name', s.containerName]);
  const deps = Object.keys(s.dependsOn);
  if (deps.length > 0)
    out.push([
      'depends_on',
      deps.sort().map((d): [string, Node] => {
        const dep = s.dependsOn[d];
        const body: Array<[string, Node]> = [['condition', dep.condition]];
        if (dep.restart) body.push(['restart', true]);
        body.push(['required', dep.required]);
        return [d, body];
      }),
    ]);
  if (s.entrypoint) out.push(['entrypoint', seq(s.entrypoint)]);
  if (Object.keys(s.environment).length > 0) out.push(['environment', sortedMap(s.environment)]);
  if (s.expose.length > 0) out.push(['expose', seq(s.expose)]);
  if (s.hostname) out.push(['hostname', s.hostname]);
  if (s.image !== undefined) out.push(['image', s.image]);
  if (Object.keys(s.labels).length > 0) out.push(['labels', sortedMap(s.labels)]);
  if (s.networkMode) out.push(['network_mode', s.networkMode]);
  const nets = Object.keys(s.networks).sort();
  if (nets.length > 0)
    out.push([
      'networks',
      nets.map((n): [string, Node] => {
        const c = s.networks[n];
        if (!c) return [n, null];
        const body: Array<[string, Node]> = [];
        if (c.aliases) body.push(['aliases', seq(c.aliases)]);
        if (c.ipv4Address) body.push(['ipv4_address', c.ipv4Address]);
        if (c.priority !== undefined) body.push(['priority', c.priority]);
        return [n, body.length > 0 ? body : null];
      }),
    ]);
  if (s.ports.length > 0)
    out.push([
      'ports',
      seq(
        s.ports.map((p) => {
          const body: Array<[string, Node]> = [['mode', p.mode]];
          if (p.hostIp) body.push(['host_ip', p.hostIp]);
          body.push(['target', p.target]);
          if (p.published !== undefined) body.push(['published', p.published]);
          body.push(['protocol', p.protocol]);
          return body;
        }),
      ),
    ]);
  if (s.restart) out.push(['restart', s.restart]);
  if (s.stdinOpen) out.push(['stdin_open', true]);
  if (s.tty) out.push(['tty', true]);
  if (s.workingDir) out.push(['working_dir', s.workingDir]);
  return out;
}

function networkNode(n: NetworkConfig): Array<[string, Node]> {
  const out: Array<[string, Node]> = [['name', n.name]];
  if (n.driver) out.push(['driver', n.driver]);
  if (n.driverOpts) out.push(['driver_opts', sortedMap(n.driverOpts)]);
  if (n.ipam) {
    const ipam: Array<[string, Node]> = [];
    if (n.ipam.driver) ipam.push(['driver', n.ipam.driver]);
    if (n.ipam.config)
      ipam.push([
        'config',
        seq(
          n.ipam.config.map(
            (c) => Object.entries(c).filter(([, v]) => v !== undefined) as Array<[string, Node]>,
          ),
        ),
      ]);
    out.push(['ipam', ipam]);
  }
  if (n.external) out.push(['external', true]);
  if (n.internal) out.push(['internal', true]);
  if (n.attachable) out.push(['attachable', true]);
  if (n.enableIpv6) out.push(['enable_ipv6', true]);
  if (n.labels) out.push(['labels', sortedMap(n.labels)]);
  return out;
}

/** renderConfig is `docker compose config`: the project as normalised YAML. */
export function renderConfig(p: Project): string {
  const root: Array<[string, Node]> = [['name', p.name]];
  root.push([
    'services',
    Object.keys(p.services)
      .sort()
      .map((k): [string, Node] => [k, serviceNode(p.services[k])]),
  ]);
  const nets = Object.keys(p.networks).sort();
  if (nets.length > 0)
    root.push(['networks', nets.map((k): [string, Node] => [k, networkNode(p.networks[k])])]);
  const out: string[] = [];
  emit(root, 0, out);
  return `${out.join('\n')}\n`;
}
