// Mirrors libpcap 1.10's filter language (grammar.y, scanner.l, gencode.c; pcap-filter(7)):
// primitives `[proto] [src|dst] [host|net|port|portrange] id`, the protocol names ip, arp, tcp,
// udp, icmp, `not`/`!`, `and`/`&&`, `or`/`||` (equal precedence, left to right) and parentheses,
// with an id alone reusing the previous qualifiers ("host a or b"). Errors carry libpcap's wording.
// Simplified: compiled to a predicate instead of BPF; no ether/vlan/less/greater/byte offsets.

/** FilterPacket is what a filter looks at: the outermost IPv4 or ARP header of a frame. */
export interface FilterPacket {
  arp?: { senderIp: string; targetIp: string };
  ip?: { src: string; dst: string; proto: 'tcp' | 'udp' | 'icmp'; sport: number; dport: number };
}

/** Filter tests a packet. */
export type Filter = (p: FilterPacket) => boolean;

/** FilterError is a filter libpcap refuses, with its message (tcpdump prints `tcpdump: <message>`). */
export class FilterError extends Error {}

const SERVICES: Record<string, number> = {
  ssh: 22,
  smtp: 25,
  domain: 53,
  bootps: 67,
  bootpc: 68,
  ntp: 123,
  http: 80,
  www: 80,
  https: 443,
  mysql: 3306,
  postgresql: 5432,
  'http-alt': 8080,
};

const PROTOS = new Set(['ip', 'arp', 'tcp', 'udp', 'icmp']);
const DIRS = new Set(['src', 'dst']);
const TYPES = new Set(['host', 'net', 'port', 'portrange']);

interface Quals {
  proto?: string;
  dir?: string;
  type?: string;
}

const ipToInt = (ip: string): number | undefined => {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((x) => x > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
};

function tokenize(text: string): string[] {
  const out: string[] = [];
  const re = /\s*(&&|\|\||[()!]|[^\s()!&|]+|[&|])\s*/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) break;
    out.push(m[1]);
    at = re.lastIndex;
  }
  return out;
}

/** compileFilter parses a filter expression (argv joined by spaces); resolve maps a host name to its address. */
export function compileFilter(
  text: string,
  resolve: (name: string) => string | undefined = () => undefined,
): Filter {
  const toks = tokenize(text);
  if (!toks.length) return () => true;
  let i = 0;
  let last: Quals = { type: 'host' };
  const syntax = (): never => {
    throw new FilterError("can't parse filter expression: syntax error");
  };
  const peek = (): string | undefined => toks[i];
  const isOp = (t: string | undefined): boolean => t === 'and' || t === 'or' || t === '&&' || t === '||';

  const unary = (): Filter => {
    const t = peek();
    if (t === undefined) return syntax();
    if (t === 'not' || t === '!') {
      i++;
      const e = unary();
      return (p) => !e(p);
    }
    if (t === '(') {
      i++;
      const e = binary();
      if (peek() !== ')') return syntax();
      i++;
      return e;
    }
    if (t === ')' || isOp(t)) return syntax();
    return primitive();
  };

  const binary = (): Filter => {
    let left = unary();
    while (isOp(peek())) {
      const op = toks[i++];
      const right = unary();
      const l = left;
      left = op === 'and' || op === '&&' ? (p) => l(p) && right(p) : (p) => l(p) || right(p);
    }
    return left;
  };

  const primitive = (): Filter => {
    const q: Quals = {};
    while (i < toks.length) {
      const t = toks[i];
      if (PROTOS.has(t) && !q.proto && !q.dir && !q.type) q.proto = t;
      else if (DIRS.has(t) && !q.dir && !q.type) q.dir = t;
      else if (TYPES.has(t) && !q.type) q.type = t;
      else break;
      i++;
    }
    const id = peek();
    const hasId = id !== undefined && id !== ')' && !isOp(id) && id !== '(' && id !== '!' && id !== 'not';
    if (!hasId) {
      if (q.dir || q.type) return syntax();
      if (!q.proto) return syntax();
      return protoFilter(q.proto);
    }
    i++;
    const quals: Quals = q.proto || q.dir || q.type ? { ...q, type: q.type ?? 'host' } : last;
    last = quals;
    return idFilter(quals, id, resolve);
  };

  const e = binary();
  if (i < toks.length) syntax();
  return e;
}

function protoFilter(proto: string): Filter {
  if (proto === 'ip') return (p) => !!p.ip;
  if (proto === 'arp') return (p) => !!p.arp;
  return (p) => p.ip?.proto === proto;
}

function portNumber(id: string): number {
  if (/^\d+$/.test(id)) {
    const n = Number(id);
    if (n > 65535) throw new FilterError(`illegal port number ${n} > 65535`);
    return n;
  }
  const n = SERVICES[id.toLowerCase()];
  if (n === undefined) throw new FilterError(`unknown port '${id}'`);
  return n;
}

function idFilter(q: Quals, id: string, resolve: (name: string) => string | undefined): Filter {
  const dirOk = (src: boolean, dst: boolean): boolean =>
    q.dir === 'src' ? src : q.dir === 'dst' ? dst : src || dst;
  const proto = q.proto;
  if (q.type === 'port' || q.type === 'portrange') {
    if (proto && proto !== 'tcp' && proto !== 'udp') throw new FilterError("illegal qualifier of 'port'");
    let lo: number;
    let hi: number;
    if (q.type === 'portrange') {
      const m = /^([^-]+)-([^-]+)$/.exec(id);
      if (!m) throw new FilterError(`unknown port in range '${id}'`);
      [lo, hi] = [portNumber(m[1]), portNumber(m[2])].sort((a, b) => a - b);
    } else lo = hi = portNumber(id);
    return (p) => {
      const ip = p.ip;
      if (!ip || ip.proto === 'icmp' || (proto && ip.proto !== proto)) return false;
      const inRange = (x: number): boolean => x >= lo && x <= hi;
      return dirOk(inRange(ip.sport), inRange(ip.dport));
    };
  }
  let match: (addr: string) => boolean;
  if (q.type === 'net') {
    const [base, lenText] = id.split('/');
    const octets = base.split('.');
    const len = lenText !== undefined ? Number(lenText) : octets.length * 8;
    const addr = ipToInt([...octets, '0', '0', '0'].slice(0, 4).join('.'));
    if (addr === undefined || !Number.isInteger(len) || len < 0 || len > 32)
      throw new FilterError("can't parse filter expression: syntax error");
    const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
    if ((addr & ~mask) >>> 0 !== 0) throw new FilterError(`non-network bits set in "${id}"`);
    match = (a) => ((ipToInt(a) ?? -1) & mask) >>> 0 === addr;
  } else {
    const ip = ipToInt(id) !== undefined ? id : resolve(id);
    if (!ip) throw new FilterError(`unknown host '${id}'`);
    match = (a) => a === ip;
  }
  if (proto === 'tcp' || proto === 'udp' || proto === 'icmp')
    throw new FilterError(`'${proto}' modifier applied to ${q.type === 'net' ? 'net' : 'host'}`);
  return (p) => {
    if (p.ip && proto !== 'arp') return dirOk(match(p.ip.src), match(p.ip.dst));
    if (p.arp && proto !== 'ip') return dirOk(match(p.arp.senderIp), match(p.arp.targetIp));
    return false;
  };
}
