// Mirrors bash findcmd.c / busybox ash's find_command: where `type` and `which` say a program lives.
// Simplified: a file of that name on $PATH in the place's Vfs wins; otherwise the usual location in
// Debian (merged /usr) or in busybox's applet table (busybox --list-full) is reported.

import { normalizePath } from '../kernel/vfs.ts';
import type { ShellState } from './state.ts';
import { getVar } from './state.ts';

const GNU_SBIN = new Set([
  'ip',
  'bridge',
  'tc',
  'sysctl',
  'iptables',
  'ip6tables',
  'iptables-save',
  'iptables-restore',
  'iptables-legacy',
  'iptables-nft',
  'brctl',
  'ifconfig',
  'route',
  'arp',
  'dockerd',
  'nft',
]);
const BUSYBOX_BIN = new Set([
  'ash',
  'cat',
  'cp',
  'date',
  'df',
  'echo',
  'false',
  'grep',
  'hostname',
  'kill',
  'ls',
  'mkdir',
  'more',
  'mount',
  'mv',
  'netstat',
  'ping',
  'ping6',
  'ps',
  'rm',
  'sed',
  'sh',
  'sleep',
  'touch',
  'true',
  'uname',
  'vi',
  'egrep',
  'fgrep',
  'ln',
  'pwd',
  'chmod',
  'chown',
  'dmesg',
  'gzip',
  'tar',
  'umount',
  'busybox',
  'login',
  'su',
  'sync',
  'stty',
  'watch',
]);
const BUSYBOX_SBIN = new Set([
  'ip',
  'ifconfig',
  'route',
  'arp',
  'sysctl',
  'brctl',
  'ipaddr',
  'iplink',
  'iproute',
  'init',
  'reboot',
  'halt',
  'poweroff',
  'udhcpc',
]);

/** defaultPathOf returns where a program usually lives for the place's flavour. */
export function defaultPathOf(name: string, flavour: 'gnu' | 'busybox'): string {
  if (flavour === 'busybox') {
    if (BUSYBOX_BIN.has(name)) return `/bin/${name}`;
    if (BUSYBOX_SBIN.has(name)) return `/sbin/${name}`;
    return `/usr/bin/${name}`;
  }
  return GNU_SBIN.has(name) ? `/usr/sbin/${name}` : `/usr/bin/${name}`;
}

/** commandPath finds the file a program name runs: on $PATH in the Vfs, else its usual place. */
export function commandPath(name: string, st: ShellState): string {
  const path = getVar(st, 'PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  for (const dir of path.split(':')) {
    if (!dir) continue;
    const p = normalizePath(`${dir}/${name}`);
    if (st.place.fs.stat(p)?.type === 'file') return p;
  }
  return defaultPathOf(name, st.place.flavour);
}
