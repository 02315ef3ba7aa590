// A seeded pseudo-random source: every ID, MAC and token in the simulator comes from one of these,
// so the same seed and the same commands give the same output byte for byte.

/** Rng is a deterministic random source (sfc32 seeded through splitmix32). */
export interface Rng {
  /** next returns a float in [0, 1). */
  next(): number;
  /** int returns an integer in [0, max). */
  int(max: number): number;
  /** hex returns n lowercase hex characters. */
  hex(n: number): string;
  /** base36 returns n characters of [0-9a-z], as swarmkit identity.NewID does. */
  base36(n: number): string;
  /** dockerId returns a 64-hex ID whose 12-char prefix is not all digits (moby pkg/stringid). */
  dockerId(): string;
  /** mac returns a random locally administered unicast MAC (moby netutils.GenerateRandomMAC). */
  mac(): string;
  /** fork returns an independent generator derived from this one and a label. */
  fork(label: string): Rng;
}

function splitmix32(a: number): () => number {
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** createRng builds a generator from a numeric seed. */
export function createRng(seed: number): Rng {
  const sm = splitmix32(seed >>> 0);
  let a = sm();
  let b = sm();
  let c = sm();
  let d = sm();
  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  const rng: Rng = {
    next: () => u32() / 4294967296,
    int: (max) => Math.floor((u32() / 4294967296) * max),
    hex: (n) => {
      let s = '';
      while (s.length < n) s += u32().toString(16).padStart(8, '0');
      return s.slice(0, n);
    },
    base36: (n) => {
      const abc = '0123456789abcdefghijklmnopqrstuvwxyz';
      let s = '';
      for (let i = 0; i < n; i++) s += abc[rng.int(36)];
      return s;
    },
    dockerId: () => {
      for (;;) {
        const id = rng.hex(64);
        if (!/^\d{12}/.test(id)) return id;
      }
    },
    mac: () => {
      const bytes = Array.from({ length: 6 }, () => rng.int(256));
      bytes[0] = (bytes[0] & 0xfe) | 0x02;
      return bytes.map((x) => x.toString(16).padStart(2, '0')).join(':');
    },
    fork: (label) => createRng((u32() ^ hashString(label)) >>> 0),
  };
  return rng;
}
