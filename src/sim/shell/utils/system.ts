// Mirrors GNU coreutils (hostname from net-tools/hostname, uname.c, id.c, whoami.c, date.c, sleep.c,
// seq.c, basename.c, dirname.c) and their busybox applets; simplified: one root user, one kernel
// string shared by hosts and containers (KERNEL below), the clock is the world's.

import { KERNEL } from '../../world/machine.ts';
import type { Program } from '../program.ts';
import { busyboxUsage, isBusybox, parseOpts, quote, result, tryHelp, type UtilContext } from './common.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** hostname prints the place's hostname; -i its addresses from /etc/hosts, -I every global IPv4 address. */
export const hostname: Program = (ctx: UtilContext) => {
  const flag = ctx.argv[1];
  const name = ctx.place.hostname;
  if (flag === '-s') return result(`${name.split('.')[0]}\n`);
  if (flag === '-i') {
    const hosts = ctx.place.fs.readFile('/etc/hosts') ?? '';
    const ips = hosts
      .split('\n')
      .map((l) => l.split('#')[0].trim().split(/\s+/))
      .filter((f) => f.length > 1 && f.slice(1).includes(name))
      .map((f) => f[0]);
    return result(`${ips.join(' ')}\n`);
  }
  if (flag === '-I' && !isBusybox(ctx)) {
    const ips = ctx.place.ns.links
      .filter((l) => l.kind !== 'loopback' && l.up)
      .flatMap((l) => l.addrs.filter((a) => a.scope === 'global').map((a) => a.ip));
    return result(`${ips.map((ip) => `${ip} `).join('')}\n`);
  }
  return result(`${name}\n`);
};

/** whoami prints the user: always root in the lab. */
export const whoami: Program = () => result('root\n');

/** id prints root's identity (alpine's root belongs to more groups, as its /etc/group says). */
export const id: Program = (ctx) => {
  if (ctx.argv[1] === '-u') return result('0\n');
  if (ctx.argv[1] === '-un' || ctx.argv[1] === '-nu') return result('root\n');
  const groups = isBusybox(ctx)
    ? '0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)'
    : '0(root)';
  return result(`uid=0(root) gid=0(root) groups=${groups}\n`);
};

/** uname prints system information (-a, -s, -n, -r, -v, -m, -o). */
export const uname: Program = (ctx) => {
  const opts = parseOpts(ctx.argv.slice(1), 'asnrvmpio');
  const f = opts.flags;
  const os = isBusybox(ctx) ? 'Linux' : 'GNU/Linux';
  const fields: string[] = [];
  const all = f.has('a');
  if (all || f.has('s') || f.size === 0) fields.push('Linux');
  if (all || f.has('n')) fields.push(ctx.place.hostname);
  if (all || f.has('r')) fields.push(KERNEL.release);
  if (all || f.has('v')) fields.push(KERNEL.version);
  if (all || f.has('m')) fields.push(KERNEL.machine);
  if (!all && f.has('p')) fields.push(isBusybox(ctx) ? KERNEL.machine : 'unknown');
  if (!all && f.has('i')) fields.push(isBusybox(ctx) ? KERNEL.machine : 'unknown');
  if (all || f.has('o')) fields.push(os);
  return result(`${fields.join(' ')}\n`);
};

/** formatDate renders strftime-style formats on a UTC time (date's default is "%a %b %e %H:%M:%S %Z %Y"). */
export function formatDate(ms: number, format: string): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const map: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()],
    A: () => ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()],
    b: () => MONTHS[d.getUTCMonth()],
    h: () => MONTHS[d.getUTCMonth()],
    d: () => p2(d.getUTCDate()),
    e: () => String(d.getUTCDate()).padStart(2),
    H: () => p2(d.getUTCHours()),
    M: () => p2(d.getUTCMinutes()),
    S: () => p2(d.getUTCSeconds()),
    m: () => p2(d.getUTCMonth() + 1),
    Y: () => String(d.getUTCFullYear()),
    y: () => p2(d.getUTCFullYear() % 100),
    Z: () => 'UTC',
    z: () => '+0000',
    s: () => String(Math.floor(ms / 1000)),
    N: () => String((ms % 1000) * 1_000_000).padStart(9, '0'),
    F: () => `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
    T: () => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };
  return format.replace(/%(.)/g, (m, c: string) => (map[c] ? map[c]() : m));
}

/** date prints the world clock's time (always UTC); accepts +FORMAT, -u, -R and -I. */
export const date: Program = (ctx) => {
  const now = ctx.world.clock.now();
  const fmtArg = ctx.argv.slice(1).find((a) => a.startsWith('+'));
  if (ctx.argv.includes('-R')) return result(`${formatDate(now, '%a, %d %b %Y %H:%M:%S +0000')}\n`);
  if (ctx.argv.includes('-I')) return result(`${formatDate(now, '%F')}\n`);
  return result(`${formatDate(now, fmtArg ? fmtArg.slice(1) : '%a %b %e %H:%M:%S %Z %Y')}\n`);
};

/** parseDuration reads sleep's N[smhd]; undefined when invalid. */
function parseDuration(s: string): number | undefined {
  const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
}

/** sleep advances the world clock by the total of its arguments and prints nothing. */
export const sleep: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  const bb = isBusybox(ctx);
  if (args.length === 0) {
    return result(
      '',
      bb
        ? busyboxUsage(
            'sleep',
            '[N]...',
            'Pause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays',
          )
        : `sleep: missing operand\n${tryHelp('sleep')}`,
      1,
    );
  }
  let total = 0;
  for (const a of args) {
    const s = parseDuration(a);
    if (s === undefined)
      return result(
        '',
        bb
          ? `sleep: invalid number '${a}'\n`
          : `sleep: invalid time interval ${quote(ctx, a)}\n${tryHelp('sleep')}`,
        1,
      );
    total += s;
  }
  ctx.world.clock.advance(Math.round(total * 1000));
  return result('');
};

/** clear asks the terminal to clear the screen. */
export const clear: Program = () => ({ stdout: '', stderr: '', exitCode: 0, effect: { clear: true } });

/** seq prints a sequence of numbers: seq [FIRST [INC]] LAST, -s SEP, -w. */
export const seq: Program = (ctx) => {
  const opts = parseOpts(
    ctx.argv.slice(1).map((a) => (/^-\d/.test(a) ? `\0${a}` : a)),
    'w',
    's',
  );
  const nums = opts.operands.map((o) => o.replace(/^\0/, ''));
  const bb = isBusybox(ctx);
  const usage = busyboxUsage(
    'seq',
    '[-w] [-s SEP] [FIRST [INC]] LAST',
    'Print numbers from FIRST to LAST, in steps of INC.\nFIRST, INC default to 1.\n\n\t-w\tPad to last with leading zeros\n\t-s SEP\tString separator',
  );
  if (nums.length === 0 || nums.length > 3)
    return result('', bb ? usage : `seq: missing operand\n${tryHelp('seq')}`, 1);
  const bad = nums.find((n) => !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(n));
  if (bad !== undefined)
    return result(
      '',
      bb ? usage : `seq: invalid floating point argument: ${quote(ctx, bad)}\n${tryHelp('seq')}`,
      1,
    );
  const [first, inc, last] =
    nums.length === 1
      ? [1, 1, Number(nums[0])]
      : nums.length === 2
        ? [Number(nums[0]), 1, Number(nums[1])]
        : nums.map(Number);
  const decimals = Math.max(...nums.map((n) => (n.includes('.') ? n.split('.')[1].length : 0)));
  const out: string[] = [];
  for (let i = 0, v = first; inc > 0 ? v <= last + 1e-9 : v >= last - 1e-9; i++, v = first + i * inc) {
    if (inc === 0 || out.length > 100_000) break;
    out.push(v.toFixed(decimals));
  }
  const width = opts.flags.has('w') ? Math.max(...out.map((s) => s.length)) : 0;
  const sep = opts.values.get('s') ?? '\n';
  return result(out.length ? `${out.map((s) => s.padStart(width, '0')).join(sep)}\n` : '');
};

/** basename strips the directory (and an optional suffix) from a name. */
export const basename: Program = (ctx) => {
  const [name, suffix] = ctx.argv.slice(1);
  if (name === undefined) {
    return result(
      '',
      isBusybox(ctx)
        ? busyboxUsage(
            'basename',
            'FILE [SUFFIX] | -a FILE... | -s SUFFIX FILE...',
            'Strip directory path and SUFFIX from FILE\n\n\t-a\t\tAll arguments are FILEs\n\t-s SUFFIX\tRemove SUFFIX (implies -a)',
          )
        : `basename: missing operand\n${tryHelp('basename')}`,
      1,
    );
  }
  const trimmed = name.replace(/\/+$/, '');
  let base = trimmed === '' ? (name.startsWith('/') ? '/' : '') : trimmed.slice(trimmed.lastIndexOf('/') + 1);
  if (suffix && base !== suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
  return result(`${base}\n`);
};

/** dirname strips the last component of a name. */
export const dirname: Program = (ctx) => {
  const name = ctx.argv[1];
  if (name === undefined)
    return result(
      '',
      isBusybox(ctx)
        ? busyboxUsage('dirname', 'FILENAME', 'Strip non-directory suffix from FILENAME')
        : `dirname: missing operand\n${tryHelp('dirname')}`,
      1,
    );
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return result(name.startsWith('/') ? '/\n' : '.\n');
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return result('.\n');
  return result(`${trimmed.slice(0, i).replace(/\/+$/, '') || '/'}\n`);
};
