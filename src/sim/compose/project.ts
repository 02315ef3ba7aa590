// Mirrors compose-spec/compose-go v2 (loader: project name, normalisation of services, networks,
// ports, depends_on, environment) as docker compose v2.36 loads a project; simplified: one file,
// no profiles, extends, include, volumes, secrets, configs or interpolation defaults beyond ${VAR}.

import { normalizePath, type Vfs } from '../kernel/vfs.ts';
import {
  ComposeError,
  type Dependency,
  type NetworkConfig,
  type PortConfig,
  type Project,
  type Service,
  type ServiceNetwork,
} from './model.ts';
import { parseYaml, type YamlValue } from './yaml.ts';

export {
  ComposeError,
  type Dependency,
  type NetworkConfig,
  type PortConfig,
  type Project,
  type Service,
  type ServiceNetwork,
};

/** DEFAULT_FILES is compose-go's cli.DefaultFileNames, in lookup order. */
export const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

/** findComposeFile walks up from cwd looking for a default file (cli.getDefaultConfigPath); warn
 * receives compose-go's "Found multiple config files" warnings. */
export function findComposeFile(fs: Vfs, cwd: string, warn?: (msg: string) => void): string | undefined {
  for (let dir = normalizePath(cwd); ; dir = normalizePath(`${dir}/..`)) {
    const found = DEFAULT_FILES.map((f) => normalizePath(f, dir)).filter((p) => fs.readFile(p) !== undefined);
    if (found.length > 1 && warn) {
      warn(`Found multiple config files with supported names: ${found.join(', ')}`);
      warn(`Using ${found[0]}`);
    }
    if (found.length > 0) return found[0];
    if (dir === '/') return undefined;
  }
}

/** SERVICE_KEYS are the properties compose-go v2.6.4's schema (docker compose v2.36) allows on a service. */
export const SERVICE_KEYS = new Set(
  'develop deploy annotations attach build blkio_config cap_add cap_drop cgroup cgroup_parent command configs container_name cpu_count cpu_percent cpu_shares cpu_quota cpu_period cpu_rt_period cpu_rt_runtime cpus cpuset credential_spec depends_on device_cgroup_rules devices dns dns_opt dns_search domainname entrypoint env_file label_file environment expose extends provider external_links extra_hosts gpus group_add healthcheck hostname image init ipc isolation labels links logging mac_address mem_limit mem_reservation mem_swappiness memswap_limit network_mode networks oom_kill_disable oom_score_adj pid pids_limit platform ports post_start pre_stop privileged profiles pull_policy pull_refresh_after read_only restart runtime scale security_opt shm_size secrets sysctls stdin_open stop_grace_period stop_signal storage_opt tmpfs tty ulimits user uts userns_mode volumes volumes_from working_dir'.split(
    ' ',
  ),
);
/** TOP_LEVEL_KEYS are the properties the schema allows at the top of a compose file. */
export const TOP_LEVEL_KEYS = new Set(
  'version name include services networks volumes secrets configs'.split(' '),
);
/** NETWORK_KEYS are the properties the schema allows on a top-level network. */
export const NETWORK_KEYS = new Set(
  'name driver driver_opts ipam external internal enable_ipv4 enable_ipv6 attachable labels'.split(' '),
);

/** validateKeys is the schema's additionalProperties check ("services.web additional properties 'imag' not allowed"). */
function validateKeys(file: string, where: string, o: YamlValue, allowed: Set<string>): void {
  if (!isObj(o)) return;
  const bad = Object.keys(o).filter((k) => !allowed.has(k) && !k.startsWith('x-'));
  if (bad.length > 0)
    throw new ComposeError(`validating ${file}: ${where} additional properties '${bad[0]}' not allowed`);
}

/** normalizeProjectName is loader.NormalizeProjectName: lowercase, only [a-z0-9_-], leading alnum. */
export function normalizeProjectName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[^a-z0-9]+/, '');
}

type Obj = { [k: string]: YamlValue };
const isObj = (v: YamlValue | undefined): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: YamlValue): string => (v === null ? '' : String(v));

/** shellSplit is go-shellwords' Parse as compose-go uses it for string commands. */
export function shellSplit(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < s.length) cur += s[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else cur += c;
  }
  if (has || cur) out.push(cur);
  return out;
}

function strings(v: YamlValue | undefined, path: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return shellSplit(v);
  if (Array.isArray(v)) return v.map(str);
  throw new ComposeError(`validating ${path}: must be a string or a list`);
}

function mapping(v: YamlValue | undefined, path: string): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (v === undefined || v === null) return out;
  if (Array.isArray(v)) {
    for (const item of v) {
      const s = str(item);
      const eq = s.indexOf('=');
      out[eq < 0 ? s : s.slice(0, eq)] = eq < 0 ? null : s.slice(eq + 1);
    }
    return out;
  }
  if (!isObj(v)) throw new ComposeError(`${path} must be a mapping`);
  for (const [k, val] of Object.entries(v)) out[k] = val === null ? null : str(val);
  return out;
}

/** parsePort is types.ParsePortConfig for the short syntax ("8080:80", "127.0.0.1:8080:80/udp", 80). */
export function parsePort(v: YamlValue, service: string): PortConfig[] {
  if (isObj(v)) {
    return [
      {
        mode: 'ingress',
        hostIp: v.host_ip ? str(v.host_ip) : undefined,
        target: Number(v.target),
        published: v.published === undefined || v.published === null ? undefined : str(v.published),
        protocol: v.protocol ? str(v.protocol) : 'tcp',
      },
    ];
  }
  const s = str(v);
  const [spec, protocol = 'tcp'] = s.split('/');
  const parts = spec.split(':');
  const target = parts.pop() as string;
  const published = parts.pop();
  const hostIp = parts.length > 0 ? parts.join(':') : undefined;
  if (!/^\d+(-\d+)?$/.test(target) || (published !== undefined && !/^\d*(-\d+)?$/.test(published)))
    throw new ComposeError(
      `services.${service}.ports contains an invalid type, it should be a number, or an object`,
    );
  return [{ mode: 'ingress', hostIp, target: Number(target), published: published || undefined, protocol }];
}

function interpolate(v: YamlValue, env: Record<string, string>): YamlValue {
  if (typeof v === 'string')
    return v.replace(
      /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
      (m, a, def, b) => {
        if (m === '$$') return '$';
        const val = env[a ?? b];
        return val === undefined || (val === '' && m.includes(':-')) ? (def ?? '') : val;
      },
    );
  if (Array.isArray(v)) return v.map((x) => interpolate(x, env));
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, interpolate(x, env)]));
  return v;
}

function loadService(name: string, raw: YamlValue): Service {
  if (!isObj(raw))
    throw new ComposeError(
      `service "${name}" has neither an image nor a build context specified: invalid compose project`,
    );
  const networks: Record<string, ServiceNetwork | null> = {};
  if (Array.isArray(raw.networks)) for (const n of raw.networks) networks[str(n)] = null;
  else if (isObj(raw.networks))
    for (const [k, v] of Object.entries(raw.networks)) {
      if (!isObj(v)) networks[k] = null;
      else
        networks[k] = {
          aliases: Array.isArray(v.aliases) ? v.aliases.map(str) : undefined,
          ipv4Address: v.ipv4_address ? str(v.ipv4_address) : undefined,
          priority: typeof v.priority === 'number' ? v.priority : undefined,
        };
    }
  const dependsOn: Record<string, Dependency> = {};
  if (Array.isArray(raw.depends_on))
    for (const d of raw.depends_on) dependsOn[str(d)] = { condition: 'service_started', required: true };
  else if (isObj(raw.depends_on))
    for (const [k, v] of Object.entries(raw.depends_on)) {
      const o = isObj(v) ? v : {};
      dependsOn[k] = {
        condition: o.condition ? str(o.condition) : 'service_started',
        restart: o.restart === true ? true : undefined,
        required: o.required !== false,
      };
    }
  let build: Service['build'];
  if (typeof raw.build === 'string') build = { context: raw.build, dockerfile: 'Dockerfile' };
  else if (isObj(raw.build))
    build = {
      context: raw.build.context ? str(raw.build.context) : '.',
      dockerfile: raw.build.dockerfile ? str(raw.build.dockerfile) : 'Dockerfile',
    };
  if (raw.image === undefined && !build)
    throw new ComposeError(
      `service "${name}" has neither an image nor a build context specified: invalid compose project`,
    );
  const labels = mapping(raw.labels, `services.${name}.labels`);
  return {
    name,
    image: raw.image !== undefined ? str(raw.image) : undefined,
    build,
    command: strings(raw.command, `services.${name}.command`),
    entrypoint: strings(raw.entrypoint, `services.${name}.entrypoint`),
    containerName: raw.container_name ? str(raw.container_name) : undefined,
    environment: mapping(raw.environment, `services.${name}.environment`),
    hostname: raw.hostname ? str(raw.hostname) : undefined,
    labels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v ?? ''])),
    networkMode: raw.network_mode ? str(raw.network_mode) : undefined,
    networks,
    ports: Array.isArray(raw.ports) ? raw.ports.flatMap((p) => parsePort(p, name)) : [],
    expose: Array.isArray(raw.expose) ? raw.expose.map(str) : [],
    dependsOn,
    restart: raw.restart ? str(raw.restart) : undefined,
    tty: raw.tty === true ? true : undefined,
    stdinOpen: raw.stdin_open === true ? true : undefined,
    workingDir: raw.working_dir ? str(raw.working_dir) : undefined,
  };
}

function loadNetwork(key: string, raw: YamlValue, project: string): NetworkConfig {
  const o = isObj(raw) ? raw : {};
  const external = o.external === true || isObj(o.external);
  const n: NetworkConfig = { name: o.name ? str(o.name) : external ? key : `${project}_${key}` };
  if (o.driver) n.driver = str(o.driver);
  if (isObj(o.driver_opts))
    n.driverOpts = Object.fromEntries(Object.entries(o.driver_opts).map(([k, v]) => [k, str(v)]));
  if (isObj(o.ipam)) {
    n.ipam = {};
    if (o.ipam.driver) n.ipam.driver = str(o.ipam.driver);
    if (Array.isArray(o.ipam.config))
      n.ipam.config = o.ipam.config.filter(isObj).map((c) => {
        const out: { subnet?: string; gateway?: string; ip_range?: string } = {};
        if (c.subnet) out.subnet = str(c.subnet);
        if (c.ip_range) out.ip_range = str(c.ip_range);
        if (c.gateway) out.gateway = str(c.gateway);
        return out;
      });
  }
  if (external) n.external = true;
  if (o.internal === true) n.internal = true;
  if (o.attachable === true) n.attachable = true;
  if (o.enable_ipv6 === true) n.enableIpv6 = true;
  if (o.labels !== undefined)
    n.labels = Object.fromEntries(
      Object.entries(mapping(o.labels, `networks.${key}.labels`)).map(([k, v]) => [k, v ?? '']),
    );
  return n;
}

/** LoadOptions are where a project comes from. */
export interface LoadOptions {
  file: string;
  content: string;
  /** warn receives loader warnings (the obsolete `version` attribute). */
  warn?: (msg: string) => void;
  /** projectName is -p or COMPOSE_PROJECT_NAME, if given. */
  projectName?: string;
  env: Record<string, string>;
}

/** loadProject parses and normalises a compose file into a Project. */
export function loadProject(opts: LoadOptions): Project {
  const doc = interpolate(parseYaml(opts.content), opts.env);
  if (doc === null) throw new ComposeError('empty compose file');
  if (!isObj(doc)) throw new ComposeError(`Top-level object must be a mapping`);
  if (doc.version !== undefined)
    opts.warn?.(
      `${opts.file}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`,
    );
  const workingDir = opts.file.slice(0, opts.file.lastIndexOf('/')) || '/';
  const fromDir = normalizeProjectName(workingDir.slice(workingDir.lastIndexOf('/') + 1));
  const name = opts.projectName
    ? normalizeProjectName(opts.projectName)
    : doc.name
      ? normalizeProjectName(str(doc.name))
      : fromDir;
  if (!name) throw new ComposeError("project name can't be empty. Use `--project-name` to set a valid name");
  for (const k of Object.keys(doc))
    if (!TOP_LEVEL_KEYS.has(k) && !k.startsWith('x-'))
      throw new ComposeError(`validating ${opts.file}: additional properties '${k}' not allowed`);
  const services: Record<string, Service> = {};
  const rawServices = isObj(doc.services) ? doc.services : {};
  for (const [k, v] of Object.entries(rawServices)) {
    validateKeys(opts.file, `services.${k}`, v, SERVICE_KEYS);
    services[k] = loadService(k, v);
  }
  if (isObj(doc.networks))
    for (const [k, v] of Object.entries(doc.networks))
      validateKeys(opts.file, `networks.${k}`, v, NETWORK_KEYS);
  const networks: Record<string, NetworkConfig> = {};
  if (isObj(doc.networks))
    for (const [k, v] of Object.entries(doc.networks)) networks[k] = loadNetwork(k, v, name);
  // Services without networks join "default"; the default network exists only if someone uses it.
  for (const s of Object.values(services)) {
    if (!s.networkMode && Object.keys(s.networks).length === 0) s.networks.default = null;
    for (const n of Object.keys(s.networks)) {
      if (n === 'default' && !networks.default) networks.default = { name: `${name}_default` };
      if (!networks[n])
        throw new ComposeError(
          `service "${s.name}" refers to undefined network ${n}: invalid compose project`,
        );
    }
    for (const d of Object.keys(s.dependsOn))
      if (!services[d] && s.dependsOn[d].required)
        throw new ComposeError(
          `service "${s.name}" depends on undefined service "${d}": invalid compose project`,
        );
  }
  // cmd/compose ToProject ends with project.WithoutUnnecessaryResources(): networks no service uses
  // are neither shown by `config` nor created by `up` (there is no --all-resources here).
  const used = new Set(Object.values(services).flatMap((s) => Object.keys(s.networks)));
  for (const k of Object.keys(networks)) if (!used.has(k)) delete networks[k];
  return { name, workingDir, composeFiles: [opts.file], services, networks };
}

/** serviceOrder sorts services so that dependencies come first (graph.InDependencyOrder), ties by name. */
export function serviceOrder(p: Project): string[] {
  const out: string[] = [];
  const visiting = new Set<string>();
  const visit = (n: string): void => {
    if (out.includes(n)) return;
    if (visiting.has(n))
      throw new ComposeError(`dependency cycle detected: ${[...visiting, n].join(' -> ')}`);
    visiting.add(n);
    for (const d of Object.keys(p.services[n]?.dependsOn ?? {}).sort()) if (p.services[d]) visit(d);
    visiting.delete(n);
    out.push(n);
  };
  for (const n of Object.keys(p.services).sort()) visit(n);
  return out;
}

/** containerName is getContainerName: container_name, else <project>-<service>-<n>. */
export function containerName(p: Project, s: Service, n = 1): string {
  return s.containerName ?? `${p.name}-${s.name}-${n}`;
}

/** imageName is api.GetImageNameOrDefault: the image, else <project>-<service>. */
export function imageName(p: Project, s: Service): string {
  return s.image ?? `${p.name}-${s.name}`;
}
