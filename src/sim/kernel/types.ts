// The Linux stand-in that drivers program and the tracer reads. Data only; the operations are in
// netns.ts (links, addresses, routes), iptables.ts (tables and rules) and socket.ts (listeners).
// Simplified: one ifindex counter per host (shared by its namespaces, lo is always 1), no qdiscs,
// no IPv6 routing; see src/sim/README.md.

/** LinkKind is the `ip -d link` type of a link. */
export type LinkKind =
  | 'loopback'
  | 'ether' // a physical NIC (a host's eth0, a router's ports)
  | 'veth'
  | 'bridge'
  | 'macvlan'
  | 'ipvlan'
  | 'vlan' // an 802.1q sub-interface such as eth0.50
  | 'dummy'
  | 'vxlan';

/** Addr is one address on a link (`ip addr`). */
export interface Addr {
  family: 4 | 6;
  ip: string;
  prefixLen: number;
  scope: 'host' | 'link' | 'global';
  /** broadcast is shown as `brd` for IPv4 global addresses. */
  broadcast?: string;
}

/** LinkRef points at a link in some namespace (veth peers and macvlan parents can live elsewhere). */
export interface LinkRef {
  ns: NetNs;
  index: number;
}

/** Link is a network interface in one namespace. */
export interface Link {
  index: number;
  name: string;
  kind: LinkKind;
  mac: string;
  mtu: number;
  /** up is the admin state (`ip link set up`). */
  up: boolean;
  /** master is the ifindex of the bridge this link is a port of (same namespace). */
  master?: number;
  /** peer is the other end of a veth pair. */
  peer?: LinkRef;
  /** parent is the lower device of a macvlan, ipvlan or vlan link. */
  parent?: LinkRef;
  /** segment names the shared L2 segment (the LAN "switch") a physical NIC is plugged into. */
  segment?: string;
  vlanId?: number;
  /** mode is the macvlan mode (bridge, vepa, private, passthru) or ipvlan mode (l2, l3, l3s). */
  mode?: string;
  promisc?: boolean;
  /** vxlan holds the VXLAN parameters of a vxlan link (overlay driver). */
  vxlan?: { vni: number; port: number };
  addrs: Addr[];
  /** alias is free text shown by `ip link` as `alias`. */
  alias?: string;
  /** isolated is the bridge port flag `bridge link set dev X isolated on`: isolated ports never talk to each other. */
  isolated?: boolean;
}

/** Route is one entry of a routing table (`ip route`). */
export interface Route {
  /** dst is "default" or a CIDR such as 172.17.0.0/16. */
  dst: string;
  via?: string;
  /** dev is the ifindex of the outgoing link. */
  dev: number;
  scope?: 'link' | 'host' | 'global';
  proto?: 'kernel' | 'static' | 'boot' | 'dhcp';
  src?: string;
  metric?: number;
  table: 'main' | 'local';
}

/** Neigh is one ARP entry (`ip neigh`). */
export interface Neigh {
  ip: string;
  mac: string;
  dev: number;
  state: 'REACHABLE' | 'STALE' | 'PERMANENT' | 'FAILED';
}

/** FdbEntry is one bridge forwarding entry (`bridge fdb`). */
export interface FdbEntry {
  mac: string;
  /** port is the ifindex of the bridge port (or of the vxlan device). */
  port: number;
  /** bridge is the ifindex of the bridge; undefined for vxlan entries. */
  bridge?: number;
  /** dst is the remote VTEP IP of a vxlan entry. */
  dst?: string;
  permanent: boolean;
}

/** IptTableName is an iptables table. */
export type IptTableName = 'filter' | 'nat' | 'raw' | 'mangle';

/** IptRule is one parsed iptables rule. `spec` keeps the canonical `-S` tokens after `-A CHAIN`. */
export interface IptRule {
  spec: string[];
  /** pkts and bytes are the counters `iptables -L -v` shows; the tracer bumps them. */
  pkts: number;
  bytes: number;
}

/** IptChain is a built-in or user chain. Built-in chains have a policy. */
export interface IptChain {
  name: string;
  policy?: 'ACCEPT' | 'DROP';
  rules: IptRule[];
  pkts: number;
  bytes: number;
}

/** IptTable is one iptables table with its chains in creation order. */
export interface IptTable {
  name: IptTableName;
  chains: Map<string, IptChain>;
}

/** Conn is one connection-tracking entry (for replies and NAT reversal). */
export interface Conn {
  proto: 'tcp' | 'udp' | 'icmp';
  /** orig is the tuple as first seen; reply is the tuple replies carry after NAT. */
  orig: { src: string; dst: string; sport: number; dport: number };
  reply: { src: string; dst: string; sport: number; dport: number };
}

/** App is what answers on a socket. Programs install these; the tracer calls them. */
export type App =
  /** http serves requests; accessLog, when present, collects one line per request (the process's log). */
  | { kind: 'http'; serve(req: HttpRequest): HttpResponse; accessLog?: string[] }
  | { kind: 'dns'; resolve(q: DnsQuestion): DnsAnswer }
  | { kind: 'tcp'; banner?: string }
  | { kind: 'udp' }
  /** proxy is docker-proxy: it accepts on the host and opens a new connection to target. */
  | { kind: 'proxy'; targetIp: string; targetPort: number };

/** HttpRequest is what an http App receives. */
export interface HttpRequest {
  method: string;
  path: string;
  host: string;
  headers: Record<string, string>;
  body?: string;
  /** client is the source address the server sees (after NAT). */
  client: string;
  /** clientPort is the source port the server sees. */
  clientPort?: number;
}

/** HttpResponse is what an http App answers. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** DnsQuestion is one DNS query. */
export interface DnsQuestion {
  name: string;
  type: 'A' | 'AAAA' | 'PTR' | 'SRV' | 'ANY';
  /** client is the querying address. */
  client: string;
}

/** DnsAnswer is a DNS reply: rcode and answers (addresses or names for PTR). */
export interface DnsAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';
  answers: Array<{ name: string; type: 'A' | 'AAAA' | 'PTR' | 'CNAME'; ttl: number; data: string }>;
  /** authoritative is false when the answer was forwarded (nslookup prints "Non-authoritative answer"). */
  authoritative?: boolean;
  /**
   * forward asks the tracer to forward the question to these upstream servers, sending from the
   * socket's namespace (libnetwork's embedded resolver does this for names it does not own).
   */
  forward?: string[];
}

/** Socket is a listening socket bound in a namespace (`ss -ltn`). */
export interface Socket {
  proto: 'tcp' | 'udp';
  /** ip is the bound address: "0.0.0.0", "::" or a specific address. */
  ip: string;
  port: number;
  /** owner names the process, as ss -p would show ("nginx", "docker-proxy", "dockerd"). */
  owner: string;
  /** ownerId is the container ID whose process bound it (removed when that container stops). */
  ownerId?: string;
  app: App;
}

/** NetNs is one network namespace: a host's root namespace, a container's, or a router's. */
export interface NetNs {
  /** id is unique in the world, e.g. "host1", "host1/4f1c2a…" for a container sandbox. */
  id: string;
  /** hostName is the name of the machine this namespace lives on. */
  hostName: string;
  links: Link[];
  routes: Route[];
  neigh: Neigh[];
  fdb: FdbEntry[];
  iptables: Record<IptTableName, IptTable>;
  conntrack: Conn[];
  sockets: Socket[];
  sysctl: {
    ipForward: boolean;
    routeLocalnet: boolean;
    /** brNetfilter is net.bridge.bridge-nf-call-iptables: bridged packets traverse iptables (default on: Docker loads br_netfilter). */
    brNetfilter?: boolean;
    /** defaultTtl is net.ipv4.ip_default_ttl (64 when unset). */
    defaultTtl?: number;
  };
  /** nextIndex hands out ifindexes; namespaces of one host share the same counter object. */
  counter: { nextIndex: number };
  /** peerNsIds holds the ids this namespace gave other namespaces (`link-netnsid N`), by namespace id. */
  peerNsIds?: Map<string, number>;
}
