// Mirrors moby/moby libnetwork/datastore/datastore.go: the key-value store libnetwork persists its
// objects in (boltdb local-kv.db, bucket "libnetwork"). Simplified: an in-memory sorted map; values
// are the JSON strings libnetwork writes, under the same keys.

/** rootChain is the key prefix of every libnetwork object. */
export const rootChain = ['docker', 'network', 'v1.0'];
/** NetworkKeyPrefix is the key prefix of networks. */
export const NetworkKeyPrefix = 'network';
/** EndpointKeyPrefix is the key prefix of endpoints. */
export const EndpointKeyPrefix = 'endpoint';

/** key joins parts under the root chain, each followed by "/" (datastore.Key). */
export function key(...parts: string[]): string {
  return [...rootChain, ...parts].map((p) => `${p}/`).join('');
}

/** KVObject is something libnetwork stores: its key parts and its JSON value. */
export interface KVObject {
  key(): string[];
  value(): string;
  /** skip tells the store not to persist the object (a non-persistent network). */
  skip?(): boolean;
}

/** KVPair is one stored entry. */
export interface KVPair {
  key: string;
  value: string;
}

/** Datastore is the local-scope KV store of one controller. */
export class Datastore {
  private readonly kv = new Map<string, string>();
  /** scope is always "local" here; swarm networks live in swarmkit's raft store instead. */
  readonly scope = 'local';

  /** putObject writes an object under its key (PutObjectAtomic). */
  putObject(o: KVObject): void {
    if (o.skip?.()) return;
    this.kv.set(key(...o.key()), o.value());
  }

  /** deleteObject removes an object. */
  deleteObject(o: Pick<KVObject, 'key'>): void {
    this.kv.delete(key(...o.key()));
  }

  /** get returns the JSON stored under a full key. */
  get(k: string): string | undefined {
    return this.kv.get(k);
  }

  /** list returns every entry whose key starts with prefix, in byte order as boltdb iterates. */
  list(prefix = ''): KVPair[] {
    const out: KVPair[] = [];
    for (const [k, v] of this.kv) if (k.startsWith(prefix)) out.push({ key: k, value: v });
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
