// Mirrors swarmkit manager/allocator (cnmallocator: the default address pool 10.0.0.0/8 handed out
// in /24s, ingress first; drivers/overlay/ovmanager: VXLAN IDs from 4096 up) and the per-network
// address allocation of network attachments. Cluster-wide: one allocator for the whole swarm.

/** OverlaySpec is an overlay network as the swarm stores it (api.Network with its allocation). */
export interface OverlaySpec {
  id: string;
  name: string;
  /** driver is "overlay", or a node-local driver (bridge, macvlan, ipvlan) for `--scope swarm`. */
  driver?: string;
  /** subnet is "10.0.1.0/24"; gateway "10.0.1.1". */
  subnet: string;
  gateway: string;
  vni: number;
  attachable: boolean;
  internal: boolean;
  ingress: boolean;
  /** options are the driver options (-o), with the vxlanid_list the manager adds. */
  options: Record<string, string>;
  labels: Record<string, string>;
  created: number;
}

/** FIRST_VNI is ovmanager's vxlanIDStart. */
export const FIRST_VNI = 4096;
const LAST_VNI = (1 << 24) - 1;

/** NetworkAllocator hands out /24 subnets, VNIs and addresses. */
export class NetworkAllocator {
  private readonly subnets = new Set<number>();
  private readonly vnis = new Set<number>();
  /** used maps a network ID to the host numbers taken in its /24 (1 is the gateway). */
  private readonly used = new Map<string, Set<number>>();

  /** allocateSubnet returns the lowest free 10.x.y.0/24 of 10.0.0.0/8. */
  allocateSubnet(): { subnet: string; gateway: string } {
    for (let i = 0; i < 1 << 16; i++) {
      if (this.subnets.has(i)) continue;
      this.subnets.add(i);
      const base = `10.${i >> 8}.${i & 255}`;
      return { subnet: `${base}.0/24`, gateway: `${base}.1` };
    }
    throw new Error(
      'could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network',
    );
  }

  /** releaseSubnet frees a /24 given as "10.x.y.0/24". */
  releaseSubnet(subnet: string): void {
    const [, b, c] = subnet.split('/')[0].split('.').map(Number);
    this.subnets.delete((b << 8) | c);
  }

  /** allocateVni returns the lowest free VXLAN ID from 4096. */
  allocateVni(): number {
    for (let v = FIRST_VNI; v <= LAST_VNI; v++) {
      if (this.vnis.has(v)) continue;
      this.vnis.add(v);
      return v;
    }
    throw new Error('no free VXLAN ID');
  }

  /** releaseVni frees a VXLAN ID. */
  releaseVni(vni: number): void {
    this.vnis.delete(vni);
  }

  /** allocateIp returns the lowest free address of a network's /24 (never .0, the gateway .1 or .255). */
  allocateIp(nw: OverlaySpec): string {
    const taken = this.used.get(nw.id) ?? new Set<number>([1]);
    this.used.set(nw.id, taken);
    const base = nw.subnet.split('/')[0].split('.').slice(0, 3).join('.');
    for (let h = 2; h < 255; h++) {
      if (taken.has(h)) continue;
      taken.add(h);
      return `${base}.${h}`;
    }
    throw new Error(`could not allocate an address on network ${nw.name}: no available IPv4 addresses`);
  }

  /** releaseIp gives an address back. */
  releaseIp(networkId: string, ip: string): void {
    this.used.get(networkId)?.delete(Number(ip.split('.')[3]));
  }

  /** forget drops a deleted network's addresses. */
  forget(networkId: string): void {
    this.used.delete(networkId);
  }
}
