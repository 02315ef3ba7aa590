// Mirrors the tables and error paths of netfilter/iptables v1.8.9: libxtables xtables_chain_protos,
// extensions/libxt_conntrack.c states, libxt_addrtype.c rtn_names, libipt_REJECT.c reject_table,
// libipt_icmp.c icmp_codes, and xtables_error / nft_strerror message shapes; simplified: subsets.

/** IptError is a parse or command failure with iptables' exit status and stderr text. */
export class IptError extends Error {
  readonly exitCode: number;
  readonly stderr: string;
  constructor(stderr: string, exitCode: number) {
    super(stderr);
    this.stderr = stderr;
    this.exitCode = exitCode;
  }
}

/** IPT_PROG is the program_name and program_version iptables-nft prints in its errors. */
export const IPT_PROG = 'iptables v1.8.9 (nf_tables)';

/** paramProblem builds xtables_error(PARAMETER_PROBLEM, msg): message, the "Try" line, exit 2. */
export const paramProblem = (msg: string): IptError =>
  new IptError(`${IPT_PROG}: ${msg}\nTry \`iptables -h' or 'iptables --help' for more information.\n`, 2);

/** errnoProblem builds the "iptables: <strerror>." failure printed after a failed commit (exit 1). */
export const errnoProblem = (msg: string): IptError => new IptError(`iptables: ${msg}.\n`, 1);

/** STATES lists conntrack states in the order iptables prints them. */
export const STATES = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];
/** ADDR_TYPES lists addrtype names in the order iptables prints them (rtn_names). */
export const ADDR_TYPES = [
  'UNSPEC',
  'UNICAST',
  'LOCAL',
  'BROADCAST',
  'ANYCAST',
  'MULTICAST',
  'BLACKHOLE',
  'UNREACHABLE',
  'PROHIBIT',
  'THROW',
  'NAT',
  'XRESOLVE',
];
/** REJECT_TYPES maps REJECT --reject-with names to their aliases (libipt_REJECT.c reject_table). */
export const REJECT_TYPES: Array<[string, string]> = [
  ['icmp-net-unreachable', 'net-unreach'],
  ['icmp-host-unreachable', 'host-unreach'],
  ['icmp-proto-unreachable', 'proto-unreach'],
  ['icmp-port-unreachable', 'port-unreach'],
  ['icmp-net-prohibited', 'net-prohib'],
  ['icmp-host-prohibited', 'host-prohib'],
  ['tcp-reset', 'tcp-rst'],
  ['icmp-admin-prohibited', 'admin-prohib'],
];
/** PROTOS maps protocol names to numbers (xtables_chain_protos). */
export const PROTOS: Record<string, number> = {
  tcp: 6,
  udp: 17,
  icmp: 1,
  sctp: 132,
  esp: 50,
  ah: 51,
  all: 0,
};
/** SERVICES is the /etc/services subset used to parse and print port names. */
export const SERVICES: Record<string, number> = {
  ftp: 21,
  ssh: 22,
  telnet: 23,
  smtp: 25,
  domain: 53,
  http: 80,
  pop3: 110,
  ntp: 123,
  imap2: 143,
  snmp: 161,
  https: 443,
  'http-alt': 8080,
  mysql: 3306,
  postgresql: 5432,
  redis: 6379,
};
/** ICMP_TYPES maps icmp type names to [type, code] (libipt_icmp.c icmp_codes subset). */
export const ICMP_TYPES: Record<string, [number, number | undefined]> = {
  'echo-reply': [0, undefined],
  'destination-unreachable': [3, undefined],
  'port-unreachable': [3, 3],
  'host-unreachable': [3, 1],
  'network-unreachable': [3, 0],
  'echo-request': [8, undefined],
  'time-exceeded': [11, undefined],
  'ttl-zero-during-transit': [11, 0],
};
/** BUILTIN_TARGETS are targets that are not chain names. */
export const BUILTIN_TARGETS = new Set([
  'ACCEPT',
  'DROP',
  'RETURN',
  'REJECT',
  'MASQUERADE',
  'SNAT',
  'DNAT',
  'LOG',
  'REDIRECT',
]);
const NAT_ONLY = new Set(['MASQUERADE', 'SNAT', 'DNAT', 'REDIRECT']);

/** isNatTarget tells whether a target is only valid in the nat table. */
export const isNatTarget = (name: string): boolean => NAT_ONLY.has(name);
