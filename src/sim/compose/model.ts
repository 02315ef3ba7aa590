// Mirrors compose-spec/compose-go v2 types/types.go and types/project.go: the normalised model of a
// compose project (services, networks, ports, depends_on); simplified: only the fields the simulator
// honours.

/** PortConfig is one normalised entry of `ports` (types.ServicePortConfig). */
export interface PortConfig {
  mode: 'ingress';
  hostIp?: string;
  target: number;
  published?: string;
  protocol: string;
}

/** ServiceNetwork is a service's attachment to one network (types.ServiceNetworkConfig). */
export interface ServiceNetwork {
  aliases?: string[];
  ipv4Address?: string;
  priority?: number;
}

/** Dependency is one `depends_on` entry (types.ServiceDependency). */
export interface Dependency {
  condition: string;
  restart?: boolean;
  required: boolean;
}

/** Service is a normalised service (types.ServiceConfig, the fields the simulator honours). */
export interface Service {
  name: string;
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  entrypoint?: string[];
  containerName?: string;
  environment: Record<string, string | null>;
  hostname?: string;
  labels: Record<string, string>;
  networkMode?: string;
  /** networks is null-valued for a plain attachment, as compose-go keeps it. */
  networks: Record<string, ServiceNetwork | null>;
  ports: PortConfig[];
  /** expose lists container ports published to linked services only ("3000", "8000/udp"). */
  expose: string[];
  dependsOn: Record<string, Dependency>;
  restart?: string;
  tty?: boolean;
  stdinOpen?: boolean;
  workingDir?: string;
}

/** NetworkConfig is a normalised top-level network (types.NetworkConfig). */
export interface NetworkConfig {
  name: string;
  driver?: string;
  driverOpts?: Record<string, string>;
  ipam?: { driver?: string; config?: Array<{ subnet?: string; gateway?: string; ip_range?: string }> };
  external?: boolean;
  internal?: boolean;
  attachable?: boolean;
  enableIpv6?: boolean;
  labels?: Record<string, string>;
}

/** Project is a loaded compose project (types.Project). */
export interface Project {
  name: string;
  workingDir: string;
  composeFiles: string[];
  services: Record<string, Service>;
  networks: Record<string, NetworkConfig>;
}

/** ComposeError is an error compose prints as is, with its exit code. */
export class ComposeError extends Error {
  readonly code: number;
  constructor(message: string, code = 1) {
    super(message);
    this.name = 'ComposeError';
    this.code = code;
  }
}
