// Mirrors the output of alpine 3.22's apk-tools 2.14 (`apk add`), debian bookworm's apt-get
// (`update`, `install -y`) and pip 25 (`pip install`) as a RUN step shows them; simplified: a small
// package index of network tools; a package adds its programs to the image's tool set.

/** Package is one installable package: its version, dependencies and the programs it ships. */
interface Package {
  version: string;
  deps?: string[];
  tools: string[];
}

const APK: Record<string, Package> = {
  'brotli-libs': { version: '1.1.0-r2', tools: [] },
  'c-ares': { version: '1.34.5-r0', tools: [] },
  libunistring: { version: '1.3-r0', tools: [] },
  libidn2: { version: '2.3.7-r0', deps: ['libunistring'], tools: [] },
  'nghttp2-libs': { version: '1.65.0-r0', tools: [] },
  libpsl: { version: '0.21.5-r3', deps: ['libidn2'], tools: [] },
  'zstd-libs': { version: '1.5.7-r0', tools: [] },
  libcurl: {
    version: '8.14.1-r1',
    deps: ['brotli-libs', 'c-ares', 'libidn2', 'nghttp2-libs', 'libpsl', 'zstd-libs'],
    tools: [],
  },
  curl: { version: '8.14.1-r1', deps: ['libcurl'], tools: ['curl'] },
  libmnl: { version: '1.0.5-r2', tools: [] },
  iproute2: { version: '6.15.0-r0', deps: ['libmnl'], tools: ['ip', 'ss', 'bridge', 'tc'] },
  'bind-libs': { version: '9.20.11-r0', tools: [] },
  'bind-tools': { version: '9.20.11-r0', deps: ['bind-libs'], tools: ['dig', 'host', 'nslookup'] },
  libpcap: { version: '1.10.5-r1', tools: [] },
  tcpdump: { version: '4.99.5-r1', deps: ['libpcap'], tools: ['tcpdump'] },
  readline: { version: '8.2.13-r1', tools: [] },
  bash: { version: '5.2.37-r0', deps: ['readline'], tools: ['bash'] },
  oniguruma: { version: '6.9.10-r0', tools: [] },
  jq: { version: '1.8.0-r0', deps: ['oniguruma'], tools: ['jq'] },
  'netcat-openbsd': { version: '1.229.1-r0', tools: ['nc'] },
  iptables: { version: '1.8.11-r1', deps: ['libmnl'], tools: ['iptables', 'iptables-save', 'ip6tables'] },
};

const APT: Record<string, Package> = {
  curl: { version: '7.88.1-10+deb12u12', deps: ['libcurl4', 'ca-certificates'], tools: ['curl'] },
  libcurl4: { version: '7.88.1-10+deb12u12', tools: [] },
  'ca-certificates': { version: '20230311+deb12u1', tools: [] },
  iproute2: { version: '6.1.0-3', deps: ['libmnl0'], tools: ['ip', 'ss', 'bridge'] },
  libmnl0: { version: '1.0.4-3', tools: [] },
  'iputils-ping': { version: '3:20221126-1+deb12u1', tools: ['ping'] },
  dnsutils: { version: '1:9.18.33-1~deb12u2', tools: ['dig', 'nslookup', 'host'] },
  'netcat-openbsd': { version: '1.219-1', tools: ['nc'] },
  tcpdump: { version: '4.99.3-1', tools: ['tcpdump'] },
  jq: { version: '1.6-2.1', tools: ['jq'] },
};

const PIP: Record<string, string> = {
  flask: '3.1.1',
  requests: '2.32.4',
  redis: '6.2.0',
  gunicorn: '23.0.0',
};

/** PackageResult is what a package-manager command printed and installed. */
export interface PackageResult {
  lines: string[];
  exitCode: number;
  tools: string[];
  /** installed counts new packages (for the image size). */
  installed: number;
}

function closure(index: Record<string, Package>, names: string[], have: Set<string>): string[] {
  const out: string[] = [];
  const visit = (n: string): void => {
    if (have.has(n) || out.includes(n)) return;
    for (const d of index[n]?.deps ?? []) visit(d);
    out.push(n);
  };
  for (const n of names) visit(n);
  return out;
}

/** apk runs `apk add [--no-cache] PKG…` against the simulated alpine index. */
export function apk(args: string[], have: Set<string>): PackageResult {
  if (args[0] !== 'add') return { lines: [], exitCode: 0, tools: [], installed: 0 };
  const names = args.slice(1).filter((a) => !a.startsWith('-'));
  const lines = [
    'fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/main/x86_64/APKINDEX.tar.gz',
    'fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/community/x86_64/APKINDEX.tar.gz',
  ];
  const missing = names.filter((n) => !APK[n]);
  if (missing.length > 0) {
    lines.push('ERROR: unable to select packages:');
    for (const n of missing) lines.push(`  ${n} (no such package):`, `    required by: world[${n}]`);
    return { lines, exitCode: 1, tools: [], installed: 0 };
  }
  const todo = closure(APK, names, have);
  for (const [i, n] of todo.entries())
    lines.push(`(${i + 1}/${todo.length}) Installing ${n} (${APK[n].version})`);
  for (const n of todo) have.add(n);
  if (todo.length > 0) lines.push('Executing busybox-1.37.0-r18.trigger');
  lines.push(`OK: ${8 + Math.round(have.size * 0.3)} MiB in ${16 + have.size} packages`);
  return { lines, exitCode: 0, tools: todo.flatMap((n) => APK[n].tools), installed: todo.length };
}

/** aptGet runs `apt-get update` or `apt-get install -y PKG…` against the simulated bookworm index. */
export function aptGet(args: string[], have: Set<string>): PackageResult {
  const sub = args.find((a) => !a.startsWith('-'));
  if (sub === 'update')
    return {
      lines: [
        'Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]',
        'Get:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]',
        'Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]',
        'Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8793 kB]',
        'Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [6924 B]',
        'Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [273 kB]',
        'Fetched 9327 kB in 1s (7012 kB/s)',
        'Reading package lists...',
      ],
      exitCode: 0,
      tools: [],
      installed: 0,
    };
  if (sub !== 'install') return { lines: [], exitCode: 0, tools: [], installed: 0 };
  const names = args.slice(args.indexOf('install') + 1).filter((a) => !a.startsWith('-'));
  const lines = ['Reading package lists...', 'Building dependency tree...', 'Reading state information...'];
  const missing = names.filter((n) => !APT[n]);
  if (missing.length > 0) {
    lines.push(`E: Unable to locate package ${missing[0]}`);
    return { lines, exitCode: 100, tools: [], installed: 0 };
  }
  const todo = closure(APT, names, have);
  const extra = todo.filter((n) => !names.includes(n));
  if (extra.length > 0)
    lines.push('The following additional packages will be installed:', `  ${extra.join(' ')}`);
  lines.push('The following NEW packages will be installed:', `  ${[...todo].sort().join(' ')}`);
  lines.push(`0 upgraded, ${todo.length} newly installed, 0 to remove and 0 not upgraded.`);
  for (const [i, n] of todo.entries())
    lines.push(
      `Get:${i + 1} http://deb.debian.org/debian bookworm/main amd64 ${n} amd64 ${APT[n].version} [${100 + i * 37} kB]`,
    );
  lines.push('debconf: delaying package configuration, since apt-utils is not installed');
  for (const n of todo) lines.push(`Setting up ${n} (${APT[n].version}) ...`);
  for (const n of todo) have.add(n);
  return { lines, exitCode: 0, tools: todo.flatMap((n) => APT[n].tools), installed: todo.length };
}

/** pip runs `pip install PKG…` against a few well-known packages. */
export function pip(args: string[], have: Set<string>): PackageResult {
  if (args[0] !== 'install') return { lines: [], exitCode: 0, tools: [], installed: 0 };
  const names = args
    .slice(1)
    .filter((a) => !a.startsWith('-'))
    .map((a) => a.split(/[=<>]/)[0].toLowerCase());
  const lines: string[] = [];
  for (const n of names) {
    lines.push(`Collecting ${n}`);
    if (!PIP[n]) {
      lines.push(
        `ERROR: Could not find a version that satisfies the requirement ${n} (from versions: none)`,
        `ERROR: No matching distribution found for ${n}`,
      );
      return { lines, exitCode: 1, tools: [], installed: 0 };
    }
    lines.push(
      `  Downloading ${n}-${PIP[n]}-py3-none-any.whl.metadata (${(2 + n.length / 3).toFixed(1)} kB)`,
    );
  }
  lines.push(`Installing collected packages: ${names.join(', ')}`);
  lines.push(`Successfully installed ${names.map((n) => `${n}-${PIP[n]}`).join(' ')}`);
  for (const n of names) have.add(`py:${n}`);
  return {
    lines,
    exitCode: 0,
    tools: names.includes('gunicorn') ? ['gunicorn'] : [],
    installed: names.length,
  };
}
