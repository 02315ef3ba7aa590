// The world: hosts on one LAN behind a router that NATs to a small simulated internet.
// This file holds the shapes; build.ts creates a world. Mirrors nothing in moby: it is the lab bench.

import type { Emitter } from '../event.ts';
import type { LinkRef, NetNs } from '../kernel/types.ts';
import type { Vfs } from '../kernel/vfs.ts';
import type { Clock } from './clock.ts';
import type { Rng } from './rng.ts';

/** HostMachine is one simulated Linux machine running a Docker engine. */
export interface HostMachine {
  name: string;
  /** ns is the host's root network namespace (eth0 on the LAN, docker0, br-*, veth*). */
  ns: NetNs;
  /** fs is the host's file system (/etc/hosts, /etc/resolv.conf, the lab's files under /root). */
  fs: Vfs;
  /** up is false while the lab has taken the machine down. */
  up: boolean;
}

/** TraceEvent is emitted for every packet walk (ping, curl, nslookup …), for the topology view. */
export interface TraceEvent {
  host: string;
  /** tool is the program that sent the packet ("ping", "curl" …). */
  tool: string;
  /** trace is the tracer's result (see trace/). Typed loosely here to keep world/ below trace/. */
  trace: unknown;
}

/** World is every machine and namespace of a lab, plus its clock and random source. */
export interface World {
  hosts: Map<string, HostMachine>;
  /** namespaces lists every namespace: hosts', containers', the router's and the internet's. */
  namespaces(): NetNs[];
  /** register adds a namespace (a new container sandbox); unregister removes it. */
  register(ns: NetNs): void;
  unregister(ns: NetNs): void;
  /** segmentMembers lists the NICs plugged into a shared L2 segment such as "lan". */
  segmentMembers(segment: string): LinkRef[];
  rng: Rng;
  clock: Clock;
  traces: Emitter<TraceEvent>;
  /** segmentInfo tells a segment's one-way latency and how many unseen routers it stands for (the internet). */
  segmentInfo?(segment: string): SegmentInfo;
  /** netRng is a random source kept apart from rng for network jitter, ports and ping ids, so that
   * running ping does not change the IDs generated afterwards. */
  netRng?: Rng;
  /** registry is the image registry every host pushes to and pulls from (Docker Hub and localhost:5000 alike). */
  registry?: LabRegistry;
}

/** LabRegistry holds pushed images by full reference ("docker.io/learner/app:latest"); typed loosely,
 * as world/ sits below daemon/ (daemon/registry.ts gives it types). */
export interface LabRegistry {
  manifests: Map<string, { digest: string; image: unknown }>;
}

/** SegmentInfo describes a shared L2 segment. */
export interface SegmentInfo {
  latencyMs: number;
  /** hops is the number of invisible routers behind the segment (each decrements the TTL). */
  hops: number;
}
