/**
 * 32-bit string hashing for words and word pairs, computed while scanning characters so
 * scoring never allocates a substring per word. FNV-1a over lowercased UTF-16 code units,
 * then a murmur3 finaliser to spread the bits before masking into buckets.
 */
export const FNV_OFFSET = 0x811c9dc5 | 0;

export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

export function hashString(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

/** murmur3's fmix32: every input bit affects every output bit. */
export function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The hash of two consecutive tokens (order matters). */
export function pairHash(first: number, second: number): number {
  return mix(Math.imul(first, 0x9e3779b1) ^ second);
}

/**
 * A fixed-size open-addressing table from 32-bit hashes to small positive values: cheaper
 * than a Map for the lookups done on every word. Built once at module load.
 */
export class HashTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(capacityPowerOfTwo: number) {
    this.keys = new Int32Array(capacityPowerOfTwo);
    this.values = new Int32Array(capacityPowerOfTwo);
    this.mask = capacityPowerOfTwo - 1;
  }

  /** ORs `value` into the entry for `key` (values are bit sets). */
  add(key: number, value: number): void {
    let slot = mix(key) & this.mask;
    for (let probes = 0; probes <= this.mask; probes++) {
      if (this.values[slot] === 0 || this.keys[slot] === key) {
        this.keys[slot] = key;
        this.values[slot] = this.values[slot]! | value;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    throw new Error('HashTable is full');
  }

  /** The value for `key`, or 0. */
  get(key: number): number {
    let slot = mix(key) & this.mask;
    for (;;) {
      const value = this.values[slot]!;
      if (value === 0) return 0;
      if (this.keys[slot] === key) return value;
      slot = (slot + 1) & this.mask;
    }
  }
}
