// Mirrors moby/moby libnetwork/ipams/defaultipam/address_space.go: the linear allocator of v27+
// (lowest free predefined subnet, skipping allocated and reserved prefixes; freed subnets are reused).
// Simplified: IPv4 only.

import type { SimError } from '../../../errdefs.ts';
import { invalidParameter, notFound } from '../../../errdefs.ts';
import { intToIp } from '../../../kernel/inet.ts';
import {
  contains,
  firstPrefix,
  lastAddr,
  overlaps,
  type Prefix,
  prefixAfter,
  prefixCompare,
  prefixEqual,
  prefixString,
  subnetsBetween,
} from '../../internal/netiputil.ts';
import * as ipamapi from '../../ipamapi/contract.ts';
import type { NetworkToSplit } from '../../ipamutils/utils.ts';
import { AddrSet } from './addrset.ts';

/** PoolData is one allocated pool: its address set and the sub-pools (ip-ranges) carved from it. */
export interface PoolData {
  addrs: AddrSet;
  children: Prefix[];
  autoRelease: boolean;
}

/** newPoolData reserves the network and broadcast addresses, except in /31 and /32 (newPoolData). */
export function newPoolData(pool: Prefix): PoolData {
  const addrs = new AddrSet(pool);
  const bits = 32 - pool.bits;
  if (bits > 1) {
    addrs.add(pool.addr);
    addrs.add(lastAddr(pool));
  }
  return { addrs, children: [], autoRelease: false };
}

/** AddrSpace is one address space (local or global) with its predefined pools. */
export class AddrSpace {
  /** allocated is every allocated prefix, sorted with prefixCompare. */
  readonly allocated: Prefix[] = [];
  readonly subnets = new Map<string, PoolData>();
  readonly predefined: NetworkToSplit[];

  constructor(predefined: NetworkToSplit[]) {
    const sorted = [...predefined].sort((a, b) => prefixCompare(a.base, b.base));
    const kept: NetworkToSplit[] = [];
    for (const p of sorted) if (!kept.length || !overlaps(kept[kept.length - 1].base, p.base)) kept.push(p);
    this.predefined = kept;
  }

  /** pool returns the pool data of an allocated subnet. */
  pool(nw: Prefix): PoolData | undefined {
    return this.subnets.get(prefixString(nw));
  }

  /** allocateSubnet reserves a user-chosen subnet (and optional ip-range). */
  allocateSubnet(nw: Prefix, sub: Prefix | undefined): SimError | undefined {
    const existing = this.pool(nw);
    if (existing) {
      const childExists = sub !== undefined && existing.children.some((c) => prefixEqual(c, sub));
      if (sub === undefined || childExists) return ipamapi.ErrPoolOverlap();
    }
    if (sub === undefined) {
      if (this.allocated.some((a) => overlaps(a, nw))) return ipamapi.ErrPoolOverlap();
      this.allocatePool(nw);
      return undefined;
    }
    const pool = existing ?? this.allocatePool(nw);
    if (!existing) pool.autoRelease = true;
    pool.children.push(sub);
    return undefined;
  }

  private insertSorted(nw: Prefix): number {
    let i = 0;
    while (i < this.allocated.length && prefixCompare(this.allocated[i], nw) < 0) i++;
    this.allocated.splice(i, 0, nw);
    return i;
  }

  private allocatePool(nw: Prefix): PoolData {
    this.insertSorted(nw);
    const pd = newPoolData(nw);
    this.subnets.set(prefixString(nw), pd);
    return pd;
  }

  /**
   * allocatePredefinedPool finds the lowest predefined subnet that overlaps neither an allocated
   * subnet nor a reserved prefix (address_space.go allocatePredefinedPool, same walk).
   */
  allocatePredefinedPool(reserved: Prefix[]): Prefix | SimError {
    const merged = [...this.allocated, ...reserved].sort(prefixCompare);
    let pdfID = 0;
    let partialOverlap = false;
    let prevAlloc: Prefix | undefined;
    const makeAlloc = (subnet: Prefix): Prefix => {
      this.allocatePool(subnet);
      return subnet;
    };
    let i = 0;
    while (i < merged.length) {
      const allocated = merged[i];
      if (pdfID >= this.predefined.length) return ipamapi.ErrNoMoreSubnets();
      const pdf = this.predefined[pdfID];
      if (overlaps(allocated, pdf.base)) {
        if (allocated.bits <= pdf.base.bits) {
          partialOverlap = false;
          prevAlloc = undefined;
          pdfID++;
          continue;
        }
        if (
          !partialOverlap &&
          subnetsBetween(firstPrefix(pdf.base, pdf.size).addr, allocated.addr, pdf.size) >= 1
        ) {
          return makeAlloc(firstPrefix(pdf.base, pdf.size));
        }
        const afterPrev = prevAlloc ? prefixAfter(prevAlloc, pdf.size) : undefined;
        if (partialOverlap && afterPrev && subnetsBetween(afterPrev.addr, allocated.addr, pdf.size) >= 1) {
          return makeAlloc(afterPrev);
        }
        i++;
        if (lastAddr(allocated) === lastAddr(pdf.base)) {
          partialOverlap = false;
          prevAlloc = undefined;
          pdfID++;
          continue;
        }
        partialOverlap = true;
        prevAlloc = allocated;
        continue;
      }
      if (partialOverlap) {
        partialOverlap = false;
        const next = prevAlloc ? prefixAfter(prevAlloc, pdf.size) : undefined;
        if (next && overlaps(pdf.base, next)) return makeAlloc(next);
        pdfID++;
        continue;
      }
      if (pdf.base.addr < allocated.addr) return makeAlloc(firstPrefix(pdf.base, pdf.size));
      i++;
      prevAlloc = allocated;
    }
    if (pdfID >= this.predefined.length) return ipamapi.ErrNoMoreSubnets();
    if (partialOverlap) {
      const pdf = this.predefined[pdfID];
      const next = prevAlloc ? prefixAfter(prevAlloc, pdf.size) : undefined;
      if (next && overlaps(pdf.base, next)) return makeAlloc(next);
      pdfID++;
    }
    if (pdfID < this.predefined.length) {
      const pdf = this.predefined[pdfID];
      return makeAlloc(firstPrefix(pdf.base, pdf.size));
    }
    return ipamapi.ErrNoMoreSubnets();
  }

  /** releaseSubnet frees a pool (or one of its ip-ranges). */
  releaseSubnet(nw: Prefix, sub: Prefix | undefined): SimError | undefined {
    const p = this.pool(nw);
    if (!p) return ipamapi.ErrBadPool();
    if (sub !== undefined) {
      const idx = p.children.findIndex((c) => prefixEqual(c, sub));
      if (idx < 0) return ipamapi.ErrBadPool();
      p.children.splice(idx, 1);
    } else {
      p.autoRelease = true;
    }
    if (p.children.length === 0 && p.autoRelease) {
      const idx = this.allocated.findIndex((a) => prefixEqual(a, nw));
      if (idx >= 0) this.allocated.splice(idx, 1);
      this.subnets.delete(prefixString(nw));
    }
    return undefined;
  }

  /** requestAddress allocates prefAddress, or any free address of the pool or its ip-range. */
  requestAddress(
    nw: Prefix,
    sub: Prefix | undefined,
    prefAddress: number | undefined,
    serial: boolean,
  ): number | SimError {
    const p = this.pool(nw);
    const where = `${prefixString(nw)}/${sub ? prefixString(sub) : 'invalid Prefix'}`;
    if (!p) return notFound(`cannot find address pool for poolID:${where}`);
    if (prefAddress !== undefined && !contains(nw, prefAddress)) return ipamapi.ErrIPOutOfRange();
    if (sub !== undefined && !p.children.some((c) => prefixEqual(c, sub))) {
      return notFound(`cannot find address pool for poolID:${where}`);
    }
    let res: number | string | undefined;
    if (prefAddress !== undefined) res = p.addrs.add(prefAddress) ?? prefAddress;
    else if (sub !== undefined && !prefixEqual(sub, nw)) res = p.addrs.addAnyInRange(sub, serial);
    else res = p.addrs.addAny(serial);
    if (res === 'allocated') return ipamapi.ErrIPAlreadyAllocated();
    if (res === 'notAvailable') return ipamapi.ErrNoAvailableIPs();
    if (typeof res === 'string')
      return invalidParameter(`cannot add ${intToIp(prefAddress ?? 0)} to '${prefixString(nw)}'`);
    return res;
  }

  /** releaseAddress frees an address of a pool. */
  releaseAddress(nw: Prefix, address: number): SimError | undefined {
    const p = this.pool(nw);
    if (!p) return notFound(`cannot find address pool for ${prefixString(nw)}`);
    if (!contains(nw, address)) return ipamapi.ErrIPOutOfRange();
    p.addrs.remove(address);
    return undefined;
  }
}
