// Mirrors moby/moby libnetwork/internal/addrset/addrset.go (over libnetwork/bitmap); simplified:
// one IPv4 pool, a set of allocated host offsets instead of run-length-encoded bitmaps.

import { contains, masked, type Prefix, prefixSize } from '../../internal/netiputil.ts';

/** AddrSetError tells why an address could not be added. */
export type AddrSetError = 'allocated' | 'notAvailable' | 'outOfPool';

/** AddrSet tracks which addresses of a pool are in use. */
export class AddrSet {
  readonly pool: Prefix;
  private readonly used = new Set<number>();
  /** curr is where a serial allocation continues (bitmap.curr). */
  private curr = 0;

  constructor(pool: Prefix) {
    this.pool = masked(pool);
  }

  /** add marks addr as used; it fails when addr is already used or outside the pool. */
  add(addr: number): AddrSetError | undefined {
    if (!contains(this.pool, addr)) return 'outOfPool';
    const off = addr - this.pool.addr;
    if (this.used.has(off)) return 'allocated';
    this.used.add(off);
    return undefined;
  }

  /** addAny takes the lowest free address (or the next after the last one, when serial). */
  addAny(serial: boolean): number | AddrSetError {
    return this.addAnyInRange(this.pool, serial);
  }

  /** addAnyInRange takes a free address inside ipr (an --ip-range). */
  addAnyInRange(ipr: Prefix, serial: boolean): number | AddrSetError {
    const r = masked(ipr);
    const start = r.addr - this.pool.addr;
    const size = prefixSize(r);
    const from = serial && this.curr >= start && this.curr < start + size ? this.curr - start : 0;
    for (let i = 0; i < size; i++) {
      const off = start + ((from + i) % size);
      if (!this.used.has(off)) {
        this.used.add(off);
        this.curr = off + 1;
        return (this.pool.addr + off) >>> 0;
      }
    }
    return 'notAvailable';
  }

  /** remove frees addr. */
  remove(addr: number): void {
    this.used.delete(addr - this.pool.addr);
  }

  /** has tells whether addr is in use. */
  has(addr: number): boolean {
    return this.used.has(addr - this.pool.addr);
  }

  /** count returns how many addresses are in use. */
  count(): number {
    return this.used.size;
  }
}
