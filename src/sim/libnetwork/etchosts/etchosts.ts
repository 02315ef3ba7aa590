// Mirrors moby/moby libnetwork/etchosts/etchosts.go: builds a container's /etc/hosts
// ("IP<TAB>names" lines, default localhost entries first) and adds or deletes records.
// Simplified: the file lives in a Vfs instead of on disk.

import type { Vfs } from '../../kernel/vfs.ts';

/** Record is one hosts line: an address and its space-separated names. */
export interface Record {
  hosts: string;
  ip: string;
}

const recordLine = (r: Record): string => `${r.ip}\t${r.hosts}\n`;

const defaultContentIPv4: Record[] = [{ hosts: 'localhost', ip: '127.0.0.1' }];
const defaultContentIPv6: Record[] = [
  { hosts: 'localhost ip6-localhost ip6-loopback', ip: '::1' },
  { hosts: 'ip6-localnet', ip: 'fe00::' },
  { hosts: 'ip6-mcastprefix', ip: 'ff00::' },
  { hosts: 'ip6-allnodes', ip: 'ff02::1' },
  { hosts: 'ip6-allrouters', ip: 'ff02::2' },
];

/** build writes the default records followed by extraContent (etchosts.Build). */
export function build(fs: Vfs, path: string, extraContent: Record[]): void {
  fs.writeFile(
    path,
    [...defaultContentIPv4, ...defaultContentIPv6, ...extraContent].map(recordLine).join(''),
  );
}

/** buildNoIPv6 writes the file for a sandbox without IPv6 (etchosts.BuildNoIPv6). */
export function buildNoIPv6(fs: Vfs, path: string, extraContent: Record[]): void {
  const v4 = extraContent.filter((r) => !r.ip.includes(':'));
  fs.writeFile(path, [...defaultContentIPv4, ...v4].map(recordLine).join(''));
}

/** add appends records to the file (etchosts.Add). */
export function add(fs: Vfs, path: string, recs: Record[]): void {
  if (recs.length === 0) return;
  const cur = fs.readFile(path);
  if (cur === undefined) return;
  fs.writeFile(path, cur + recs.map(recordLine).join(''));
}

/** del removes lines matching one of recs, keeping comments; blank lines are dropped (etchosts.Delete). */
export function del(fs: Vfs, path: string, recs: Record[]): void {
  if (recs.length === 0) return;
  const cur = fs.readFile(path);
  if (cur === undefined) return;
  const out: string[] = [];
  for (const line of cur.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      out.push(line);
      continue;
    }
    const drop = recs.some(
      (r) => line.endsWith(`\t${r.hosts}`) && line.slice(0, line.length - r.hosts.length - 1).trim() === r.ip,
    );
    if (!drop) out.push(line);
  }
  fs.writeFile(path, out.map((l) => `${l}\n`).join(''));
}
